"""A check-in file says what its path says, comes from one of its pair, and has a pair.

Code: ``checkin-file``.

Passing (``program/checkins/2026-autumn/grace--ada/2026-10-04-ada.yaml``, with an
agreement for grace and ada in 2026-autumn)::

    cohort: 2026-autumn
    mentor: grace
    mentee: ada
    date: 2026-10-04
    by: ada
    health: on-track

Failing: ``by: linus`` in that file (checkin-file: by 'linus' differs from the file
name's author 'ada'), a file named other than ``<yyyy-mm-dd>-<author>.yaml`` in a
``<mentor>--<mentee>`` folder, or a check-in for a pair with no agreement.
"""

from __future__ import annotations

from collections.abc import Iterator

from mentorkit.checks.base import problem_at, problem_in
from mentorkit.model.checkin_path import parse_checkin_path
from mentorkit.model.program import Program
from mentorkit.model.source import Document, Documents
from mentorkit.problems import Problem, shown

CODE = "checkin-file"


def _one(doc: Document) -> Iterator[Problem]:
    data = doc.data
    parts = parse_checkin_path(doc.path)
    if parts is None:
        yield problem_in(
            doc,
            (),
            CODE,
            "a check-in file is program/checkins/<cohort>/<mentor>--<mentee>/"
            "<yyyy-mm-dd>-<author>.yaml",
        )
        return
    for field, wanted in parts.fields().items():
        value = data.get(field)
        if isinstance(value, str) and value != wanted:
            yield problem_in(
                doc,
                (field,),
                CODE,
                f"{field} {shown(value)} differs from the path's {wanted!r}; "
                "rename the file or fix the field",
            )
    if parts.by not in (parts.mentor, parts.mentee):
        yield problem_in(
            doc,
            ("by",),
            CODE,
            f"a check-in is written by the pair's mentor or mentee, not {parts.by!r}",
        )
    if "health" not in data and "sealed" not in data:
        yield problem_in(
            doc, (), CODE, "the check-in has no health (on-track, needs-attention, off-track)"
        )


def check_files(files: Documents) -> Iterator[Problem]:
    for path, kind in files.kinds.items():
        doc = files.documents.get(path)
        if kind == "checkin" and doc is not None:
            yield from _one(doc)


def check(program: Program) -> Iterator[Problem]:
    """A check-in needs its pair's agreement (judged on the model, where agreements are)."""
    for path, kind in program.kinds.items():
        parts = parse_checkin_path(path) if kind == "checkin" else None
        if parts is None or path not in program.sources:
            continue
        if program.agreement_for(parts.cohort, parts.mentor, parts.mentee) is None:
            yield problem_at(
                program,
                path,
                (),
                CODE,
                f"no agreement for {parts.mentor} -> {parts.mentee} in {parts.cohort} "
                f"(program/agreements/{parts.cohort}/{parts.mentor}--{parts.mentee}.yaml)",
            )
