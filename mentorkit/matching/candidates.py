"""Candidate pairs: who may be paired with whom, and the best few per person for large pools."""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from mentorkit.matching.assignment import Edges
from mentorkit.matching.matrix import STAGES, Side, score_blocks
from mentorkit.matching.score import Scoring
from mentorkit.model.entities import Participant


def forbidden_columns(
    rows: Sequence[Participant], cols: Sequence[Participant], banned: Iterable[tuple[str, str]] = ()
) -> dict[int, list[int]]:
    """Per row, the columns it may never pair with: itself, its reporting line, avoid requests
    in either direction, and ``banned`` (column id, row id) pairs such as exclusions."""
    col_at = {p.id: j for j, p in enumerate(cols)}
    reports: dict[str, list[str]] = defaultdict(list)
    avoided_by: dict[str, list[str]] = defaultdict(list)
    for person in (*rows, *cols):
        if person.manager:
            reports[person.manager].append(person.id)
        for other in person.avoid:
            avoided_by[other].append(person.id)
    banned_for: dict[str, list[str]] = defaultdict(list)
    for col_id, row_id in banned:
        banned_for[row_id].append(col_id)
    forbidden: dict[int, list[int]] = {}
    for i, person in enumerate(rows):
        ids = {
            person.id,
            *person.avoid,
            *reports[person.id],
            *avoided_by[person.id],
            *banned_for[person.id],
        }
        if person.manager:
            ids.add(person.manager)
        columns = sorted(col_at[x] for x in ids if x in col_at)
        if columns:
            forbidden[i] = columns
    return forbidden


@dataclass(frozen=True)
class Candidates:
    """Allowed pairs (all of them, or the best ``top_k`` per row) and per-person statistics."""

    edges: Edges
    stage_counts: np.ndarray  # rows x len(STAGES): columns left after each filter
    best_allowed: np.ndarray  # best points per row before the minimum score, -1 if none
    best_feasible: np.ndarray  # best points per row among allowed pairs, -1 if none
    col_skill: np.ndarray  # per column: rows that seek one of its skills
    col_feasible: np.ndarray  # per column: rows it may be paired with

    @property
    def feasible_count(self) -> np.ndarray:
        return self.stage_counts[:, len(STAGES) - 1]


def collect(
    scoring: Scoring,
    rows: Side,
    cols: Side,
    forbidden: dict[int, list[int]],
    top_k: int | None = None,
    must_keep: Iterable[tuple[int, int]] = (),
) -> Candidates:
    """Score every pair block by block; keep all allowed pairs, or the ``top_k`` best per row
    plus ``must_keep`` (pairs worth keeping, such as earlier proposals) when allowed."""
    keep_by_row: dict[int, list[int]] = defaultdict(list)
    for keep_row, keep_col in must_keep:
        keep_by_row[keep_row].append(keep_col)
    keep_rows = sorted(keep_by_row)
    n_rows, n_cols = len(rows.ids), len(cols.ids)
    parts_r, parts_c, parts_p = [], [], []
    stage_counts = np.zeros((n_rows, len(STAGES)), dtype=np.int64)
    best_allowed = np.full(n_rows, -1, dtype=np.int64)
    best_feasible = np.full(n_rows, -1, dtype=np.int64)
    col_skill = np.zeros(n_cols, dtype=np.int64)
    col_feasible = np.zeros(n_cols, dtype=np.int64)
    col_keys = np.full((0, n_cols), -1, dtype=np.int64)
    for block in score_blocks(scoring, rows, cols, forbidden):
        points = block.points
        stop = block.start + len(points)
        stage_counts[block.start : stop] = block.stage_counts
        best_allowed[block.start : stop] = block.best_allowed
        best_feasible[block.start : stop] = points.max(axis=1, initial=-1)
        col_skill += block.col_skill
        col_feasible += (points >= 0).sum(axis=0)
        if top_k is None or top_k >= n_cols:
            r, c = np.nonzero(points >= 0)
        else:
            r, c = best_per_row(points, top_k)
            extra = [
                (row - block.start, col)
                for row in keep_rows[
                    bisect_left(keep_rows, block.start) : bisect_left(keep_rows, stop)
                ]
                for col in keep_by_row[row]
            ]
            extra = [(a, b) for a, b in extra if points[a, b] >= 0]
            if extra:
                r = np.concatenate((r, np.array([a for a, _ in extra], dtype=np.int64)))
                c = np.concatenate((c, np.array([b for _, b in extra], dtype=np.int64)))
            col_keys = best_per_column(col_keys, points, block.start, n_rows, max(1, top_k // 2))
        parts_r.append(r + block.start)
        parts_c.append(c)
        parts_p.append(points[r, c])
    if len(col_keys):
        # each column's best rows too: mentors with room can reach mentees who ranked others first
        k_idx, c = np.nonzero(col_keys >= 0)
        keys = col_keys[k_idx, c]
        parts_r.append(n_rows - 1 - keys % n_rows)
        parts_c.append(c)
        parts_p.append(keys // n_rows)
    if not parts_r:
        return Candidates(
            Edges.empty(), stage_counts, best_allowed, best_feasible, col_skill, col_feasible
        )
    all_r = np.concatenate(parts_r).astype(np.int64)
    all_c = np.concatenate(parts_c).astype(np.int64)
    all_p = np.concatenate(parts_p).astype(np.int64)
    unique = np.unique(all_r * max(1, n_cols) + all_c, return_index=True)[1]
    edges = Edges(all_r[unique], all_c[unique], all_p[unique])
    return Candidates(edges, stage_counts, best_allowed, best_feasible, col_skill, col_feasible)


def best_per_row(points: np.ndarray, top_k: int) -> tuple[np.ndarray, np.ndarray]:
    """The ``top_k`` allowed cells of each row; a unique key per cell (ties go to the lower
    column) makes the choice exact on every platform."""
    n_cols = points.shape[1]
    key = points * n_cols + (n_cols - 1 - np.arange(n_cols))[None, :]
    top = np.argpartition(-key, top_k - 1, axis=1)[:, :top_k]
    r = np.repeat(np.arange(len(points)), top_k)
    c = top.ravel()
    good = points[r, c] >= 0
    return r[good], c[good]


def best_per_column(
    best: np.ndarray, points: np.ndarray, start: int, n_rows: int, top_k: int
) -> np.ndarray:
    """Merge a block into the running ``top_k`` keys per column (key = points * n_rows + rank)."""
    rank = (n_rows - 1 - (start + np.arange(len(points))))[:, None]
    keys = np.where(points >= 0, points * n_rows + rank, -1)
    merged = np.concatenate((best, keys), axis=0)
    if len(merged) <= top_k:
        return merged
    top = np.argpartition(-merged, top_k - 1, axis=0)[:top_k]
    return np.take_along_axis(merged, top, axis=0)
