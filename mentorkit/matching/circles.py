"""Circle cohorts: groups of the cohort's size, each facilitated by a mentor, explained.

How circles are formed and kept stable across runs is in ``circle_groups``; this module
turns the groups into a result with reasons, unmatched people and a summary.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter

from mentorkit.matching.circle_groups import (
    MIN_MEMBERS,
    Forming,
    deal,
    form_fresh,
    obstacle,
    place_newcomers,
    reuse,
)
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
    score_with,
    scoring_for,
    working_hours_overlap,
)
from mentorkit.model.entities import Circle, Cohort, MatchFile, Participant
from mentorkit.model.program import Program


def _why_not(scoring: Scoring, circles: list[Forming], person: Participant, mentors: int) -> str:
    """Why nobody could take ``person``, in categories only: never who they avoid or report to."""
    if not circles:
        return (
            "no circle could be formed: no mentor is enrolled to facilitate one"
            if mentors == 0
            else "too few people to form a circle"
        )
    blocked = Counter(obstacle(scoring, c, person) for c in circles)
    room = len(circles) - blocked["full"]
    if not room:
        return (
            f"all {len(circles)} circles are full and no new one could be formed "
            f"(each needs a mentor as facilitator; {mentors} enrolled)"
        )
    causes = {
        "language": f"no shared language (speaks: {', '.join(person.languages)})",
        "timezone": f"a member more than {scoring.max_gap:g} h away (time zone: {person.timezone})",
        "personal": "personal pairing rules",
    }
    found = [(blocked[key], text) for key, text in causes.items() if blocked[key]]
    if len(found) == 1:
        which = "the one circle with room is" if room == 1 else f"all {room} circles with room are"
        return f"{which} ruled out by {found[0][1]}"
    return f"the {room} circles with room are ruled out by " + "; ".join(
        f"{text} ({count})" for count, text in found
    )


def _reasons(scoring: Scoring, circle: Forming) -> tuple[str, ...]:
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


def _number(circle_id: str) -> tuple[str, int, str]:
    """Sort key: circle-9 before circle-10."""
    match = re.fullmatch(r"(.*?)(\d+)", circle_id)
    return (match[1], int(match[2]), "") if match else (circle_id, -1, circle_id)


def _stable(
    scoring: Scoring, pool: list[Participant], previous: list[Circle], size: int
) -> tuple[list[Forming], list[Forming], list[Participant]]:
    """Keep last run's valid circles and fit the newcomers in: (kept, new, left)."""
    kept = reuse(scoring, previous, pool, size)
    placed = {m for c in kept for m in c.member_ids}
    newcomers = sorted(
        (p for p in pool if p.id not in placed), key=lambda p: (p.department, p.level, p.id)
    )
    return place_newcomers(scoring, kept, newcomers, size)


def form_circles(program: Program, cohort: Cohort, existing: MatchFile | None) -> MatchResult:
    """Circles for the cohort. Locked circles stay as written; other circles of the match
    file stay while they obey every rule, so a newcomer changes one or two circles; all of
    them are re-formed only when that places more people."""
    scoring = scoring_for(cohort)
    size = max(MIN_MEMBERS, cohort.matching.circle_size)
    everyone = sorted(program.enrolled(cohort.id), key=lambda p: p.id)
    previous = list(existing.circles) if existing else []
    locked = [c for c in previous if c.locked]
    in_locked = {m for c in locked for m in c.members}
    pool = [p for p in everyone if p.id not in in_locked]
    unlocked = [c for c in previous if not c.locked]
    kept, fresh, left = _stable(scoring, pool, unlocked, size)
    if unlocked:
        rebuilt, rebuilt_left = form_fresh(scoring, pool, size)
        if len(rebuilt_left) < len(left):  # clearly better: it places more people
            kept, fresh, left = [], rebuilt, rebuilt_left
    formed = kept + fresh
    left = deal(scoring, formed, left)  # room may have opened up since they were tried
    used_ids = {c.id for c in previous}
    fresh_ids = (f"circle-{n:02d}" for n in itertools.count(1) if f"circle-{n:02d}" not in used_ids)
    ids = [c.id or next(fresh_ids) for c in formed]
    mentors = sum(1 for p in pool if p.mentor is not None)
    result_circles = [
        ProposedCircle(
            circle_id,
            tuple(sorted(m.id for m in c.members)),
            c.facilitator.id,
            _reasons(scoring, c),
            origin="new" if c.id is None else "kept",
        )
        for circle_id, c in zip(ids, formed, strict=True)
    ] + [ProposedCircle(c.id, c.members, c.facilitator, c.reasons, True, "locked") for c in locked]
    result_circles.sort(key=lambda c: _number(c.id))
    unmatched = sorted(
        (UnmatchedPerson(p.id, _why_not(scoring, formed, p, mentors), "member") for p in left),
        key=lambda u: u.id,
    )
    scores = [
        s.total
        for c in formed
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
        cross_functional_share=share(sum(1 for c in formed if len(c.departments) > 1), len(formed)),
        mentor_utilisation=share(len(result_circles), all_mentors),
        people=len(everyone),
        solver="balanced rounds",
    )
    return MatchResult(
        cohort.id, cohort.format, (), tuple(result_circles), tuple(unmatched), summary
    )
