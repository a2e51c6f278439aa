"""Problems are values: every check, loader and command reports them the same way."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

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
