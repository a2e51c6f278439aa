"""Circle cohorts: groups of the cohort's size, each facilitated by a mentor, explained.

How circles are formed and kept stable across runs is in ``circle_groups``; this module
turns the settled circles into a result with reasons, unmatched people and a summary.
Every reason for someone left out is a statement about the final circles that is true.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence

import numpy as np

from mentorkit.matching.circle_groups import MIN_MEMBERS, form_fresh, reuse, settle
from mentorkit.matching.circle_state import OBSTACLES, CircleState, encode_people
from mentorkit.matching.result import (
    MatchResult,
    MatchSummary,
    ProposedCircle,
    UnmatchedPerson,
    mean,
    share,
)
from mentorkit.matching.score import Scoring, goal_skills, score_with, scoring_for
from mentorkit.matching.score import working_hours_overlap as overlap
from mentorkit.model.entities import Circle, Cohort, MatchFile, Participant
from mentorkit.model.program import Program


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' * (count != 1)}"


def _no_new_circle(state: CircleState, left: list[int]) -> str:
    """Why the people left over form no circle of their own (true: ``find_triple`` is exact
    and ``settle`` ran until it found none)."""
    if len(left) < MIN_MEMBERS:
        return f"only {_plural(len(left), 'person')} left over, too few for a new circle of {MIN_MEMBERS}"
    if not state.pool.mentor[left].any():
        return (
            f"none of the {len(left)} people left over offers mentoring to facilitate a new circle"
        )
    return f"no valid circle of {MIN_MEMBERS} with a facilitator exists among the {len(left)} people left over"


def _no_facilitator(scoring: Scoring, state: CircleState, person: int, left: list[int]) -> str:
    """When no mentor left over could even sit with ``person``, the first rule that stops it."""
    pool = state.pool
    mentors = [m for m in left if pool.mentor[m] and m != person]
    me = pool.people[person]
    speaking = [m for m in mentors if (pool.languages[m] * pool.languages[person]).any()]
    near = [m for m in speaking if not pool.too_far[pool.zone[m], pool.zone[person]]]
    if mentors and not speaking:
        return f"no mentor left over to facilitate shares a language (speaks: {', '.join(me.languages)})"
    if speaking and not near:
        return (
            f"every mentor left over who shares a language is more than {scoring.max_gap:g} h "
            f"away (time zone: {me.timezone})"
        )
    # Whether personal rules rule out the mentors left over is private: who is left over
    # is public, so saying so would point at them. The general reason covers that case.
    return ""


def _why_not(
    scoring: Scoring, state: CircleState, person: int, new_circle: str, left: list[int]
) -> str:
    """Why nobody could take ``person``, in categories only: never who they avoid or report to.

    A circle closed to them by personal rules is counted with the full ones, as one cause,
    so the text reads the same whether a rule or a full circle stopped them (which circles
    are full, and their languages and time zones, anyone can see). ``new_circle`` says why
    the people left over form no circle of their own."""
    circles = state.live()
    detail = _no_facilitator(scoring, state, person, left)
    new_circle = f"{new_circle} ({detail})" if detail else new_circle
    if not circles:
        if not state.pool.mentor.any():
            return "no circle could be formed: no mentor is enrolled to facilitate one"
        return f"no circle could be formed: {new_circle}"
    limit = int(state.capacity[circles].max())
    codes = state.obstacles([person], circles, limit)[:, 0]
    assert codes.all(), "settle() left someone who fits a circle"
    closed = {"full": "closed", "personal": "closed"}
    blocked = Counter(
        closed.get(OBSTACLES[int(code) - 1], OBSTACLES[int(code) - 1]) for code in codes.tolist()
    )
    me = state.pool.people[person]
    causes = {
        "closed": f"full ({limit} members) or closed to them by personal pairing rules",
        "language": f"no shared language (speaks: {', '.join(me.languages)})",
        "timezone": f"a member more than {scoring.max_gap:g} h away (time zone: {me.timezone})",
    }
    found = [(blocked[key], key, text) for key, text in causes.items() if blocked[key]]
    if len(found) == 1:
        which = "the one circle is" if len(circles) == 1 else f"all {len(circles)} circles are"
        verb = "" if found[0][1] == "closed" else "ruled out by "
        existing = f"{which} {verb}{found[0][2]}"
    else:
        existing = f"none of the {len(circles)} circles can take them: " + "; ".join(
            f"{text} ({count})" for count, _, text in found
        )
    return f"{existing}; {new_circle}"


def _reasons(facilitator: Participant, members: Sequence[Participant]) -> tuple[str, ...]:
    departments = sorted({m.department for m in members})
    levels = [m.level for m in members]
    languages = set.intersection(*(set(m.languages) for m in members))
    role = "offers circles" if "circle" in facilitator.formats else "a mentor"
    reasons = [
        f"facilitated by {facilitator.id} ({role})",
        f"{_plural(len(departments), 'department')}: {', '.join(departments)}",
        f"levels {min(levels)}-{max(levels)}",
        f"common language: {', '.join(sorted(languages))}",
    ]
    known = [o for a, b in itertools.combinations(members, 2) if (o := overlap(a, b)) is not None]
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


def _locked_reasons(circle: Circle, size: int) -> tuple[str, ...]:
    """A locked circle is kept as written; one outside the size bounds says so."""
    count = len(set(circle.members))
    if MIN_MEMBERS <= count <= size + 1:
        return circle.reasons
    return (
        f"locked with {count} members, outside the {MIN_MEMBERS}-{size + 1} a circle should have",
        *circle.reasons,
    )


def _number(circle_id: str) -> tuple[str, int, str]:
    """Sort key: circle-9 before circle-10."""
    match = re.fullmatch(r"(.*?)(\d+)", circle_id)
    return (match[1], int(match[2]), "") if match else (circle_id, -1, circle_id)


def _settled(
    scoring: Scoring, pool: list[Participant], unlocked: list[Circle], size: int
) -> tuple[CircleState, list[int]]:
    """Keep last run's valid circles, then place everyone else until nothing more fits."""
    people = encode_people(scoring, pool)
    state = CircleState(people, len(pool) // MIN_MEMBERS + len(unlocked) + 1)
    reuse(state, unlocked, size, scoring.max_gap)
    rest = [i for i in range(len(pool)) if state.member_of[i] < 0]
    left = rest if state.live() else form_fresh(state, rest, size)
    return state, settle(state, left, size)


def form_circles(program: Program, cohort: Cohort, existing: MatchFile | None) -> MatchResult:
    """Circles for the cohort. Locked circles stay as written; other circles of the match
    file stay while they obey every rule; everyone else is placed until nothing more fits."""
    scoring = scoring_for(cohort)
    size = max(MIN_MEMBERS, cohort.matching.circle_size)
    everyone = sorted(program.enrolled(cohort.id), key=lambda p: p.id)
    previous = list(existing.circles) if existing else []
    locked = [c for c in previous if c.locked]
    in_locked = {m for c in locked for m in c.members}
    pool = [p for p in everyone if p.id not in in_locked]
    state, left = _settled(scoring, pool, [c for c in previous if not c.locked], size)
    used_ids = {c.id for c in previous}
    fresh_ids = (f"circle-{n:02d}" for n in itertools.count(1) if f"circle-{n:02d}" not in used_ids)
    result_circles = [
        ProposedCircle(
            state.ids[c] or next(fresh_ids),
            tuple(sorted(pool[m].id for m in state.members[c])),
            pool[state.facilitator[c]].id,
            _reasons(pool[state.facilitator[c]], [pool[m] for m in state.members[c]]),
            origin="new" if state.ids[c] is None else "kept",
        )
        for c in state.live()
    ] + [
        ProposedCircle(c.id, c.members, c.facilitator, _locked_reasons(c, size), True, "locked")
        for c in locked
    ]
    result_circles.sort(key=lambda c: _number(c.id))
    new_circle = _no_new_circle(state, left) if left else ""
    unmatched = [
        UnmatchedPerson(pool[i].id, _why_not(scoring, state, i, new_circle, left), "member")
        for i in left
    ]
    return MatchResult(
        cohort.id,
        cohort.format,
        (),
        tuple(result_circles),
        tuple(unmatched),
        _summary(program, cohort, scoring, state, result_circles, len(unmatched)),
    )


def _summary(
    program: Program,
    cohort: Cohort,
    scoring: Scoring,
    state: CircleState,
    circles: list[ProposedCircle],
    unmatched: int,
) -> MatchSummary:
    pool = state.pool.people
    live = state.live()
    scores = [
        s.total
        for c in live
        for m in state.members[c]
        if m != state.facilitator[c]
        and (s := score_with(scoring, pool[state.facilitator[c]], pool[m])) is not None
    ]
    mixed = sum(1 for c in live if np.count_nonzero(state.departments[c]) > 1)
    everyone = program.enrolled(cohort.id)
    return MatchSummary(
        format=cohort.format,
        objective=scoring.objective,
        matched=sum(len(c.members) for c in circles),
        unmatched=unmatched,
        mean_score=mean(sorted(scores)),  # one order, so a re-run sums the same way,
        cross_functional_share=share(mixed, len(live)),
        mentor_utilisation=share(len(circles), sum(1 for p in everyone if p.mentor is not None)),
        people=len(everyone),
        solver="balanced rounds",
    )
