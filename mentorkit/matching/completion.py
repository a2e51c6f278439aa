"""Coverage on the full allowed graph: nobody left out who could simply be added, and
the most pairs possible (no augmenting path).

``complete`` adds any unmatched mentee who has an allowed mentor with a free place, so
every "no compatible mentor can take them" or "have other mentors" reason is true.
``maximum`` finds augmenting paths (a mentee, a mentor, that mentor's mentee, another
mentor, ... ending at a free place) breadth first over the whole graph and applies them
until none is left: by Berge's theorem the assignment then has the most pairs possible.
"""

from __future__ import annotations

import numpy as np

from mentorkit.matching.allowed import AllowedGraph
from mentorkit.matching.certify import ranges


def _mates(n_rows: int, chosen: list[tuple[int, int]]) -> np.ndarray:
    mate = np.full(n_rows, -1, dtype=np.int64)
    for r, c in chosen:
        mate[r] = c
    return mate


def _room(capacity: np.ndarray, mate: np.ndarray) -> np.ndarray:
    used = np.bincount(mate[mate >= 0], minlength=len(capacity))
    return capacity.astype(np.int64) - used


def complete(
    graph: AllowedGraph, capacity: np.ndarray, chosen: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """``chosen`` plus, for each unmatched mentee in order, their best allowed mentor with
    a free place (ties: the lower column)."""
    mate = _mates(graph.n_rows, chosen)
    room = _room(capacity, mate)
    added = list(chosen)
    for row in np.nonzero((mate < 0) & (graph.degree() > 0))[0].tolist():
        lo, hi = int(graph.indptr[row]), int(graph.indptr[row + 1])
        cols = graph.cols[lo:hi].astype(np.int64)
        open_ = np.nonzero(room[cols] > 0)[0]
        if not len(open_):
            continue
        best = open_[np.argmax(graph.points[lo:hi][open_])]  # first maximum: lowest column
        added.append((row, int(cols[best])))
        room[cols[best]] -= 1
    return sorted(added)


def maximum(
    graph: AllowedGraph, capacity: np.ndarray, chosen: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """``chosen`` grown along augmenting paths until none is left (maximum coverage)."""
    mate = _mates(graph.n_rows, chosen)
    while True:
        room = _room(capacity, mate)
        parent, ends = _search(graph, mate, room)
        if not len(ends):
            return sorted((r, int(c)) for r, c in enumerate(mate.tolist()) if c >= 0)
        _apply(parent, ends, mate, room)


def _search(
    graph: AllowedGraph, mate: np.ndarray, room: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Breadth first from every unmatched mentee: for each mentor reached, the mentee it
    was reached from; and the reached mentors with a free place (where paths end)."""
    parent = np.full(graph.n_cols, -1, dtype=np.int64)
    matched = np.nonzero(mate >= 0)[0]
    by_mentor = matched[np.argsort(mate[matched], kind="stable")]
    first = np.searchsorted(mate[by_mentor], np.arange(graph.n_cols + 1))
    # matched mentees join the search only through their mentor, each mentor once
    frontier = np.nonzero((mate < 0) & (graph.degree() > 0))[0]
    while len(frontier):
        at = ranges(graph.indptr[frontier], graph.indptr[frontier + 1])
        rows = np.repeat(frontier, np.diff(graph.indptr)[frontier])
        cols = graph.cols[at].astype(np.int64)
        fresh = parent[cols] < 0
        cols, where = np.unique(cols[fresh], return_index=True)
        parent[cols] = rows[fresh][where]
        ends = cols[room[cols] > 0]
        if len(ends):
            return parent, ends
        frontier = by_mentor[ranges(first[cols], first[cols + 1])]
    return parent, np.zeros(0, dtype=np.int64)


def _apply(parent: np.ndarray, ends: np.ndarray, mate: np.ndarray, room: np.ndarray) -> None:
    """Flip vertex-disjoint augmenting paths, one per end while places and rows last.
    Paths are traced on the matching as the search saw it, then applied."""
    before = mate.copy()
    used: set[int] = set()
    for end in ends.tolist():
        path, col = [], end
        while col >= 0:  # back along the search tree to an unmatched mentee
            row = int(parent[col])
            path.append((row, col))
            col = int(before[row])
        if room[end] <= 0 or any(r in used for r, _ in path):
            continue
        for row, col in path:
            mate[row] = col
            used.add(row)
        room[end] -= 1
