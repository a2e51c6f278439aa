"""Ids and file names agree, so a file can be found from the id and the id from the file.

Code: ``id-filename``.

Passing: ``participants/ada.yaml`` holds ``id: ada``; ``program/lessons/2026-09-07-first-talk.yaml``
holds ``date: 2026-09-07``; ``program/agreements/2026-autumn/ada--lin.yaml`` holds
``cohort: 2026-autumn``, ``mentor: ada``, ``mentee: lin``.

Failing: ``participants/ada.yaml`` holds ``id: ada-l`` (id-filename: the id 'ada-l' differs
from the file name 'ada').
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from mentorkit.checks.base import problem_at, stem
from mentorkit.model.program import Program
from mentorkit.problems import Problem, shown

CODE = "id-filename"
_LESSON_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})-[a-z0-9][a-z0-9-]*$")


def _expect(program: Program, path: str, field: str, expected: str, what: str) -> Iterator[Problem]:
    value = program.documents[path].data.get(field)
    if isinstance(value, str) and value != expected:
        yield problem_at(
            program,
            path,
            (field,),
            CODE,
            f"{field} {shown(value)} differs from the {what} {expected!r}; rename the file or fix the {field}",
        )


def check(program: Program) -> Iterator[Problem]:
    for path, kind in program.kinds.items():
        if path not in program.documents:
            continue
        name = stem(path)
        if kind == "participant" or kind == "cohort":
            yield from _expect(program, path, "id", name, "file name")
        elif kind == "match":
            yield from _expect(program, path, "cohort", name, "file name")
        elif kind == "agreement":
            folder = path.split("/")[2]
            yield from _expect(program, path, "cohort", folder, "folder name")
            mentor, sep, mentee = name.partition("--")
            if not sep:
                yield problem_at(
                    program, path, (), CODE, "an agreement file is named <mentor>--<mentee>.yaml"
                )
                continue
            yield from _expect(program, path, "mentor", mentor, "file name's mentor")
            yield from _expect(program, path, "mentee", mentee, "file name's mentee")
        elif kind == "lesson":
            found = _LESSON_NAME.match(name)
            if not found:
                yield problem_at(
                    program, path, (), CODE, "a lesson file is named <yyyy-mm-dd>-<slug>.yaml"
                )
                continue
            yield from _expect(program, path, "date", found.group(1), "file name's date")
