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

from mentorkit.checks.base import problem_in
from mentorkit.model.paths import stem
from mentorkit.model.source import Document, Documents
from mentorkit.problems import Problem, shown

CODE = "id-filename"
_LESSON_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})-[a-z0-9][a-z0-9-]*$")


def _expect(doc: Document, field: str, expected: str, what: str) -> Iterator[Problem]:
    value = doc.data.get(field)
    if isinstance(value, str) and value != expected:
        yield problem_in(
            doc,
            (field,),
            CODE,
            f"{field} {shown(value)} differs from the {what} {expected!r}; rename the file or fix the {field}",
        )


def check_files(files: Documents) -> Iterator[Problem]:
    for path, doc in files.documents.items():
        kind = files.kinds[path]
        name = stem(path)
        if kind == "participant" or kind == "cohort":
            yield from _expect(doc, "id", name, "file name")
        elif kind == "match":
            yield from _expect(doc, "cohort", name, "file name")
        elif kind == "agreement":
            folder = path.split("/")[2]
            yield from _expect(doc, "cohort", folder, "folder name")
            mentor, sep, mentee = name.partition("--")
            if not sep:
                yield problem_in(
                    doc, (), CODE, "an agreement file is named <mentor>--<mentee>.yaml"
                )
                continue
            yield from _expect(doc, "mentor", mentor, "file name's mentor")
            yield from _expect(doc, "mentee", mentee, "file name's mentee")
        elif kind == "lesson":
            found = _LESSON_NAME.match(name)
            if not found:
                yield problem_in(doc, (), CODE, "a lesson file is named <yyyy-mm-dd>-<slug>.yaml")
                continue
            yield from _expect(doc, "date", found.group(1), "file name's date")
