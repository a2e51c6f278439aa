"""Every published metric figure is read through a typed reader of ``Figures``."""

from __future__ import annotations

from mentorkit.lifecycle.disclosure import Figure
from mentorkit.lifecycle.metric_specs import metric_specs
from mentorkit.lifecycle.metrics import compute_metrics
from mentorkit.lifecycle.published import raw_figures
from mentorkit.lifecycle.typed_figures import Figures
from mentorkit.model.program import Program

from .conftest import TODAY


class _Recording(dict[str, Figure]):
    def __init__(self, figures: dict[str, Figure]) -> None:
        super().__init__(figures)
        self.read: set[str] = set()

    def __getitem__(self, key: str) -> Figure:
        self.read.add(key)
        return super().__getitem__(key)


def test_the_typed_readers_read_every_declared_figure(fixture_program: Program) -> None:
    """A figure added to ``metric_specs`` without a typed reader (or a reader spelling a
    key differently) fails here: the keys are spelled in those two places only."""
    metrics = compute_metrics(fixture_program, TODAY)
    recording = _Recording(raw_figures(metrics).figures)
    figures = Figures(recording)
    _ = figures.people, figures.utilisation, figures.goals, figures.health, figures.cross
    for c in metrics.cohorts:
        assert figures.cohort(c.cohort) is not None
    for d in metrics.departments:
        figures.department(d.department)
    for s in metrics.skills:
        figures.skill(s.skill)
    for n in metrics.continuation:
        figures.continuation(n.from_cohort, n.to_cohort)
    declared = {spec.key for spec in metric_specs(metrics)}
    assert metrics.departments and metrics.skills and metrics.continuation  # all groups tried
    assert recording.read == declared


def test_typed_figures_are_the_disclosed_ones(fixture_program: Program) -> None:
    metrics = compute_metrics(fixture_program, TODAY)
    figures = raw_figures(metrics)
    assert figures.goals.by_status["achieved"] == figures["goals:achieved"]
    assert figures.utilisation.rate == figures["utilisation:rate"]
    first = metrics.continuation[0]
    found = figures.continuation(first.from_cohort, first.to_cohort)
    assert found.enrolled.value == len(first.from_ids)
