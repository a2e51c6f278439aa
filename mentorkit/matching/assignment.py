"""Optimal bipartite assignment with capacities, dense or sparse, on integer points.

A mentor with capacity c becomes c identical slots. Under the ``coverage`` objective
every real edge carries a constant larger than any possible sum of scores, so the
solver first maximises the number of pairs and only then their total score; under
``quality`` the total score comes first (each edge gets one extra point so that
among equal totals more pairs win: points are scaled by rows + 1 first).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import min_weight_full_bipartite_matching

from mentorkit.matching.score import SCALE

STABILITY_POINTS = SCALE // 50  # a kept proposal is worth 0.02 of score per pair


@dataclass(frozen=True)
class Edges:
    """Candidate (row, column) pairs with their integer points; rows and columns are sorted ids."""

    rows: np.ndarray
    cols: np.ndarray
    points: np.ndarray

    @staticmethod
    def empty() -> Edges:
        nothing = np.zeros(0, dtype=np.int64)
        return Edges(nothing, nothing, nothing)

    def __len__(self) -> int:
        return len(self.rows)


def edge_weights(edges: Edges, bonus: np.ndarray, objective: str, n_rows: int) -> np.ndarray:
    """What the solver maximises per edge: objective constant + score points + stability bonus."""
    weights: np.ndarray = edges.points.astype(np.int64) + bonus
    if objective == "quality":
        return weights * (n_rows + 1) + 1
    big = (n_rows + 1) * (SCALE + STABILITY_POINTS + 1)
    return weights + big


def assign(
    n_rows: int, capacity: np.ndarray, edges: Edges, weights: np.ndarray, method: str
) -> list[tuple[int, int]]:
    """The (row, column) pairs of a maximum-weight assignment within column capacities."""
    if not len(edges) or n_rows == 0 or int(capacity.sum()) == 0:
        return []
    keep = capacity[edges.cols] > 0
    rows, cols, weights = edges.rows[keep], edges.cols[keep], weights[keep]
    if not len(rows):
        return []
    slot_start = np.concatenate(([0], np.cumsum(capacity)))
    n_slots = int(slot_start[-1])
    # one copy of each edge per slot of its column
    copies = capacity[cols]
    rep_rows = np.repeat(rows, copies)
    rep_weights = np.repeat(weights, copies)
    within = np.arange(len(rep_rows)) - np.repeat(np.cumsum(copies) - copies, copies)
    rep_slots = np.repeat(slot_start[cols], copies) + within
    slot_column = np.repeat(np.arange(len(capacity)), capacity)
    if method == "dense":
        matrix = np.zeros((n_rows, n_slots))
        matrix[rep_rows, rep_slots] = rep_weights
        chosen_rows, chosen_slots = linear_sum_assignment(matrix, maximize=True)
        real = matrix[chosen_rows, chosen_slots] > 0
        chosen_rows, chosen_slots = chosen_rows[real], chosen_slots[real]
    else:
        # every row also gets a private "unmatched" column, so a full matching always exists
        ceiling = float(rep_weights.max()) + 1.0
        data = np.concatenate((ceiling - rep_weights, np.full(n_rows, ceiling)))
        row_index = np.concatenate((rep_rows, np.arange(n_rows)))
        col_index = np.concatenate((rep_slots, n_slots + np.arange(n_rows)))
        graph = csr_matrix((data, (row_index, col_index)), shape=(n_rows, n_slots + n_rows))
        chosen_rows, chosen_slots = min_weight_full_bipartite_matching(graph)
        real = chosen_slots < n_slots
        chosen_rows, chosen_slots = chosen_rows[real], chosen_slots[real]
    pairs = [(int(r), int(slot_column[s])) for r, s in zip(chosen_rows, chosen_slots, strict=True)]
    return sorted(pairs)
