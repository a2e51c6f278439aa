"""Re-running after one change keeps the standing proposals, in every format: a newcomer
changes a handful of pairs (or the one circle they join), never the whole file."""

from __future__ import annotations

import random
from dataclasses import replace
from typing import Literal

import pytest

from mentorkit.matching.engine import match_cohort
from mentorkit.matching.result import MatchResult
from mentorkit.model.entities import (
    Circle,
    CohortFormat,
    MatchFile,
    MatchingSettings,
    Pair,
    Participant,
)
from tests.matching.builders import DEPARTMENTS, SKILLS, ZONES, person, program

HANDFUL = 4


def _people(seed: int, count: int) -> list[Participant]:
    rng = random.Random(seed)
    ids = [f"p{i:02d}" for i in range(count)]
    people = []
    for i, pid in enumerate(ids):
        mentor = i % 3 == 0
        chosen = tuple(rng.sample(ids[::3], 2)) if not mentor and rng.random() < 0.5 else ()
        p = person(
            pid,
            mentor={s: rng.randint(2, 5) for s in rng.sample(SKILLS, 2)} if mentor else None,
            capacity=2,
            goals=tuple(rng.sample(SKILLS, 2)),
            department=rng.choice(DEPARTMENTS),
            level=rng.randint(1, 10),
            timezone=rng.choice(ZONES[:3]),
        )
        if p.mentee and chosen:
            p = replace(p, mentee=replace(p.mentee, preferences=chosen))
        people.append(p)
    return people


def _recorded(result: MatchResult) -> MatchFile:
    return MatchFile(
        "c1",
        "x",
        pairs=tuple(
            Pair(p.mentor, p.mentee, p.score, reasons=p.reasons, round=p.round)
            for p in result.pairs
        ),
        circles=tuple(Circle(c.id, c.members, c.facilitator) for c in result.circles),
    )


def _run(
    people: list[Participant], fmt: CohortFormat, objective: Objective, match: MatchFile | None
) -> MatchResult:
    settings = MatchingSettings(objective=objective)
    return match_cohort(program(people, fmt=fmt, settings=settings, match=match), "c1")


Objective = Literal["coverage", "quality", "stable"]
CASES: list[tuple[CohortFormat, Objective]] = [
    ("one-on-one", "coverage"),
    ("one-on-one", "stable"),
    ("reverse", "coverage"),
    ("peer", "coverage"),
    ("swap", "coverage"),
    ("rotation", "coverage"),
]


@pytest.mark.parametrize(("fmt", "objective"), CASES)
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_one_newcomer_changes_a_handful_of_proposals(
    fmt: CohortFormat, objective: Objective, seed: int
) -> None:
    people = _people(seed, 45)
    before = _run(people, fmt, objective, None)
    again = _run(people, fmt, objective, _recorded(before))
    assert [(p.mentor, p.mentee, p.round) for p in again.pairs] == [
        (p.mentor, p.mentee, p.round) for p in before.pairs
    ]
    newcomer = replace(_people(seed + 100, 46)[45], id="zz-new")
    after = _run([*people, newcomer], fmt, objective, _recorded(before))
    old = {(p.mentor, p.mentee, p.round) for p in before.pairs}
    new = {(p.mentor, p.mentee, p.round) for p in after.pairs}
    assert len(old - new) <= HANDFUL, (fmt, objective, sorted(old - new))
