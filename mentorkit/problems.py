"""Problems are values: every check, loader and command reports them the same way."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Level = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One finding about one place in one file.

    ``path`` is relative to the program repository and uses forward slashes;
    ``line`` and ``col`` are 1-based (0 when the problem concerns the whole file).
    """

    path: str
    line: int
    col: int
    level: Level
    code: str
    message: str

    @property
    def is_error(self) -> bool:
        return self.level == "error"


def sort_problems(problems: list[Problem] | tuple[Problem, ...]) -> list[Problem]:
    """Sorted by file, then line and column: the order people read them in."""
    return sorted(set(problems))


def has_errors(problems: list[Problem] | tuple[Problem, ...]) -> bool:
    return any(p.is_error for p in problems)


def shown(value: Any, limit: int = 60) -> str:
    """A value as it appears in a message: quoted like Python's repr, cut short when long.

    A 1 MiB line must not become a 1 MiB message (or a 1 MiB annotation in CI).
    """
    if isinstance(value, str) and len(value) > limit:
        return repr(value[:limit]) + f"… ({len(value):,} characters)"
    text = repr(value)
    return text if len(text) <= limit + 2 else text[:limit] + "…"


def shown_path(path: str) -> str:
    """A file path as it is printed: characters that do not print are written as escapes.

    A participant names their own files; a right-to-left override or a zero-width
    character in a name would reverse or hide the rest of a log line (the file is
    refused, but the line that says so must read as it is).
    """
    return shown_text(path)


def shown_text(text: str, keep: str = "") -> str:
    """Text for one line of a log: characters that do not print are written as escapes.

    Messages repeat what participants chose (a path, a key): printed raw, a right-to-left
    override in one would reorder the rest of the line, and a newline would forge another.
    ``keep`` names characters left as they are for an output that escapes them itself.
    """
    if text.isprintable():
        return text
    return "".join(
        c if c.isprintable() or c in keep else c.encode("unicode_escape").decode("ascii")
        for c in text
    )
