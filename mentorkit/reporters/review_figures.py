"""The review's table of cohort figures: the published figures, as the dashboard and
``report --published`` show them, before and after the pull request."""

from __future__ import annotations

from mentorkit.lifecycle.disclosure import PERCENT, WITHHELD, Figure
from mentorkit.lifecycle.published import PublishedMetrics
from mentorkit.lifecycle.typed_figures import COHORT_FIGURES
from mentorkit.reporters.markdown import code, table


def _text(figure: Figure | None, name: str) -> str:
    if figure is None:
        return "–"
    return figure.text(PERCENT if name == "match_rate" else "{:,}")


def _row(
    before: PublishedMetrics, after: PublishedMetrics, cohort: str
) -> tuple[list[str], list[str]] | None:
    """The cells (``old → new`` where a figure moves) and the withheld reasons, or None
    when no figure of the cohort changes."""
    found_old, found_new = before.figures.cohort(cohort), after.figures.cohort(cohort)
    old = found_old.named() if found_old else {}
    new = found_new.named() if found_new else {}
    cells, reasons, moved = [code(cohort)], [], not old
    for name in COHORT_FIGURES:
        old_text, new_text = _text(old.get(name), name), _text(new.get(name), name)
        if old and old_text != new_text:
            moved = True
            cells.append(f"{old_text} → {new_text}")
        else:
            cells.append(new_text)
        if name in new and new[name].withheld:
            reasons.append(new[name].withheld)
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
        *table(["cohort", *(name.replace("_", " ") for name in COHORT_FIGURES)], rows),
    ]
    if reasons:
        lines += ["", *(f"- {WITHHELD}: {reason}" for reason in dict.fromkeys(reasons))]
    return lines
