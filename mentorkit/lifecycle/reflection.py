"""End-of-cycle reflection: a Markdown retrospective of one cohort, for a coordinator to edit.

It gathers the cohort's figures, the goals achieved, health over time (check-ins per
month) and the lessons written during the cohort. Goals are listed without names: the
retrospective is committed to the repository, agreements stay private.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from mentorkit.lifecycle.metrics import compute_metrics
from mentorkit.lifecycle.relationships import checkins_until
from mentorkit.model.entities import as_date
from mentorkit.model.program import Program

HEALTH_COLUMNS = ("on-track", "needs-attention", "off-track")
PROMPTS = (
    ("What worked", "Which practices should the next cohort keep?"),
    ("What to change", "Matching, cadence, milestones, support: what would you do differently?"),
    ("For the next cohort", "Decisions and owners."),
)


def retrospective_path(cohort_id: str) -> str:
    return f"program/retrospectives/{cohort_id}.md"


def _percent(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0%}"


def _health_table(program: Program, cohort_id: str, today: dt.date) -> list[str]:
    months: dict[str, Counter[str]] = {}
    for agreement in program.agreements:
        if agreement.cohort != cohort_id:
            continue
        for checkin in checkins_until(agreement, today):
            day = as_date(checkin.date)
            if day and checkin.health:
                months.setdefault(day.strftime("%Y-%m"), Counter())[checkin.health] += 1
    if not months:
        return ["No check-ins were recorded."]
    rows = ["| Month | On track | Needs attention | Off track |", "|---|---:|---:|---:|"]
    for month in sorted(months):
        counts = months[month]
        rows.append(f"| {month} | " + " | ".join(str(counts[h]) for h in HEALTH_COLUMNS) + " |")
    return rows


def _goals(program: Program, cohort_id: str, quote: bool) -> list[str]:
    achieved: list[str] = []
    achieved_by_skill: Counter[str] = Counter()
    open_by_skill: Counter[str] = Counter()
    for agreement in program.agreements:
        if agreement.cohort != cohort_id or agreement.status == "rematched":
            continue
        for goal in agreement.goals:
            skill = program.skills.get(goal.skill or "")
            label = skill.name if skill else (goal.skill or "no skill")
            if goal.status == "achieved":
                achieved.append(f"- {goal.goal.strip()} ({label})")
                achieved_by_skill[label] += 1
            elif goal.status in ("not-started", "in-progress"):
                open_by_skill[label] += 1
    if not quote:  # a sealed goal's words stay sealed: the retrospective is committed
        achieved = [f"- {label}: {n}" for label, n in achieved_by_skill.items()]
    lines = ["### Achieved", "", *(sorted(achieved) or ["None yet."]), ""]
    if open_by_skill:
        lines += ["### Still open", ""]
        lines += [f"- {label}: {count}" for label, count in sorted(open_by_skill.items())]
        lines.append("")
    return lines


def _lessons(program: Program, cohort_id: str, today: dt.date) -> list[str]:
    lines = []
    for lesson in program.lessons:
        written = as_date(lesson.date)
        if lesson.cohort != cohort_id or written is None or written > today:
            continue
        author = program.participants.get(lesson.author)
        name = author.name if author and author.public else "a participant"
        takeaway = " ".join(lesson.takeaway.split())
        lines.append(f"- **{lesson.title}** by {name} ({lesson.date}): {takeaway}")
    return lines or ["No lessons were written during the cohort."]


def reflection_markdown(
    program: Program, cohort_id: str, today: dt.date, *, quote_goals: bool = True
) -> str:
    """The retrospective draft (KeyError for an unknown cohort).

    ``quote_goals=False`` lists achieved goals by skill, without their (sealed) words.
    """
    cohort = program.cohorts[cohort_id]
    metrics = compute_metrics(program, today, cohort=cohort_id)
    (row,) = metrics.cohorts
    match = program.matches.get(cohort_id)
    rematches = sum(1 for p in (match.pairs if match else ()) if p.status == "ended")
    goals = metrics.goals
    lines = [
        f"# Retrospective: {cohort.name}",
        "",
        f"<!-- Drafted by `mentorkit report {cohort_id} --reflection` on {today.isoformat()}. "
        "Edit freely before committing; agreements stay private, so keep names out. -->",
        "",
        f"{cohort.format.capitalize()} cohort, {cohort.starts} to {cohort.ends}, status {cohort.status}.",
        "",
        "## The cohort in numbers",
        "",
        f"- People enrolled: {row.enrolled} ({row.mentors} offering mentoring)",
        f"- Matched: {row.matched} of {row.seeking} ({_percent(row.match_rate)})",
        f"- Accepted pairs: {metrics.cross_functional.accepted_pairs}, "
        f"{_percent(metrics.cross_functional.share)} across departments",
        f"- Pairs ended and rematched: {rematches}",
        f"- Mentor utilisation: {_percent(metrics.utilisation.rate)}",
        "",
        "## Goals",
        "",
        f"{goals.achieved} of {goals.total} agreement goals achieved "
        f"({_percent(goals.rate)}), {goals.dropped} dropped.",
        "",
        *_goals(program, cohort_id, quote_goals),
        "## Health over time",
        "",
        "Check-ins recorded per month, by the health the pair reported.",
        "",
        *_health_table(program, cohort_id, today),
        "",
        "## Lessons of the cohort",
        "",
        *_lessons(program, cohort_id, today),
        "",
    ]
    for title, prompt in PROMPTS:
        lines += [f"## {title}", "", f"<!-- {prompt} -->", ""]
    return "\n".join(lines).rstrip("\n") + "\n"
