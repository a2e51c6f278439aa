"""End-of-cycle reflection: what one cohort's retrospective draft says, for a coordinator
to edit (``reporters/reflection.py`` writes it as Markdown).

It gathers the cohort's figures, the goals achieved, health over time (check-ins per
month) and the lessons written during the cohort. Health is private (sealed in the
repository), so its counts pass the program's one disclosure rule (``disclosure``): a
month's count by health is shown only when it cannot single out a pair. Goals are listed without names: the
retrospective is committed to the repository, agreements stay private (and a sealed
goal's words are left out unless asked for: ``reflection_markdown(quote_goals=)``).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from mentorkit.lifecycle.disclosure import Count, Figure, Spec, disclose
from mentorkit.lifecycle.metric_values import CohortParticipation, GoalAttainment
from mentorkit.lifecycle.metrics import compute_metrics
from mentorkit.lifecycle.published import min_group
from mentorkit.lifecycle.relationships import checkins_until
from mentorkit.model.entities import Cohort, Health, as_date
from mentorkit.model.program import Program

HEALTH_COLUMNS: tuple[Health, ...] = ("on-track", "needs-attention", "off-track")


def retrospective_path(cohort_id: str) -> str:
    return f"program/retrospectives/{cohort_id}.md"


@dataclass(frozen=True)
class HealthMonth:
    month: str  # YYYY-MM
    checkins: int  # check-ins with a health that month: the files say as much
    counts: tuple[Figure, ...]  # check-ins per state of ``HEALTH_COLUMNS``, disclosed


@dataclass(frozen=True)
class LessonNote:
    title: str
    by: str  # the author's name, or "a participant" when they are not public
    date: str
    takeaway: str  # on one line


@dataclass(frozen=True)
class Reflection:
    """One cohort's retrospective, as of ``today``."""

    cohort: Cohort
    today: dt.date
    participation: CohortParticipation
    accepted_pairs: int
    cross_share: float | None
    rematches: int  # pairs ended (and so rematched or left)
    utilisation: float | None
    goals: GoalAttainment
    achieved: tuple[tuple[str, str], ...]  # (goal, skill label) of achieved goals
    achieved_by_skill: tuple[tuple[str, int], ...]  # skill label, goals achieved
    open_by_skill: tuple[tuple[str, int], ...]  # skill label, goals open, by label
    health: tuple[HealthMonth, ...]  # months with check-ins, in order
    lessons: tuple[LessonNote, ...]


CheckinUnit = tuple[str, str, str, str]  # mentor, mentee, date, author: one check-in


def _health_units(
    program: Program, cohort_id: str, today: dt.date
) -> dict[str, dict[str, dict[CheckinUnit, frozenset[str]]]]:
    """month -> health -> check-in -> the two people whose pair reported it."""
    months: dict[str, dict[str, dict[CheckinUnit, frozenset[str]]]] = {}
    for agreement in program.agreements:
        if agreement.cohort != cohort_id:
            continue
        pair = frozenset((agreement.mentor, agreement.mentee))
        for checkin in checkins_until(agreement, today):
            day = as_date(checkin.date)
            if day and checkin.health:
                unit = (agreement.mentor, agreement.mentee, checkin.date, checkin.by or "")
                month = months.setdefault(day.strftime("%Y-%m"), {})
                month.setdefault(checkin.health, {})[unit] = pair
    return months


def _health(program: Program, cohort_id: str, today: dt.date) -> tuple[HealthMonth, ...]:
    """Check-ins per month by health, each count withheld when it could single out a pair.

    A month's number of check-ins is public (every check-in is a file, its name dated),
    so each count is a part of it: shown when it and the rest of the month are both
    0 or at least the threshold, and at least that many people are behind it.
    """
    months = _health_units(program, cohort_id, today)
    specs: list[Spec] = []
    for month, by_health in months.items():
        every = frozenset(u for units in by_health.values() for u in units)
        specs.append(Count(f"health:{month}", every, public=True))
        for state in HEALTH_COLUMNS:
            units = by_health.get(state, {})
            people = frozenset(p for pair in units.values() for p in pair)
            behind = (people,) if units else ()
            specs.append(Count(f"health:{month}:{state}", frozenset(units), every, behind=behind))
    figures = disclose(specs, min_group(program))
    return tuple(
        HealthMonth(
            month,
            int(figures[f"health:{month}"].value or 0),
            tuple(figures[f"health:{month}:{state}"] for state in HEALTH_COLUMNS),
        )
        for month in sorted(months)
    )


def _goals(
    program: Program, cohort_id: str
) -> tuple[list[tuple[str, str]], Counter[str], Counter[str]]:
    """Achieved goals (words, skill label), and goals achieved and still open per skill."""
    achieved: list[tuple[str, str]] = []
    achieved_by_skill: Counter[str] = Counter()
    open_by_skill: Counter[str] = Counter()
    for agreement in program.agreements:
        if agreement.cohort != cohort_id or agreement.status == "rematched":
            continue
        for goal in agreement.goals:
            skill = program.skills.get(goal.skill or "")
            label = skill.name if skill else (goal.skill or "no skill")
            if goal.status == "achieved":
                achieved.append((goal.goal.strip(), label))
                achieved_by_skill[label] += 1
            elif goal.status in ("not-started", "in-progress"):
                open_by_skill[label] += 1
    return achieved, achieved_by_skill, open_by_skill


def _lessons(program: Program, cohort_id: str, today: dt.date) -> tuple[LessonNote, ...]:
    notes = []
    for lesson in program.lessons:
        written = as_date(lesson.date)
        if lesson.cohort != cohort_id or written is None or written > today:
            continue
        author = program.participants.get(lesson.author)
        name = author.name if author and author.public else "a participant"
        notes.append(LessonNote(lesson.title, name, lesson.date, " ".join(lesson.takeaway.split())))
    return tuple(notes)


def cohort_reflection(program: Program, cohort_id: str, today: dt.date) -> Reflection:
    """What the retrospective draft says (KeyError for an unknown cohort)."""
    cohort = program.cohorts[cohort_id]
    metrics = compute_metrics(program, today, cohort=cohort_id)
    (row,) = metrics.cohorts
    match = program.matches.get(cohort_id)
    achieved, achieved_by_skill, open_by_skill = _goals(program, cohort_id)
    return Reflection(
        cohort=cohort,
        today=today,
        participation=row,
        accepted_pairs=metrics.cross_functional.accepted_pairs,
        cross_share=metrics.cross_functional.share,
        rematches=sum(1 for p in (match.pairs if match else ()) if p.status == "ended"),
        utilisation=metrics.utilisation.rate,
        goals=metrics.goals,
        achieved=tuple(achieved),
        achieved_by_skill=tuple(achieved_by_skill.items()),
        open_by_skill=tuple(sorted(open_by_skill.items())),
        health=_health(program, cohort_id, today),
        lessons=_lessons(program, cohort_id, today),
    )
