"""Every allowed pair of a cohort, compactly, plus a small seed set for the solver.

The full allowed graph is what exactness is measured against: coverage is maximal on it
and the score is priced against it, so it is kept whole, as compressed rows (a column
index and the integer points per allowed pair, two bytes each for up to 32,767 columns).
A 10,000 x 5,000 cohort with 36 million allowed pairs takes about 150 MB; scores are
computed block by block, never as one dense matrix.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import numpy as np

from mentorkit.matching.assignment import Edges
from mentorkit.matching.candidates import Candidates, best_per_column, best_per_row
from mentorkit.matching.matrix import STAGES, Side, score_blocks
from mentorkit.matching.score import Scoring

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

    def degree(self) -> np.ndarray:
        return np.diff(self.indptr)


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
    ``top_k`` best, each column's ``top_k // 2`` best and ``must_keep`` when allowed."""
    n_rows, n_cols = len(rows.ids), len(cols.ids)
    col_type = np.int16 if n_cols <= np.iinfo(np.int16).max else np.int32
    keep = sorted(set(must_keep))
    stage_counts = np.zeros((n_rows, len(STAGES)), dtype=np.int64)
    best_allowed = np.full(n_rows, -1, dtype=np.int64)
    best_feasible = np.full(n_rows, -1, dtype=np.int64)
    col_skill = np.zeros(n_cols, dtype=np.int64)
    col_feasible = np.zeros(n_cols, dtype=np.int64)
    col_keys = np.full((0, n_cols), -1, dtype=np.int64)
    all_c: list[np.ndarray] = []
    all_p: list[np.ndarray] = []
    seed_r: list[np.ndarray] = []
    seed_c: list[np.ndarray] = []
    seed_p: list[np.ndarray] = []
    for block in score_blocks(scoring, rows, cols, forbidden):
        grid = block.points
        stop = block.start + len(grid)
        stage_counts[block.start : stop] = block.stage_counts
        best_allowed[block.start : stop] = block.best_allowed
        best_feasible[block.start : stop] = grid.max(axis=1, initial=-1)
        col_skill += block.col_skill
        ok = grid >= 0
        col_feasible += ok.sum(axis=0)
        r, c = np.nonzero(ok)
        all_c.append(c.astype(col_type))
        all_p.append(grid[r, c].astype(np.int16))
        top_r, top_c = best_per_row(grid, min(top_k, n_cols))
        extra = [(a - block.start, b) for a, b in keep[bisect_left(keep, (block.start, -1)) :]]
        extra = [(a, b) for a, b in extra if a < len(grid) and grid[a, b] >= 0]
        extra_r = np.array([a for a, _ in extra], dtype=np.int64)
        extra_c = np.array([b for _, b in extra], dtype=np.int64)
        seed_r += [top_r + block.start, extra_r + block.start]
        seed_c += [top_c, extra_c]
        seed_p += [grid[top_r, top_c], grid[extra_r, extra_c]]
        col_keys = best_per_column(col_keys, grid, block.start, n_rows, max(1, top_k // 2))
    k_idx, c = np.nonzero(col_keys >= 0)
    keys = col_keys[k_idx, c]
    seed_r.append(n_rows - 1 - keys % max(1, n_rows))
    seed_c.append(c)
    seed_p.append(keys // max(1, n_rows))
    indptr = np.concatenate(([0], np.cumsum(stage_counts[:, len(STAGES) - 1]))).astype(np.int64)
    graph = AllowedGraph(
        n_rows,
        n_cols,
        indptr,
        np.concatenate(all_c) if all_c else np.zeros(0, col_type),
        np.concatenate(all_p) if all_p else np.zeros(0, np.int16),
    )
    seeds = unique_edges(
        np.concatenate(seed_r), np.concatenate(seed_c), np.concatenate(seed_p), n_cols
    )
    stats = Candidates(seeds, stage_counts, best_allowed, best_feasible, col_skill, col_feasible)
    return Allowed(graph, stats)


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
