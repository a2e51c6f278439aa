"""One-on-one and reverse cohorts: mentees x mentors with capacities, solved exactly.

Every allowed pair is scored once, block by block, and kept compactly (``allowed``).
Small cohorts are solved on all of them at once (dense ``linear_sum_assignment``);
larger ones start from each mentee's best ``SPARSE_TOP_K`` mentors (and each mentor's
best mentees, and standing proposals) and grow that set by column generation until
LP duals prove the assignment optimal on every allowed pair (``exact``). Coverage is
then the true maximum and the score the true optimum for the cohort's objective.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import numpy as np

from mentorkit.matching.allowed import build
from mentorkit.matching.assembly import (
    MatchRequest,
    all_pairs,
    new_pair,
    pairs_result,
    pairs_summary,
    person_options,
    split_existing,
)
from mentorkit.matching.candidates import forbidden_columns
from mentorkit.matching.completion import complete
from mentorkit.matching.exact import OPTIMAL, Certificate, Problem, solve, within
from mentorkit.matching.explain import bipartite_unmatched
from mentorkit.matching.matrix import encode
from mentorkit.matching.result import MatchResult, MatchSummary, ProposedPair, share
from mentorkit.matching.score import scoring_for
from mentorkit.model.entities import Participant

DENSE_CELLS = 8_000_000
SPARSE_TOP_K = 12


def match_pairs(request: MatchRequest) -> MatchResult:
    """Pairs for a one-on-one or reverse cohort, keeping the file's fixed pairs exactly."""
    program, cohort = request.program, request.cohort
    scoring = scoring_for(cohort)
    mentors = sorted(program.mentors_in(cohort.id), key=lambda p: p.id)
    mentees = sorted(program.mentees_in(cohort.id), key=lambda p: p.id)
    fixed, history, proposals = split_existing(request.existing)
    fixed_mentees = {p.mentee for p in fixed}
    load = Counter(p.mentor for p in fixed)
    pool = [m for m in mentees if m.id not in fixed_mentees]
    capacity = np.array(
        [max(0, (m.mentor.capacity if m.mentor else 0) - load[m.id]) for m in mentors],
        dtype=np.int64,
    )
    banned = set(request.exclude) | {(p.mentor, p.mentee) for p in history}
    method = request.solver
    if method == "auto":
        method = "dense" if len(pool) * max(1, int(capacity.sum())) <= DENSE_CELLS else "sparse"
    rows, cols = encode([pool, mentors])
    row_at = {m.id: i for i, m in enumerate(pool)}
    col_at = {m.id: j for j, m in enumerate(mentors)}
    standing = sorted(
        (row_at[mentee], col_at[mentor])
        for mentor, mentee in proposals
        if mentee in row_at and mentor in col_at
    )
    allowed = build(
        scoring, rows, cols, forbidden_columns(pool, mentors, banned), SPARSE_TOP_K, standing
    )
    problem = Problem.of(allowed.graph, capacity, scoring.objective, standing)
    seeds = allowed.candidates.edges if method == "sparse" else allowed.graph.edges()
    chosen, certificate = solve(problem, seeds)
    chosen = complete(allowed.graph, capacity, chosen)
    fresh = [
        new_pair(
            scoring,
            mentors[c],
            pool[r],
            (mentors[c].id, pool[r].id) in proposals,
            allowed.graph.points_of(r, c),
        )
        for r, c in chosen
    ]
    pairs = all_pairs(program, (*fixed, *history), fresh, scoring)
    engaged = {p.mentor for p in fixed}
    unmatched = bipartite_unmatched(scoring, pool, mentors, allowed, capacity, chosen, engaged)
    summary = _summary(request, pairs, mentors, mentees, unmatched_count=len(pool) - len(chosen))
    summary = _certified(summary, certificate, len(chosen), method if pool else "none")
    return pairs_result(cohort, pairs, unmatched, summary, person_options(pool, allowed.candidates))


def _summary(
    request: MatchRequest,
    pairs: list[ProposedPair],
    mentors: list[Participant],
    mentees: list[Participant],
    unmatched_count: int,
) -> MatchSummary:
    summary = pairs_summary(
        request.cohort,
        request.cohort.matching.objective,
        pairs,
        unmatched=unmatched_count,
        people=len({p.id for p in (*mentors, *mentees)}),
        solver="",
    )
    total_capacity = sum(m.mentor.capacity for m in mentors if m.mentor)
    mentor_ids = {m.id for m in mentors}
    active = [p for p in pairs if p.status != "ended"]
    engaged = sum(1 for p in active if p.mentor in mentor_ids)
    return replace(summary, mentor_utilisation=share(engaged, total_capacity))


def _certified(
    summary: MatchSummary, certificate: Certificate, new_pairs: int, method: str
) -> MatchSummary:
    """The summary with what the certificate proves about coverage and score."""
    summary = replace(summary, solver=method)
    if certificate.optimal:
        most = summary.matched if summary.objective == "coverage" else None
        return replace(summary, optimality=OPTIMAL, max_matched=most)
    gap = certificate.score_gap(new_pairs)
    return replace(summary, optimality=within(gap))
