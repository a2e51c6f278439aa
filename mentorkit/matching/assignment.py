"""Optimal bipartite assignment with capacities on integer weights (a min-cost flow).

Under the ``coverage`` objective every real edge carries a constant larger than any
possible sum of scores, so the solver first maximises the number of pairs and only then
their total score; under ``quality`` the total score comes first (each edge gets one
extra point so that among equal totals more pairs win: points are scaled by rows + 1
first). OR-Tools' min-cost flow solves it exactly in integers, mentor capacities as arc
capacities (no slot copies), about ten times faster than SciPy's sparse assignment on
the same subsets, which matters because column generation solves several in a row.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from ortools.graph.python import min_cost_flow

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
    return objective_weights(edges.points.astype(np.int64) + bonus, objective, n_rows)


def objective_weights(points: np.ndarray, objective: str, n_rows: int) -> np.ndarray:
    """Integer weights for points (score plus any stability bonus) under the objective."""
    if objective == "quality":
        return points * (n_rows + 1) + 1
    return points + coverage_constant(n_rows)


def coverage_constant(n_rows: int) -> int:
    """More than any total of scores and bonuses, so one more pair always wins."""
    return (n_rows + 1) * (SCALE + STABILITY_POINTS + 1)


def assign(
    n_rows: int,
    capacity: np.ndarray,
    edges: Edges,
    weights: np.ndarray,
    *,
    most_first: bool = False,
) -> list[tuple[int, int]]:
    """The (row, column) pairs of a maximum-weight assignment within column capacities.

    Nodes: rows, columns, a source and a sink; the source may send each row's unit
    straight to the sink, so leaving a row unmatched is always possible. With
    ``most_first`` the assignment has the most pairs possible and, among those, the
    largest total weight: the same optimum as adding ``coverage_constant`` to every
    weight, solved as a maximum flow of least cost, which keeps the costs small (the
    cost-scaling solver needs fewer phases: about a third faster)."""
    if not len(edges) or n_rows == 0 or int(capacity.sum()) == 0:
        return []
    n_cols = len(capacity)
    source, sink = n_rows + n_cols, n_rows + n_cols + 1
    bypass = 0 if most_first else 1
    tails = np.concatenate(
        (np.full(n_rows, source), edges.rows, n_rows + np.arange(n_cols), [source] * bypass)
    )
    heads = np.concatenate(
        (np.arange(n_rows), n_rows + edges.cols, np.full(n_cols, sink), [sink] * bypass)
    )
    caps = np.concatenate(
        (np.ones(n_rows + len(edges), dtype=np.int64), capacity.astype(np.int64), [n_rows] * bypass)
    )
    costs = np.concatenate(
        (
            np.zeros(n_rows, dtype=np.int64),
            -weights.astype(np.int64),
            np.zeros(n_cols + bypass, np.int64),
        )
    )
    flow = min_cost_flow.SimpleMinCostFlow()
    arcs = flow.add_arcs_with_capacity_and_unit_cost(
        tails.astype(np.int32), heads.astype(np.int32), caps, costs
    )
    flow.set_nodes_supplies(np.array([source, sink]), np.array([n_rows, -n_rows]))
    status = flow.solve_max_flow_with_min_cost() if most_first else flow.solve()
    if status != flow.OPTIMAL:  # cannot happen: leaving rows unmatched is always feasible
        raise RuntimeError("the assignment flow has no optimal solution")
    used = flow.flows(arcs[n_rows : n_rows + len(edges)]) > 0
    return sorted(zip(edges.rows[used].tolist(), edges.cols[used].tolist(), strict=True))
