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

import numpy as np
import rustworkx

from mentorkit.matching.allowed import AllowedGraph

WeightsOf = Callable[[int, int], np.ndarray]  # objective weights of stored pairs lo:hi

REPAIR_PEOPLE = 600  # at most this many people are re-solved with the blossom algorithm
REPAIR_NEIGHBOURS = 12


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
    at = {p: k for k, p in enumerate(people)}
    edges = []
    for a in people:
        lo, hi = int(graph.indptr[a]), int(graph.indptr[a + 1])
        for b, w in zip(graph.cols[lo:hi].tolist(), weights(lo, hi).tolist(), strict=True):
            if b > a and b in at:
                edges.append((at[a], at[b], int(w)))
    small = rustworkx.PyGraph()
    small.add_nodes_from(people)
    small.add_edges_from(edges)
    found = rustworkx.max_weight_matching(small, max_cardinality=False, weight_fn=int)
    return [(min(people[a], people[b]), max(people[a], people[b])) for a, b in found]
