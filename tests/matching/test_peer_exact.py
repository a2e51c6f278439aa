"""Peer and swap cohorts at any size: the most pairs possible on the full allowed graph,
proven, and a score certificate that holds, checked against networkx and brute force."""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import combinations

import networkx as nx
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import mentorkit.matching.peer as peer
import mentorkit.matching.peer_solve as peer_solve
from mentorkit.matching.allowed import AllowedGraph, build
from mentorkit.matching.assignment import Edges
from mentorkit.matching.blossom import deficiency, maximum_cardinality
from mentorkit.matching.candidates import forbidden_columns
from mentorkit.matching.engine import match_cohort
from mentorkit.matching.exact import Problem
from mentorkit.matching.matrix import encode
from mentorkit.matching.peer_graph import build_peer_graph, symmetric
from mentorkit.matching.result import MatchResult
from mentorkit.matching.score import score_pair, scoring_for
from mentorkit.model.entities import MatchFile, MatchingSettings, Participant
from mentorkit.model.program import Program
from tests.matching.builders import people_strategy, program, settings_strategy
from tests.matching.test_churn import HANDFUL, _people, _recorded

FAST = settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)


def _graph(n: int, edges: list[tuple[int, int]]) -> AllowedGraph:
    adjacent: list[set[int]] = [set() for _ in range(n)]
    for a, b in edges:
        adjacent[a].add(b)
        adjacent[b].add(a)
    indptr = np.concatenate(([0], np.cumsum([len(x) for x in adjacent]))).astype(np.int64)
    cols = np.array([c for x in adjacent for c in sorted(x)], dtype=np.int16)
    return AllowedGraph(n, n, indptr, cols, np.zeros(len(cols), dtype=np.int16))


@st.composite
def graphs(draw: st.DrawFn) -> tuple[int, list[tuple[int, int]], list[int]]:
    n = draw(st.integers(1, 16))
    pairs = list(combinations(range(n), 2))
    edges = sorted(draw(st.sets(st.sampled_from(pairs), max_size=30))) if pairs else []
    order = draw(st.permutations(range(len(edges)))) if edges else []
    return n, edges, list(order)


@FAST
@given(graphs())
def test_blossom_search_finds_the_maximum_and_a_witness_that_holds(
    case: tuple[int, list[tuple[int, int]], list[int]],
) -> None:
    n, edges, order = case
    start: list[tuple[int, int]] = []  # any matching to start from (greedy in a random order)
    used: set[int] = set()
    for k in order[: len(order) // 2]:
        a, b = edges[k]
        if a not in used and b not in used:
            start.append((a, b))
            used |= {a, b}
    graph = _graph(n, edges)
    found = maximum_cardinality(graph, start)
    reference = nx.Graph()
    reference.add_nodes_from(range(n))
    reference.add_edges_from(edges)
    most = len(nx.max_weight_matching(reference, maxcardinality=True))
    ends = [x for pair in found.pairs for x in pair]
    assert len(ends) == len(set(ends)) and set(found.pairs) <= set(edges)
    assert len(found.pairs) == most
    assert found.unpaired == n - 2 * most
    # the Tutte-Berge witness, recounted from the graph alone, proves no matching is larger
    assert deficiency(graph, found.barrier) == found.unpaired


def test_an_odd_triangle_and_a_star_leave_exactly_the_proven_people_out() -> None:
    # a triangle (0, 1, 2) and a star centred on 3 with leaves 4, 5, 6
    graph = _graph(7, [(0, 1), (1, 2), (0, 2), (3, 4), (3, 5), (3, 6)])
    found = maximum_cardinality(graph, [])
    assert len(found.pairs) == 2 and found.unpaired == 3
    assert found.barrier.tolist() == [3]
    assert deficiency(graph, found.barrier) == 3


def _peer_program(people: list[Participant], chosen: MatchingSettings, fmt: str) -> Program:
    return program(people, fmt=fmt, settings=chosen)  # type: ignore[arg-type]


def _reference(prog: Program) -> tuple[int, int]:
    """(most pairs, best total points among them) by networkx over every allowed pair,
    scored one pair at a time by the scalar ``score_pair``."""
    cohort = prog.cohorts["c1"]
    pool = sorted(prog.enrolled("c1"), key=lambda p: p.id)
    graph = nx.Graph()
    graph.add_nodes_from(p.id for p in pool)
    for a, b in combinations(pool, 2):
        scored = score_pair(prog, cohort, a, b)
        if scored is not None:
            graph.add_edge(a.id, b.id, weight=scored.points)
    best = nx.max_weight_matching(graph, maxcardinality=True)
    return len(best), sum(graph.edges[a, b]["weight"] for a, b in best)


def _stated_gap(text: str) -> float:
    if text.startswith("optimal"):
        return 0.0
    found = re.search(r"within ([0-9.e+-]+)%", text)
    assert found, text
    return float(found.group(1)) / 100


@FAST
@given(
    people_strategy(max_mentors=9, max_mentees=9, peer=True),
    settings_strategy(),
    st.sampled_from(["peer", "swap"]),
    st.integers(1, 3),
    st.booleans(),
)
def test_sparse_peer_coverage_is_the_maximum_and_the_certificate_holds(
    people: list[Participant], chosen: MatchingSettings, fmt: str, rounds: int, lax: bool
) -> None:
    if lax:  # dense graphs, where the seeds miss most of the optimum
        chosen = replace(
            chosen, max_timezone_gap_hours=12.0, min_score=0.0, cross_functional="prefer"
        )
    prog = _peer_program(people, replace(chosen, objective="coverage"), fmt)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(peer, "PEER_TOP_K", 1)  # a poor seed set: the search has work to do
        patch.setattr(peer_solve, "MAX_ROUNDS", rounds)  # sometimes stopped before tight
        patch.setattr(peer_solve, "REPAIR_PEOPLE", 0)  # coverage left to the blossom search
        result = match_cohort(prog, "c1", solver="sparse")
    most, best = _reference(prog)
    pairs = [p for p in result.pairs if p.status != "ended"]
    got = sum(round((p.score or 0) * 10_000) for p in pairs)
    assert len(pairs) == most  # the most pairs possible, on every allowed pair
    assert result.summary.max_matched == 2 * most
    gap = _stated_gap(result.summary.optimality or "")
    assert got <= best
    # the stated gap covers the true shortfall (the text rounds to 3 significant digits)
    assert best - got <= gap * 1.001 * best + 1e-9
    if fmt == "swap":
        for p in pairs:
            a, b = prog.participants[p.mentor], prog.participants[p.mentee]
            assert score_pair(prog, prog.cohorts["c1"], a, b) is not None
    unpaired = len(prog.enrolled("c1")) - 2 * most
    if unpaired > len(prog.enrolled("c1")) % 2:
        assert any("Tutte-Berge" in note for note in result.summary.notes)


@FAST
@given(
    people_strategy(max_mentors=8, max_mentees=8, peer=True),
    settings_strategy(),
    st.sampled_from(["peer", "swap"]),
)
def test_scoring_each_pair_once_gives_the_full_square(
    people: list[Participant], chosen: MatchingSettings, fmt: str
) -> None:
    ids = [p.id for p in people]
    people = [  # ranked choices too: the bonus is part of the points
        replace(p, mentee=replace(p.mentee, preferences=tuple(ids[k + 1 : k + 3])))
        if p.mentee and k % 2
        else p
        for k, p in enumerate(people)
    ]
    prog = _peer_program(people, chosen, fmt)
    scoring = scoring_for(prog.cohorts["c1"])
    pool = sorted(prog.enrolled("c1"), key=lambda p: p.id)
    (side,) = encode([pool])
    forbidden = forbidden_columns(pool, pool)
    square = build(scoring, side, side, forbidden, 3).graph
    once = build_peer_graph(scoring, side, forbidden, 3)
    assert once.full.indptr.tolist() == square.indptr.tolist()
    assert once.full.cols.tolist() == square.cols.tolist()
    assert once.full.points.tolist() == square.points.tolist()
    upper = once.upper
    assert all(
        (upper.cols[upper.indptr[a] : upper.indptr[a + 1]] > a).all() for a in range(len(pool))
    )
    assert 2 * len(upper) == len(square)
    seeds = once.seeds
    assert set(zip(seeds.rows.tolist(), seeds.cols.tolist(), strict=True)) == set(
        zip(seeds.cols.tolist(), seeds.rows.tolist(), strict=True)
    )


@pytest.mark.parametrize("fmt", ["peer", "swap"])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_large_pool_path_keeps_standing_pairs(fmt: str, seed: int) -> None:
    people = _people(seed, 45)

    def run(who: list[Participant], match: MatchFile | None) -> MatchResult:
        prog = program(who, fmt=fmt, match=match)  # type: ignore[arg-type]
        return match_cohort(prog, "c1", solver="sparse")

    before = run(people, None)
    again = run(people, _recorded(before))
    assert [(p.mentor, p.mentee) for p in again.pairs] == [
        (p.mentor, p.mentee) for p in before.pairs
    ]
    newcomer = replace(_people(seed + 100, 46)[45], id="zz-new")
    after = run([*people, newcomer], _recorded(before))
    old = {(p.mentor, p.mentee) for p in before.pairs}
    new = {(p.mentor, p.mentee) for p in after.pairs}
    assert len(old - new) <= HANDFUL
    assert after.summary.max_matched == after.summary.matched


@st.composite
def weighted_graphs(draw: st.DrawFn) -> tuple[int, dict[tuple[int, int], int], list[int]]:
    n = draw(st.integers(2, 12))
    pairs = list(combinations(range(n), 2))
    chosen = sorted(draw(st.sets(st.sampled_from(pairs), min_size=1, max_size=30)))
    points = {pair: draw(st.integers(0, 10_000)) for pair in chosen}
    seeds = draw(st.lists(st.integers(0, len(chosen) - 1), max_size=4))
    return n, points, seeds


@FAST
@given(weighted_graphs(), st.integers(1, 3), st.sampled_from(["coverage", "quality"]))
def test_cover_prices_bound_every_matching_and_the_gap_covers_any_shortfall(
    case: tuple[int, dict[tuple[int, int], int], list[int]], rounds: int, objective: str
) -> None:
    n, points, picked = case
    pairs = sorted(points)
    counts = np.bincount([a for a, _ in pairs], minlength=n)
    upper = AllowedGraph(
        n,
        n,
        np.concatenate(([0], np.cumsum(counts))).astype(np.int64),
        np.array([b for _, b in pairs], dtype=np.int16),
        np.array([points[p] for p in pairs], dtype=np.int16),
    )
    full = symmetric(upper)
    on_full = Problem.of(full, np.ones(n, np.int64), objective, [])
    on_upper = Problem.of(upper, np.ones(n, np.int64), objective, [])
    seed_pairs = sorted({pairs[k] for k in picked})
    seeds = Edges(
        np.array([a for a, b in seed_pairs] + [b for a, b in seed_pairs], dtype=np.int64),
        np.array([b for a, b in seed_pairs] + [a for a, b in seed_pairs], dtype=np.int64),
        np.array([points[p] for p in seed_pairs] * 2, dtype=np.int64),
    )
    order = np.lexsort((seeds.cols, seeds.rows))
    seeds = Edges(seeds.rows[order], seeds.cols[order], seeds.points[order])
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(peer_solve, "MAX_ROUNDS", rounds)
        _, bound = peer_solve.solve_cover(
            upper, on_upper.stored_weights, on_full.weights, seeds, objective == "coverage"
        )
    graph = nx.Graph()
    graph.add_nodes_from(range(n))
    for (a, b), p in points.items():
        graph.add_edge(a, b, weight=int(on_full.weights_of_pairs([(a, b)])[0]), points=p)
    best = nx.max_weight_matching(graph, maxcardinality=objective == "coverage")
    best_weight = sum(graph.edges[e]["weight"] for e in best)
    assert bound.bound() >= 2 * best_weight  # weak duality: prices cover every pair
    # any other matching of the same size, scored against the certificate
    worst_graph = nx.Graph()
    worst_graph.add_nodes_from(range(n))
    worst_graph.add_edges_from((a, b, {"weight": 10_001 - p}) for (a, b), p in points.items())
    other = [tuple(sorted(e)) for e in nx.max_weight_matching(worst_graph, maxcardinality=True)]
    achieved = int(on_full.weights_of_pairs(other).sum()) if other else 0
    gap = peer_solve.gap_of(bound, achieved, len(other), objective, n)
    best_points = sum(graph.edges[e]["points"] for e in best)
    got = sum(points[e] for e in other)
    assert best_points - got <= gap * best_points + 1e-9
