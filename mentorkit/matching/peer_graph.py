"""Every allowed pair of a peer pool, each scored once (the upper triangle).

Peer scores and hard rules are symmetric (a-b scores as b-a), so only the pairs a < b are
scored: row block ``start:stop`` against the columns ``start:`` (the shared kernel,
``matrix.score_block``, on sub-sides), half the work of the full square. The full graph
(both directions, what coverage is measured on and what explanations read) is then
assembled from the triangle without scoring anything again. Per-person statistics for
explanations (``stats``) are scored only for the people who need one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from scipy.sparse import csr_matrix

from mentorkit.matching.allowed import AllowedGraph, unique_edges
from mentorkit.matching.assignment import Edges
from mentorkit.matching.candidates import Candidates
from mentorkit.matching.matrix import BLOCK_CELLS, STAGES, Side, score_block
from mentorkit.matching.preferences import choice_table
from mentorkit.matching.score import Scoring
from mentorkit.matching.sides import take


@dataclass(frozen=True)
class PeerGraph:
    upper: AllowedGraph  # pairs (a, b) with a < b, each once
    full: AllowedGraph  # both directions: row a lists every allowed b
    seeds: Edges  # symmetric: (a, b) and (b, a) for each seed pair


def _sub_table(
    table: tuple[np.ndarray, np.ndarray], n: int, rows: np.ndarray, cols: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """The choice table re-keyed for a sub-block (``rows`` x ``cols`` of the pool)."""
    keys, points = table
    if not len(keys):
        return table
    row_at = np.full(n, -1, dtype=np.int64)
    col_at = np.full(n, -1, dtype=np.int64)
    row_at[rows], col_at[cols] = np.arange(len(rows)), np.arange(len(cols))
    r, c = row_at[keys // n], col_at[keys % n]
    ok = (r >= 0) & (c >= 0)
    local = r[ok] * max(1, len(cols)) + c[ok]
    order = np.argsort(local, kind="stable")
    return local[order], points[ok][order]


def _sub_forbidden(
    forbidden: dict[int, list[int]], rows: np.ndarray, cols: np.ndarray, n: int
) -> dict[int, list[int]]:
    col_at = np.full(n, -1, dtype=np.int64)
    col_at[cols] = np.arange(len(cols))
    out: dict[int, list[int]] = {}
    for local, row in enumerate(rows.tolist()):
        found = [int(col_at[c]) for c in forbidden.get(row, ()) if col_at[c] >= 0]
        if found:
            out[local] = found
    return out


def build_peer_graph(
    scoring: Scoring,
    side: Side,
    forbidden: dict[int, list[int]],
    top_k: int,
    must_keep: Iterable[tuple[int, int]] = (),
) -> PeerGraph:
    """Score the triangle block by block; keep every allowed pair, and as seeds each
    person's ``top_k`` best later partners, the best earlier one per block and
    ``must_keep`` (standing proposals) when allowed."""
    n = len(side.ids)
    col_type = np.int16 if n <= np.iinfo(np.int16).max else np.int32
    table = choice_table(
        scoring.choice_points, scoring.peer, (side.ids, side.choices), (side.ids, side.choices)
    )
    counts = np.zeros(n, dtype=np.int64)
    parts_c: list[np.ndarray] = []
    parts_p: list[np.ndarray] = []
    seeds: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    start = 0
    while start < n:
        stop = min(n, start + max(1, BLOCK_CELLS // (n - start)))
        rows, cols = np.arange(start, stop), np.arange(start, n)
        block = score_block(
            scoring,
            take(side, rows),
            take(side, cols),
            _sub_forbidden(forbidden, rows, cols, n),
            (0, len(rows)),
            _sub_table(table, n, rows, cols),
        )
        later = block.cols > block.rows  # a < b only
        r, c, points = block.rows[later], block.cols[later], block.points[later]
        counts[start:stop] = np.bincount(r, minlength=stop - start)
        parts_c.append((c + start).astype(col_type))
        parts_p.append(points.astype(np.int16))
        r, c, p = _block_seeds(r, c, points, (stop - start, n - start), top_k)
        seeds.append((r + start, c + start, p))
        start = stop
    indptr = np.concatenate(([0], np.cumsum(counts))).astype(np.int64)
    upper = AllowedGraph(
        n,
        n,
        indptr,
        np.concatenate(parts_c) if parts_c else np.zeros(0, col_type),
        np.concatenate(parts_p) if parts_p else np.zeros(0, np.int16),
    )
    full = symmetric(upper)
    keep = [(min(a, b), max(a, b)) for a, b in must_keep if a != b]
    found = (
        (
            np.concatenate([s[0] for s in seeds]),
            np.concatenate([s[1] for s in seeds]),
            np.concatenate([s[2] for s in seeds]),
        )
        if seeds
        else (np.zeros(0, np.int64),) * 3
    )
    return PeerGraph(upper, full, _symmetric_seeds(full, found, keep))


def _block_seeds(
    r: np.ndarray, c: np.ndarray, points: np.ndarray, shape: tuple[int, int], top_k: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each row's ``top_k`` best pairs in the block and each column's best one (ties: the
    lower index), from a dense grid of unique integer keys."""
    width = shape[1]
    keys = np.full(shape, -1, dtype=np.int64)
    keys[r, c] = points * width + (width - 1 - c)
    k = min(top_k, width)
    top = np.argpartition(-keys, k - 1, axis=1)[:, :k]
    rows = np.repeat(np.arange(shape[0]), k)
    cols = top.ravel()
    good = keys[rows, cols] >= 0
    rows, cols = rows[good], cols[good]
    best = np.argmax(keys, axis=0)
    has = keys[best, np.arange(width)] >= 0
    rows = np.concatenate((rows, best[has]))
    cols = np.concatenate((cols, np.nonzero(has)[0]))
    return rows, cols, keys[rows, cols] // width


def symmetric(upper: AllowedGraph) -> AllowedGraph:
    """Both directions from the triangle (SciPy adds it to its transpose in C; points are
    shifted by one so that a pair scoring 0 is not taken for a missing one)."""
    n = upper.n_rows
    triangle = csr_matrix(
        (upper.points.astype(np.int16) + np.int16(1), upper.cols.astype(np.int32), upper.indptr),
        shape=(n, n),
    )
    both = (triangle + triangle.T).tocsr()
    both.sort_indices()
    return AllowedGraph(
        n,
        n,
        both.indptr.astype(np.int64),
        both.indices.astype(upper.cols.dtype),
        (both.data - 1).astype(np.int16),
    )


def _symmetric_seeds(
    full: AllowedGraph,
    found: tuple[np.ndarray, np.ndarray, np.ndarray],
    keep: list[tuple[int, int]],
) -> Edges:
    """Seed pairs in both directions with their points (points are symmetric)."""
    at = [(a, b, full.position(a, b)) for a, b in keep]
    extra = [(a, b, int(full.points[k])) for a, b, k in at if k >= 0]
    r = np.concatenate((found[0], np.array([a for a, _, _ in extra], dtype=np.int64)))
    c = np.concatenate((found[1], np.array([b for _, b, _ in extra], dtype=np.int64)))
    p = np.concatenate((found[2], np.array([q for _, _, q in extra], dtype=np.int64)))
    r, c, p = r.astype(np.int64), c.astype(np.int64), p.astype(np.int64)
    return unique_edges(
        np.concatenate((r, c)), np.concatenate((c, r)), np.concatenate((p, p)), full.n_rows
    )


def stats(
    scoring: Scoring,
    side: Side,
    forbidden: dict[int, list[int]],
    full: AllowedGraph,
    who: Iterable[int],
) -> Candidates:
    """Per-person statistics for explanations and options: the filter counts are scored
    for ``who`` only (the people without a partner); counts and best scores of
    everyone come from the graph."""
    n = full.n_rows
    stage_counts = np.zeros((n, len(STAGES)), dtype=np.int64)
    stage_counts[:, -1] = full.degree()
    best_feasible = np.full(n, -1, dtype=np.int64)
    has = full.degree() > 0
    if has.any():
        best_feasible[has] = np.maximum.reduceat(full.points, full.indptr[:-1][has])
    best_fit = best_feasible.copy()
    idx = np.array(sorted(set(who)), dtype=np.int64)
    if len(idx):
        everyone = np.arange(n)
        table = choice_table(
            scoring.choice_points, scoring.peer, (side.ids, side.choices), (side.ids, side.choices)
        )
        block = score_block(
            scoring,
            take(side, idx),
            side,
            _sub_forbidden(forbidden, idx, everyone, n),
            (0, len(idx)),
            _sub_table(table, n, idx, everyone),
        )
        stage_counts[idx] = block.stage_counts
        best_fit[idx] = block.best_fit
    nothing = Edges.empty()
    degree = full.degree()
    return Candidates(nothing, stage_counts, best_fit, best_feasible, degree, degree)
