"""Build small programs in memory for matching tests, and hypothesis strategies for them."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from hypothesis import strategies as st

from mentorkit.model.entities import (
    Charter,
    Cohort,
    CohortFormat,
    Goal,
    MatchFile,
    MatchingSettings,
    MenteeRequest,
    MentorOffer,
    Participant,
    Weights,
)
from mentorkit.model.program import Program

SKILLS = ("python", "sql", "testing", "design")
ZONES = ("Europe/London", "Europe/Berlin", "America/New_York", "Asia/Tokyo", "Asia/Kolkata")
DEPARTMENTS = ("engineering", "design", "data")
LANGUAGES = ("en", "de", "fr")
FORMATS = ("one-on-one", "circle", "reverse", "async")


def person(
    pid: str,
    *,
    cohort: str = "c1",
    mentor: dict[str, int] | None = None,
    capacity: int = 1,
    goals: tuple[str, ...] = (),
    prefer: bool = False,
    **fields: Any,
) -> Participant:
    """A participant with sensible defaults; ``mentor`` is skill -> level, ``goals`` skill ids."""
    defaults: dict[str, Any] = {
        "name": pid.title(),
        "department": "engineering",
        "level": 5,
        "timezone": "Europe/London",
    }
    defaults.update(fields)
    return Participant(
        id=pid,
        source=f"participants/{pid}.yaml",
        cohorts=(cohort,),
        mentor=MentorOffer(capacity, dict(mentor)) if mentor else None,
        mentee=MenteeRequest(tuple(Goal(g) for g in goals), prefer) if goals else None,
        **defaults,
    )


def program(
    people: list[Participant],
    *,
    fmt: CohortFormat = "one-on-one",
    settings: MatchingSettings | None = None,
    match: MatchFile | None = None,
    cohort: str = "c1",
) -> Program:
    chosen = Cohort(
        cohort,
        "Cohort",
        fmt,
        "matching",
        "2026-01-01",
        "2026-06-30",
        f"program/cohorts/{cohort}.yaml",
        matching=settings or MatchingSettings(),
    )
    return Program(
        charter=Charter("Test", "", ("x",)),
        participants={p.id: p for p in sorted(people, key=lambda p: p.id)},
        cohorts={cohort: chosen},
        matches={cohort: match} if match else {},
    )


@st.composite
def people_strategy(
    draw: st.DrawFn, *, max_mentors: int = 5, max_mentees: int = 7, peer: bool = False
) -> list[Participant]:
    n_mentors = draw(st.integers(0 if not peer else 1, max_mentors))
    n_mentees = draw(st.integers(1, max_mentees))
    mentor_ids = [f"m{i}" for i in range(n_mentors)]
    # some mentees are also mentors (the same id), which exercises the no-self rule
    both = draw(st.integers(0, min(2, n_mentors))) if not peer else 0
    mentee_ids = mentor_ids[:both] + [f"e{i}" for i in range(n_mentees - both)]
    everyone = sorted(set(mentor_ids) | set(mentee_ids))
    people = []
    for pid in everyone:
        offer = None
        if pid in mentor_ids:
            skills = draw(st.lists(st.sampled_from(SKILLS), min_size=1, max_size=3, unique=True))
            offer = MentorOffer(
                draw(st.integers(1, 3)), {s: draw(st.integers(1, 5)) for s in skills}
            )
        request = None
        if pid in mentee_ids:
            goals = draw(st.lists(st.sampled_from(SKILLS), min_size=1, max_size=3, unique=True))
            request = MenteeRequest(tuple(Goal(g) for g in goals), draw(st.booleans()))
        others = [o for o in everyone if o != pid]
        manager = (
            draw(st.one_of(st.none(), st.sampled_from(others)))
            if others and draw(st.integers(0, 3)) == 0
            else None
        )
        avoid = (
            tuple(draw(st.lists(st.sampled_from(others), max_size=1, unique=True)))
            if others
            else ()
        )
        people.append(
            Participant(
                id=pid,
                name=pid,
                department=draw(st.sampled_from(DEPARTMENTS)),
                level=draw(st.integers(1, 10)),
                timezone=draw(st.sampled_from(ZONES)),
                source=f"participants/{pid}.yaml",
                languages=tuple(
                    draw(st.lists(st.sampled_from(LANGUAGES), min_size=1, max_size=2, unique=True))
                ),
                manager=manager,
                cohorts=("c1",),
                mentor=offer,
                mentee=request,
                formats=tuple(draw(st.lists(st.sampled_from(FORMATS), max_size=2, unique=True))),
                avoid=avoid,
            )
        )
    return people


@st.composite
def settings_strategy(draw: st.DrawFn) -> MatchingSettings:
    weights = Weights(*(draw(st.sampled_from([0.0, 0.1, 0.45, 1.0])) for _ in range(6)))
    return MatchingSettings(
        weights=weights,
        max_timezone_gap_hours=draw(st.sampled_from([0.0, 4.0, 8.0, 12.0])),
        cross_functional=draw(st.sampled_from(["prefer", "require", "ignore"])),
        objective=draw(st.sampled_from(["coverage", "quality"])),
        min_score=draw(st.sampled_from([0.0, 0.0, 0.3, 0.6])),
    )


def with_cohorts(p: Participant, *cohorts: str) -> Participant:
    return replace(p, cohorts=tuple(cohorts))


def circle_left_over_cases() -> tuple[Program, Program]:
    """Two circles cohorts (one circle of 3, 4 at most) that each leave one person over:
    in the first because x avoids a, in the second because the one circle is full."""

    def circles(*extra: Participant) -> Program:
        people = [
            person("m1", mentor={"python": 5}, level=7),
            person("a", goals=("python",), department="sales"),
            person("b", goals=("python",), department="data"),
            *extra,
        ]
        return program(people, fmt="circles", settings=MatchingSettings(circle_size=3))

    ruled_out = circles(person("x", goals=("python",), avoid=("a",), department="hr"))
    full = circles(
        person("c", goals=("python",), department="ops"),
        person("x", goals=("python",), department="hr"),
    )
    return ruled_out, full


@st.composite
def bipartite_programs(draw: st.DrawFn) -> tuple[Program, frozenset[tuple[str, str]]]:
    """A one-on-one or reverse cohort, with up to two of its pairs excluded."""
    people = draw(people_strategy(max_mentors=5, max_mentees=9))
    fmt: CohortFormat = draw(st.sampled_from(["one-on-one", "reverse"]))
    prog = program(people, fmt=fmt, settings=draw(settings_strategy()))
    pairs = [(m.id, e.id) for m in prog.mentors_in("c1") for e in prog.mentees_in("c1")]
    exclude = (
        frozenset(draw(st.lists(st.sampled_from(pairs), max_size=2))) if pairs else frozenset()
    )
    return prog, exclude


def peer_trio(extra: dict[str, Any]) -> Program:
    """A peer cohort where x's only compatible peer is m1, who fits b better; ``extra``
    (an avoid or manager rule) goes on x."""
    people = [
        person("m1", mentor={"python": 5}, goals=("sql",), level=7),
        person("b", mentor={"sql": 5}, goals=("python",), level=7),
        person("x", goals=("python",), **extra),
    ]
    return program(people, fmt="peer")


def idle_mentor_cohort(avoid: bool) -> Program:
    """m1 ends without a mentee: its only seeker x avoids m1 (``avoid``), or fits m2 better."""
    people = [
        person("m1", mentor={"python": 4}, level=7),
        person("m2", mentor={"python": 5}, level=7),
        person("x", goals=("python",), avoid=("m1",) if avoid else ()),
    ]
    return program(people)
