"""Peer cohorts: pairs within one pool, a maximum-weight matching on a general graph.

rustworkx's blossom algorithm finds the optimum. Small pools use every allowed
pair; large pools keep each person's ``PEER_TOP_K`` best partners (plus earlier
proposals), which keeps the graph sparse and the solve well under a second.
"""

from __future__ import annotations

import numpy as np
import rustworkx

from mentorkit.matching.assembly import (
    MatchRequest,
    all_pairs,
    new_pair,
    person_options,
    split_existing,
)
from mentorkit.matching.assignment import STABILITY_POINTS
from mentorkit.matching.candidates import collect, forbidden_columns
from mentorkit.matching.explain import unmatched_people
from mentorkit.matching.matrix import encode
from mentorkit.matching.result import (
    MatchResult,
    MatchSummary,
    mean,
    share,
)
from mentorkit.matching.score import Scoring, scoring_for
from mentorkit.model.entities import Participant

FULL_GRAPH_PEOPLE = 400
PEER_TOP_K = 10
WIDENING_DEPTHS = (1, 3, 6)


def match_peers(request: MatchRequest) -> MatchResult:
    """Pairs within one pool, keeping the file's fixed pairs exactly."""
    program, cohort, solver = request.program, request.cohort, request.solver
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
    keep += [(c, r) for r, c in keep]
    sparse = solver == "sparse" or (solver == "auto" and len(pool) > FULL_GRAPH_PEOPLE)
    candidates = collect(
        scoring,
        side,
        side,
        forbidden_columns(pool, pool, banned),
        PEER_TOP_K if sparse else None,
        keep,
    )
    proposal_keys = {tuple(sorted(p)) for p in proposals}
    quality = scoring.objective == "quality"
    weights = _undirected(candidates.edges.rows, candidates.edges.cols, candidates.edges.points)
    chosen = _solve(pool, weights, proposal_keys, quality)
    widened: set[int] = set()
    for depth in WIDENING_DEPTHS if sparse else ():
        # The best few partners per person left someone out. They get every allowed
        # partner; an augmenting path from them runs through their partners' current
        # mates, so every allowed pair among the people within ``depth`` such steps is
        # added too, and the graph is solved again.
        waiting = [i for i in _unpaired(chosen, len(pool)) if candidates.feasible_count[i] > 0]
        if not waiting:
            break
        before = len(weights)
        rows = sorted(set(waiting) - widened)
        widened.update(rows)
        _add_edges(weights, scoring, pool, rows, list(range(len(pool))), banned)
        around = _alternating_reach(waiting, chosen, weights, depth)
        _add_edges(weights, scoring, pool, around, around, banned)
        if len(weights) > before:
            chosen = _solve(pool, weights, proposal_keys, quality)
    pairs = all_pairs(
        program,
        (*fixed, *history),
        (
            new_pair(
                scoring, pool[a], pool[b], tuple(sorted((pool[a].id, pool[b].id))) in proposal_keys
            )
            for a, b in chosen
        ),
        scoring,
    )
    paired = {i for pair in chosen for i in pair}
    unmatched = unmatched_people(scoring, pool, candidates, paired, len(everyone) - 1, role="peer")
    active = [p for p in pairs if p.status != "ended"]
    options = person_options(pool, candidates)
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
    return MatchResult(
        cohort.id, cohort.format, tuple(pairs), (), tuple(unmatched), summary, options
    )


def _add_edges(
    weights: dict[tuple[int, int], int],
    scoring: Scoring,
    pool: list[Participant],
    rows: list[int],
    cols: list[int],
    banned: set[tuple[str, str]],
) -> None:
    """Add every allowed pair between ``rows`` and ``cols`` (indices into ``pool``)."""
    if not rows or not cols:
        return
    row_people, col_people = [pool[i] for i in rows], [pool[j] for j in cols]
    row_side, col_side = encode([row_people, col_people])
    forbidden = forbidden_columns(row_people, col_people, banned)
    edges = collect(scoring, row_side, col_side, forbidden).edges
    index_rows, index_cols = np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64)
    weights.update(_undirected(index_rows[edges.rows], index_cols[edges.cols], edges.points))


def _unpaired(chosen: list[tuple[int, int]], people: int) -> list[int]:
    paired = {i for pair in chosen for i in pair}
    return [i for i in range(people) if i not in paired]


def _alternating_reach(
    start: list[int], chosen: list[tuple[int, int]], edges: dict[tuple[int, int], int], depth: int
) -> list[int]:
    """``start``, their candidates and those candidates' mates, ``depth`` times over: the
    people an augmenting path from ``start`` passes through first."""
    if not start:
        return []
    mate = dict(chosen) | {b: a for a, b in chosen}
    neighbours: dict[int, list[int]] = {}
    for a, b in edges:
        neighbours.setdefault(a, []).append(b)
        neighbours.setdefault(b, []).append(a)
    reached, frontier = set(start), set(start)
    for _ in range(depth):
        frontier = {mate[v] for u in frontier for v in neighbours.get(u, ()) if v in mate} - reached
        reached |= frontier
    return sorted(reached)


def _undirected(
    rows: np.ndarray, cols: np.ndarray, points: np.ndarray
) -> dict[tuple[int, int], int]:
    low, high = np.minimum(rows, cols), np.maximum(rows, cols)
    return {
        (int(a), int(b)): int(p)
        for a, b, p in zip(low.tolist(), high.tolist(), points.tolist(), strict=True)
        if a != b
    }


def _solve(
    pool: list[Participant],
    points: dict[tuple[int, int], int],
    proposals: set[tuple[str, ...]],
    quality: bool,
) -> list[tuple[int, int]]:
    """Maximum-weight (coverage: maximum-cardinality first) matching; edges added in sorted order."""
    scale, extra = (len(pool) + 1, 1) if quality else (1, 0)
    graph = rustworkx.PyGraph()
    graph.add_nodes_from(range(len(pool)))
    edges = []
    for (a, b), pts in sorted(points.items()):
        bonus = STABILITY_POINTS if tuple(sorted((pool[a].id, pool[b].id))) in proposals else 0
        edges.append((a, b, (pts + bonus) * scale + extra))
    graph.add_edges_from(edges)
    matching = rustworkx.max_weight_matching(graph, max_cardinality=not quality, weight_fn=int)
    return sorted((min(pair), max(pair)) for pair in matching)
