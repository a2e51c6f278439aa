"""Write a cohort's retrospective draft (``lifecycle.reflection``) as Markdown."""

from __future__ import annotations

from mentorkit.lifecycle.reflection import Reflection

PROMPTS = (
    ("What worked", "Which practices should the next cohort keep?"),
    ("What to change", "Matching, cadence, milestones, support: what would you do differently?"),
    ("For the next cohort", "Decisions and owners."),
)


def _percent(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0%}"


def _health_table(r: Reflection) -> list[str]:
    if not r.health:
        return ["No check-ins were recorded."]
    return [
        "| Month | Check-ins | On track | Needs attention | Off track |",
        "|---|---:|---:|---:|---:|",
        *(
            f"| {m.month} | {m.checkins} | " + " | ".join(f.text() for f in m.counts) + " |"
            for m in r.health
        ),
    ]


def _goals(r: Reflection, quote: bool) -> list[str]:
    if quote:
        achieved = [f"- {goal} ({label})" for goal, label in r.achieved]
    else:  # a sealed goal's words stay sealed: the retrospective is committed
        achieved = [f"- {label}: {n}" for label, n in r.achieved_by_skill]
    lines = ["### Achieved", "", *(sorted(achieved) or ["None yet."]), ""]
    if r.open_by_skill:
        lines += ["### Still open", ""]
        lines += [f"- {label}: {count}" for label, count in r.open_by_skill]
        lines.append("")
    return lines


def _lessons(r: Reflection) -> list[str]:
    lines = [f"- **{n.title}** by {n.by} ({n.date}): {n.takeaway}" for n in r.lessons]
    return lines or ["No lessons were written during the cohort."]


def reflection_markdown(r: Reflection, *, quote_goals: bool = True) -> str:
    """The retrospective draft a coordinator edits before committing it.

    ``quote_goals=False`` lists achieved goals by skill, without their (sealed) words.
    """
    cohort, row, goals = r.cohort, r.participation, r.goals
    lines = [
        f"# Retrospective: {cohort.name}",
        "",
        f"<!-- Drafted by `mentorkit report {cohort.id} --reflection` on {r.today.isoformat()}. "
        "Edit freely before committing; agreements stay private, so keep names out. -->",
        "",
        f"{cohort.format.capitalize()} cohort, {cohort.starts} to {cohort.ends}, status {cohort.status}.",
        "",
        "## The cohort in numbers",
        "",
        f"- People enrolled: {row.enrolled} ({row.mentors} offering mentoring)",
        f"- Matched: {row.matched} of {row.seeking} ({_percent(row.match_rate)})",
        f"- Accepted pairs: {r.accepted_pairs}, {_percent(r.cross_share)} across departments",
        f"- Pairs ended and rematched: {r.rematches}",
        f"- Mentor utilisation: {_percent(r.utilisation)}",
        "",
        "## Goals",
        "",
        f"{goals.achieved} of {goals.total} agreement goals achieved "
        f"({_percent(goals.rate)}), {goals.dropped} dropped.",
        "",
        *_goals(r, quote_goals),
        "## Health over time",
        "",
        "Check-ins recorded per month, by the health the pair reported. Health is private: a "
        "count that could single out a pair is withheld.",
        "",
        *_health_table(r),
        "",
        "## Lessons of the cohort",
        "",
        *_lessons(r),
        "",
    ]
    for title, prompt in PROMPTS:
        lines += [f"## {title}", "", f"<!-- {prompt} -->", ""]
    return "\n".join(lines).rstrip("\n") + "\n"
