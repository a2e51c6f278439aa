"""The review's table of cohort figures: the published figures, as the dashboard and
``report --published`` show them, before and after the pull request."""

from __future__ import annotations

from mentorkit.lifecycle.disclosure import PERCENT, WITHHELD, Figure
from mentorkit.lifecycle.published import PublishedMetrics, cohort_figure_key
from mentorkit.reporters.markdown import code, table

# (figure name, column, format): the cohort columns of the dashboard and the report.
COLUMNS = (
    ("enrolled", "enrolled", "{:,}"),
    ("mentors", "mentors", "{:,}"),
    ("seeking", "seeking", "{:,}"),
    ("matched", "matched", "{:,}"),
    ("match_rate", "match rate", PERCENT),
)


def _text(figure: Figure | None, fmt: str) -> str:
    return "–" if figure is None else figure.text(fmt)


def _row(
    before: PublishedMetrics, after: PublishedMetrics, cohort: str
) -> tuple[list[str], list[str]] | None:
    """The cells (``old → new`` where a figure moves) and the withheld reasons, or None
    when no figure of the cohort changes."""
    cells, reasons, moved = [code(cohort)], [], False
    for name, _, fmt in COLUMNS:
        key = cohort_figure_key(cohort, name)
        old, new = before.figures.get(key), after.figures.get(key)
        old_text, new_text = _text(old, fmt), _text(new, fmt)
        if old is not None and old_text != new_text:
            moved = True
            cells.append(f"{old_text} → {new_text}")
        else:
            moved = moved or old is None
            cells.append(new_text)
        if new is not None and new.withheld:
            reasons.append(new.withheld)
    return (cells, reasons) if moved else None


def figure_lines(
    before: PublishedMetrics, after: PublishedMetrics, cohorts: tuple[str, ...]
) -> list[str]:
    """A table of the cohorts whose published figures the change moves; nothing if none."""
    rows, reasons = [], []
    for cohort in cohorts:
        found = _row(before, after, cohort)
        if found is not None:
            rows.append(found[0])
            reasons += found[1]
    if not rows:
        return []
    lines = [
        "**Cohort figures** (as the dashboard will show them: people on the site only)",
        "",
        *table(["cohort", *(column for _, column, _ in COLUMNS)], rows),
    ]
    if reasons:
        lines += ["", *(f"- {WITHHELD}: {reason}" for reason in dict.fromkeys(reasons))]
    return lines
