"""What every check shares: the signatures and a way to point at a value.

A check module has ``CODE`` and one or both of:

* ``check(program)``: judges the model (most checks);
* ``check_files(files)``: judges the files as written, for what the model cannot hold
  (schema errors, an id that differs from its file name, two files with one id).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol

from mentorkit.model.program import Program
from mentorkit.model.source import Document, Documents, KeyPath
from mentorkit.problems import Level, Problem


class Check(Protocol):
    """A check module that judges the model."""

    CODE: str

    def check(self, program: Program) -> Iterator[Problem]: ...


class FileCheck(Protocol):
    """A check module that judges the files as written."""

    CODE: str

    def check_files(self, files: Documents) -> Iterator[Problem]: ...


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


def problem_in(
    doc: Document,
    keypath: KeyPath,
    code: str,
    message: str,
    *,
    level: Level = "error",
    key: bool = False,
) -> Problem:
    line, col = doc.locate(keypath, key=key)
    return Problem(doc.path, line, col, level, code, message)
