"""Peer pairs from the bipartite double cover: fast, with a certified bound.

Give every person a "giving" copy (row) and a "receiving" copy (column); a pair a-b is
the two arcs a->b and b->a. An optimal assignment of this bipartite double cover, found
exactly by column generation over every allowed pair (``exact.solve``), is an optimal
*fractional* matching: its total bounds every real matching's total from above (twice
over), and the LP duals certify it. Its arcs form paths and cycles; a best matching of
each path or even cycle loses nothing, so the pairs read off them are optimal unless an
odd cycle costs one person. Those few are re-solved exactly (blossom algorithm,
rustworkx) together with their neighbourhood, and the certificate says how far from the
optimum the result can at most be.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import rustworkx
from ortools.graph.python import min_cost_flow

from mentorkit.matching.allowed import AllowedGraph, merge
from mentorkit.matching.assignment import Edges, assign, coverage_constant
from mentorkit.matching.certify import ranges, solution_duals

WeightsOf = Callable[[int, int], np.ndarray]  # objective weights of stored pairs lo:hi

REPAIR_PEOPLE = 600  # at most this many people are re-solved with the blossom algorithm
REPAIR_NEIGHBOURS = 12
MAX_ROUNDS = 10  # column generation rounds (a count, never a time: output is machine-independent)
ADD_PER_PERSON = 3  # under-priced pairs added per person and round
STOP_GAP = 1e-4  # stop once the subset's optimum is this close to the bound (a share of it)


@dataclass(frozen=True)
class CoverBound:
    """Doubled prices ``y`` with y_a + y_b >= 2 w_ab on every allowed pair, so that any
    matching M has 2 w(M) <= the sum of y over the people it pairs (weak duality for
    the fractional matching LP, symmetrised from the double cover's duals)."""

    prices: np.ndarray
    rounds: int
    tight: bool  # no pair was under-priced: the fractional optimum was reached

    def bound(self, people: int | None = None) -> int:
        """Twice the most weight a matching pairing at most ``people`` people can have."""
        if people is None:
            return int(np.maximum(self.prices, 0).sum())
        top = np.sort(self.prices)[::-1][:people]
        return int(np.maximum(top, 0).sum())


def solve_cover(
    upper: AllowedGraph,
    upper_weights: WeightsOf,
    edge_weights: Callable[[Edges], np.ndarray],
    seeds: Edges,
    coverage: bool,
) -> tuple[list[tuple[int, int]], CoverBound]:
    """An optimal assignment of the double cover on a growing subset of arcs, priced
    after each solve against every allowed pair (each pair once, in ``upper``)."""
    n = upper.n_rows
    edges, rounds = seeds, 0
    while True:
        rounds += 1
        weights = edge_weights(edges)
        if coverage:
            arcs = most_arcs(n, edges, weights - coverage_constant(n))
        else:
            arcs = assign(n, np.ones(n, dtype=np.int64), edges, weights)
        duals = solution_duals(n, n, edges, weights, arcs)
        prices, more = _price(upper, upper_weights, duals.row + duals.col)
        bound = CoverBound(prices, rounds, not len(more))
        if not len(more) or rounds >= MAX_ROUNDS or _close(bound, edges, weights, arcs, coverage):
            return arcs, bound
        both = Edges(
            np.concatenate((more.rows, more.cols)),
            np.concatenate((more.cols, more.rows)),
            np.concatenate((more.points, more.points)),
        )
        edges = merge(edges, both, n)


def _close(
    bound: CoverBound,
    edges: Edges,
    weights: np.ndarray,
    arcs: list[tuple[int, int]],
    coverage: bool,
) -> bool:
    """Whether the fractional optimum on the subset is within ``STOP_GAP`` of the bound
    on its score: the last rounds each fix a handful of pairs at the price of a full
    solve, and the result says how close it is in any case."""
    n = bound.prices.shape[0]
    if not arcs:
        return False
    at = np.array([r * n + c for r, c in arcs], dtype=np.int64)
    value = int(weights[np.searchsorted(edges.rows * n + edges.cols, at)].sum())
    total = bound.bound()
    score = total - len(arcs) * coverage_constant(n) if coverage else total
    return score > 0 and (total - value) <= STOP_GAP * score


def most_arcs(n: int, edges: Edges, points: np.ndarray) -> list[tuple[int, int]]:
    """The most arcs of the double cover with, among those, the highest total: the same
    optimum as the coverage weights (a constant per arc above any total), found by
    OR-Tools' maximum flow with minimum cost on small costs, about twice as fast."""
    source, sink = 2 * n, 2 * n + 1
    tails = np.concatenate((np.full(n, source), edges.rows, n + np.arange(n)))
    heads = np.concatenate((np.arange(n), n + edges.cols, np.full(n, sink)))
    costs = np.concatenate((np.zeros(n, np.int64), -points, np.zeros(n, np.int64)))
    flow = min_cost_flow.SimpleMinCostFlow()
    arcs = flow.add_arcs_with_capacity_and_unit_cost(
        tails.astype(np.int32), heads.astype(np.int32), np.ones(len(tails), np.int64), costs
    )
    flow.set_nodes_supplies(np.array([source, sink]), np.array([n, -n]))
    if flow.solve_max_flow_with_min_cost() != flow.OPTIMAL:  # cannot happen: all caps are finite
        raise RuntimeError("the double cover flow has no optimal solution")
    used = flow.flows(arcs[n : n + len(edges)]) > 0
    return sorted(zip(edges.rows[used].tolist(), edges.cols[used].tolist(), strict=True))


def _price(upper: AllowedGraph, weights: WeightsOf, y: np.ndarray) -> tuple[np.ndarray, Edges]:
    """Prices raised to cover every pair, and each person's most under-priced pairs."""
    cover = y.copy()
    found: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    for start, stop in upper.chunks():
        lo, hi = int(upper.indptr[start]), int(upper.indptr[stop])
        if lo == hi:
            continue
        rows = upper.rows_of(start, stop)
        cols = upper.cols[lo:hi].astype(np.int64)
        need = 2 * weights(lo, hi) - y[cols]  # what y_a must be for each pair (a, b)
        has = np.diff(upper.indptr[start : stop + 1]) > 0
        heads = upper.indptr[start:stop][has] - lo
        at = np.arange(start, stop)[has]
        cover[at] = np.maximum(cover[at], np.maximum.reduceat(need, heads))
        under = np.nonzero(need > y[rows])[0]
        if len(under):
            found.append(_most_under(rows[under], need[under] - y[rows[under]], lo + under))
    if not found:
        return cover, Edges.empty()
    at = np.concatenate([f[2] for f in found])
    rows = np.concatenate([f[0] for f in found])
    return cover, Edges(rows, upper.cols[at].astype(np.int64), upper.points[at].astype(np.int64))


def _most_under(
    rows: np.ndarray, excess: np.ndarray, at: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per row (rows ascend), the ``ADD_PER_PERSON`` largest excesses (ties: first)."""
    excess = excess.copy()
    heads = np.nonzero(np.concatenate(([True], rows[1:] != rows[:-1])))[0]
    lengths = np.diff(np.append(heads, len(rows)))
    picked: list[np.ndarray] = []
    for _ in range(ADD_PER_PERSON):
        best = np.maximum.reduceat(excess, heads)
        hit = np.nonzero(excess == np.repeat(best, lengths))[0]
        hit = hit[best[np.searchsorted(heads, hit, side="right") - 1] > 0]
        if not len(hit):
            break
        first = hit[np.unique(rows[hit], return_index=True)[1]]
        picked.append(first)
        excess[first] = 0
    chosen = np.sort(np.concatenate(picked)) if picked else np.zeros(0, dtype=np.int64)
    return rows[chosen], excess[chosen], at[chosen]


def gap_of(bound: CoverBound, achieved: int, pairs: int, objective: str, n: int) -> float:
    """How far the score of a matching of weight ``achieved`` (with ``pairs`` pairs, the
    most possible under ``coverage``) can at most be from the best, as a share of it."""
    if objective == "coverage":
        best = bound.bound(2 * pairs) - 2 * pairs * coverage_constant(n)
        got = 2 * achieved - 2 * pairs * coverage_constant(n)
    else:  # quality: a pair weighs points * (n + 1) + 1
        best = bound.bound() // (n + 1)
        got = (2 * achieved - 2 * pairs) // (n + 1)
    return max(0.0, (best - got) / best) if best > 0 else 0.0


def pairs_from_cover(
    n: int, arcs: list[tuple[int, int]], weight: dict[tuple[int, int], int]
) -> tuple[list[tuple[int, int]], list[int]]:
    """A best matching inside the paths and cycles that ``arcs`` (giver, receiver) form,
    and the people on odd cycles (where the fractional optimum may be out of reach)."""
    succ = np.full(n, -1, dtype=np.int64)
    pred = np.full(n, -1, dtype=np.int64)
    for a, b in arcs:
        succ[a], pred[b] = b, a
    seen = np.zeros(n, dtype=bool)
    pairs: list[tuple[int, int]] = []
    for start in range(n):  # paths first: they start where nothing arrives
        if pred[start] < 0 and succ[start] >= 0:
            pairs += _best_on_path(_walk(start, succ, seen), weight)
    odd: list[int] = []
    for start in range(n):
        if succ[start] >= 0 and not seen[start]:
            cycle = _walk(start, succ, seen)
            pairs += _best_on_cycle(cycle, weight)
            if len(cycle) % 2:
                odd += cycle
    return sorted((min(a, b), max(a, b)) for a, b in pairs), sorted(odd)


def _walk(start: int, succ: np.ndarray, seen: np.ndarray) -> list[int]:
    path, at = [], start
    while at >= 0 and not seen[at]:
        seen[at] = True
        path.append(at)
        at = int(succ[at])
    return path


def _best_on_path(path: list[int], weight: dict[tuple[int, int], int]) -> list[tuple[int, int]]:
    """Maximum-weight matching of a path, by dynamic programming (ties: fewer changes)."""
    best = [0] * (len(path) + 1)  # best[k]: the first k people
    took = [False] * (len(path) + 1)
    for k in range(2, len(path) + 1):
        edge = _w(weight, path[k - 2], path[k - 1])
        with_edge = best[k - 2] + edge
        best[k], took[k] = (with_edge, True) if with_edge > best[k - 1] else (best[k - 1], False)
    pairs, k = [], len(path)
    while k >= 2:
        if took[k]:
            pairs.append((path[k - 2], path[k - 1]))
            k -= 2
        else:
            k -= 1
    return pairs


def _best_on_cycle(cycle: list[int], weight: dict[tuple[int, int], int]) -> list[tuple[int, int]]:
    if len(cycle) == 2:
        return [(cycle[0], cycle[1])]
    without_first = _best_on_path(cycle[1:], weight)
    with_first = [(cycle[0], cycle[1]), *_best_on_path(cycle[2:], weight)]

    def total(pairs: list[tuple[int, int]]) -> int:
        return sum(_w(weight, a, b) for a, b in pairs)

    return with_first if total(with_first) >= total(without_first) else without_first


def _w(weight: dict[tuple[int, int], int], a: int, b: int) -> int:
    return weight.get((a, b), weight.get((b, a), 0))


def repair(
    graph: AllowedGraph, weights: WeightsOf, pairs: list[tuple[int, int]], odd: list[int]
) -> list[tuple[int, int]]:
    """Re-solve, exactly, the people on odd cycles and those left out (who have someone
    allowed), with their best few partners and everyone's current mates, over every
    allowed pair among them. Never worse: their current pairs are among the options."""
    mate = np.full(graph.n_rows, -1, dtype=np.int64)
    for a, b in pairs:
        mate[a], mate[b] = b, a
    waiting = np.nonzero((mate < 0) & (graph.degree() > 0))[0].tolist()
    focus = sorted(set(waiting) | set(odd))
    if not focus:
        return pairs
    chosen: set[int] = set()
    for person in focus:
        lo, hi = int(graph.indptr[person]), int(graph.indptr[person + 1])
        order = np.argsort(-weights(lo, hi), kind="stable")[:REPAIR_NEIGHBOURS]
        group = {person, *graph.cols[lo:hi][order].tolist()}
        group |= {int(mate[g]) for g in group if mate[g] >= 0}
        if len(chosen | group) > REPAIR_PEOPLE:
            break
        chosen |= group
    people = sorted(chosen)
    local = _local_matching(graph, weights, people)
    outside = [(a, b) for a, b in pairs if a not in chosen]
    return sorted(outside + local)


def _local_matching(
    graph: AllowedGraph, weights: WeightsOf, people: list[int]
) -> list[tuple[int, int]]:
    """Maximum-weight matching among ``people`` over every allowed pair between them."""
    at = np.full(graph.n_rows, -1, dtype=np.int64)
    at[people] = np.arange(len(people))
    chosen = np.array(people, dtype=np.int64)
    spans = ranges(graph.indptr[chosen], graph.indptr[chosen + 1])
    owner = np.repeat(np.arange(len(people)), np.diff(graph.indptr)[chosen])
    other = at[graph.cols[spans].astype(np.int64)]
    inside = other > owner  # each pair once, both ends among ``people``
    edge_weights = (
        np.concatenate([weights(int(graph.indptr[p]), int(graph.indptr[p + 1])) for p in people])
        if people
        else np.zeros(0, dtype=np.int64)
    )
    small = rustworkx.PyGraph()
    small.add_nodes_from(people)
    small.add_edges_from(
        list(
            zip(
                owner[inside].tolist(),
                other[inside].tolist(),
                edge_weights[inside].tolist(),
                strict=True,
            )
        )
    )
    found = rustworkx.max_weight_matching(small, max_cardinality=False, weight_fn=int)
    return [(min(people[a], people[b]), max(people[a], people[b])) for a, b in found]
