"""What every check shares: the signature and a way to point at a value."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol

from mentorkit.loading.yaml_reader import KeyPath
from mentorkit.model.program import Program
from mentorkit.problems import Level, Problem


class Check(Protocol):
    """A check module: a problem code, a docstring with examples, and a pure function."""

    CODE: str

    def check(self, program: Program) -> Iterator[Problem]: ...


def problem_at(
    program: Program,
    path: str,
    keypath: KeyPath,
    code: str,
    message: str,
    *,
    level: Level = "error",
    key: bool = False,
) -> Problem:
    line, col = program.locate(path, keypath, key=key)
    return Problem(path, line, col, level, code, message)


def stem(path: str) -> str:
    return path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
