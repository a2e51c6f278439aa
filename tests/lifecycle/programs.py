"""Random programs for the disclosure property tests: people, cohorts, pairs, goals, health."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from hypothesis import strategies as st

from mentorkit.model.entities import (
    Agreement,
    AgreementGoal,
    Charter,
    Checkin,
    Cohort,
    Goal,
    MatchFile,
    MenteeRequest,
    MentorOffer,
    Pair,
    Participant,
    Skill,
)
from mentorkit.model.program import Program

SKILLS = ("python", "sql", "design", "sales")
DEPARTMENTS = ("Data", "Design", "Engineering", "Sales", "Legal")
COHORTS = ("c1", "c2", "c3")
GOAL_STATUSES = ("achieved", "in-progress", "not-started", "dropped")
HEALTH = ("on-track", "needs-attention", "off-track")


@st.composite
def participants(draw: Any, index: int) -> Participant:
    pid = f"p{index:02d}"
    mentor = draw(st.booleans())
    mentee = draw(st.booleans()) or not mentor
    return Participant(
        id=pid,
        name=f"Person {index}",
        department=draw(st.sampled_from(DEPARTMENTS)),
        level=3,
        timezone="Europe/London",
        source=f"participants/{pid}.yaml",
        public=draw(st.booleans().map(lambda b: b or draw(st.booleans()))),
        cohorts=tuple(sorted(draw(st.sets(st.sampled_from(COHORTS), min_size=1, max_size=2)))),
        mentor=MentorOffer(
            draw(st.integers(1, 3)),
            dict.fromkeys(draw(st.sets(st.sampled_from(SKILLS), min_size=1, max_size=2)), 3),
        )
        if mentor
        else None,
        mentee=MenteeRequest(
            tuple(Goal(s) for s in sorted(draw(st.sets(st.sampled_from(SKILLS), min_size=1))))
        )
        if mentee
        else None,
    )


def _pairs(draw: Any, people: list[Participant], cohort: str) -> list[Pair]:
    mentors = [p.id for p in people if cohort in p.cohorts and p.mentor]
    mentees = [p.id for p in people if cohort in p.cohorts and p.mentee]
    pairs = []
    for mentee in mentees:
        options = [m for m in mentors if m != mentee]
        if options and draw(st.integers(0, 3)):
            status = draw(st.sampled_from(("accepted", "accepted", "proposed", "ended")))
            pairs.append(
                Pair(draw(st.sampled_from(options)), mentee, status=status, since="2026-01-05")
            )
    return pairs


def _agreement(draw: Any, cohort: str, pair: Pair, index: int) -> Agreement:
    goals = tuple(
        AgreementGoal(f"goal {g}", status=draw(st.sampled_from(GOAL_STATUSES)))
        for g in range(draw(st.integers(0, 3)))
    )
    checkins = tuple(
        Checkin("2026-02-01", draw(st.sampled_from(HEALTH))) for _ in range(draw(st.integers(0, 1)))
    )
    return Agreement(
        cohort=cohort,
        mentor=pair.mentor,
        mentee=pair.mentee,
        status=draw(st.sampled_from(("active", "active", "completed", "rematched"))),
        source=f"program/agreements/{cohort}/{pair.mentor}--{pair.mentee}-{index}.yaml",
        goals=goals,
        checkins=checkins,
    )


@st.composite
def programs(draw: Any, min_people: int = 6, max_people: int = 26) -> Program:
    count = draw(st.integers(min_people, max_people))
    people = [draw(participants(i)) for i in range(count)]
    cohorts = {
        cid: Cohort(
            cid,
            f"Cohort {cid}",
            "one-on-one",
            draw(st.sampled_from(("active", "closed", "enrolling"))),
            "2026-01-01",
            "2026-12-31",
            f"program/cohorts/{cid}.yaml",
        )
        for cid in COHORTS
    }
    matches: dict[str, MatchFile] = {}
    agreements: list[Agreement] = []
    for cid in COHORTS:
        if cohorts[cid].status == "enrolling" and draw(st.booleans()):
            continue  # not matched yet
        pairs = _pairs(draw, people, cid)
        matches[cid] = MatchFile(cid, f"program/matches/{cid}.yaml", pairs=tuple(pairs))
        agreements += [
            _agreement(draw, cid, p, i) for i, p in enumerate(pairs) if p.status != "proposed"
        ]
    return Program(
        charter=Charter(name="Random", purpose="", coordinators=()),
        skills={s: Skill(s, s.title()) for s in SKILLS},
        participants={p.id: p for p in people},
        cohorts=cohorts,
        matches=matches,
        agreements=tuple(agreements),
    )


def without_hidden(program: Program) -> Program:
    """The program as if the people who are not public had never joined it (written here
    independently of ``public_program``, which the sentinel tests check)."""
    gone = {pid for pid, p in program.participants.items() if not p.public}
    matches = {
        cid: replace(m, pairs=tuple(p for p in m.pairs if not {p.mentor, p.mentee} & gone))
        for cid, m in program.matches.items()
    }
    return replace(
        program,
        participants={pid: p for pid, p in program.participants.items() if pid not in gone},
        matches=matches,
        agreements=tuple(a for a in program.agreements if not {a.mentor, a.mentee} & gone),
    )
