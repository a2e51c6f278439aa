"""Proof of optimality for a bipartite assignment with capacities, in exact integers.

The assignment is the linear programme: maximise the sum of w_ij x_ij with at most one
mentor per mentee and at most c_j mentees per mentor. Its dual gives each mentee a
price u_i >= 0 and each mentor a price v_j >= 0 with u_i + v_j >= w_ij on every allowed
pair; any such prices bound every assignment's total from above by
sum(u) + sum(c_j * v_j) (weak duality). The constraint matrix is totally unimodular,
so the bound is tight: an assignment whose total equals it is optimal.

``solution_duals`` derives prices for an assignment that is optimal on a subset of the
pairs (longest paths over alternating moves, exact integers). ``price`` checks them
against every allowed pair: the pairs they under-price are the ones that could still
improve the assignment (added to the subset, column generation), and raising each
mentee's price to cover all its pairs gives a certified upper bound in any case.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from mentorkit.matching.allowed import AllowedGraph
from mentorkit.matching.assignment import Edges
from mentorkit.matching.parallel import in_order


@dataclass(frozen=True)
class Duals:
    row: np.ndarray  # u, int64
    col: np.ndarray  # v, int64


@dataclass(frozen=True)
class Pricing:
    bound: int  # sum(u') + sum(c * v) for prices covering every allowed pair
    violators: Edges  # under-priced pairs, the best few per row


def ranges(starts: np.ndarray, stops: np.ndarray) -> np.ndarray:
    """The concatenation of ``arange(start, stop)`` for each pair, without a Python loop."""
    lengths = stops - starts
    total = int(lengths.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    offsets = np.repeat(starts - np.cumsum(lengths) + lengths, lengths)
    return offsets + np.arange(total, dtype=np.int64)


def solution_duals(
    n_rows: int, n_cols: int, edges: Edges, weights: np.ndarray, chosen: list[tuple[int, int]]
) -> Duals:
    """Prices for ``chosen``, an optimal assignment over ``edges``: each mentor's price is
    the most that moving mentees along alternating paths could gain by reaching it."""
    mate = np.full(n_rows, -1, dtype=np.int64)
    mate_w = np.zeros(n_rows, dtype=np.int64)
    if chosen:
        pairs = np.array(chosen, dtype=np.int64)
        where = np.searchsorted(
            edges.rows * n_cols + edges.cols, pairs[:, 0] * n_cols + pairs[:, 1]
        )
        mate[pairs[:, 0]] = pairs[:, 1]
        mate_w[pairs[:, 0]] = weights[where]
    v = np.zeros(n_cols, dtype=np.int64)
    free = mate[edges.rows] < 0
    np.maximum.at(v, edges.cols[free], weights[free])
    moves = ~free & (edges.cols != mate[edges.rows])
    src = mate[edges.rows[moves]]
    order = np.argsort(src, kind="stable")
    src, dst = src[order], edges.cols[moves][order]
    gain = (weights[moves] - mate_w[edges.rows[moves]])[order]
    first = np.searchsorted(src, np.arange(n_cols + 1))
    frontier = np.arange(n_cols)  # every mentor starts a path (v >= 0)
    for _ in range(n_cols + 1):  # a longest path visits each mentor at most once
        if not len(frontier):
            break
        at = ranges(first[frontier], first[frontier + 1])
        reached = v.copy()
        np.maximum.at(reached, dst[at], v[src[at]] + gain[at])
        frontier = np.nonzero(reached > v)[0]
        v = reached
    u = np.zeros(n_rows, dtype=np.int64)
    matched = mate >= 0
    u[matched] = mate_w[matched] - v[mate[matched]]
    return Duals(u, v)


def price(
    graph: AllowedGraph,
    weight_of: Callable[[int, int], np.ndarray],
    duals: Duals,
    capacity: np.ndarray,
    per_row: int,
) -> Pricing:
    """Check ``duals`` against every allowed pair, ``graph.chunks()`` at a time (on both
    cores: chunks are independent and their results are combined in order).

    ``weight_of(lo, hi)`` gives the objective weights of stored pairs ``lo:hi``.
    """

    def chunk(span: tuple[int, int]) -> tuple[int, Edges | None]:
        return _price_rows(graph, weight_of, duals, span, per_row)

    covered = 0
    found: list[Edges] = []
    for part_covered, part_found in in_order(chunk, graph.chunks()):
        covered += part_covered
        if part_found is not None:
            found.append(part_found)
    bound = covered + int((capacity.astype(np.int64) * duals.col).sum())
    if not found:
        return Pricing(bound, Edges.empty())
    rows = np.concatenate([f.rows for f in found])
    cols = np.concatenate([f.cols for f in found])
    points = np.concatenate([f.points for f in found])
    return Pricing(bound, Edges(rows, cols, points))


def _price_rows(
    graph: AllowedGraph,
    weight_of: Callable[[int, int], np.ndarray],
    duals: Duals,
    span: tuple[int, int],
    per_row: int,
) -> tuple[int, Edges | None]:
    """Rows ``start:stop``: the least their prices must be to cover all their pairs
    (summed), and their most under-priced pairs, if any."""
    start, stop = span
    lo, hi = int(graph.indptr[start]), int(graph.indptr[stop])
    if lo == hi:
        return int(np.maximum(duals.row[start:stop], 0).sum()), None
    rows = graph.rows_of(start, stop)
    cols = graph.cols[lo:hi].astype(np.int64)
    slack = weight_of(lo, hi) - duals.col[cols]  # the u_i each pair needs
    need = np.maximum(duals.row[start:stop], 0)
    has = np.diff(graph.indptr[start : stop + 1]) > 0
    heads = graph.indptr[start:stop][has] - lo
    need[has] = np.maximum(need[has], np.maximum.reduceat(slack, heads))
    under = np.nonzero(slack > duals.row[rows])[0]
    if not len(under):
        return int(need.sum()), None
    r, c, at = _best_few(rows[under], cols[under], slack[under], per_row, lo + under)
    return int(need.sum()), Edges(r, c, graph.points[at].astype(np.int64))


def _best_few(
    rows: np.ndarray, cols: np.ndarray, slack: np.ndarray, per_row: int, at: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each row's ``per_row`` most under-priced pairs (ties: lower column first)."""
    order = np.lexsort((cols, -slack, rows))
    rows, cols, at = rows[order], cols[order], at[order]
    start_of = np.searchsorted(rows, rows, side="left")
    keep = np.arange(len(rows)) - start_of < per_row
    return rows[keep], cols[keep], at[keep]
