"""Self-identified groups for the fairness audit, read from a file outside the repository.

The file is private: it must live outside the program repository, where it can never
be committed, and it is only read, never written.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from pathlib import Path

from mentorkit.loading.yaml_reader import LoadedDocument, parse_yaml

MAX_BYTES = 8 * 1024 * 1024


class PrivateDataError(Exception):
    """The private group file cannot be read as id -> group(s)."""


class PrivateDataInRepository(PrivateDataError):
    """The private group file lies inside the program repository, where it could be committed."""


def parse_private_groups(text: str, name: str) -> dict[str, tuple[str, ...]]:
    """Participant id -> groups, from CSV (columns ``id`` and ``group``) or YAML (id: group or [groups])."""
    groups: dict[str, list[str]] = defaultdict(list)
    if name.lower().endswith(".csv"):
        reader = csv.DictReader(io.StringIO(text))
        fields = [f.strip().lower() for f in reader.fieldnames or []]
        if "id" not in fields or "group" not in fields:
            raise PrivateDataError(
                f"{name}: a CSV needs the columns id and group (found: {', '.join(fields) or 'none'})"
            )
        for row in reader:
            clean = {k.strip().lower(): (v or "").strip() for k, v in row.items() if k}
            if clean.get("id") and clean.get("group"):
                groups[clean["id"]].append(clean["group"])
        return {k: tuple(dict.fromkeys(v)) for k, v in sorted(groups.items())}
    loaded = parse_yaml(text.encode("utf-8"), name, max_bytes=MAX_BYTES)
    if not isinstance(loaded, LoadedDocument):
        raise PrivateDataError(f"{name}:{loaded.line}: {loaded.message}")
    if not isinstance(loaded.data, dict):
        raise PrivateDataError(
            f"{name}: expected a mapping of participant id to group (or list of groups)"
        )
    for person, value in loaded.data.items():
        values = value if isinstance(value, list) else [value]
        if not all(isinstance(v, str | int) and not isinstance(v, bool) for v in values):
            raise PrivateDataError(f"{name}: the groups of {person} must be text or a list of text")
        groups[str(person)].extend(str(v) for v in values)
    return {k: tuple(dict.fromkeys(v)) for k, v in sorted(groups.items())}


def read_private_groups(path: Path, root: Path) -> dict[str, tuple[str, ...]]:
    """The groups in ``path``; PrivateDataError when it is inside ``root`` or unreadable."""
    absolute = path.resolve()
    if absolute.is_relative_to(root.resolve()):
        raise PrivateDataInRepository(
            f"refusing to read {path}: self-identification data must live outside the program "
            f"repository ({root}), where it can never be committed"
        )
    try:
        text = absolute.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PrivateDataError(f"cannot read {path}: {exc}") from None
    return parse_private_groups(text, str(absolute))
