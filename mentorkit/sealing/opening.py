"""Open the sealed values of a loaded repository in memory, for the commands that need them.

The opened fields are laid over each document's plain data, so checks, matching and
reports read them like any other field; a problem about one points at the line of the
document's ``sealed:`` key. Nothing opened is ever written anywhere.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from mentorkit.loading.repository import LoadedRepository
from mentorkit.loading.yaml_reader import LoadedDocument, parse_yaml
from mentorkit.model.rules import AVOID_WORDS, PRIVATE_RULE_WORDS, REPORTING_WORDS
from mentorkit.model.source import KeyPath, Location
from mentorkit.problems import Problem
from mentorkit.sealing.crypto import SealError, open_bytes
from mentorkit.sealing.fields import SEALED_KEY, sealable_fields
from mentorkit.sealing.keys import parse_identities

CODE = "sealed-open"
# Below this many sealed values a process pool costs more than it saves.
PARALLEL_THRESHOLD = 2000
MAX_SEALED_BYTES = 64 * 1024


@dataclass(frozen=True)
class OpenedDocument(LoadedDocument):
    """A document with its sealed fields opened; their positions are the ``sealed:`` line."""

    sealed_keys: frozenset[str] = frozenset()

    def locate(self, keypath: KeyPath, *, key: bool = False) -> Location:
        if keypath and keypath[0] in self.sealed_keys:
            return super().locate((SEALED_KEY,), key=key)
        return super().locate(keypath, key=key)


@dataclass(frozen=True)
class OpenedRepository:
    loaded: LoadedRepository
    unopened: frozenset[str]
    problems: tuple[Problem, ...] = field(default=())


def sealed_paths(loaded: LoadedRepository) -> list[str]:
    return sorted(p for p, doc in loaded.documents.items() if SEALED_KEY in doc.data)


def _decrypt_chunk(
    identity_text: str, items: list[tuple[str, str]]
) -> list[tuple[str, bytes | str]]:
    identities = parse_identities(identity_text)
    out: list[tuple[str, bytes | str]] = []
    for path, armored in items:
        try:
            out.append((path, open_bytes(armored, identities)))
        except SealError as exc:
            out.append((path, str(exc)))
    return out


def _decrypt_all(
    identity_text: str, items: list[tuple[str, str]]
) -> Iterable[tuple[str, bytes | str]]:
    workers = min(os.cpu_count() or 1, 8)
    if len(items) < PARALLEL_THRESHOLD or workers < 2:
        return _decrypt_chunk(identity_text, items)
    size = max(256, len(items) // (workers * 4))
    chunks = [items[i : i + size] for i in range(0, len(items), size)]
    results: list[tuple[str, bytes | str]] = []
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for chunk in pool.map(_decrypt_chunk, [identity_text] * len(chunks), chunks):
            results.extend(chunk)
    return results


def _problem(doc: LoadedDocument, message: str) -> Problem:
    line, col = doc.locate((SEALED_KEY,), key=True)
    return Problem(doc.path, line, col, "error", CODE, message)


def _merge(
    doc: LoadedDocument, kind: str, plaintext: bytes
) -> tuple[LoadedDocument | None, list[Problem]]:
    """The document with its opened fields laid over the plain ones, or None when unusable."""
    parsed = parse_yaml(plaintext, doc.path, max_bytes=MAX_SEALED_BYTES)
    if isinstance(parsed, Problem):
        # Only the code: the message could quote the private text into a shared log.
        return None, [
            _problem(doc, f"the sealed value is not a valid YAML mapping ({parsed.code})")
        ]
    allowed = sealable_fields(kind)
    problems = []
    opened: dict[str, Any] = {}
    for key, value in parsed.data.items():
        if key not in allowed:
            problems.append(
                _problem(
                    doc,
                    f"the sealed value holds {key!r}, which is not a private field of a "
                    f"{kind}; private fields are {', '.join(allowed)}",
                )
            )
        elif key in doc.data:
            problems.append(
                _problem(
                    doc,
                    f"{key} is written both in plain text and sealed; remove the plain "
                    "one (`mentorkit seal --identity FILE` merges them)",
                )
            )
        else:
            opened[key] = value
    merged = {**doc.data, **opened}
    return OpenedDocument(doc.path, merged, doc.text, frozenset(opened)), problems


def open_repository(loaded: LoadedRepository, identity_text: str | None) -> OpenedRepository:
    """``loaded`` with every sealed value the identity can open laid over its document.

    Without an identity nothing is opened and every sealed document is listed as unopened.
    """
    paths = sealed_paths(loaded)
    if identity_text is None or not paths:
        return OpenedRepository(loaded, frozenset(paths))
    items = [(p, v) for p in paths if isinstance(v := loaded.documents[p].data[SEALED_KEY], str)]
    documents = dict(loaded.documents)
    unopened = set(paths) - {p for p, _ in items}
    problems: list[Problem] = []
    for path, result in _decrypt_all(identity_text, items):
        doc = loaded.documents[path]
        if isinstance(result, str):
            unopened.add(path)
            problems.append(_problem(doc, result))
            continue
        merged, found = _merge(doc, loaded.kinds.get(path, ""), result)
        problems.extend(found)
        if merged is None:
            unopened.add(path)
        else:
            documents[path] = merged
    opened = dataclasses.replace(loaded, documents=documents)
    return OpenedRepository(opened, frozenset(unopened), tuple(problems))


def redact(problems: Sequence[Problem], opened: LoadedRepository) -> list[Problem]:
    """Problems inside opened fields, with their details withheld.

    Validation output often lands in a shared CI log; a message such as "avoid[0]: 'bob'
    is not a known participant" would print a sealed value there. `mentorkit edit`
    shows the details to the person fixing the file.
    """
    sealed_lines: dict[str, int] = {}
    for path, doc in opened.documents.items():
        if isinstance(doc, OpenedDocument) and doc.sealed_keys:
            sealed_lines[path] = doc.locate((SEALED_KEY,))[0]
    if not sealed_lines:
        return list(problems)
    out = []
    for problem in problems:
        line = sealed_lines.get(problem.path)
        if line is not None and problem.line == line and problem.code != CODE:
            problem = dataclasses.replace(
                problem,
                message=f"a sealed field has a {problem.code} problem; the details stay sealed: "
                f"`mentorkit edit {problem.path}` shows and fixes it",
            )
        elif _tells_a_sealed_rule(problem):
            # Reported elsewhere (a match file), but it says who avoids or reports to whom.
            problem = dataclasses.replace(
                problem,
                message=f"a {problem.code} problem that involves sealed avoid or manager "
                "rules; the details stay sealed: `mentorkit validate --show-sealed` shows them",
            )
        out.append(problem)
    return out


def _tells_a_sealed_rule(problem: Problem) -> bool:
    return problem.code == "manager-cycle" or any(
        words in problem.message for words in (REPORTING_WORDS, AVOID_WORDS, PRIVATE_RULE_WORDS)
    )
