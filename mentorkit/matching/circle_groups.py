"""Forming circles: fresh balanced groups, and keeping last run's circles stable.

Facilitators are chosen first (mentors who list ``circle`` in their formats, then the
more senior). Everyone else is sorted by department and level and dealt out in rounds,
one person per circle per round, by an optimal assignment (SciPy) whose cost penalises
a second member from the same department or level band and rewards shared goals and
working hours. Nobody joins a circle holding their manager, a direct report or someone
either of them asked to avoid, or a member beyond the cohort's time-zone limit, and
every circle keeps at least one language in common.

Circles of the match file are kept while they still obey every rule (``reuse``);
newcomers fill circles with room, then form new circles, and only when they cannot
is a single circle re-formed together with them (``place_newcomers``).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import linear_sum_assignment

from mentorkit.matching.score import Scoring, goal_skills, offered_skills, working_hours_overlap
from mentorkit.model.entities import Circle, Participant
from mentorkit.model.rules import avoided, reporting_conflict, timezone_gap_hours

MIN_MEMBERS = 3
BLOCKED = 1_000_000


@dataclass
class Forming:
    """A circle while it is being filled; ``id`` is set when it comes from the match file."""

    facilitator: Participant
    capacity: int
    id: str | None = None
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

    @property
    def member_ids(self) -> frozenset[str]:
        return frozenset(m.id for m in self.members)


def obstacle(scoring: Scoring, circle: Forming, person: Participant) -> str | None:
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


def _cost(circle: Forming, person: Participant) -> int:
    same_department = circle.departments[person.department]
    same_band = sum(1 for m in circle.members if abs(m.level - person.level) <= 1)
    shared = sum(1 for skill in goal_skills(person) if circle.interests[skill])
    overlaps = [working_hours_overlap(m, person) for m in circle.members]
    worst = min((o for o in overlaps if o is not None), default=8.0)
    return 100 * same_department + 20 * same_band - 15 * min(shared, 3) + round(5 * (8 - worst))


def deal(scoring: Scoring, circles: list[Forming], people: list[Participant]) -> list[Participant]:
    """Place people round by round; return those no circle could take."""
    if not circles:
        return list(people)
    left: list[Participant] = []
    queue = list(people)
    while queue:
        batch, queue = queue[: len(circles)], queue[len(circles) :]
        cost = np.full((len(batch), len(circles)), BLOCKED, dtype=np.int64)
        for i, person in enumerate(batch):
            for j, circle in enumerate(circles):
                if obstacle(scoring, circle, person) is None:
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


def _facilitator_order(people: Iterable[Participant]) -> list[Participant]:
    return sorted(
        (p for p in people if p.mentor is not None),
        key=lambda p: ("circle" not in p.formats, -p.level, p.id),
    )


def form_fresh(
    scoring: Scoring, pool: list[Participant], size: int
) -> tuple[list[Forming], list[Participant]]:
    """Balanced new circles for ``pool`` (sorted by id); returns them and who is left."""
    mentors = _facilitator_order(pool)
    count = min(math.ceil(len(pool) / size), len(mentors), len(pool) // MIN_MEMBERS)
    facilitators = sorted(mentors[:count], key=lambda p: p.id)
    sizes = [len(pool) // count + (1 if i < len(pool) % count else 0) for i in range(count)]
    circles = [Forming(f, min(size, s)) for f, s in zip(facilitators, sizes, strict=True)]
    for circle in circles:
        circle.add(circle.facilitator)
    chosen = {f.id for f in facilitators}
    others = sorted(
        (p for p in pool if p.id not in chosen), key=lambda p: (p.department, p.level, p.id)
    )
    return circles, deal(scoring, circles, others)


def reuse(
    scoring: Scoring, previous: Iterable[Circle], pool: list[Participant], size: int
) -> list[Forming]:
    """Last run's circles that still hold: members still in ``pool`` (those who left are
    dropped), at least ``MIN_MEMBERS`` and at most ``size`` people, a facilitator who
    mentors (another mentor of the circle steps in if needed), and every hard rule."""
    by_id = {p.id: p for p in pool}
    taken: set[str] = set()
    kept: list[Forming] = []
    for old in sorted(previous, key=lambda c: c.id):
        members = [by_id[m] for m in sorted(set(old.members)) if m in by_id]
        if taken & {m.id for m in members} or not MIN_MEMBERS <= len(members) <= size:
            continue
        current = by_id.get(old.facilitator or "")
        if current is None or current.mentor is None or current not in members:
            stand_ins = _facilitator_order(members)
            current = stand_ins[0] if stand_ins else None
        if current is None:
            continue
        circle = Forming(current, size, old.id)
        circle.add(current)
        for person in members:
            if person is not current and obstacle(scoring, circle, person) is None:
                circle.add(person)
        if len(circle.members) == len(members):
            kept.append(circle)
            taken |= circle.member_ids
    return kept


def place_newcomers(
    scoring: Scoring, kept: list[Forming], newcomers: list[Participant], size: int
) -> tuple[list[Forming], list[Forming], list[Participant]]:
    """Newcomers into ``kept`` circles with room, then into new circles; whoever is still
    left is tried with each kept circle in turn, re-forming that one circle with them.
    Returns (kept circles still standing, new circles, people left over)."""
    left = deal(scoring, kept, newcomers)
    fresh, left = form_fresh(scoring, sorted(left, key=lambda p: p.id), size)
    if not left:
        return kept, fresh, left
    best: tuple[int, int, list[Forming], list[Participant]] | None = None
    for position, circle in enumerate(kept):
        # a circle whose newcomers were just dealt in is as good a candidate as any other
        pool = sorted([*circle.members, *left], key=lambda p: p.id)
        regrouped, still = form_fresh(scoring, pool, size)
        if len(still) < len(left) and (best is None or len(still) < best[0]):
            best = (len(still), position, regrouped, still)
            if not still:
                break
    if best is None:
        return kept, fresh, left
    _, position, regrouped, left = best
    return kept[:position] + kept[position + 1 :], fresh + regrouped, left
