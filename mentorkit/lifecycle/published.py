"""The published form of the program metrics: what the site and a shared report show.

Two rules, applied here once for the dashboard, the cohort pages and ``report --published``
(Markdown always), so their figures always agree:

- People who chose ``public: false`` count in nothing published: ``public_program``
  leaves them, their pairs, circles places, agreements and lessons out before anything is
  computed.
- Every figure then passes through ``mentorkit.lifecycle.disclosure`` together with every
  other figure shown beside it (``metric_specs``): small groups and anything that would
  give one back are withheld, with the reason.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from mentorkit.lifecycle.disclosure import DEFAULT_MIN_GROUP, NOBODY, Count, Figure, Spec, disclose
from mentorkit.lifecycle.metric_specs import metric_specs
from mentorkit.lifecycle.metric_values import ProgramMetrics
from mentorkit.lifecycle.metrics import compute_metrics
from mentorkit.lifecycle.network import network_specs
from mentorkit.lifecycle.typed_figures import Figures, cohort_figure_key
from mentorkit.model.entities import MatchFile
from mentorkit.model.program import Program

NOT_MATCHED_YET = "not matched yet"


def min_group(program: Program) -> int:
    """The program's threshold (``privacy.min_group``), the one place its default applies."""
    return program.charter.min_group


def public_program(program: Program) -> Program:
    """``program`` without the people who are not public and whatever involves them."""
    public = {pid: p for pid, p in program.participants.items() if p.public}

    def both(mentor: str, mentee: str) -> bool:
        return mentor in public and mentee in public

    matches = {
        cid: MatchFile(
            cohort=m.cohort,
            source=m.source,
            pairs=tuple(p for p in m.pairs if both(p.mentor, p.mentee)),
            circles=tuple(
                dataclasses.replace(c, members=tuple(x for x in c.members if x in public))
                for c in m.circles
            ),
            unmatched=tuple(u for u in m.unmatched if u.id in public),
        )
        for cid, m in program.matches.items()
    }
    return dataclasses.replace(
        program,
        participants=public,
        matches=matches,
        agreements=tuple(a for a in program.agreements if both(a.mentor, a.mentee)),
        lessons=tuple(lesson for lesson in program.lessons if lesson.author in public),
    )


def published_figures(
    metrics: ProgramMetrics, threshold: int = DEFAULT_MIN_GROUP, extra: list[Spec] | None = None
) -> Figures:
    """The figures of ``metrics`` (and ``extra`` ones shown beside them) as published."""
    figures = disclose([*metric_specs(metrics), *(extra or [])], threshold)
    return Figures({**figures, **_not_matched_yet(metrics)})


@dataclass(frozen=True)
class PublishedMetrics:
    """The metrics as published: the same for the site, ``report --published`` and the
    pull-request review, so their figures always agree."""

    public: Program  # the program without the people who are not public
    metrics: ProgramMetrics
    figures: Figures
    min_group: int


def publish(program: Program, today: dt.date, *, cohort: str | None = None) -> PublishedMetrics:
    """Metrics of the people on the site, disclosed together with the department network
    (program-wide, the site shows both side by side)."""
    return published_with_specs(program, today, cohort=cohort)[0]


def published_with_specs(
    program: Program, today: dt.date, *, cohort: str | None = None
) -> tuple[PublishedMetrics, list[Spec]]:
    """``publish`` and the figures it disclosed, for a disclosure beside it."""
    shared = public_program(program)
    threshold = min_group(program)
    metrics = compute_metrics(shared, today, cohort=cohort)
    extra = network_specs(shared, threshold) if cohort is None else []
    figures = published_figures(metrics, threshold, extra=extra)
    return PublishedMetrics(shared, metrics, figures, threshold), [*metric_specs(metrics), *extra]


def _not_matched_yet(metrics: ProgramMetrics) -> dict[str, Figure]:
    """Before a cohort's first match there is no match rate: "not matched yet", not 0%."""
    pending = Figure(None, note=NOT_MATCHED_YET)
    notes = {}
    for c in metrics.cohorts:
        if not c.matched_yet:
            notes[cohort_figure_key(c.cohort, "matched")] = pending
            notes[cohort_figure_key(c.cohort, "match_rate")] = pending
    return notes


def raw_figures(metrics: ProgramMetrics) -> Figures:
    """Every figure as it is, for the coordinators' own report."""
    figures = {}
    for spec in metric_specs(metrics):
        if isinstance(spec, Count):
            figures[spec.key] = Figure(len(spec.units))
        else:
            value = len(spec.part) / len(spec.whole) if spec.whole else None
            figures[spec.key] = Figure(value, note="" if spec.whole else NOBODY)
    return Figures({**figures, **_not_matched_yet(metrics)})
