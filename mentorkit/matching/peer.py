"""Peer cohorts: pairs within one pool, a maximum-weight matching on a general graph.

Pools of up to ``FULL_GRAPH_PEOPLE`` are solved on every allowed pair by rustworkx's
blossom algorithm, which is exact. Larger pools are solved through the bipartite double
cover (``peer_solve``): exact column generation gives an optimal fractional matching
and its certified bound, pairs are read off it, and the people an odd cycle leaves out
are re-solved exactly with their neighbourhood. The summary says "optimal" when the
pairs reach the bound, otherwise how far from it they can at most be.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import rustworkx

from mentorkit.matching.allowed import Allowed, build
from mentorkit.matching.assembly import (
    MatchRequest,
    all_pairs,
    new_pair,
    person_options,
    split_existing,
)
from mentorkit.matching.candidates import forbidden_columns
from mentorkit.matching.exact import OPTIMAL, Certificate, Problem, solve, within
from mentorkit.matching.explain import unmatched_people
from mentorkit.matching.matrix import encode
from mentorkit.matching.peer_solve import pairs_from_cover, repair
from mentorkit.matching.result import MatchResult, MatchSummary, mean, share
from mentorkit.matching.score import scoring_for

FULL_GRAPH_PEOPLE = 400
PEER_TOP_K = 10


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
    allowed = build(scoring, side, side, forbidden_columns(pool, pool, banned), PEER_TOP_K, keep)
    problem = Problem.of(allowed.graph, np.ones(len(pool), np.int64), scoring.objective, keep)
    sparse = request.solver == "sparse" or (
        request.solver == "auto" and len(pool) > FULL_GRAPH_PEOPLE
    )
    chosen, certificate = _sparse(problem, allowed) if sparse else _full(problem)
    chosen = complete_peers(allowed, chosen)
    proposal_keys = {tuple(sorted(p)) for p in proposals}
    fresh = (
        new_pair(
            scoring, pool[a], pool[b], tuple(sorted((pool[a].id, pool[b].id))) in proposal_keys
        )
        for a, b in chosen
    )
    pairs = all_pairs(program, (*fixed, *history), fresh, scoring)
    paired = {i for pair in chosen for i in pair}
    unpaired = np.ones(len(pool), dtype=np.float64)
    unpaired[sorted(paired)] = 0.0
    unmatched = unmatched_people(
        scoring, pool, allowed, paired, len(everyone) - 1, unpaired, role="peer"
    )
    active = [p for p in pairs if p.status != "ended"]
    summary = MatchSummary(
        format=cohort.format,
        objective=scoring.objective,
        matched=2 * len(active),
        unmatched=len(unmatched),
        mean_score=mean([p.score for p in active if p.score is not None]),
        cross_functional_share=share(sum(p.cross_functional for p in active), len(active)),
        mentor_utilisation=None,
        people=len(everyone),
        solver=("sparse" if sparse else "full") + " graph",
    )
    summary = _proven(summary, certificate, len(chosen))
    return MatchResult(
        cohort.id,
        cohort.format,
        tuple(pairs),
        (),
        tuple(unmatched),
        summary,
        person_options(pool, allowed.candidates),
    )


def _full(problem: Problem) -> tuple[list[tuple[int, int]], Certificate | None]:
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
    return sorted((min(a, b), max(a, b)) for a, b in found), None


def _sparse(problem: Problem, allowed: Allowed) -> tuple[list[tuple[int, int]], Certificate | None]:
    """Pairs from the optimal fractional matching, repaired where odd cycles cost someone;
    the certificate compares them (both arcs of each pair) with the fractional bound."""
    arcs, cover = solve(problem, allowed.candidates.edges)
    n = problem.graph.n_rows
    arc_weight = dict(zip(arcs, problem.weights_of_pairs(arcs).tolist(), strict=True))
    pairs, odd = pairs_from_cover(n, arcs, arc_weight)
    pairs = repair(problem.graph, problem.stored_weights, pairs, odd)
    achieved = 2 * int(problem.weights_of_pairs(pairs).sum()) if pairs else 0
    return pairs, replace(cover, achieved=achieved)


def complete_peers(allowed: Allowed, chosen: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``chosen`` plus pairs of unpaired people who may be paired (best partner first), so
    that "all compatible peers are paired with others" is always true."""
    graph = allowed.graph
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


def _proven(summary: MatchSummary, certificate: Certificate | None, pairs: int) -> MatchSummary:
    most = summary.matched if summary.objective == "coverage" else None
    if certificate is None:
        return replace(
            summary,
            optimality="optimal (blossom algorithm over every allowed pair)",
            max_matched=most,
        )
    if certificate.optimal:
        return replace(summary, optimality=OPTIMAL, max_matched=most)
    return replace(summary, optimality=within(certificate.score_gap(2 * pairs)))
