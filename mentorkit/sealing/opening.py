"""Open the sealed values of a loaded repository in memory, for the commands that need them.

The opened fields are laid over each document's plain data, so checks, matching and
reports read them like any other field; a problem about one points at the line of the
document's ``sealed:`` key. Nothing opened is ever written anywhere.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from mentorkit.loading.repository import LoadedRepository
from mentorkit.loading.yaml_reader import LoadedDocument, parse_yaml
from mentorkit.model.build_charter import sealing_settings
from mentorkit.model.paths import CHARTER, kind_of
from mentorkit.model.rules import AVOID_WORDS, PRIVATE_RULE_WORDS, REPORTING_WORDS
from mentorkit.model.source import KeyPath, Location
from mentorkit.problems import Problem
from mentorkit.sealing.binding import bound_elsewhere, is_bound, without_binding
from mentorkit.sealing.crypto import SealError, open_bytes
from mentorkit.sealing.fields import SEALED_KEY, sealable_fields
from mentorkit.sealing.keys import Identity, parse_identities

CODE = "sealed-open"
# Said of a problem that tells who avoids or reports to whom (see ``redact``).
SEALED_RULE = "involves sealed avoid or manager rules"
_FIELD_NAME = re.compile(r"[a-z][a-z0-9_]{0,39}")
MAX_SEALED_BYTES = 64 * 1024
# How many of the fields a sealed value may not hold one problem names.
_NAMED_KEYS = 3
# Said of a value that names no file (see ``sealing.binding``): it is used all the same,
# unless the program sets ``privacy.require_named``.
UNBOUND = (
    "the sealed value does not name the file it was sealed for (sealed by an older "
    "mentorkit or by the age tool), so a copy of it in another file could not be told "
    "apart; `mentorkit rekey` seals it again with its file's name"
)
UNNAMED_REFUSED = (
    "the sealed value does not name the file it was sealed for, and this program requires "
    "it to (privacy.require_named), so it is not used: it may be a copy of another file's "
    "value, so no command seals it again; write this file's private fields again and "
    "run `mentorkit seal` on it"
)


@dataclass(frozen=True)
class OpenedDocument(LoadedDocument):
    """A document with its sealed fields opened; their positions are the ``sealed:`` line."""

    sealed_keys: frozenset[str] = frozenset()
    # False for a value that names no file (sealed before values did, or by the age
    # tool): it is used, with an ``UNBOUND`` warning.
    bound: bool = True
    # The decrypted YAML the opened fields were read from: memory only, never written.
    opened_text: str = field(default="", repr=False, compare=False)

    def literal_text(self) -> str | None:
        # The opened values are spelled in the decrypted YAML, not in the file: both texts
        # together hold every string, so text-chars can still search text, not each value.
        text = super().literal_text()
        if text is None or "\\" in self.opened_text:
            return None
        return f"{text}\n{self.opened_text}" if self.opened_text else text

    def locate(self, keypath: KeyPath, *, key: bool = False) -> Location:
        if keypath and keypath[0] in self.sealed_keys:
            return super().locate((SEALED_KEY,), key=key)
        return super().locate(keypath, key=key)


@dataclass(frozen=True)
class OpenedRepository:
    loaded: LoadedRepository
    unopened: frozenset[str]
    problems: tuple[Problem, ...] = field(default=())
    # Sealed values the identity given could not use (see ``sealing.set_aside``): their
    # files are read with their plain fields only; each has a problem in ``problems``.
    unusable: frozenset[str] = frozenset()


def sealed_paths(loaded: LoadedRepository) -> list[str]:
    return sorted(p for p, doc in loaded.documents.items() if SEALED_KEY in doc.data)


@functools.lru_cache(maxsize=2)
def _identities(identity_text: str) -> tuple[Identity, ...]:
    # Parsed once per process, not once per value (each reading worker has its own).
    return tuple(parse_identities(identity_text))


# What opening one document gives: None when it has no sealed text, the document with
# its opened fields laid over the plain ones, or the problems that keep its sealed value
# from being used (each at the ``sealed:`` line).
Opening = LoadedDocument | tuple[Problem, ...] | None


def open_document(identity_text: str, doc: LoadedDocument) -> Opening:
    """``doc`` with its sealed value opened and merged, why it cannot be, or None.

    Meant to run where the file was read (``load_repository``'s opener), so decrypting,
    parsing and merging use every core; the opened values stay in memory. The contents
    are parsed by the same reader as plain files, so an opened value becomes exactly the
    data its plain twin would.
    """
    armored = doc.data.get(SEALED_KEY)
    if not isinstance(armored, str):
        return None
    try:
        plaintext = open_bytes(armored, _identities(identity_text))
    except SealError as exc:
        return (_problem(doc, str(exc)),)
    contents = parse_yaml(plaintext, doc.path, max_bytes=MAX_SEALED_BYTES)
    if isinstance(contents, Problem):
        # Only the code: the message could quote the private text into a shared log.
        return (_problem(doc, f"the sealed value is not a valid YAML mapping ({contents.code})"),)
    merged, problems = _merge(doc, kind_of(doc.path) or "", contents)
    return merged if merged is not None else tuple(problems)


def opener(identity_text: str) -> Callable[[LoadedDocument], Opening]:
    """The ``load_repository`` opener that opens sealed values with this identity."""
    return functools.partial(open_document, identity_text)


def _problem(doc: LoadedDocument, message: str) -> Problem:
    line, col = doc.locate((SEALED_KEY,), key=True)
    return Problem(doc.path, line, col, "error", CODE, message)


def _merge(
    doc: LoadedDocument, kind: str, contents: LoadedDocument
) -> tuple[LoadedDocument | None, list[Problem]]:
    """The document with its opened fields laid over the plain ones, or None when refused.

    A value holding a field it may not hold, or one also written in plain text, is not
    used at all: `mentorkit seal` never writes one, and using part of it would guess.
    """
    elsewhere = bound_elsewhere(contents.data, doc.path)
    if elsewhere is not None:
        return None, [_problem(doc, elsewhere)]
    allowed = sealable_fields(kind)
    parsed = without_binding(contents.data)
    problems = []
    # One problem for all of them: a value can hold thousands of keys, and one problem
    # each would flood the log of every run with the identity (and cost a parse each).
    foreign = [key for key in parsed if key not in allowed]
    if foreign:
        problems.append(
            _problem(
                doc,
                f"the sealed value holds {_keys_named(foreign)}, which may not be sealed; "
                f"the private fields of {kind} files are {', '.join(allowed)}",
            )
        )
    problems.extend(
        _problem(
            doc,
            f"{key} is written both in plain text and sealed; remove the plain "
            "one (`mentorkit seal --identity FILE` merges them)",
        )
        for key in parsed
        if key in allowed and key in doc.data
    )
    if problems:
        return None, problems
    merged = {**doc.data, **parsed}
    opened = OpenedDocument(
        doc.path,
        merged,
        doc.text,
        doc.top,
        frozenset(parsed),
        is_bound(contents.data),
        contents.text,
    )
    return opened, problems


def _keys_named(keys: Sequence[object]) -> str:
    named = ", ".join(_key_named(key) for key in keys[:_NAMED_KEYS])
    more = len(keys) - _NAMED_KEYS
    return f"{named} and {more} more" if more > 0 else named


def _key_named(key: object) -> str:
    # A key is written by whoever sealed the value: name it only when it looks like a
    # field name, so a private word used as a key never reaches a shared log.
    if isinstance(key, str) and _FIELD_NAME.fullmatch(key):
        return repr(key)
    return "a key that is not a field name"


def open_repository(loaded: LoadedRepository, identity_text: str | None) -> OpenedRepository:
    """``loaded`` with every sealed value the identity can open laid over its document.

    Values already opened while loading (``loaded.opened``) are used as they are; the
    rest are opened here. Without an identity nothing is opened and every sealed
    document is listed as unopened.
    """
    paths = sealed_paths(loaded)
    if identity_text is None or not paths:
        return OpenedRepository(loaded, frozenset(paths))
    documents = dict(loaded.documents)
    unopened: set[str] = set()
    unusable: set[str] = set()
    problems: list[Problem] = []
    named_only = requires_named(loaded)
    for path in paths:
        result = loaded.opened.get(path)
        if result is None:
            result = open_document(identity_text, loaded.documents[path])
        if named_only and isinstance(result, OpenedDocument) and not result.bound:
            result = (_problem(result, UNNAMED_REFUSED),)
        if result is None:
            unopened.add(path)  # not armored text: the sealed check reports it
        elif isinstance(result, tuple):
            unusable.add(path)
            problems.extend(result)
        else:
            documents[path] = result
            if isinstance(result, OpenedDocument) and not result.bound:
                problems.append(dataclasses.replace(_problem(result, UNBOUND), level="warning"))
    opened = dataclasses.replace(loaded, documents=documents)
    return OpenedRepository(
        opened, frozenset(unopened | unusable), tuple(problems), frozenset(unusable)
    )


def requires_named(loaded: LoadedRepository) -> bool:
    """Whether the program refuses sealed values that name no file (privacy.require_named)."""
    charter = loaded.documents.get(CHARTER)
    privacy = charter.data.get("privacy") if charter is not None else None
    return sealing_settings(privacy).require_named


def redact(problems: Sequence[Problem], opened: LoadedRepository) -> list[Problem]:
    """Problems inside opened fields, with their details withheld.

    Validation output often lands in a shared CI log; a message such as "avoid[0]: 'bob'
    is not a known participant" would print a sealed value there. `mentorkit edit`
    shows the details to the person fixing the file.
    """
    if not any(_has_opened(doc) for doc in opened.documents.values()):
        return list(problems)
    out = []
    for problem in problems:
        # Only the documents a problem is about are located: finding the line of every
        # opened document would parse 20,000 files a second time.
        doc = opened.documents.get(problem.path)
        line = doc.locate((SEALED_KEY,))[0] if doc is not None and _has_opened(doc) else None
        if line is not None and problem.line == line and problem.code != CODE:
            problem = dataclasses.replace(
                problem,
                message=f"a sealed field has a {problem.code} problem; the details stay sealed: "
                f"`mentorkit edit {problem.path}` shows and fixes it",
            )
        elif _tells_a_sealed_rule(problem):
            # Reported elsewhere (a match file), but it says who avoids or reports to whom;
            # its line would point at the pair in a shared log, so the file alone is named.
            problem = dataclasses.replace(
                problem,
                line=0,
                col=0,
                message=f"a {problem.code} problem that {SEALED_RULE}; the details stay "
                "sealed: `mentorkit validate --show-sealed` shows them",
            )
        out.append(problem)
    return out


def _has_opened(doc: LoadedDocument) -> bool:
    return isinstance(doc, OpenedDocument) and bool(doc.sealed_keys)


def _tells_a_sealed_rule(problem: Problem) -> bool:
    return problem.code == "manager-cycle" or any(
        words in problem.message for words in (REPORTING_WORDS, AVOID_WORDS, PRIVATE_RULE_WORDS)
    )
