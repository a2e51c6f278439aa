"""One-on-one and reverse cohorts: mentees x mentor slots, a bipartite assignment.

Solved with SciPy: dense ``linear_sum_assignment`` while the matrix is small, otherwise a
sparse candidate set (each mentee's best ``SPARSE_TOP_K`` mentors, plus earlier proposals)
solved with ``min_weight_full_bipartite_matching`` and a second pass for whoever is left.
"""

from __future__ import annotations

from collections import Counter

import numpy as np

from mentorkit.matching.assembly import (
    MatchRequest,
    all_pairs,
    new_pair,
    person_options,
    split_existing,
    stability_bonus,
)
from mentorkit.matching.assignment import assign, edge_weights
from mentorkit.matching.candidates import Candidates, collect, forbidden_columns
from mentorkit.matching.explain import idle_mentor_reason, unmatched_people
from mentorkit.matching.matrix import encode
from mentorkit.matching.result import MatchResult, MatchSummary, UnmatchedPerson, mean, share
from mentorkit.matching.score import Scoring, scoring_for
from mentorkit.model.entities import Participant

DENSE_CELLS = 8_000_000
SPARSE_TOP_K = 24


def _solve(
    scoring: Scoring,
    pool: list[Participant],
    mentors: list[Participant],
    capacity: np.ndarray,
    banned: set[tuple[str, str]],
    proposals: set[tuple[str, str]],
    method: str,
) -> tuple[list[tuple[int, int]], Candidates]:
    rows, cols = encode([pool, mentors])
    forbidden = forbidden_columns(pool, mentors, banned)
    col_at = {m.id: j for j, m in enumerate(mentors)}
    row_at = {m.id: i for i, m in enumerate(pool)}
    keep = [
        (row_at[mentee], col_at[mentor])
        for mentor, mentee in proposals
        if mentee in row_at and mentor in col_at
    ]
    candidates = collect(
        scoring, rows, cols, forbidden, None if method == "dense" else SPARSE_TOP_K, keep
    )
    weights = edge_weights(
        candidates.edges,
        stability_bonus(candidates.edges, pool, mentors, proposals),
        scoring.objective,
        len(pool),
    )
    return assign(len(pool), capacity, candidates.edges, weights, method), candidates


def match_pairs(request: MatchRequest) -> MatchResult:
    """Pairs for a one-on-one or reverse cohort, keeping the file's fixed pairs exactly."""
    program, cohort, solver = request.program, request.cohort, request.solver
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
    method = solver
    if method == "auto":
        method = "dense" if len(pool) * max(1, int(capacity.sum())) <= DENSE_CELLS else "sparse"
    chosen, candidates = _solve(scoring, pool, mentors, capacity, banned, proposals, method)
    if method == "sparse":
        chosen = _second_pass(scoring, pool, mentors, capacity, banned, chosen, candidates)
    pairs = all_pairs(
        program,
        (*fixed, *history),
        (
            new_pair(scoring, mentors[c], pool[r], (mentors[c].id, pool[r].id) in proposals)
            for r, c in chosen
        ),
        scoring,
    )
    matched_rows = {r for r, _ in chosen}
    unmatched = unmatched_people(scoring, pool, candidates, matched_rows, len(mentors))
    busy = {p.mentor for p in pairs if p.status != "ended"}
    unmatched += [
        UnmatchedPerson(
            m.id,
            idle_mentor_reason(m, int(candidates.col_skill[j]), int(candidates.col_feasible[j])),
            "mentor",
        )
        for j, m in enumerate(mentors)
        if m.id not in busy
    ]
    unmatched.sort(key=lambda u: (u.role != "mentee", u.id))
    active = [p for p in pairs if p.status != "ended"]
    total_capacity = sum(m.mentor.capacity for m in mentors if m.mentor)
    mentor_ids = {m.id for m in mentors}
    summary = MatchSummary(
        format=cohort.format,
        objective=cohort.matching.objective,
        matched=len(active),
        unmatched=sum(1 for u in unmatched if u.role == "mentee"),
        mean_score=mean([p.score for p in active if p.score is not None]),
        cross_functional_share=share(sum(p.cross_functional for p in active), len(active)),
        mentor_utilisation=share(sum(1 for p in active if p.mentor in mentor_ids), total_capacity),
        people=len({p.id for p in (*mentors, *mentees)}),
        solver=method if pool else "none",
    )
    options = person_options(pool, candidates)
    return MatchResult(
        cohort.id, cohort.format, tuple(pairs), (), tuple(unmatched), summary, options
    )


def _second_pass(
    scoring: Scoring,
    pool: list[Participant],
    mentors: list[Participant],
    capacity: np.ndarray,
    banned: set[tuple[str, str]],
    chosen: list[tuple[int, int]],
    candidates: Candidates,
) -> list[tuple[int, int]]:
    """Match mentees the sparse candidate set left out with mentors who still have room."""
    used = Counter(c for _, c in chosen)
    spare = np.array([capacity[j] - used[j] for j in range(len(mentors))], dtype=np.int64)
    matched = {r for r, _ in chosen}
    waiting = [i for i in range(len(pool)) if i not in matched and candidates.feasible_count[i] > 0]
    if not waiting or spare.sum() == 0:
        return chosen
    sub_pool = [pool[i] for i in waiting]
    open_cols = [j for j in range(len(mentors)) if spare[j] > 0]
    method = "dense" if len(sub_pool) * int(spare.sum()) <= DENSE_CELLS else "sparse"
    extra, _ = _solve(
        scoring, sub_pool, [mentors[j] for j in open_cols], spare[open_cols], banned, set(), method
    )
    return sorted(chosen + [(waiting[r], open_cols[c]) for r, c in extra])
