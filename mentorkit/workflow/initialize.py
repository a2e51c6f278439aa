"""``mentorkit init``: the files of a new program repository, planned as text, then written.

The template lives in the package (``mentorkit/templates/program``). Names starting
with ``__`` are filled in; ``github/`` and ``gitignore`` become ``.github/`` and
``.gitignore`` (stored without the dot so they never act on this repository itself).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from mentorkit import __version__
from mentorkit.loading.schemas import SCHEMA_KINDS, schema_text

SCHEMA_GLOBS: dict[str, tuple[str, ...]] = {
    "program": ("program/program.yaml",),
    "skills": ("program/skills.yaml",),
    "cohort": ("program/cohorts/*.yaml",),
    "match": ("program/matches/*.yaml",),
    "agreement": ("program/agreements/*/*.yaml",),
    "checkin": ("program/checkins/*/*/*.yaml",),
    "lesson": ("program/lessons/*.yaml",),
    "participant": ("participants/*.yaml",),
}
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{1,38}$")
LOGIN_PATTERN = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$")
_RENAMES = {"github": ".github", "gitignore": ".gitignore"}
# A pip requirement goes into a double-quoted shell word in the workflows: nothing that
# could end the word, expand, or start an expression is allowed.
REQUIREMENT_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._+\-\[\], <>=!~@:/#%]*$")


@dataclass(frozen=True)
class InitOptions:
    program_name: str = "Our Mentoring Program"
    coordinator_login: str = "alex-rivera"
    today: dt.date | None = None
    mentorkit_requirement: str = f"mentorkit=={__version__}"


def vscode_settings() -> str:
    """Editor settings that map every data file glob to its JSON Schema."""
    mapping = {f"./schemas/{kind}.schema.json": list(globs) for kind, globs in SCHEMA_GLOBS.items()}
    return json.dumps({"yaml.schemas": mapping}, indent=2) + "\n"


def codeowners(logins: Sequence[str]) -> str:
    """Coordinators own every path: the workflows that run check-author included.

    A pull request runs its own copy of the workflows, so a participant could edit the
    check away; only a required code-owner review cannot be edited away.
    """
    owners = " ".join(f"@{login}" for login in logins) or "@coordinators"
    lines = [
        "# Coordinators review every change. `mentorkit check-author` and the review comment",
        "# help them, but a pull request runs its own copy of .github/workflows, so the check",
        '# that counts is theirs: turn on "Require review from Code Owners" for main.',
        f"* {owners}",
    ]
    return "\n".join(lines) + "\n"


def precommit_config(requirement: str) -> str:
    return (
        "# Validate the program's files before every commit: pip install pre-commit && pre-commit install\n"
        "repos:\n"
        "  - repo: local\n"
        "    hooks:\n"
        "      - id: mentorkit-validate\n"
        "        name: mentorkit validate\n"
        "        entry: mentorkit validate\n"
        "        language: python\n"
        f'        additional_dependencies: ["{requirement}"]\n'
        "        files: ^(participants/[^/]+|program/.+)\\.ya?ml$\n"
    )


def _cohort_dates(today: dt.date) -> dict[str, str]:
    first_next = (today.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    ends = first_next + dt.timedelta(days=181)
    return {
        "__COHORT_ID__": f"{first_next.year}-{first_next.strftime('%b').lower()}",
        "__COHORT_NAME__": f"{first_next.strftime('%B %Y')} one-on-one",
        "__COHORT_STARTS__": first_next.isoformat(),
        "__COHORT_ENDS__": ends.isoformat(),
        "__COHORT_REFLECTION__": (ends - dt.timedelta(days=7)).isoformat(),
    }


def substitutions(options: InitOptions) -> dict[str, str]:
    login = options.coordinator_login.strip().lstrip("@")
    if not LOGIN_PATTERN.match(login):
        raise ValueError(f"{login!r} is not a GitHub login")
    coordinator_id = login.lower() if ID_PATTERN.match(login.lower()) else "alex-rivera"
    name = " ".join(options.program_name.split())
    if not name:
        raise ValueError("the program name is empty")
    requirement = options.mentorkit_requirement.strip()
    if not REQUIREMENT_PATTERN.match(requirement) or "${{" in requirement:
        raise ValueError(
            f"{requirement!r} is not a pip requirement such as 'mentorkit==0.1.0' or "
            "'mentorkit @ git+https://example.org/mentorkit.git@<commit>'"
        )
    return {
        "__PROGRAM_NAME__": name.replace('"', "'"),
        "__COORDINATOR_ID__": coordinator_id,
        "__COORDINATOR_LOGIN__": login,
        "__MENTORKIT_REQUIREMENT__": requirement,
        **_cohort_dates(options.today or dt.date.today()),
    }


def _fill(text: str, values: dict[str, str]) -> str:
    for token, value in values.items():
        text = text.replace(token, value)
    return text


def _walk(node: Traversable, prefix: str = "") -> Iterator[tuple[str, Traversable]]:
    for child in sorted(node.iterdir(), key=lambda t: t.name):
        if child.name == "__pycache__":
            continue
        rel = f"{prefix}{_RENAMES.get(child.name, child.name) if not prefix else child.name}"
        if child.is_dir():
            yield from _walk(child, rel + "/")
        else:
            yield rel, child


def template_root() -> Traversable:
    return resources.files("mentorkit").joinpath("templates", "program")


def plan_init(options: InitOptions) -> dict[str, str]:
    """Every file of the new repository: relative path to its text."""
    values = substitutions(options)
    files: dict[str, str] = {}
    for rel, node in _walk(template_root()):
        files[_fill(rel, values)] = _fill(node.read_text("utf-8"), values)
    for kind in SCHEMA_KINDS:
        files[f"schemas/{kind}.schema.json"] = schema_text(kind)
    files[".vscode/settings.json"] = vscode_settings()
    files[".github/CODEOWNERS"] = codeowners([values["__COORDINATOR_LOGIN__"]])
    files[".pre-commit-config.yaml"] = precommit_config(values["__MENTORKIT_REQUIREMENT__"])
    return dict(sorted(files.items()))


def blocking_entries(dest: Path, ignore: Iterable[str] = (".git",)) -> list[str]:
    """What is already in ``dest`` (a new repository wants an empty folder)."""
    if not dest.exists():
        return []
    if not dest.is_dir():
        return [dest.name]
    return sorted(p.name for p in dest.iterdir() if p.name not in set(ignore))
