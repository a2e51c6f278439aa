"""An assignment that is optimal on every allowed pair, with the proof (column generation).

The solver works on a small subset of the allowed pairs (the seeds). After each solve,
prices from the solution (``certify.solution_duals``) are checked against every allowed
pair; pairs they under-price are added and the subset is solved again. When no pair is
under-priced the assignment is optimal on the full graph, and its total equals the dual
bound. The number of rounds is capped (``MAX_ROUNDS``), never timed, so the output does
not depend on the machine; if the cap is reached the dual bound still certifies how far
from optimal the result can be at most.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mentorkit.matching.allowed import AllowedGraph, merge
from mentorkit.matching.assignment import (
    STABILITY_POINTS,
    Edges,
    assign,
    coverage_constant,
    objective_weights,
)
from mentorkit.matching.certify import Pricing, price, solution_duals
from mentorkit.matching.completion import maximum

OPTIMAL = "optimal (certified by LP duals over every allowed pair)"
MAX_ROUNDS = 40
ADD_PER_ROW = 16  # under-priced pairs added per mentee and round (fewer rounds than 4)


@dataclass(frozen=True)
class Certificate:
    """The assignment's objective total and a proven upper bound on any assignment's."""

    achieved: int
    bound: int
    rounds: int
    objective: str
    n_rows: int

    @property
    def optimal(self) -> bool:
        return self.achieved >= self.bound

    def score_gap(self, pairs: int) -> float | None:
        """How far the score total (plus stability bonuses) can be from the best, as a
        share of the bound, given that ``pairs`` is the most pairs possible (coverage) or
        that the score comes first (quality). None when the bound still allows more pairs
        than ``pairs``: then it says nothing useful about the score."""
        if self.optimal:
            return 0.0
        if self.objective == "quality":
            best = self.bound // (self.n_rows + 1)
            got = (self.achieved - pairs) // (self.n_rows + 1)
        else:
            best = self.bound - pairs * coverage_constant(self.n_rows)
            got = self.achieved - pairs * coverage_constant(self.n_rows)
            if best >= coverage_constant(self.n_rows):
                return None
        return max(0.0, (best - got) / best) if best > 0 else 0.0


@dataclass(frozen=True)
class Problem:
    """The full allowed graph with capacities, the objective and the standing proposals."""

    graph: AllowedGraph
    capacity: np.ndarray
    objective: str
    kept: np.ndarray  # sorted positions in ``graph`` of standing proposals
    kept_keys: np.ndarray  # the same pairs as row * n_cols + col

    @staticmethod
    def of(
        graph: AllowedGraph, capacity: np.ndarray, objective: str, proposals: list[tuple[int, int]]
    ) -> Problem:
        """``proposals`` are (row, col) pairs; those not allowed any more are dropped."""
        found = sorted((graph.position(r, c), r, c) for r, c in proposals)
        found = [f for f in found if f[0] >= 0]
        kept = np.array([f[0] for f in found], dtype=np.int64)
        keys = np.array([r * max(1, graph.n_cols) + c for _, r, c in found], dtype=np.int64)
        return Problem(graph, capacity, objective, kept, keys)

    def weights(self, edges: Edges) -> np.ndarray:
        bonus = np.zeros(len(edges), dtype=np.int64)
        if len(self.kept):
            key = edges.rows * max(1, self.graph.n_cols) + edges.cols
            bonus[np.isin(key, self.kept_keys)] = STABILITY_POINTS
        return objective_weights(edges.points + bonus, self.objective, self.graph.n_rows)

    def weights_of_pairs(self, pairs: list[tuple[int, int]]) -> np.ndarray:
        """Weights of allowed (row, col) pairs given as a list."""
        rows = np.array([r for r, _ in pairs], dtype=np.int64)
        cols = np.array([c for _, c in pairs], dtype=np.int64)
        at = np.array([self.graph.position(r, c) for r, c in pairs], dtype=np.int64)
        return self.weights(Edges(rows, cols, self.graph.points[at].astype(np.int64)))

    def stored_weights(self, lo: int, hi: int) -> np.ndarray:
        points = self.graph.points[lo:hi].astype(np.int64)
        inside = self.kept[(self.kept >= lo) & (self.kept < hi)]
        points[inside - lo] += STABILITY_POINTS
        return objective_weights(points, self.objective, self.graph.n_rows)


def solve(problem: Problem, seeds: Edges) -> tuple[list[tuple[int, int]], Certificate]:
    """The best assignment found within ``MAX_ROUNDS`` and its certificate. Under the
    coverage objective the number of pairs is the maximum even if the rounds run out."""
    edges, rounds = seeds, 0
    while True:
        rounds += 1
        chosen, achieved, pricing = _round(problem, edges)
        if not len(pricing.violators) or rounds >= MAX_ROUNDS:
            break
        edges = merge(edges, pricing.violators, problem.graph.n_cols)
    if len(pricing.violators) and problem.objective == "coverage":
        # a maximum matching of the full graph inside the subset makes its optimum one too
        most = maximum(problem.graph, problem.capacity, chosen)
        if len(most) > len(chosen):
            more = Edges(
                np.array([r for r, _ in most], dtype=np.int64),
                np.array([c for _, c in most], dtype=np.int64),
                problem.graph.points[[problem.graph.position(r, c) for r, c in most]].astype(
                    np.int64
                ),
            )
            chosen, achieved, pricing = _round(problem, merge(edges, more, problem.graph.n_cols))
    certificate = Certificate(
        achieved, pricing.bound, rounds, problem.objective, problem.graph.n_rows
    )
    return chosen, certificate


def _round(problem: Problem, edges: Edges) -> tuple[list[tuple[int, int]], int, Pricing]:
    """Solve on ``edges``, then price every allowed pair against the solution's duals."""
    n_rows, n_cols = problem.graph.n_rows, problem.graph.n_cols
    weights = problem.weights(edges)
    if problem.objective == "coverage":  # the same optimum, with small costs
        lexical = weights - coverage_constant(n_rows)
        chosen = assign(n_rows, problem.capacity, edges, lexical, most_first=True)
    else:
        chosen = assign(n_rows, problem.capacity, edges, weights)
    duals = solution_duals(n_rows, n_cols, edges, weights, chosen)
    pricing = price(problem.graph, problem.stored_weights, duals, problem.capacity, ADD_PER_ROW)
    return chosen, _total(edges, weights, chosen, n_cols), pricing


def _total(edges: Edges, weights: np.ndarray, chosen: list[tuple[int, int]], n_cols: int) -> int:
    if not chosen:
        return 0
    pairs = np.array(chosen, dtype=np.int64)
    key = edges.rows * max(1, n_cols) + edges.cols
    return int(weights[np.searchsorted(key, pairs[:, 0] * max(1, n_cols) + pairs[:, 1])].sum())


def within(gap: float | None) -> str:
    if gap is None:
        return "not proven optimal: the search stopped before its bound was tight"
    return f"within {100 * gap:.3g}% of optimal (certified by LP duals over every allowed pair)"
