"""Circle cohorts: balanced groups of the cohort's size, each with a mentor as facilitator.

Facilitators are chosen first (mentors who list ``circle`` in their formats, then the
more senior). Everyone else is sorted by department and level and dealt out in rounds,
one person per circle per round, by an optimal assignment (SciPy) whose cost penalises
a second member from the same department or level band and rewards shared goals and
working hours. Nobody joins a circle holding their manager, a direct report or someone
either of them asked to avoid, or a member beyond the cohort's time-zone limit, and
every circle keeps at least one language in common.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import linear_sum_assignment

from mentorkit.matching.result import (
    MatchResult,
    MatchSummary,
    ProposedCircle,
    UnmatchedPerson,
    mean,
    share,
)
from mentorkit.matching.score import (
    Scoring,
    goal_skills,
    offered_skills,
    score_with,
    scoring_for,
    working_hours_overlap,
)
from mentorkit.model.entities import Cohort, MatchFile, Participant
from mentorkit.model.program import Program
from mentorkit.model.rules import avoided, reporting_conflict, timezone_gap_hours

MIN_MEMBERS = 3
BLOCKED = 1_000_000


@dataclass
class _Forming:
    """A circle while it is being filled."""

    facilitator: Participant
    capacity: int
    members: list[Participant] = field(default_factory=list)
    languages: set[str] = field(default_factory=set)
    departments: Counter[str] = field(default_factory=Counter)
    interests: Counter[str] = field(default_factory=Counter)

    def add(self, person: Participant) -> None:
        if not self.members:
            self.languages = set(person.languages)
        else:
            self.languages &= set(person.languages)
        self.members.append(person)
        self.departments[person.department] += 1
        self.interests.update(goal_skills(person))
        self.interests.update(offered_skills(person))


def _obstacle(scoring: Scoring, circle: _Forming, person: Participant) -> str | None:
    """Why ``person`` may not join ``circle`` (a category word), or None."""
    if len(circle.members) >= circle.capacity:
        return "full"
    if not circle.languages & set(person.languages):
        return "language"
    for member in circle.members:
        gap = timezone_gap_hours(member, person)
        if gap is not None and gap > scoring.max_gap:
            return "timezone"
    if any(
        reporting_conflict(member, person) or avoided(member, person) for member in circle.members
    ):
        return "personal"
    return None


def _cost(circle: _Forming, person: Participant) -> int:
    same_department = circle.departments[person.department]
    same_band = sum(1 for m in circle.members if abs(m.level - person.level) <= 1)
    shared = sum(1 for skill in goal_skills(person) if circle.interests[skill])
    overlaps = [working_hours_overlap(m, person) for m in circle.members]
    worst = min((o for o in overlaps if o is not None), default=8.0)
    return 100 * same_department + 20 * same_band - 15 * min(shared, 3) + round(5 * (8 - worst))


def _deal(
    scoring: Scoring, circles: list[_Forming], people: list[Participant]
) -> list[Participant]:
    """Place people round by round; return those no circle could take."""
    left: list[Participant] = []
    queue = list(people)
    while queue:
        batch, queue = queue[: len(circles)], queue[len(circles) :]
        cost = np.full((len(batch), len(circles)), BLOCKED, dtype=np.int64)
        for i, person in enumerate(batch):
            for j, circle in enumerate(circles):
                if _obstacle(scoring, circle, person) is None:
                    cost[i, j] = _cost(circle, person)
        rows, cols = linear_sum_assignment(cost)
        placed = set()
        for i, j in zip(rows.tolist(), cols.tolist(), strict=True):
            if cost[i, j] < BLOCKED:
                circles[j].add(batch[i])
                placed.add(i)
        unplaced = [p for i, p in enumerate(batch) if i not in placed]
        if (
            unplaced
            and any(len(c.members) < c.capacity for c in circles)
            and len(unplaced) < len(batch)
        ):
            queue = queue + unplaced  # another round may find room once the circles change
        else:
            left += unplaced
    return left


def _why_not(scoring: Scoring, circles: list[_Forming], person: Participant, mentors: int) -> str:
    if not circles:
        return (
            "no circle could be formed: no mentor is enrolled to facilitate one"
            if mentors == 0
            else "too few people to form a circle"
        )
    blocked = Counter(_obstacle(scoring, c, person) for c in circles)
    if blocked["full"] == len(circles):
        return f"all {len(circles)} circles are full (each needs a mentor as facilitator; {mentors} enrolled)"
    room = len(circles) - blocked["full"]
    if blocked["language"] == room:
        return f"no circle with room shares a language (speaks: {', '.join(person.languages)})"
    if blocked["timezone"] + blocked["language"] == room:
        return f"every circle with room has a member more than {scoring.max_gap:g} h away (time zone: {person.timezone})"
    return "the circles with room are ruled out by personal pairing rules"


def _reasons(scoring: Scoring, circle: _Forming) -> tuple[str, ...]:
    members = circle.members
    departments = sorted(circle.departments)
    levels = [m.level for m in members]
    role = "offers circles" if "circle" in circle.facilitator.formats else "a mentor"
    reasons = [
        f"facilitated by {circle.facilitator.id} ({role})",
        f"{len(departments)} department{'s' * (len(departments) != 1)}: {', '.join(departments)}",
        f"levels {min(levels)}-{max(levels)}",
        f"common language: {', '.join(sorted(circle.languages))}",
    ]
    overlaps = [
        working_hours_overlap(a, b) for i, a in enumerate(members) for b in members[i + 1 :]
    ]
    known = [o for o in overlaps if o is not None]
    if known:
        least = min(known)
        reasons.append(
            f"at least {least:g} h working-hours overlap for everyone"
            if least
            else "some members share no working hours: plan async or rotating times"
        )
    wanted = Counter(skill for m in members for skill in goal_skills(m))
    common = [
        f"{skill} ({n})"
        for skill, n in sorted(wanted.items(), key=lambda kv: (-kv[1], kv[0]))
        if n > 1
    ][:3]
    if common:
        reasons.append(f"shared goals: {', '.join(common)}")
    return tuple(reasons)


def form_circles(program: Program, cohort: Cohort, existing: MatchFile | None) -> MatchResult:
    scoring = scoring_for(cohort)
    size = max(MIN_MEMBERS, cohort.matching.circle_size)
    everyone = sorted(program.enrolled(cohort.id), key=lambda p: p.id)
    kept = [c for c in (existing.circles if existing else ()) if c.locked]
    in_kept = {m for c in kept for m in c.members}
    pool = [p for p in everyone if p.id not in in_kept]
    mentors = sorted(
        (p for p in pool if p.mentor is not None),
        key=lambda p: ("circle" not in p.formats, -p.level, p.id),
    )
    count = min(math.ceil(len(pool) / size), len(mentors), len(pool) // MIN_MEMBERS)
    facilitators = sorted(mentors[:count], key=lambda p: p.id)
    sizes = (
        [len(pool) // count + (1 if i < len(pool) % count else 0) for i in range(count)]
        if count
        else []
    )
    circles = [_Forming(f, min(size, s)) for f, s in zip(facilitators, sizes, strict=True)]
    for circle in circles:
        circle.add(circle.facilitator)
    chosen = {f.id for f in facilitators}
    others = sorted(
        (p for p in pool if p.id not in chosen), key=lambda p: (p.department, p.level, p.id)
    )
    left = _deal(scoring, circles, others)
    used_ids = {c.id for c in kept}
    fresh_ids = (
        f"circle-{n:02d}"
        for n in range(1, len(used_ids) + len(circles) + 2)
        if f"circle-{n:02d}" not in used_ids
    )
    proposed = [
        ProposedCircle(
            next(fresh_ids),
            tuple(sorted(m.id for m in c.members)),
            c.facilitator.id,
            _reasons(scoring, c),
        )
        for c in circles
    ]
    result_circles = [
        ProposedCircle(c.id, c.members, c.facilitator, c.reasons, True, "locked") for c in kept
    ] + proposed
    result_circles.sort(key=lambda c: c.id)
    unmatched = sorted(
        (
            UnmatchedPerson(p.id, _why_not(scoring, circles, p, len(mentors)), "member")
            for p in left
        ),
        key=lambda u: u.id,
    )
    scores = [
        s.total
        for c in circles
        for m in c.members
        if m.id != c.facilitator.id and (s := score_with(scoring, c.facilitator, m)) is not None
    ]
    all_mentors = sum(1 for p in everyone if p.mentor is not None)
    summary = MatchSummary(
        format=cohort.format,
        objective=scoring.objective,
        matched=sum(len(c.members) for c in result_circles),
        unmatched=len(unmatched),
        mean_score=mean(scores),
        cross_functional_share=share(
            sum(1 for c in circles if len(c.departments) > 1), len(circles)
        ),
        mentor_utilisation=share(len(result_circles), all_mentors),
        people=len(everyone),
        solver="balanced rounds",
    )
    return MatchResult(
        cohort.id, cohort.format, (), tuple(result_circles), tuple(unmatched), summary
    )
