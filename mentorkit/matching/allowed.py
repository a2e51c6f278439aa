"""Every allowed pair of a cohort, compactly, plus a small seed set for the solver.

The full allowed graph is what exactness is measured against: coverage is maximal on it
and the score is priced against it, so it is kept whole, as compressed rows (a column
index and the integer points per allowed pair, two bytes each for up to 32,767 columns).
A 10,000 x 5,000 cohort with 36 million allowed pairs takes about 150 MB; scores are
computed block by block, never as one dense matrix.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

import numpy as np

from mentorkit.matching.assignment import Edges
from mentorkit.matching.candidates import Candidates
from mentorkit.matching.matrix import STAGES, Side, score_blocks
from mentorkit.matching.score import SCALE, Scoring

BAND_SHIFT = 8  # seeds are picked within bands of 256 points (0.0256 of score)
CHUNK = 4_000_000  # allowed pairs handled at once when the whole graph is priced


@dataclass(frozen=True)
class AllowedGraph:
    """Allowed (row, column) pairs as compressed rows; columns ascend within a row."""

    n_rows: int
    n_cols: int
    indptr: np.ndarray  # int64, n_rows + 1
    cols: np.ndarray  # int16 or int32
    points: np.ndarray  # int16: a score in 1/SCALE steps

    def __len__(self) -> int:
        return len(self.cols)

    def chunks(self) -> Iterator[tuple[int, int]]:
        """Row ranges holding about ``CHUNK`` pairs each (a row is never split)."""
        start = 0
        while start < self.n_rows:
            limit = int(self.indptr[start]) + CHUNK
            stop = max(start + 1, int(np.searchsorted(self.indptr, limit, side="right")) - 1)
            stop = min(stop, self.n_rows)
            yield start, stop
            start = stop

    def rows_of(self, start: int, stop: int) -> np.ndarray:
        """The row index of every pair in rows ``start:stop``."""
        counts = np.diff(self.indptr[start : stop + 1])
        return np.repeat(np.arange(start, stop, dtype=np.int64), counts)

    def position(self, row: int, col: int) -> int:
        """Where (row, col) is stored, or -1 when the pair is not allowed."""
        lo, hi = int(self.indptr[row]), int(self.indptr[row + 1])
        at = lo + int(np.searchsorted(self.cols[lo:hi], col))
        return at if at < hi and int(self.cols[at]) == col else -1

    def points_of(self, row: int, col: int) -> int:
        """The points of an allowed pair; -1 when the pair is not allowed."""
        at = self.position(row, col)
        return int(self.points[at]) if at >= 0 else -1

    def degree(self) -> np.ndarray:
        return np.diff(self.indptr)

    def edges(self) -> Edges:
        """Every allowed pair as solver edges."""
        return Edges(
            self.rows_of(0, self.n_rows), self.cols.astype(np.int64), self.points.astype(np.int64)
        )


@dataclass(frozen=True)
class Allowed:
    """The full graph, the seed edges for the solver, and per-person statistics."""

    graph: AllowedGraph
    candidates: Candidates  # ``edges`` are the seeds


def build(
    scoring: Scoring,
    rows: Side,
    cols: Side,
    forbidden: dict[int, list[int]],
    top_k: int,
    must_keep: Iterable[tuple[int, int]] = (),
) -> Allowed:
    """Score every pair block by block; keep all allowed ones, and as seeds each row's
    ``top_k`` best, each column's ``top_k // 2`` best and ``must_keep`` when allowed.
    "Best" is the most points, ties going to the lower index, so seeds are exact."""
    n_rows, n_cols = len(rows.ids), len(cols.ids)
    col_type = np.int16 if n_cols <= np.iinfo(np.int16).max else np.int32
    keep = sorted(set(must_keep))
    stage_counts = np.zeros((n_rows, len(STAGES)), dtype=np.int64)
    best_fit = np.full(n_rows, -1, dtype=np.int64)
    col_skill = np.zeros(n_cols, dtype=np.int64)
    all_c: list[np.ndarray] = []
    all_p: list[np.ndarray] = []
    by_row: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    by_col: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    for block in score_blocks(scoring, rows, cols, forbidden):
        stage_counts[block.start : block.stop] = block.stage_counts
        best_fit[block.start : block.stop] = block.best_fit
        col_skill += block.col_skill
        all_c.append(block.cols.astype(col_type))
        all_p.append(block.points.astype(np.int16))
        g = block.rows + block.start
        by_row.append(best_pairs(g, block.cols, block.points, max(1, top_k), n_cols))
        by_col.append(
            best_pairs(block.cols, g, block.points, max(1, top_k // 2), n_rows, flip=True)
        )
    indptr = np.concatenate(([0], np.cumsum(stage_counts[:, len(STAGES) - 1]))).astype(np.int64)
    graph = AllowedGraph(
        n_rows,
        n_cols,
        indptr,
        np.concatenate(all_c) if all_c else np.zeros(0, col_type),
        np.concatenate(all_p) if all_p else np.zeros(0, np.int16),
    )
    # each column's best rows too: mentors with room can reach mentees who ranked others first
    seeds = [*by_row, _by_column(by_col, max(1, top_k // 2), n_rows), _kept(graph, keep)]
    seed_rows, seed_cols, seed_points = (np.concatenate([s[i] for s in seeds]) for i in range(3))
    edges = unique_edges(seed_rows, seed_cols, seed_points, n_cols)
    best_feasible = _row_max(graph)
    col_feasible = np.bincount(graph.cols.astype(np.int64), minlength=n_cols)
    stats = Candidates(edges, stage_counts, best_fit, best_feasible, col_skill, col_feasible)
    return Allowed(graph, stats)


def collect(
    scoring: Scoring,
    rows: Side,
    cols: Side,
    forbidden: dict[int, list[int]],
    top_k: int | None = None,
    must_keep: Iterable[tuple[int, int]] = (),
) -> Candidates:
    """The allowed pairs as edges with per-person statistics: all of them (``top_k``
    None), or the seeds ``build`` picks (each row's ``top_k`` best, each column's
    ``top_k // 2`` best, and ``must_keep`` pairs such as earlier proposals)."""
    if top_k is None or top_k >= len(cols.ids):
        allowed = build(scoring, rows, cols, forbidden, 1, must_keep)
        return replace(allowed.candidates, edges=allowed.graph.edges())
    return build(scoring, rows, cols, forbidden, top_k, must_keep).candidates


def best_pairs(
    owner: np.ndarray, other: np.ndarray, points: np.ndarray, k: int, width: int, flip: bool = False
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each ``owner``'s ``k`` pairs with the most points (ties: the lower ``other``), as
    (row, column, points); ``flip`` when the owners are columns.

    Only pairs in or above the score band that holds an owner's k-th best can be among
    its best, so a count per band (linear) leaves few pairs to sort."""
    if not len(owner):
        return _nothing()
    band = points >> BAND_SHIFT
    bands = (SCALE >> BAND_SHIFT) + 1
    low = int(owner.min())
    span = int(owner.max()) - low + 1
    counts = np.bincount((owner - low) * bands + band, minlength=span * bands)
    from_top = np.cumsum(counts.reshape(span, bands)[:, ::-1], axis=1) >= k
    threshold = np.where(from_top.any(axis=1), bands - 1 - from_top.argmax(axis=1), 0)
    near = band >= threshold[owner - low]
    owner, other, points = owner[near], other[near], points[near]
    order = np.argsort((owner * (SCALE + 1) + (SCALE - points)) * width + other)
    owner, other, points = owner[order], other[order], points[order]
    starts = np.flatnonzero(np.concatenate(([True], owner[1:] != owner[:-1])))
    first = np.repeat(starts, np.diff(np.append(starts, len(owner))))
    take = np.arange(len(owner)) - first < k
    owner, other, points = owner[take], other[take], points[take]
    return (other, owner, points) if flip else (owner, other, points)


def _by_column(
    parts: list[tuple[np.ndarray, np.ndarray, np.ndarray]], k: int, n_rows: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each column's ``k`` best over all blocks, from each block's ``k`` best."""
    if not parts:
        return _nothing()
    rows, cols, points = (np.concatenate([p[i] for p in parts]) for i in range(3))
    return best_pairs(cols, rows, points, k, n_rows, flip=True)


def _kept(
    graph: AllowedGraph, keep: list[tuple[int, int]]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The ``keep`` pairs that are allowed, with their points."""
    found = [(r, c, graph.position(r, c)) for r, c in keep]
    found = [(r, c, at) for r, c, at in found if at >= 0]
    rows = np.array([r for r, _, _ in found], dtype=np.int64)
    cols = np.array([c for _, c, _ in found], dtype=np.int64)
    at = np.array([a for _, _, a in found], dtype=np.int64)
    return rows, cols, graph.points[at].astype(np.int64)


def _nothing() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    empty = np.zeros(0, dtype=np.int64)
    return empty, empty, empty


def _row_max(graph: AllowedGraph) -> np.ndarray:
    """Per row the most points among its allowed pairs, -1 for a row with none."""
    best = np.full(graph.n_rows, -1, dtype=np.int64)
    has = np.diff(graph.indptr) > 0
    if len(graph):
        best[has] = np.maximum.reduceat(graph.points.astype(np.int64), graph.indptr[:-1][has])
    return best


def unique_edges(rows: np.ndarray, cols: np.ndarray, points: np.ndarray, n_cols: int) -> Edges:
    """Edges sorted by (row, column), each pair once."""
    rows, cols = rows.astype(np.int64), cols.astype(np.int64)
    _, first = np.unique(rows * max(1, n_cols) + cols, return_index=True)
    return Edges(rows[first], cols[first], points[first].astype(np.int64))


def merge(edges: Edges, more: Edges, n_cols: int) -> Edges:
    """The union of two edge sets (their points agree where both hold a pair)."""
    return unique_edges(
        np.concatenate((edges.rows, more.rows)),
        np.concatenate((edges.cols, more.cols)),
        np.concatenate((edges.points, more.points)),
        n_cols,
    )
