"""Peer cohorts: pairs within one pool, a maximum-weight matching on a general graph.

rustworkx's blossom algorithm finds the optimum. Small pools use every allowed
pair; large pools keep each person's ``PEER_TOP_K`` best partners (plus earlier
proposals), which keeps the graph sparse and the solve well under a second.
"""

from __future__ import annotations

import numpy as np
import rustworkx

from mentorkit.matching.assignment import STABILITY_POINTS
from mentorkit.matching.candidates import collect, forbidden_columns
from mentorkit.matching.engine import carried_pair, new_pair, split_existing
from mentorkit.matching.explain import unmatched_reason
from mentorkit.matching.matrix import encode
from mentorkit.matching.result import (
    MatchResult,
    MatchSummary,
    PersonOptions,
    UnmatchedPerson,
    mean,
    share,
)
from mentorkit.matching.score import SCALE, scoring_for
from mentorkit.model.entities import Cohort, MatchFile
from mentorkit.model.program import Program

FULL_GRAPH_PEOPLE = 400
PEER_TOP_K = 10


def match_peers(program: Program, cohort: Cohort, existing: MatchFile | None, exclude: frozenset[tuple[str, str]], solver: str) -> MatchResult:
    scoring = scoring_for(cohort)
    everyone = sorted(program.enrolled(cohort.id), key=lambda p: p.id)
    fixed, history, proposals = split_existing(existing)
    taken = {p.mentor for p in fixed} | {p.mentee for p in fixed}
    pool = [p for p in everyone if p.id not in taken]
    banned = {pair for p in history for pair in ((p.mentor, p.mentee), (p.mentee, p.mentor))}
    banned |= {pair for a, b in exclude for pair in ((a, b), (b, a))}
    (side,) = encode([pool])
    index = {p.id: i for i, p in enumerate(pool)}
    keep = [(index[b], index[a]) for a, b in proposals if a in index and b in index]
    keep += [(c, r) for r, c in keep]
    sparse = solver == "sparse" or (solver == "auto" and len(pool) > FULL_GRAPH_PEOPLE)
    candidates = collect(scoring, side, side, forbidden_columns(pool, pool, banned), PEER_TOP_K if sparse else None, keep)
    edges = candidates.edges
    low, high = np.minimum(edges.rows, edges.cols), np.maximum(edges.rows, edges.cols)
    unique = np.unique(low * max(1, len(pool)) + high, return_index=True)[1]
    proposal_keys = {tuple(sorted(p)) for p in proposals}
    graph = rustworkx.PyGraph()
    graph.add_nodes_from(range(len(pool)))
    bonus_for = (lambda a, b: STABILITY_POINTS if tuple(sorted((pool[a].id, pool[b].id))) in proposal_keys else 0)
    quality = scoring.objective == "quality"
    scale, extra = (len(pool) + 1, 1) if quality else (1, 0)
    graph.add_edges_from([
        (int(low[k]), int(high[k]), (int(edges.points[k]) + bonus_for(int(low[k]), int(high[k]))) * scale + extra)
        for k in unique
    ])
    matching = rustworkx.max_weight_matching(graph, max_cardinality=not quality, weight_fn=int)
    chosen = sorted(tuple(sorted(pair)) for pair in matching)
    pairs = [carried_pair(p, program) for p in (*fixed, *history)]
    pairs += [new_pair(scoring, pool[a], pool[b], tuple(sorted((pool[a].id, pool[b].id))) in proposal_keys) for a, b in chosen]
    pairs.sort(key=lambda p: (p.status == "ended", p.mentor, p.mentee))
    paired = {i for pair in chosen for i in pair}
    unmatched = [
        UnmatchedPerson(person.id, unmatched_reason(scoring, person, candidates.stage_counts[i], int(candidates.best_allowed[i]), len(everyone) - 1, role="peer"), "peer")
        for i, person in enumerate(pool)
        if i not in paired
    ]
    active = [p for p in pairs if p.status != "ended"]
    options = tuple(
        PersonOptions(p.id, int(candidates.feasible_count[i]), int(candidates.best_feasible[i]) / SCALE if candidates.best_feasible[i] >= 0 else None)
        for i, p in enumerate(pool)
    )
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
    return MatchResult(cohort.id, cohort.format, tuple(pairs), (), tuple(unmatched), summary, options)
