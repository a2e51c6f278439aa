"""``match_cohort``: the best pairs (or circles) for a cohort, explained. Pure: no I/O.

One-on-one and reverse cohorts are bipartite (mentees x mentor slots) and solved with
SciPy: dense ``linear_sum_assignment`` while the matrix is small, otherwise a sparse
candidate set (each mentee's best ``SPARSE_TOP_K`` mentors, plus earlier proposals)
solved with ``min_weight_full_bipartite_matching`` and a second pass for whoever is
left. Peer cohorts use a general-graph matching, circle cohorts a balanced grouping.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np

from mentorkit.matching.assignment import STABILITY_POINTS, Edges, assign, edge_weights
from mentorkit.matching.candidates import Candidates, collect, forbidden_columns
from mentorkit.matching.explain import idle_mentor_reason, unmatched_people
from mentorkit.matching.matrix import encode
from mentorkit.matching.result import (
    MatchingError,
    MatchResult,
    MatchSummary,
    PersonOptions,
    ProposedPair,
    UnmatchedPerson,
    mean,
    share,
)
from mentorkit.matching.score import SCALE, Scoring, score_with, scoring_for
from mentorkit.model.entities import Cohort, MatchFile, Pair, Participant
from mentorkit.model.program import Program

DENSE_CELLS = 8_000_000
SPARSE_TOP_K = 24
SOLVERS = ("auto", "dense", "sparse")


def match_cohort(
    program: Program,
    cohort_id: str,
    *,
    exclude: frozenset[tuple[str, str]] = frozenset(),
    solver: str = "auto",
) -> MatchResult:
    """Match one cohort, keeping locked and accepted pairs of its match file exactly.

    ``exclude`` holds (mentor, mentee) pairs never to propose. ``solver`` forces the
    dense or sparse bipartite solver (benchmarks compare them); ``auto`` picks by size.
    """
    cohort = program.cohorts.get(cohort_id)
    if cohort is None:
        known = ", ".join(program.cohorts) or "none"
        raise MatchingError(f"unknown cohort {cohort_id!r} (known cohorts: {known})")
    if solver not in SOLVERS:
        raise MatchingError(f"unknown solver {solver!r} (choose from {', '.join(SOLVERS)})")
    existing = program.matches.get(cohort_id)
    if cohort.format == "peer":
        from mentorkit.matching.peer import match_peers

        return match_peers(program, cohort, existing, exclude, solver)
    if cohort.format == "circles":
        from mentorkit.matching.circles import form_circles

        return form_circles(program, cohort, existing)
    return _bipartite(program, cohort, scoring_for(cohort), existing, exclude, solver)


def split_existing(
    existing: MatchFile | None,
) -> tuple[list[Pair], list[Pair], set[tuple[str, str]]]:
    """The file's fixed pairs (locked or accepted), its history (ended) and open proposals."""
    pairs = existing.pairs if existing else ()
    fixed = [p for p in pairs if p.status != "ended" and (p.locked or p.status == "accepted")]
    history = [p for p in pairs if p.status == "ended"]
    proposals = {(p.mentor, p.mentee) for p in pairs if p.status == "proposed" and not p.locked}
    return fixed, history, proposals


def carried_pair(pair: Pair, program: Program) -> ProposedPair:
    """A pair from the file, exactly as written."""
    a, b = program.participants.get(pair.mentor), program.participants.get(pair.mentee)
    origin = "history" if pair.status == "ended" else "locked" if pair.locked else "accepted"
    cross = a is not None and b is not None and a.department != b.department
    return ProposedPair(
        pair.mentor, pair.mentee, pair.score, pair.status, pair.locked, pair.reasons, origin, cross
    )


def new_pair(
    scoring: Scoring, mentor: Participant, mentee: Participant, kept: bool
) -> ProposedPair:
    scored = score_with(scoring, mentor, mentee)
    if scored is None:  # the solver only sees allowed pairs; this guards the invariant
        raise AssertionError(f"the solver proposed a forbidden pair {mentor.id}-{mentee.id}")
    return ProposedPair(
        mentor.id,
        mentee.id,
        scored.total,
        "proposed",
        False,
        scored.reasons,
        "kept" if kept else "new",
        mentor.department != mentee.department,
    )


def stability_bonus(
    edges: Edges,
    rows: Sequence[Participant],
    cols: Sequence[Participant],
    proposals: set[tuple[str, str]],
    peer: bool = False,
) -> np.ndarray:
    bonus = np.zeros(len(edges), dtype=np.int64)
    if not proposals:
        return bonus
    for k, (r, c) in enumerate(zip(edges.rows.tolist(), edges.cols.tolist(), strict=True)):
        key = (cols[c].id, rows[r].id)
        if key in proposals or (peer and key[::-1] in proposals):
            bonus[k] = STABILITY_POINTS
    return bonus


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


def _bipartite(
    program: Program,
    cohort: Cohort,
    scoring: Scoring,
    existing: MatchFile | None,
    exclude: frozenset[tuple[str, str]],
    solver: str,
) -> MatchResult:
    mentors = sorted(program.mentors_in(cohort.id), key=lambda p: p.id)
    mentees = sorted(program.mentees_in(cohort.id), key=lambda p: p.id)
    fixed, history, proposals = split_existing(existing)
    fixed_mentees = {p.mentee for p in fixed}
    load = Counter(p.mentor for p in fixed)
    pool = [m for m in mentees if m.id not in fixed_mentees]
    capacity = np.array(
        [max(0, (m.mentor.capacity if m.mentor else 0) - load[m.id]) for m in mentors],
        dtype=np.int64,
    )
    banned = set(exclude) | {(p.mentor, p.mentee) for p in history}
    method = solver
    if method == "auto":
        method = "dense" if len(pool) * max(1, int(capacity.sum())) <= DENSE_CELLS else "sparse"
    chosen, candidates = _solve(scoring, pool, mentors, capacity, banned, proposals, method)
    if method == "sparse":
        chosen = _second_pass(scoring, pool, mentors, capacity, banned, chosen, candidates)
    pairs = [carried_pair(p, program) for p in (*fixed, *history)]
    pairs += [
        new_pair(scoring, mentors[c], pool[r], (mentors[c].id, pool[r].id) in proposals)
        for r, c in chosen
    ]
    pairs.sort(key=lambda p: (p.status == "ended", p.mentor, p.mentee))
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
    options = tuple(
        PersonOptions(
            person.id,
            int(candidates.feasible_count[i]),
            int(candidates.best_feasible[i]) / SCALE if candidates.best_feasible[i] >= 0 else None,
        )
        for i, person in enumerate(pool)
    )
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
