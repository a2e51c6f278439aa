"""The disclosure rules: what a page or report may show, proven on generated programs.

The property tests audit the published figures with their own exact arithmetic
(fractions over people, pairs and goals, not the module's cells modulo a prime).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mentorkit.lifecycle.disclosure import (
    COMPLEMENTARY,
    Count,
    Figure,
    Rate,
    Spec,
    disclose,
    primary_reason,
)
from mentorkit.lifecycle.metric_specs import metric_specs
from mentorkit.lifecycle.metrics import compute_metrics
from mentorkit.lifecycle.network import network_specs
from mentorkit.lifecycle.outcomes import (
    Outcome,
    OutcomeRecords,
    mentored_people,
    outcome_figures,
    outcome_specs,
)
from mentorkit.lifecycle.published import public_program, published_figures
from mentorkit.lifecycle.survey import (
    Response,
    SurveyResponses,
    survey_figures,
    survey_groups,
    survey_specs,
)
from mentorkit.model.export_settings import SurveySettings
from mentorkit.model.program import Program

from .programs import programs, without_hidden

DAY = dt.date(2026, 6, 1)
PROPERTY = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def people(*names: str) -> frozenset[Hashable]:
    return frozenset(names)


def test_a_count_is_shown_when_it_and_its_rest_are_none_or_at_least_the_threshold() -> None:
    group = people(*"abcdefgh")
    assert primary_reason(Count("k", people(*"abcde"), group), 5) != ""  # rest of three
    assert primary_reason(Count("k", people(*"abc"), people(*"abcdefghij")), 5) != ""
    assert primary_reason(Count("k", frozenset(), group), 5) == ""  # none: nobody named
    assert primary_reason(Count("k", group, group), 5) == ""  # all eight, rest none
    assert primary_reason(Count("k", people("a"), public=True), 5) == ""  # public anyway
    assert primary_reason(Count("k", people(*"abcdef"), behind=(people("x"),)), 5) != ""


def test_a_rate_needs_a_whole_of_the_threshold_and_a_part_and_rest_that_pass() -> None:
    assert primary_reason(Rate("r", people(*"abc"), people(*"abcd")), 5) != ""
    assert primary_reason(Rate("r", people(*"abcdef"), people(*"abcdefgh")), 5) != ""
    assert primary_reason(Rate("r", people(*"abcde"), people(*"abcdefghij")), 5) == ""
    assert disclose([Rate("r", frozenset(), frozenset())])["r"].note  # nothing to divide


def test_a_total_is_withheld_when_it_would_give_a_small_part_back() -> None:
    on, off, none = people(*"abcdefgh"), people("i"), people(*"jklmn")
    everyone = on | off | none
    figures = disclose(
        [
            Count("total", everyone),
            Count("on", on, everyone),
            Count("off", off, everyone),
            Count("none", none, everyone),
        ]
    )
    assert figures["off"].withheld and not figures["on"].withheld
    # total - on - none = off: one of the three other figures must go too.
    assert sum(1 for f in figures.values() if f.withheld == COMPLEMENTARY) == 1


def test_a_percentage_with_its_exact_denominator_cannot_give_a_withheld_part() -> None:
    seeking, matched = people(*"abcdefghij"), people(*"abcdefgh")  # two left waiting
    figures = disclose(
        [
            Count("seeking", seeking, keep=1),
            Count("matched", matched, seeking),
            Rate("rate", matched, seeking),
        ]
    )
    assert figures["matched"].withheld and figures["rate"].withheld
    assert figures["seeking"] == Figure(10)


def test_the_same_number_under_two_names_is_withheld_under_both() -> None:
    a = people(*"abcdefg")
    figures = disclose(
        [Count("x", a), Count("y", a), Count("part", people("a"), a), Count("rest", a - {"a"}, a)]
    )
    # x - rest = part: withholding x alone would leave y to do the same.
    assert (figures["x"].withheld == "") == (figures["y"].withheld == "")
    assert not (figures["x"].shown and figures["rest"].shown)


def _units(spec: Spec) -> list[frozenset[Hashable]]:
    return [spec.units] if isinstance(spec, Count) else [spec.part, spec.whole]


def _row(spec: Spec, index: dict[Hashable, int]) -> list[Fraction]:
    row = [Fraction(0)] * len(index)
    if isinstance(spec, Count):
        for unit in spec.units:
            row[index[unit]] += 1
        return row
    rate = Fraction(len(spec.part), len(spec.whole)) if spec.whole else Fraction(0)
    for unit in spec.part:
        row[index[unit]] += 1
    for unit in spec.whole:
        row[index[unit]] -= rate
    return row


def _rank(rows: list[list[Fraction]]) -> int:
    """Rank by exact Gaussian elimination."""
    matrix = [r[:] for r in rows]
    rank = 0
    for column in range(len(matrix[0]) if matrix else 0):
        pivot = next((i for i in range(rank, len(matrix)) if matrix[i][column]), None)
        if pivot is None:
            continue
        matrix[rank], matrix[pivot] = matrix[pivot], matrix[rank]
        for i in range(len(matrix)):
            if i != rank and matrix[i][column]:
                factor = matrix[i][column] / matrix[rank][column]
                matrix[i] = [a - factor * b for a, b in zip(matrix[i], matrix[rank], strict=True)]
        rank += 1
    return rank


def _audit(
    specs: list[Spec],
    figures: dict[str, Figure],
    threshold: int,
    apart: frozenset[str] = frozenset(),
) -> None:
    """No shown figure breaks the primary rule; no withheld figure follows from the shown
    ones and the public groups they belong to.

    ``apart``: keys of figures published elsewhere (the site's, beside a report). Like
    public ones, they alone say nothing about how the report's own sets line up with
    theirs; combined with any figure the report shows, they must give nothing away.
    """
    groups = {s.universe if isinstance(s, Count) else s.whole for s in specs if not s.public}
    for spec in specs:
        if figures[spec.key].shown and not spec.public:
            sizes = [len(u) for u in _units(spec)]
            if isinstance(spec, Count):
                sizes.append(len(spec.universe - spec.units) if spec.universe else 0)
            else:
                sizes.append(len(spec.whole - spec.part))
            sizes += [len(b) for b in spec.behind]
            assert all(n == 0 or n >= threshold for n in sizes), spec.key
    seen = [
        s
        for s in specs
        if figures[s.key].shown and (not s.public or (isinstance(s, Count) and s.units in groups))
    ]
    hidden = [s for s in specs if figures[s.key].withheld]
    units = sorted({u for s in specs for us in _units(s) for u in us}, key=repr)
    index = {u: i for i, u in enumerate(units)}
    if not units:
        return
    base = [_row(s, index) for s in seen]
    public = [_row(s, index) for s in seen if s.public or s.key in apart]
    rank, public_rank = _rank(base), _rank(public)
    for spec in hidden:
        row = _row(spec, index)
        if _rank([*public, row]) == public_rank:
            # Equal to public figures alone only when a private set happens to match
            # public ones, which no reader can know; nothing shown tells them.
            continue
        assert _rank([*base, row]) > rank, f"{spec.key} can be worked out"


def _published(program: Program) -> tuple[list[Spec], dict[str, Figure]]:
    shared = public_program(program)
    metrics = compute_metrics(shared, DAY)
    specs = [*metric_specs(metrics), *network_specs(shared)]
    return specs, published_figures(metrics, 5, extra=network_specs(shared)).figures


@pytest.mark.slow
@PROPERTY
@given(programs())
def test_no_withheld_figure_can_be_worked_out_from_what_is_shown(program: Program) -> None:
    specs, figures = _published(program)
    _audit(specs, figures, 5)


@pytest.mark.slow
@PROPERTY
@given(programs())
def test_people_who_are_not_public_count_in_nothing_published(program: Program) -> None:
    _, with_them = _published(program)
    _, without_them = _published(without_hidden(program))
    assert with_them == without_them


# Survey and outcome figures: the private exports go through the same rules.

ROLES = ("mentor", "mentee", "both", "not given")


@st.composite
def surveys(draw: Any) -> SurveyResponses:
    rows = draw(
        st.lists(
            st.tuples(
                st.sampled_from(("c1", "c2", "c3")),
                st.sampled_from(ROLES),
                st.none() | st.integers(0, 10),
                st.none() | st.integers(1, 5),
            ),
            max_size=45,
        )
    )
    responses = tuple(Response(i + 2, *row) for i, row in enumerate(rows))
    return SurveyResponses("survey.csv", responses, (), SurveySettings(satisfaction="s"), {})


@PROPERTY
@given(surveys(), st.integers(2, 6))
def test_no_withheld_survey_figure_can_be_worked_out(survey: SurveyResponses, k: int) -> None:
    specs = survey_specs(survey)
    figures = survey_figures(survey, k)
    _audit(specs, figures, k)
    for group in survey_groups(survey):  # NPS only from two shown shares
        shares = [figures[f"{group.key}:{s}"] for s in ("promoters", "detractors")]
        assert figures[f"{group.key}:nps"].shown == all(f.shown for f in shares)


@st.composite
def outcomes(draw: Any) -> tuple[Program, OutcomeRecords]:
    program = draw(programs())
    rows = tuple(
        Outcome(pid, draw(st.booleans()), draw(st.booleans()))
        for pid in program.participants
        if draw(st.integers(0, 9))  # most people are in the export
    )
    return program, OutcomeRecords("hr.csv", rows, (), (), 0, mentored_people(program))


@pytest.mark.slow
@PROPERTY
@given(outcomes())
def test_no_withheld_outcome_figure_can_be_worked_out(
    found: tuple[Program, OutcomeRecords],
) -> None:
    program, records = found
    site_specs, site = _published(program)
    known = [s for s in site_specs if site[s.key].shown]
    apart = [s for s in site_specs if site[s.key].withheld]
    specs, result = outcome_specs(records), outcome_figures(records, 5, (known, apart))
    _audit(specs, result.figures, 5)
    # Hidden people count too, but only inside figures that pass on their own.
    for measure in ("retention", "promotion"):
        difference = result.differences[measure]
        rates = [result.figures[f"outcomes:{g}:{measure}"] for g in ("mentored", "not_mentored")]
        assert difference.shown == all(r.shown for r in rates)
    # Read beside the site's own figures (disclosed apart, and known to the outcome
    # disclosure), nothing withheld on either side can be worked out.
    _audit([*site_specs, *specs], {**site, **result.figures}, 5, frozenset(site))
