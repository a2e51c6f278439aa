"""Forming circles: balanced new groups, last run's circles kept, and a settled end state.

Facilitators are chosen first (mentors who list ``circle`` in their formats, then the
more senior). Everyone else is sorted by department and level and dealt out in rounds,
one person per circle per round, by an optimal assignment (SciPy) whose cost penalises
a second member from the same department or level band and rewards shared goals and
working hours. Nobody joins a circle holding their manager, a direct report or someone
either of them asked to avoid, or a member beyond the cohort's time-zone limit, and
every circle keeps at least one language in common.

Sizes: a circle has at least ``MIN_MEMBERS`` people and at most ``circle_size + 1``;
a circle that ends up smaller is dissolved and its people placed again.

Every run ends in the same *settled* state: nobody left over fits a circle with room,
and no valid circle can be formed from the people left over (``settle`` repeats the
steps until none of them places anyone). A re-run keeps every circle of the match file
that still obeys the rules and settles again; with nothing changed the settled state
is the one written, so the file is reproduced exactly, and a single newcomer can only
join one circle (or form one with others left over): no other circle changes.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np
from scipy.optimize import linear_sum_assignment

from mentorkit.matching.circle_state import BLOCKED, CirclePeople, CircleState
from mentorkit.model.entities import Circle

MIN_MEMBERS = 3


def deal(
    state: CircleState, people: list[int], limit: int, circles: list[int] | None = None
) -> list[int]:
    """Place people round by round into ``circles`` (default: every live one) holding
    fewer than ``limit`` and their own capacity; return those no circle could take."""
    circles = state.live() if circles is None else circles
    if not circles:
        return list(people)
    left: list[int] = []
    queue = list(people)
    while queue:
        batch, queue = queue[: len(circles)], queue[len(circles) :]
        cost = np.where(
            state.obstacles(batch, circles, limit) == 0, state.cost(batch, circles), BLOCKED
        ).T
        rows, cols = linear_sum_assignment(cost)
        placed = set()
        for i, j in zip(rows.tolist(), cols.tolist(), strict=True):
            if cost[i, j] < BLOCKED:
                state.add(circles[j], batch[i])
                placed.add(i)
        unplaced = [p for i, p in enumerate(batch) if i not in placed]
        if unplaced and placed and bool((state.count[circles] < limit).any()):
            queue = queue + unplaced  # another round may find room once the circles change
        else:
            left += unplaced
    return left


def _facilitator_order(pool: CirclePeople, people: Iterable[int]) -> list[int]:
    return sorted(
        (i for i in people if pool.mentor[i]),
        key=lambda i: ("circle" not in pool.people[i].formats, -pool.people[i].level, i),
    )


def form_fresh(state: CircleState, people: list[int], size: int) -> list[int]:
    """Balanced new circles for ``people`` (ascending); returns who is left over."""
    pool = state.pool
    mentors = _facilitator_order(pool, people)
    count = min(math.ceil(len(people) / size), len(mentors), len(people) // MIN_MEMBERS)
    if count == 0:
        return list(people)
    facilitators = sorted(mentors[:count])
    sizes = [len(people) // count + (1 if i < len(people) % count else 0) for i in range(count)]
    opened = [state.open(f, min(size, s)) for f, s in zip(facilitators, sizes, strict=True)]
    chosen = set(facilitators)
    others = sorted(
        (i for i in people if i not in chosen),
        key=lambda i: (pool.people[i].department, pool.people[i].level, i),
    )
    left = deal(state, others, size, opened)
    for c in opened:
        if state.count[c] < MIN_MEMBERS:
            left += state.dissolve(c)
        else:
            state.capacity[c] = size + 1  # balanced while dealing; one more may join later
    return sorted(left)


def find_triple(state: CircleState, people: list[int]) -> tuple[int, int, int] | None:
    """A valid circle of three with a facilitator among ``people``, or None when none exists.

    Exact: for each mentor and each language they speak, two others who speak it, fit
    the mentor and fit each other (time zones and personal rules are pairwise)."""
    pool, gap = state.pool, state.pool.too_far
    ids = np.array(people, dtype=np.int64)
    if len(ids) < MIN_MEMBERS:
        return None
    fits = ~gap[pool.zone[ids]][:, pool.zone[ids]]
    np.fill_diagonal(fits, False)
    where = {p: k for k, p in enumerate(people)}
    for k, p in enumerate(people):
        for other in pool.conflicts[p]:
            if other in where:
                fits[k, where[other]] = False
    for f in _facilitator_order(pool, people):
        k = where[f]
        for language in np.nonzero(pool.languages[f])[0].tolist():
            near = np.nonzero(fits[k] & (pool.languages[ids, language] > 0))[0]
            inner = fits[np.ix_(near, near)]
            if inner.any():
                a, b = np.argwhere(inner)[0].tolist()
                return f, int(ids[near[a]]), int(ids[near[b]])
    return None


def settle(state: CircleState, left: list[int], size: int) -> list[int]:
    """Repeat until nothing more can be placed: deal the people left over into circles
    with room (first up to ``size``, then one more), form new circles among them, and
    as a last resort find any valid circle of three among them."""
    left = sorted(left)
    while left:
        before = len(left)
        left = deal(state, left, size)
        left = deal(state, left, size + 1)
        left = form_fresh(state, sorted(left), size) if left else left
        triple = find_triple(state, left)
        if triple is not None:
            c = state.open(triple[0], size + 1)
            for person in triple[1:]:
                state.add(c, person)
            left = [p for p in left if p not in triple]
        if len(left) == before:
            break
    return sorted(left)


def _holds(state: CircleState, facilitator: int, members: list[int], max_gap: float) -> bool:
    pool = state.pool
    if not pool.languages[members].prod(axis=0).any():
        return False
    return pool.mentor[facilitator] and all(
        pool.compatible(a, b, max_gap) for k, a in enumerate(members) for b in members[k + 1 :]
    )


def reuse(state: CircleState, previous: Iterable[Circle], size: int, max_gap: float) -> None:
    """Open last run's circles that still hold: members still in the pool (those who left
    are dropped), ``MIN_MEMBERS`` to ``size + 1`` people, a facilitator who mentors
    (another mentor of the circle steps in if needed), and every hard rule."""
    pool = state.pool
    for old in sorted(previous, key=lambda c: c.id):
        members = sorted({pool.index[m] for m in old.members if m in pool.index})
        if any(state.member_of[m] >= 0 for m in members):
            continue
        if not MIN_MEMBERS <= len(members) <= size + 1:
            continue
        facilitator = pool.index.get(old.facilitator or "")
        if facilitator is None or facilitator not in members or not pool.mentor[facilitator]:
            stand_ins = _facilitator_order(pool, members)
            if not stand_ins:
                continue
            facilitator = stand_ins[0]
        if not _holds(state, facilitator, members, max_gap):
            continue
        c = state.open(facilitator, size + 1, old.id)
        for person in members:
            if person != facilitator:
                state.add(c, person)
