"""Format program metrics and recognition (health and rematches: ``insight_actions``).

Formatters only: every figure is computed in ``mentorkit.lifecycle``. Markdown is treated
as published, so it always carries the suppressed figures (``metrics_to_dict(published=True)``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from mentorkit.lifecycle.metric_values import ProgramMetrics
from mentorkit.lifecycle.publish import metrics_to_dict
from mentorkit.lifecycle.recognition import MentorContribution
from mentorkit.lifecycle.suppression import WITHHELD

# Withheld figures and rates with nothing to divide by print alike: neither is a number.
LEGEND = (
    f"{WITHHELD} marks a figure withheld because it is about fewer than 5 people "
    "or would give such a figure away"
)


def _n(value: Any) -> str:
    return WITHHELD if value is None else str(value)


def _pct(value: float | None) -> str:
    return WITHHELD if value is None else f"{value:.0%}"


def _json(payload: Any) -> str:
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def _contribution(row: MentorContribution) -> dict[str, Any]:
    return {
        "mentor": row.mentor,
        "name": row.name,
        "department": row.department,
        "people_mentored": row.people_mentored,
        "cohorts_served": list(row.cohorts_served),
        "lessons_written": row.lessons_written,
    }


def metrics_json(
    metrics: ProgramMetrics, recognition: Sequence[MentorContribution], published: bool
) -> str:
    payload = metrics_to_dict(metrics, published=published)
    payload["recognition"] = [_contribution(r) for r in recognition]
    return _json(payload)


def _sections(d: dict[str, Any]) -> list[tuple[str, list[str], list[list[str]]]]:
    """(title, header, rows) for every table of the metrics report."""
    u, g, h, x = d["utilisation"], d["goals"], d["health"], d["cross_functional"]
    return [
        (
            "Participation by cohort",
            ["cohort", "status", "enrolled", "mentors", "seeking", "matched", "match rate"],
            [
                [
                    c["cohort"],
                    c["status"],
                    _n(c["enrolled"]),
                    _n(c["mentors"]),
                    _n(c["seeking"]),
                    _n(c["matched"]),
                    _pct(c["match_rate"]),
                ]
                for c in d["cohorts"]
            ],
        ),
        (
            "Participation by department",
            [
                "department",
                "people",
                "enrolled",
                "participation",
                "seeking",
                "matched",
                "match rate",
            ],
            [
                [
                    r["department"],
                    _n(r["people"]),
                    _n(r["enrolled"]),
                    _pct(r["participation_rate"]),
                    _n(r["seeking"]),
                    _n(r["matched"]),
                    _pct(r["match_rate"]),
                ]
                for r in d["departments"]
            ],
        ),
        (
            "Mentor utilisation",
            ["mentors", "capacity", "accepted pairs", "utilisation", "under-used"],
            [
                [
                    _n(u["mentors"]),
                    _n(u["capacity"]),
                    _n(u["accepted_pairs"]),
                    _pct(u["rate"]),
                    _n(u["under_used"])
                    + (
                        f" ({', '.join(u['under_used_mentors'])})"
                        if u.get("under_used_mentors")
                        else ""
                    ),
                ]
            ],
        ),
        (
            "Goal attainment",
            [
                "agreements",
                "goals",
                "achieved",
                "in progress",
                "not started",
                "dropped",
                "attainment",
            ],
            [
                [
                    _n(g["agreements"]),
                    _n(g["total"]),
                    _n(g["achieved"]),
                    _n(g["in_progress"]),
                    _n(g["not_started"]),
                    _n(g["dropped"]),
                    _pct(g["attainment"]),
                ]
            ],
        ),
        (
            "Health (latest check-in of active agreements)",
            ["active", "on track", "needs attention", "off track", "no check-in"],
            [
                [
                    _n(h["active_agreements"]),
                    _n(h["on_track"]),
                    _n(h["needs_attention"]),
                    _n(h["off_track"]),
                    _n(h["no_checkin"]),
                ]
            ],
        ),
        (
            "Skill supply and demand",
            ["skill", "mentors offering", "mentees seeking", "gap"],
            [
                [
                    s["name"],
                    _n(s["mentors_offering"]),
                    _n(s["mentees_seeking"]),
                    "yes" if s["gap"] else "",
                ]
                for s in d["skills"]
            ],
        ),
        (
            "Cross-functional pairs",
            ["accepted pairs", "cross-functional", "share"],
            [[_n(x["accepted_pairs"]), _n(x["cross_functional"]), _pct(x["share"])]],
        ),
        (
            "People continuing to the next cohort",
            ["from", "to", "enrolled", "continuing", "rate"],
            [
                [c["from"], c["to"], _n(c["from_enrolled"]), _n(c["continuing"]), _pct(c["rate"])]
                for c in d["continuation"]
            ],
        ),
        (
            "Lessons per month",
            ["month", "lessons"],
            [[m["month"], str(m["lessons"])] for m in d["lessons_per_month"]],
        ),
    ]


def _recognition_rows(recognition: Sequence[MentorContribution]) -> list[list[str]]:
    return [
        [r.name, str(r.people_mentored), str(r.cohort_count), str(r.lessons_written)]
        for r in recognition
    ]


RECOGNITION_HEADER = ["mentor", "people mentored", "cohorts served", "lessons written"]


def _text_table(header: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows, strict=False)]
    fmt = "  ".join(f"{{:<{w}}}" for w in widths)
    return [fmt.format(*header).rstrip(), *(fmt.format(*row).rstrip() for row in rows)]


def metrics_text(
    metrics: ProgramMetrics, recognition: Sequence[MentorContribution], published: bool
) -> str:
    d = metrics_to_dict(metrics, published=published)
    scope = f"cohort {metrics.scope}" if metrics.scope else "the whole program"
    lines = [f"Metrics for {scope} on {metrics.today}"]
    if published:
        lines.append(f"({LEGEND})")
    for title, header, rows in _sections(d):
        lines += ["", title, *(_text_table(header, rows) if rows else ["(none)"])]
    if d["skill_gaps"]:
        lines += ["", "Goals no mentor offers: " + ", ".join(d["skill_gaps"])]
    if recognition:
        lines += [
            "",
            "Mentors we thank",
            *_text_table(RECOGNITION_HEADER, _recognition_rows(recognition)),
        ]
    return "\n".join(lines) + "\n"


def _md_cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _md_table(header: list[str], rows: list[list[str]]) -> list[str]:
    return [
        "| " + " | ".join(header) + " |",
        "|" + "---|" * len(header),
        *("| " + " | ".join(_md_cell(c) for c in row) + " |" for row in rows),
    ]


def metrics_markdown(metrics: ProgramMetrics, recognition: Sequence[MentorContribution]) -> str:
    """Published: small groups suppressed, only public mentors (the caller passes those)."""
    d = metrics_to_dict(metrics, published=True)
    scope = f"cohort `{metrics.scope}`" if metrics.scope else "the program"
    lines = [
        f"## Metrics for {scope}",
        "",
        f"On {metrics.today}. {LEGEND}.",
    ]
    for title, header, rows in _sections(d):
        lines += ["", f"### {title}", "", *(_md_table(header, rows) if rows else ["None."])]
    if d["skill_gaps"]:
        lines += ["", "Goals no mentor offers: " + ", ".join(f"`{s}`" for s in d["skill_gaps"])]
    if recognition:
        lines += [
            "",
            "### Mentors we thank",
            "",
            *_md_table(RECOGNITION_HEADER, _recognition_rows(recognition)),
        ]
    return "\n".join(lines) + "\n"
