"""Program metrics, computed once for ``mentorkit report`` and the site dashboard.

Every figure is the raw set of what it counts here; whatever is published passes
through ``mentorkit.lifecycle.published`` and the rules of
``mentorkit.lifecycle.disclosure``, so that no page or shared report can single anyone out.

Definitions (also in the report's legend):

- *enrolled*: participants listing the cohort; *seeking*: enrolled with a ``mentee:``
  block (everyone enrolled, in a circles cohort); *matched*: seeking and in a proposed or
  accepted pair, or in a circle. Match rate = matched / seeking.
- *utilisation*: accepted pairs / capacity for mentors enrolled in the cohorts in
  scope (the current ones, program-wide); *under-used*: below half their capacity.
- *goal attainment*: achieved / all goals of agreements not rematched (a rematched
  pair's goals move to the new agreement).
- *health*: the latest check-in (on or before today) of each active agreement.
- *skills*: mentors offering against mentees seeking, per skill; a goal no mentor
  offers is a gap.
- *cross-functional share*: accepted pairs whose mentor and mentee are in different
  departments.
- *continuing*: people enrolled in a cohort and in the next one by start date.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from itertools import pairwise

from mentorkit.lifecycle.metric_values import (
    GOAL_STATUSES,
    HEALTH_STATES,
    CohortParticipation,
    Continuation,
    CrossFunctional,
    DepartmentParticipation,
    GoalAttainment,
    HealthDistribution,
    Ids,
    MentorLoad,
    ProgramMetrics,
    SkillBalance,
    Utilisation,
    person,
)
from mentorkit.lifecycle.relationships import (
    accepted_pairs,
    cohort_order,
    current_cohort_ids,
    latest_checkin,
    mentor_load,
    pairs_in,
)
from mentorkit.model.entities import Cohort, Pair, Participant, as_date
from mentorkit.model.program import Program

__all__ = [
    "CohortParticipation",
    "Continuation",
    "CrossFunctional",
    "DepartmentParticipation",
    "GoalAttainment",
    "HealthDistribution",
    "MentorLoad",
    "ProgramMetrics",
    "SkillBalance",
    "Utilisation",
    "compute_metrics",
]


def _ids(people: Iterable[Participant]) -> Ids:
    return frozenset(person(p.id) for p in people)


def pair_id(cohort_id: str, pair: Pair) -> tuple[str, str, str, str]:
    return ("pair", cohort_id, pair.mentor, pair.mentee)


def _seekers(program: Program, cohort: Cohort) -> list[Participant]:
    if cohort.format == "circles":
        return program.enrolled(cohort.id)
    return program.mentees_in(cohort.id)


def _matched_ids(program: Program, cohort: Cohort) -> set[str]:
    matched = {p.mentee for _, p in pairs_in(program, [cohort.id]) if p.status != "ended"}
    match = program.matches.get(cohort.id)
    if match is not None:
        for circle in match.circles:
            matched.update(circle.members)
    return matched


def _participation(program: Program, cohorts: list[Cohort]) -> tuple[CohortParticipation, ...]:
    rows = []
    for cohort in cohorts:
        seekers = _seekers(program, cohort)
        matched = _matched_ids(program, cohort)
        rows.append(
            CohortParticipation(
                cohort=cohort.id,
                name=cohort.name,
                status=cohort.status,
                matched_yet=cohort.id in program.matches,
                enrolled_ids=_ids(program.enrolled(cohort.id)),
                mentor_ids=_ids(program.mentors_in(cohort.id)),
                seeking_ids=_ids(seekers),
                matched_ids=_ids(p for p in seekers if p.id in matched),
            )
        )
    return tuple(rows)


def _departments(program: Program, cohorts: list[Cohort]) -> tuple[DepartmentParticipation, ...]:
    ids = {c.id for c in cohorts}
    people: dict[str, set[str]] = defaultdict(set)
    enrolled: dict[str, set[str]] = defaultdict(set)
    seeking: dict[str, set[str]] = defaultdict(set)
    matched: dict[str, set[str]] = defaultdict(set)
    matched_by_cohort = {c.id: _matched_ids(program, c) for c in cohorts}
    seekers_by_cohort = {c.id: {p.id for p in _seekers(program, c)} for c in cohorts}
    for participant in program.participants.values():
        dept, pid = participant.department, participant.id
        people[dept].add(pid)
        joined = [cid for cid in participant.cohorts if cid in ids]
        if not joined:
            continue
        enrolled[dept].add(pid)
        sought = [cid for cid in joined if pid in seekers_by_cohort[cid]]
        if sought:
            seeking[dept].add(pid)
            if any(pid in matched_by_cohort[cid] for cid in sought):
                matched[dept].add(pid)

    def as_ids(found: set[str]) -> Ids:
        return frozenset(person(pid) for pid in found)

    return tuple(
        DepartmentParticipation(
            department=dept,
            people_ids=as_ids(people[dept]),
            enrolled_ids=as_ids(enrolled[dept]),
            seeking_ids=as_ids(seeking[dept]),
            matched_ids=as_ids(matched[dept]),
        )
        for dept in sorted(people)
    )


def _utilisation(program: Program, cohort_ids: list[str]) -> Utilisation:
    load = mentor_load(program, cohort_ids)
    mentors = sorted(
        {p.id: p for cid in cohort_ids for p in program.mentors_in(cid)}.values(),
        key=lambda p: p.id,
    )
    return Utilisation(
        tuple(cohort_ids),
        tuple(MentorLoad(p.id, p.mentor.capacity, load.get(p.id, 0)) for p in mentors if p.mentor),
        frozenset(pair_id(cid, p) for cid, p in accepted_pairs(program, cohort_ids)),
    )


def _goals(program: Program, cohort_ids: set[str]) -> GoalAttainment:
    statuses: dict[str, set[tuple[str, str, int]]] = defaultdict(set)
    agreements: set[tuple[str, str]] = set()
    for agreement in program.agreements:
        if agreement.cohort in cohort_ids and agreement.status != "rematched":
            agreements.add(("agreement", agreement.source))
            for index, goal in enumerate(agreement.goals):
                statuses[goal.status].add(("goal", agreement.source, index))
    return GoalAttainment(
        by_state=tuple((s, frozenset(statuses[s])) for s in GOAL_STATUSES),
        agreement_ids=frozenset(agreements),
    )


def _health(program: Program, cohort_ids: set[str], today: dt.date) -> HealthDistribution:
    latest: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for agreement in program.agreements:
        if agreement.cohort in cohort_ids and agreement.status == "active":
            checkin = latest_checkin(agreement, today)
            latest[(checkin.health or "none") if checkin else "none"].add(
                ("agreement", agreement.source)
            )
    return HealthDistribution(tuple((s, frozenset(latest[s])) for s in HEALTH_STATES))


def _skills(program: Program, people: list[Participant]) -> tuple[SkillBalance, ...]:
    offering: dict[str, set[str]] = defaultdict(set)
    seeking: dict[str, set[str]] = defaultdict(set)
    for participant in people:
        if participant.mentor:
            for skill in participant.mentor.skills:
                offering[skill].add(participant.id)
        if participant.mentee:
            for goal in participant.mentee.goals:
                seeking[goal.skill].add(participant.id)
    rows = [
        SkillBalance(
            s,
            program.skills[s].name if s in program.skills else s,
            frozenset(person(pid) for pid in offering[s]),
            frozenset(person(pid) for pid in seeking[s]),
        )
        for s in sorted(set(offering) | set(seeking))
    ]
    # Biggest shortfall first: that is what a coordinator recruits mentors for.
    rows.sort(key=lambda r: (r.mentors_offering - r.mentees_seeking, r.skill))
    return tuple(rows)


def _cross_functional(program: Program, cohort_ids: list[str]) -> CrossFunctional:
    pairs = accepted_pairs(program, cohort_ids)
    people = program.participants
    crossing = frozenset(
        pair_id(cid, p)
        for cid, p in pairs
        if p.mentor in people
        and p.mentee in people
        and people[p.mentor].department != people[p.mentee].department
    )
    return CrossFunctional(
        tuple(cohort_ids), frozenset(pair_id(cid, p) for cid, p in pairs), crossing
    )


def _continuation(program: Program, scope: str | None) -> tuple[Continuation, ...]:
    ordered = cohort_order(program)
    rows = []
    for earlier, later in pairwise(ordered):
        if scope is not None and scope not in (earlier.id, later.id):
            continue
        before = _ids(program.enrolled(earlier.id))
        after = _ids(program.enrolled(later.id))
        rows.append(Continuation(earlier.id, later.id, before, before & after))
    return tuple(rows)


def _lessons_per_month(
    program: Program, scope: str | None, today: dt.date
) -> tuple[tuple[str, int], ...]:
    months: Counter[str] = Counter()
    for lesson in program.lessons:
        written = as_date(lesson.date)
        if written is None or written > today or (scope and lesson.cohort != scope):
            continue
        months[written.strftime("%Y-%m")] += 1
    if not months:
        return ()
    # Every month between the first and the last, so a quiet month shows as 0.
    first, last = min(months), max(months)
    year, month = int(first[:4]), int(first[5:])
    series = []
    while f"{year:04d}-{month:02d}" <= last:
        key = f"{year:04d}-{month:02d}"
        series.append((key, months[key]))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return tuple(series)


def compute_metrics(
    program: Program, today: dt.date, *, cohort: str | None = None
) -> ProgramMetrics:
    """Every metric of the program, or of one cohort when ``cohort`` is given.

    Raises KeyError for an unknown cohort id (commands check it first).
    """
    if cohort is not None:
        cohorts = [program.cohorts[cohort]]
        load_scope = [cohort]
        people = program.enrolled(cohort)
    else:
        cohorts = cohort_order(program)
        load_scope = list(current_cohort_ids(program, today))
        people = list(program.participants.values())
    ids = {c.id for c in cohorts}
    return ProgramMetrics(
        today=today.isoformat(),
        scope=cohort,
        people_ids=_ids(people),
        mentee_ids=_ids(p for p in people if p.mentee is not None),
        cohorts=_participation(program, cohorts),
        departments=_departments(program, cohorts),
        utilisation=_utilisation(program, load_scope),
        goals=_goals(program, ids),
        health=_health(program, ids, today),
        skills=_skills(program, people),
        cross_functional=_cross_functional(program, load_scope),
        continuation=_continuation(program, cohort),
        lessons_per_month=_lessons_per_month(program, cohort, today),
    )
