"""Peer cohorts: pairs within one pool, a maximum-weight matching on a general graph.

Every allowed pair is scored once (``peer_graph``: the upper triangle). Pools of up to
``FULL_GRAPH_PEOPLE`` are solved on every allowed pair by rustworkx's blossom algorithm,
which is exact. Larger pools are solved through the bipartite double cover
(``peer_solve``): column generation gives a fractional matching and prices that bound
every matching's score, pairs are read off it, and the people an odd cycle leaves out
are re-solved exactly with their neighbourhood. Under the ``coverage`` objective the
pairs are then grown along augmenting paths of the full graph (``blossom``) until none
is left, with a Tutte-Berge witness that no matching pairs more people. The summary
says "optimal" when the score reaches the bound, otherwise how far from it it can be.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import rustworkx

from mentorkit.matching.allowed import Allowed, AllowedGraph, merge
from mentorkit.matching.assembly import (
    MatchRequest,
    all_pairs,
    new_pair,
    pairs_result,
    pairs_summary,
    person_options,
    split_existing,
)
from mentorkit.matching.assignment import Edges, coverage_constant
from mentorkit.matching.blossom import Maximum, deficiency, maximum_cardinality
from mentorkit.matching.candidates import forbidden_columns
from mentorkit.matching.exact import OPTIMAL, Problem, within
from mentorkit.matching.explain import unmatched_people
from mentorkit.matching.matrix import encode
from mentorkit.matching.peer_graph import PeerGraph, build_peer_graph, stats
from mentorkit.matching.peer_solve import CoverBound, gap_of, pairs_from_cover, repair, solve_cover
from mentorkit.matching.result import MatchResult, MatchSummary
from mentorkit.matching.score import scoring_for

FULL_GRAPH_PEOPLE = 400
PEER_TOP_K = 10


@dataclass(frozen=True)
class _Solved:
    chosen: list[tuple[int, int]]
    gap: float | None  # certified; None: blossom over every allowed pair (optimal by itself)
    most: Maximum | None  # the coverage proof (``coverage`` objective only)


def match_peers(request: MatchRequest) -> MatchResult:
    """Pairs within one pool, keeping the file's fixed pairs exactly."""
    program, cohort = request.program, request.cohort
    scoring = scoring_for(cohort)
    everyone = sorted(program.enrolled(cohort.id), key=lambda p: p.id)
    fixed, history, proposals = split_existing(request.existing)
    taken = {p.mentor for p in fixed} | {p.mentee for p in fixed}
    pool = [p for p in everyone if p.id not in taken]
    banned = {pair for p in history for pair in ((p.mentor, p.mentee), (p.mentee, p.mentor))}
    banned |= {pair for a, b in request.exclude for pair in ((a, b), (b, a))}
    (side,) = encode([pool])
    index = {p.id: i for i, p in enumerate(pool)}
    keep = [(index[b], index[a]) for a, b in proposals if a in index and b in index]
    keep = sorted({*keep, *((c, r) for r, c in keep)})
    forbidden = forbidden_columns(pool, pool, banned)
    graph = build_peer_graph(scoring, side, forbidden, PEER_TOP_K, keep)
    sparse = request.solver == "sparse" or (
        request.solver == "auto" and len(pool) > FULL_GRAPH_PEOPLE
    )
    solved = solve_pool(graph, scoring.objective, keep, sparse)
    chosen = solved.chosen
    proposal_keys = {tuple(sorted(p)) for p in proposals}
    fresh = (
        new_pair(
            scoring,
            pool[a],
            pool[b],
            tuple(sorted((pool[a].id, pool[b].id))) in proposal_keys,
            graph.full.points_of(a, b),
        )
        for a, b in chosen
    )
    pairs = all_pairs(program, (*fixed, *history), fresh, scoring)
    paired = {i for pair in chosen for i in pair}
    unpaired = np.ones(len(pool), dtype=np.float64)
    unpaired[sorted(paired)] = 0.0
    waiting = [i for i in range(len(pool)) if i not in paired]
    allowed = Allowed(graph.full, stats(scoring, side, forbidden, graph.full, waiting))
    unmatched = unmatched_people(
        scoring, pool, allowed, paired, len(everyone) - 1, unpaired, role="peer"
    )
    summary = pairs_summary(
        cohort,
        scoring.objective,
        pairs,
        unmatched=len(unmatched),
        people=len(everyone),
        solver=("sparse" if sparse else "full") + " graph",
        people_per_pair=2,
    )
    summary = _proven(summary, solved, len(pool))
    return pairs_result(cohort, pairs, unmatched, summary, person_options(pool, allowed.candidates))


def solve_pool(
    graph: PeerGraph, objective: str, keep: list[tuple[int, int]], sparse: bool
) -> _Solved:
    """The pool's pairs (pool indices, a < b), their bound and, under ``coverage``, the
    proof that no matching pairs more people."""
    n = graph.full.n_rows
    full = Problem.of(graph.full, np.ones(n, np.int64), objective, keep)
    if sparse:
        upper = Problem.of(
            graph.upper, np.ones(n, np.int64), objective, [(a, b) for a, b in keep if a < b]
        )
        arcs, bound = solve_cover(
            graph.upper, upper.stored_weights, full.weights, graph.seeds, objective == "coverage"
        )
        arc_weight = dict(zip(arcs, full.weights_of_pairs(arcs).tolist(), strict=True))
        chosen, odd = pairs_from_cover(n, arcs, arc_weight)
        chosen = repair(graph.full, full.stored_weights, chosen, odd)
    else:
        chosen, bound = _full(full), None
    chosen = complete_peers(graph.full, chosen)
    most = None
    if objective == "coverage":
        most = maximum_cardinality(graph.full, chosen)
        chosen = most.pairs
        if most.unpaired > n % 2 and deficiency(graph.upper, most.barrier) != most.unpaired:
            most = None  # never expected: the witness does not hold, so claim nothing
    gap = None if bound is None else _score_gap(graph, objective, keep, bound, chosen)
    return _Solved(chosen, gap, most)


def _score_gap(
    graph: PeerGraph,
    objective: str,
    keep: list[tuple[int, int]],
    bound: CoverBound,
    chosen: list[tuple[int, int]],
) -> float:
    """How far the score can at most be from the best (0: optimal)."""
    n = graph.full.n_rows
    problem = Problem.of(graph.full, np.ones(n, np.int64), objective, keep)
    achieved = int(problem.weights_of_pairs(chosen).sum()) if chosen else 0
    gap = gap_of(bound, achieved, len(chosen), objective, n)
    if objective != "coverage" or bound.bound(2 * len(chosen)) - 2 * achieved < coverage_constant(
        n
    ):
        return gap
    # Odd groups: the fractional optimum pairs more people than any matching can, so its
    # bound is loose by whole pairs. Bound the score alone instead (no coverage constant):
    # no matching, of any size, scores more than that optimum.
    score = Problem.of(graph.full, np.ones(n, np.int64), "quality", keep)
    upper = Problem.of(
        graph.upper, np.ones(n, np.int64), "quality", [(a, b) for a, b in keep if a < b]
    )
    pairs = np.array(chosen, dtype=np.int64).reshape(-1, 2)
    points = graph.full.points[[graph.full.position(a, b) for a, b in chosen]].astype(np.int64)
    both = Edges(
        np.concatenate((pairs[:, 0], pairs[:, 1])),
        np.concatenate((pairs[:, 1], pairs[:, 0])),
        np.concatenate((points, points)),
    )
    seeds = merge(graph.seeds, both, n)
    _, alone = solve_cover(graph.upper, upper.stored_weights, score.weights, seeds, False)
    achieved = int(score.weights_of_pairs(chosen).sum()) if chosen else 0
    return min(gap, gap_of(alone, achieved, len(chosen), "quality", n))


def _full(problem: Problem) -> list[tuple[int, int]]:
    """Every allowed pair, solved by the blossom algorithm: optimal by construction."""
    graph = problem.graph
    weights = problem.stored_weights(0, len(graph))
    rows = graph.rows_of(0, graph.n_rows)
    upper = rows < graph.cols
    small = rustworkx.PyGraph()
    small.add_nodes_from(range(graph.n_rows))
    small.add_edges_from(
        list(
            zip(
                rows[upper].tolist(),
                graph.cols[upper].astype(np.int64).tolist(),
                weights[upper].tolist(),
                strict=True,
            )
        )
    )
    found = rustworkx.max_weight_matching(small, max_cardinality=False, weight_fn=int)
    return sorted((min(a, b), max(a, b)) for a, b in found)


def complete_peers(graph: AllowedGraph, chosen: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``chosen`` plus pairs of unpaired people who may be paired (best partner first), so
    that "no compatible peer can take them" is always true."""
    free = np.ones(graph.n_rows, dtype=bool)
    for a, b in chosen:
        free[a] = free[b] = False
    added = list(chosen)
    for person in np.nonzero(free & (graph.degree() > 0))[0].tolist():
        if not free[person]:
            continue
        lo, hi = int(graph.indptr[person]), int(graph.indptr[person + 1])
        cols = graph.cols[lo:hi].astype(np.int64)
        open_ = np.nonzero(free[cols])[0]
        if not len(open_):
            continue
        other = int(cols[open_[np.argmax(graph.points[lo:hi][open_])]])
        free[person] = free[other] = False
        added.append((min(person, other), max(person, other)))
    return sorted(added)


def _proven(summary: MatchSummary, solved: _Solved, people: int) -> MatchSummary:
    """The score's certificate and, under ``coverage``, the coverage proof."""
    most = solved.most
    if most is not None and most.unpaired > people % 2:
        summary = replace(
            summary,
            notes=(
                *summary.notes,
                f"no matching pairs more people: {most.unpaired} of the pool stay unpaired in "
                f"every matching (Tutte-Berge: without {len(most.barrier)} people the rest "
                f"splits into {most.unpaired + len(most.barrier)} groups of odd size)",
            ),
        )
    max_matched = summary.matched if most is not None else None
    if solved.gap is None:
        return replace(
            summary,
            optimality="optimal (blossom algorithm over every allowed pair)",
            max_matched=max_matched,
        )
    text = OPTIMAL if solved.gap == 0.0 else within(solved.gap)
    return replace(summary, optimality=text, max_matched=max_matched)
