"""Format pair health and rematch plans (text, JSON, Markdown, GitHub annotations).

Formatters only: ``mentorkit.lifecycle.health`` and ``mentorkit.lifecycle.rematch`` decide.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from mentorkit.lifecycle.health import HealthReport
from mentorkit.lifecycle.rematch import Alternative, RematchPlan
from mentorkit.problems import shown_path
from mentorkit.reporters import json_text
from mentorkit.reporters.github import annotation
from mentorkit.reporters.markdown import Cell, code, table
from mentorkit.reporters.matching import left_out_line


def health_json(report: HealthReport) -> str:
    return json_text(
        {
            "cohort": report.cohort,
            "today": report.today,
            "pairs_checked": len(report.pairs),
            "needing_attention": len(report.flagged),
            "pairs": [
                {
                    "mentor": p.mentor,
                    "mentee": p.mentee,
                    "agreement": p.agreement,
                    "started": p.started,
                    "latest_checkin": p.latest_checkin,
                    "latest_health": p.latest_health,
                    "flags": [{"code": f.code, "message": f.message} for f in p.flags],
                }
                for p in report.pairs
            ],
        }
    )


def health_text(report: HealthReport) -> str:
    lines = [
        f"{len(report.flagged)} of {len(report.pairs)} pairs in {report.cohort} need attention "
        f"on {report.today}"
    ]
    for pair in report.flagged:
        lines += [
            "",
            f"{pair.mentor} -> {pair.mentee}" + (f"  ({pair.agreement})" if pair.agreement else ""),
        ]
        lines += [f"  - {flag.code}: {flag.message}" for flag in pair.flags]
    return "\n".join(lines) + "\n"


def health_markdown(report: HealthReport) -> str:
    lines = [
        f"## Pairs needing attention in `{report.cohort}`",
        "",
        f"{len(report.flagged)} of {len(report.pairs)} pairs on {report.today}.",
    ]
    if report.flagged:
        rows: list[list[Cell]] = [
            [f"{p.mentor} → {p.mentee}", tuple(f"**{f.code}**: {f.message}" for f in p.flags)]
            for p in report.flagged
        ]
        lines += ["", *table(["pair", "why"], rows)]
    return "\n".join(lines) + "\n"


def health_github(report: HealthReport) -> str:
    lines = []
    for pair in report.flagged:
        path = pair.agreement or f"program/matches/{report.cohort}.yaml"
        for flag in pair.flags:
            message = f"{pair.mentor} -> {pair.mentee}: {flag.message}"
            lines.append(annotation("warning", message, file=path, title=f"mentorkit {flag.code}"))
    return "\n".join(lines) + ("\n" if lines else "")


# What ``report --health --format`` offers: exactly these renderers.
HEALTH_RENDERERS: dict[str, Callable[[HealthReport], str]] = {
    "text": health_text,
    "json": health_json,
    "markdown": health_markdown,
    "github": health_github,
}


def _alternative(a: Alternative | None) -> dict[str, Any] | None:
    if a is None:
        return None
    return {
        "mentor": a.mentor,
        "score": a.score,
        "reasons": list(a.reasons),
        "cross_functional": a.cross_functional,
    }


def rematch_json(plan: RematchPlan, written: Sequence[str], left_out: Sequence[str] = ()) -> str:
    return json_text(
        {
            "cohort": plan.cohort,
            "mentee": plan.mentee,
            "ended": {"mentor": plan.ended_mentor, "date": plan.today, "reason": plan.reason},
            "agreement": plan.agreement,
            "excluded_mentors": list(plan.excluded),
            "proposal": _alternative(plan.proposal),
            "unmatched_reason": plan.unmatched_reason,
            "other_options": [_alternative(a) for a in plan.others],
            "written": list(written),
            "left_out": list(left_out),
        }
    )


def _score(a: Alternative) -> str:
    return "" if a.score is None else f" (score {a.score:.2f})"


def rematch_text(
    plan: RematchPlan, written: Sequence[str], left_out: Sequence[str] = (), markdown: bool = False
) -> str:
    bullet = "- " if markdown else "  - "
    lines = [
        ("## " if markdown else "") + f"Rematch {plan.mentee} in {plan.cohort}",
        "",
        f"Ends {plan.ended_mentor} -> {plan.mentee} on {plan.today}: {plan.reason}",
        f"Never proposed again for {plan.mentee}: {', '.join(plan.excluded)}",
        "",
    ]
    if plan.proposal:
        lines.append(f"Proposed: {plan.proposal.mentor} -> {plan.mentee}{_score(plan.proposal)}")
        lines += [f"{bullet}{reason}" for reason in plan.proposal.reasons]
    else:
        lines.append(f"No alternative: {plan.unmatched_reason}")
    if plan.others:
        lines += ["", "Other mentors with room:"]
        lines += [f"{bullet}{a.mentor}{_score(a)}: {'; '.join(a.reasons[:2])}" for a in plan.others]
    if left_out:  # a mentor left out is one the proposal never weighed
        shown = [code(shown_path(p), 200) if markdown else shown_path(p) for p in left_out]
        lines += ["", f"{left_out_line(left_out)}:", *(f"{bullet}{path}" for path in shown)]
    lines.append("")
    if written:
        lines += ["Written:", *(f"{bullet}{path}" for path in written)]
    else:
        lines.append("Nothing written: run again with --write to record it.")
    return "\n".join(lines) + "\n"


def rematch_markdown(
    plan: RematchPlan, written: Sequence[str], left_out: Sequence[str] = ()
) -> str:
    return rematch_text(plan, written, left_out, markdown=True)


# What ``rematch --format`` offers: exactly these renderers, each given the plan, the
# files written and the files of the people left out.
REMATCH_RENDERERS: dict[str, Callable[[RematchPlan, Sequence[str], Sequence[str]], str]] = {
    "text": rematch_text,
    "json": rematch_json,
    "markdown": rematch_markdown,
}
