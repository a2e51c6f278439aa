"""A sealed value full of fields it may not hold is one problem, not one per field.

Anyone who adds a check-in (or edits their profile) writes its sealed value; the runs
with the identity (the pages build, matching) open it. A value of 64 KiB holds about
7,000 short keys: one problem each flooded every such run's log with thousands of lines
per file, and located the ``sealed:`` line once per key.
"""

from __future__ import annotations

import pyrage

from mentorkit.loading.yaml_reader import LoadedDocument, parse_yaml
from mentorkit.sealing.keys import generate
from mentorkit.sealing.opening import CODE, open_document

PATH = "program/checkins/spring/ann--eve/2026-04-01-eve.yaml"


def test_a_value_with_thousands_of_foreign_fields_is_one_problem() -> None:
    key = generate()
    plain = "".join(f"k{i}: 1\n" for i in range(5000)).encode()
    armored = pyrage.encrypt(
        plain, [pyrage.x25519.Recipient.from_str(key.public)], armored=True
    ).decode()
    text = (
        "cohort: spring\nmentor: ann\nmentee: eve\ndate: 2026-04-01\nby: eve\nsealed: |\n"
        + "".join(f"  {line}\n" for line in armored.splitlines())
    )
    doc = parse_yaml(text.encode(), PATH)
    assert isinstance(doc, LoadedDocument)
    opened = open_document(key.file_text("2026-01-01T00:00:00+00:00"), doc)
    assert isinstance(opened, tuple) and len(opened) == 1
    (problem,) = opened
    assert problem.code == CODE and problem.line == 6
    assert "'k0', 'k1', 'k2' and 4997 more, which may not be sealed" in problem.message
