"""The score of one candidate pair, its components and the reasons, in words.

The same arithmetic, in the same order, runs vectorised in ``mentorkit.matching.matrix``
so that the engine and ``score_pair`` agree to the last bit. Totals are rounded to
four decimals (``SCALE``) and the solvers work on those integers, which keeps ties
exact and results identical on every platform.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from mentorkit.matching.preferences import choice_bonus
from mentorkit.model.entities import (
    BIPARTITE_FORMATS,
    MEETING_FORMATS,
    Cohort,
    MatchingSettings,
    Objective,
    Participant,
)
from mentorkit.model.program import Program
from mentorkit.model.rules import pairing_obstacle, shared_languages, utc_offset_hours

COMPONENTS = ("goals", "seniority", "timezone", "language", "cross_functional", "format")


def weighted_total(weights: dict[str, float], components: dict[str, Any]) -> Any:
    """The score before rounding: one formula for a single pair and for NumPy arrays of pairs."""
    total: Any = 0.0
    for name in COMPONENTS:
        total = total + weights[name] * components[name]
    return total


SCALE = 10_000  # totals are multiples of 1/SCALE
IDEAL_GAP = 2  # a mentor two levels above the mentee scores best
SENIORITY_SPAN = 3.0  # each level away from the ideal costs a third
WORKING_HOURS = 8.0  # 09:00-17:00 local time


@dataclass(frozen=True)
class PairScore:
    """A candidate pair's score in [0, 1], its components (each in [0, 1]) and why."""

    total: float
    components: dict[str, float]
    reasons: tuple[str, ...]

    @property
    def points(self) -> int:
        """The total as an integer number of 1/SCALE steps: what the solvers add up."""
        return round(self.total * SCALE)


@dataclass(frozen=True)
class Scoring:
    """Everything about a cohort that changes how a pair is scored."""

    format: str
    weights: dict[str, float]
    cross_functional: str
    max_gap: float
    min_score: float
    objective: Objective = "coverage"
    choice_points: int = 0  # a 1st choice's bonus in points (see ``preferences``)

    @property
    def peer(self) -> bool:
        return self.format not in BIPARTITE_FORMATS

    @property
    def mutual(self) -> bool:
        """Swap cohorts: each of the two must teach the other a skill they seek."""
        return self.format == "swap"

    @property
    def reverse(self) -> bool:
        return self.format == "reverse"


def scoring_for(cohort: Cohort) -> Scoring:
    """Normalised weights (a dropped component weighs 0) and the cohort's limits."""
    settings: MatchingSettings = cohort.matching
    raw = settings.weights.as_dict()
    if settings.cross_functional == "ignore":
        raw["cross_functional"] = 0.0
    if sum(raw.values()) <= 0:
        raw = dict.fromkeys(COMPONENTS, 1.0)
    total = sum(raw[name] for name in COMPONENTS)
    weights = {name: raw[name] / total for name in COMPONENTS}
    return Scoring(
        cohort.format,
        weights,
        settings.cross_functional,
        settings.max_timezone_gap_hours,
        settings.min_score,
        settings.objective,
        round(settings.preference_bonus * SCALE),
    )


def offered_skills(person: Participant) -> dict[str, int]:
    return dict(person.mentor.skills) if person.mentor else {}


def goal_skills(person: Participant) -> tuple[str, ...]:
    """The person's goal skills, first mention kept, in the order they wrote them."""
    if person.mentee is None:
        return ()
    return tuple(dict.fromkeys(goal.skill for goal in person.mentee.goals))


def prefers_cross_functional(person: Participant) -> bool:
    return bool(person.mentee and person.mentee.prefer_cross_functional)


def format_bits(person: Participant) -> int:
    return sum(1 << i for i, name in enumerate(MEETING_FORMATS) if name in person.formats)


def working_hours_overlap(a: Participant, b: Participant) -> float | None:
    """Hours both people are inside 09:00-17:00 local time; None when a zone is unknown."""
    first, second = utc_offset_hours(a.timezone), utc_offset_hours(b.timezone)
    if first is None or second is None:
        return None
    gap = abs(first - second) % 24
    gap = min(gap, 24 - gap)
    return max(0.0, WORKING_HOURS - gap)


def seniority_fit(gap: int, peer: bool) -> float:
    """1 at the ideal gap (2 levels for mentoring, 0 for peers), a third less per level away."""
    distance = abs(gap) if peer else abs(gap - IDEAL_GAP)
    return max(0.0, 1 - distance / SENIORITY_SPAN)


def format_fit(a_bits: int, b_bits: int) -> float:
    """Shared formats over the shorter list; 0.5 (neutral) when either lists none."""
    if not a_bits or not b_bits:
        return 0.5
    return (a_bits & b_bits).bit_count() / min(a_bits.bit_count(), b_bits.bit_count())


def _and(words: tuple[str, ...]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def to_points(value: float) -> int:
    return math.floor(value * SCALE + 0.5)


def hard_rule_obstacle(scoring: Scoring, mentor: Participant, mentee: Participant) -> str | None:
    """Why the cohort's hard rules forbid this pair (capacity aside); None when allowed."""
    obstacle = pairing_obstacle(mentor, mentee, scoring.max_gap)
    if obstacle:
        return obstacle
    if scoring.cross_functional == "require" and mentor.department == mentee.department:
        return f"both are in {mentor.department} and the cohort requires cross-functional pairs"
    if not scoring.peer:
        if mentor.mentor is None:
            return f"{mentor.id} does not offer mentoring"
        if mentee.mentee is None:
            return f"{mentee.id} does not seek mentoring"
    if scoring.mutual:
        if not _teaches(mentor, mentee) or not _teaches(mentee, mentor):
            return "a swap needs each to offer a skill the other seeks"
    elif not _shared_goal_count(scoring, mentor, mentee):
        return "no goal skill of one is offered by the other"
    return None


def _teaches(teacher: Participant, learner: Participant) -> bool:
    offered = offered_skills(teacher)
    return any(skill in offered for skill in goal_skills(learner))


def _shared_goal_count(scoring: Scoring, mentor: Participant, mentee: Participant) -> int:
    count = sum(1 for skill in goal_skills(mentee) if skill in offered_skills(mentor))
    if scoring.peer:
        count += sum(1 for skill in goal_skills(mentor) if skill in offered_skills(mentee))
    return count


def _goal_fit(
    scoring: Scoring, mentor: Participant, mentee: Participant
) -> tuple[float, list[str]]:
    def direction(learner: Participant, teacher: Participant) -> tuple[int, int, list[str]]:
        goals, offered = goal_skills(learner), offered_skills(teacher)
        hits = [skill for skill in goals if skill in offered]
        return sum(offered[skill] for skill in hits), len(goals), hits

    levels, count, hits = direction(mentee, mentor)
    if not scoring.peer:
        fit = levels / (5 * count) if count else 0.0
        noun = "goal skill" if count == 1 else "goal skills"
        return fit, [
            f"shares {len(hits)} of {count} {noun}: {', '.join(hits)}"
            if hits
            else "shares no goal skill"
        ]
    back_levels, back_count, back_hits = direction(mentor, mentee)
    fit = (levels + back_levels) / (5 * (count + back_count)) if count + back_count else 0.0
    reasons = []
    if hits:
        reasons.append(
            f"{mentor.id} can help with {len(hits)} of {count} goals of {mentee.id}: {', '.join(hits)}"
        )
    if back_hits:
        reasons.append(
            f"{mentee.id} can help with {len(back_hits)} of {back_count} goals of {mentor.id}: {', '.join(back_hits)}"
        )
    return fit, reasons


def _seniority_reason(scoring: Scoring, gap: int) -> str:
    if scoring.peer:
        return "same level" if gap == 0 else f"{abs(gap)} level{'s' * (abs(gap) != 1)} apart"
    if gap == 0:
        return "same level" + (" (reverse mentoring)" if scoring.reverse else "")
    plural = "s" * (abs(gap) != 1)
    if scoring.reverse:
        word = "more junior" if gap > 0 else "more senior"
        return f"{abs(gap)} level{plural} {word}: reverse mentoring"
    return f"{abs(gap)} level{plural} {'more senior' if gap > 0 else 'more junior'}"


def _cross_functional(
    scoring: Scoring, mentor: Participant, mentee: Participant
) -> tuple[float, str | None]:
    if scoring.cross_functional == "ignore":
        return 0.0, None
    asked = prefers_cross_functional(mentee) or (scoring.peer and prefers_cross_functional(mentor))
    departments = f"{mentor.department} and {mentee.department}"
    if mentor.department != mentee.department:
        if scoring.cross_functional == "require":
            return 1.0, f"cross-functional as the cohort requires ({departments})"
        asker = "asked" if scoring.peer else "the mentee asked"
        return (
            1.0,
            f"cross-functional as {asker} ({departments})"
            if asked
            else f"cross-functional ({departments})",
        )
    if asked:
        return (
            0.0,
            f"same department ({mentor.department}) though a cross-functional pair was asked for",
        )
    return 0.5, f"same department ({mentor.department})"


def score_pair(
    program: Program, cohort: Cohort, mentor: Participant, mentee: Participant
) -> PairScore | None:
    """The pair's score, or None when a hard rule of the cohort forbids the pair.

    In peer and circles cohorts ``mentor`` and ``mentee`` are simply the two peers.
    Capacity is the solver's business and is not checked here.
    """
    del program  # part of the interface: future components may need program-wide data
    return score_with(scoring_for(cohort), mentor, mentee)


def score_with(scoring: Scoring, mentor: Participant, mentee: Participant) -> PairScore | None:
    if hard_rule_obstacle(scoring, mentor, mentee):
        return None
    components, reasons = _fit(scoring, mentor, mentee)
    points = to_points(weighted_total(scoring.weights, components))
    if points / SCALE < scoring.min_score:  # the minimum applies to the fit, before any bonus
        return None
    bonus, chosen = choice_bonus(scoring.choice_points, scoring.peer, mentor, mentee)
    points = min(SCALE, points + bonus)
    return PairScore(
        points / SCALE,
        {name: round(components[name], 4) for name in COMPONENTS},
        (*chosen, *reasons),
    )


def reasons_with(scoring: Scoring, mentor: Participant, mentee: Participant) -> tuple[str, ...]:
    """The reasons ``score_with`` gives a pair the kernel has already scored and allowed:
    the hard rules and the total are not worked out again."""
    _, reasons = _fit(scoring, mentor, mentee)
    _, chosen = choice_bonus(scoring.choice_points, scoring.peer, mentor, mentee)
    return (*chosen, *reasons)


def _fit(
    scoring: Scoring, mentor: Participant, mentee: Participant
) -> tuple[dict[str, float], list[str]]:
    """Each component of the pair's fit (0..1) and the sentences that explain them."""
    goals, reasons = _goal_fit(scoring, mentor, mentee)
    gap = mentee.level - mentor.level if scoring.reverse else mentor.level - mentee.level
    seniority = seniority_fit(gap, scoring.peer)
    reasons.append(_seniority_reason(scoring, gap))
    overlap = working_hours_overlap(mentor, mentee)
    timezone = (overlap or 0.0) / WORKING_HOURS
    reasons.append(
        "time zones unknown" if overlap is None else f"{overlap:g} h working-hours overlap"
    )
    languages = shared_languages(mentor, mentee)
    language = min(1.0, len(languages) / 2)
    reasons.append(
        f"speaks {_and(languages)} together"
        if len(languages) > 1
        else f"shared language: {languages[0]}"
    )
    cross, cross_reason = _cross_functional(scoring, mentor, mentee)
    if cross_reason:
        reasons.append(cross_reason)
    mentor_bits, mentee_bits = format_bits(mentor), format_bits(mentee)
    fmt = format_fit(mentor_bits, mentee_bits)
    shared_formats = [
        name for i, name in enumerate(MEETING_FORMATS) if mentor_bits & mentee_bits & (1 << i)
    ]
    if shared_formats:
        reasons.append(f"both like {', '.join(shared_formats)}")
    components = {
        "goals": goals,
        "seniority": seniority,
        "timezone": timezone,
        "language": language,
        "cross_functional": cross,
        "format": fmt,
    }
    return components, reasons
