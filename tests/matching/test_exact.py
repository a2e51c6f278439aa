"""Exact coverage and certified scores, checked against independent solvers.

The sparse path is forced with tiny seed sets (one candidate per person), so column
generation, augmenting and the certificate have to do all the work; the reference
answers come from brute force and networkx on every allowed pair.
"""

from __future__ import annotations

import itertools

import networkx as nx
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import mentorkit.matching.bipartite as bipartite
import mentorkit.matching.exact as exact
import mentorkit.matching.peer as peer
from mentorkit.matching.allowed import AllowedGraph
from mentorkit.matching.assignment import Edges, assign
from mentorkit.matching.certify import price, solution_duals
from mentorkit.matching.engine import match_cohort
from mentorkit.matching.result import MatchResult
from mentorkit.matching.score import score_pair
from mentorkit.model.entities import MatchingSettings, Participant
from mentorkit.model.program import Program
from tests.matching.builders import people_strategy, program, settings_strategy
from tests.matching.test_optimality import (
    assert_hard_rules,
    bipartite_case,
    brute_force_bipartite,
    brute_force_peer,
)

Case = tuple[Program, frozenset[tuple[str, str]], MatchingSettings]
Weighted = tuple[int, np.ndarray, Edges, np.ndarray]
FAST = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _max_pairs(prog: Program, exclude: frozenset[tuple[str, str]]) -> int:
    """The most pairs on every allowed pair: networkx max flow, mentors' capacities as arcs."""
    cohort = prog.cohorts["c1"]
    flow = nx.DiGraph()
    for mentor in prog.mentors_in("c1"):
        assert mentor.mentor is not None
        flow.add_edge(("m", mentor.id), "sink", capacity=mentor.mentor.capacity)
        for mentee in prog.mentees_in("c1"):
            if (mentor.id, mentee.id) not in exclude and score_pair(prog, cohort, mentor, mentee):
                flow.add_edge("source", ("e", mentee.id), capacity=1)
                flow.add_edge(("e", mentee.id), ("m", mentor.id), capacity=1)
    if "source" not in flow:
        return 0
    return int(nx.maximum_flow_value(flow, "source", "sink"))


def _points(result: MatchResult) -> tuple[int, int]:
    new = [p for p in result.pairs if p.origin in ("new", "kept")]
    return len(new), sum(round((p.score or 0) * 10_000) for p in new)


@pytest.mark.slow
@FAST
@given(bipartite_case())
def test_sparse_bipartite_is_exact_and_says_so(case: Case) -> None:
    prog, exclude, chosen = case
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(bipartite, "SPARSE_TOP_K", 1)
        patch.setattr(exact, "ADD_PER_ROW", 1)
        result = match_cohort(prog, "c1", exclude=exclude, solver="sparse")
    assert_hard_rules(prog, result, exclude)
    pairs, points = _points(result)
    best = brute_force_bipartite(prog, exclude, chosen.objective)
    if chosen.objective == "coverage":
        assert pairs == _max_pairs(prog, exclude) == best[0]
        assert points == best[1]
        assert result.summary.max_matched == result.summary.matched
    else:
        assert points == best[1]
    assert result.summary.optimality is not None
    assert result.summary.optimality.startswith("optimal")


@pytest.mark.slow
@FAST
@given(bipartite_case())
def test_a_stopped_search_still_reports_a_true_bound(case: Case) -> None:
    prog, exclude, chosen = case
    if chosen.objective != "coverage":
        return
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(bipartite, "SPARSE_TOP_K", 1)
        patch.setattr(exact, "ADD_PER_ROW", 1)
        patch.setattr(exact, "MAX_ROUNDS", 1)
        result = match_cohort(prog, "c1", exclude=exclude, solver="sparse")
    pairs, points = _points(result)
    best = brute_force_bipartite(prog, exclude, "coverage")
    assert pairs == best[0]  # coverage is exact even when the score search stops early
    text = result.summary.optimality or ""
    if text.startswith("optimal"):
        assert points == best[1]
    elif text.startswith("within"):
        gap = float(text.split("within ")[1].split("%")[0]) / 100
        # the certified gap must cover the true shortfall (a little rounding aside)
        assert best[1] - points <= gap * best[1] * 1.01 + 1


@st.composite
def weighted_graph(draw: st.DrawFn) -> tuple[int, np.ndarray, Edges, np.ndarray]:
    n_rows, n_cols = draw(st.integers(1, 7)), draw(st.integers(1, 5))
    cells = [(r, c) for r in range(n_rows) for c in range(n_cols)]
    chosen = sorted(draw(st.sets(st.sampled_from(cells), min_size=1)))
    rows = np.array([r for r, _ in chosen], dtype=np.int64)
    cols = np.array([c for _, c in chosen], dtype=np.int64)
    weights = np.array(
        draw(st.lists(st.integers(1, 50), min_size=len(chosen), max_size=len(chosen)))
    )
    capacity = np.array(draw(st.lists(st.integers(0, 3), min_size=n_cols, max_size=n_cols)))
    return n_rows, capacity, Edges(rows, cols, weights), weights


def _graph(n_rows: int, n_cols: int, edges: Edges) -> AllowedGraph:
    indptr = np.searchsorted(edges.rows, np.arange(n_rows + 1))
    return AllowedGraph(
        n_rows, n_cols, indptr, edges.cols.astype(np.int16), edges.points.astype(np.int16)
    )


@pytest.mark.slow
@FAST
@given(weighted_graph(), st.integers(0, 2**31))
def test_duals_certify_the_optimum_and_bound_any_subset(case: Weighted, seed: int) -> None:
    n_rows, capacity, edges, weights = case
    n_cols = len(capacity)
    graph = _graph(n_rows, n_cols, edges)
    best = assign(n_rows, capacity, edges, weights)
    best_total = sum(
        int(weights[k])
        for k, (r, c) in enumerate(zip(edges.rows, edges.cols, strict=True))
        if (r, c) in set(best)
    )
    duals = solution_duals(n_rows, n_cols, edges, weights, best)
    # dual feasibility on every pair, prices never negative, and no gap: a proof of optimality
    assert (duals.row >= 0).all() and (duals.col >= 0).all()
    assert (duals.row[edges.rows] + duals.col[edges.cols] >= weights).all()
    assert int(duals.row.sum() + (capacity * duals.col).sum()) == best_total
    # on a random subset the bound from its duals, priced on everything, is still above the optimum
    keep = np.random.default_rng(seed).random(len(edges)) < 0.5
    part = Edges(edges.rows[keep], edges.cols[keep], edges.points[keep])
    partial = assign(n_rows, capacity, part, weights[keep])
    pricing = price(
        graph,
        lambda lo, hi: weights[lo:hi],
        solution_duals(n_rows, n_cols, part, weights[keep], partial),
        capacity,
        2,
    )
    assert pricing.bound >= best_total


@FAST
@given(weighted_graph())
def test_most_pairs_first_equals_the_coverage_constant(case: Weighted) -> None:
    """The coverage solve (most pairs, then most weight, small costs) reaches the optimum
    of the constant-per-pair objective, checked by brute force over every assignment."""
    n_rows, capacity, edges, weights = case
    got = assign(n_rows, capacity, edges, weights, most_first=True)
    by_pair = dict(
        zip(
            zip(edges.rows.tolist(), edges.cols.tolist(), strict=True),
            weights.tolist(),
            strict=True,
        )
    )
    best = (0, 0)
    options = [[None, *(c for (r, c) in by_pair if r == row)] for row in range(n_rows)]
    for choice in itertools.product(*options):
        load = np.bincount([c for c in choice if c is not None], minlength=len(capacity))
        if (load <= capacity).all():
            pairs = [(r, c) for r, c in enumerate(choice) if c is not None]
            best = max(best, (len(pairs), sum(by_pair[p] for p in pairs)))
    assert (len(got), sum(by_pair[p] for p in got)) == best
    assert all((capacity[c] > 0) for _, c in got)


def _peer_program(people: list[Participant], chosen: MatchingSettings) -> Program:
    fixed = MatchingSettings(
        chosen.weights,
        chosen.max_timezone_gap_hours,
        chosen.cross_functional,
        5,
        "coverage",
        chosen.min_score,
    )
    return program(people, fmt="peer", settings=fixed)


@pytest.mark.slow
@FAST
@given(people_strategy(max_mentors=4, max_mentees=6, peer=True), settings_strategy())
def test_sparse_peer_pairs_are_certified_honestly(
    people: list[Participant], chosen: MatchingSettings
) -> None:
    prog = _peer_program(people, chosen)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(peer, "PEER_TOP_K", 1)
        patch.setattr(exact, "ADD_PER_ROW", 1)
        result = match_cohort(prog, "c1", solver="sparse")
    got = (len(result.pairs), sum(round((p.score or 0) * 10_000) for p in result.pairs))
    best = brute_force_peer(prog)
    text = result.summary.optimality or ""
    if text.startswith("optimal"):
        assert got == best
    assert got[0] == best[0]  # the most pairs possible, always
    assert got[1] <= best[1]
