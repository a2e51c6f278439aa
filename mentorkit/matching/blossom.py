"""The most pairs possible in a peer pool, with a proof anyone can check.

``maximum_cardinality`` grows a matching on the full allowed graph with Edmonds' blossom
algorithm: an alternating forest rooted at every unpaired person, odd cycles (blossoms)
shrunk into their base, and each augmenting path (an edge between two trees) flipped,
until none is left. By Berge's theorem the matching is then maximum. The final forest
also yields a Tutte-Berge witness: its inner vertices ``A`` such that the graph without
``A`` has ``|A| + unpaired`` components of odd size. No matching can pair everyone in
an odd component among themselves, and at most ``|A|`` of those components can send
someone to ``A``, so at least ``unpaired`` people stay unpaired in every matching.
``deficiency`` recounts that from the graph alone, independently of the search.

Each outer vertex's neighbours are classified with NumPy, so a search over the whole
graph of a 10,000-person pool (36 million directed pairs) takes about a second.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components

from mentorkit.matching.allowed import AllowedGraph


@dataclass(frozen=True)
class Maximum:
    pairs: list[tuple[int, int]]
    barrier: np.ndarray  # the Tutte-Berge set A (sorted people)
    unpaired: int  # people (with or without an allowed partner) left unpaired


def maximum_cardinality(graph: AllowedGraph, pairs: list[tuple[int, int]]) -> Maximum:
    """``pairs`` grown along augmenting paths of the full graph until none is left."""
    mate = np.full(graph.n_rows, -1, dtype=np.int64)
    for a, b in pairs:
        mate[a], mate[b] = b, a
    while True:
        forest = _Forest(graph, mate)
        found = forest.grow()
        if found is None:
            paired = sorted((a, int(b)) for a, b in enumerate(mate.tolist()) if a < b)
            inner = np.nonzero((forest.parent >= 0) & ~forest.outer)[0]
            return Maximum(paired, inner, int((mate < 0).sum()))
        forest.augment(*found)


class _Forest:
    """Edmonds' search from every unpaired vertex at once (e-maxx style bookkeeping)."""

    def __init__(self, graph: AllowedGraph, mate: np.ndarray) -> None:
        n = graph.n_rows
        self.indptr, self.cols, self.mate = graph.indptr, graph.cols, mate
        self.base = np.arange(n, dtype=np.int64)
        self.parent = np.full(n, -1, dtype=np.int64)
        self.outer = mate < 0
        self.root = np.where(mate < 0, np.arange(n), -1)
        has_partner = np.diff(graph.indptr) > 0
        self.queue = deque(np.nonzero(self.outer & has_partner)[0].tolist())

    def grow(self) -> tuple[int, int] | None:
        """An edge between two trees (an augmenting path), or None when there is none."""
        while self.queue:
            v = self.queue.popleft()
            found = self._scan(v, self.cols[self.indptr[v] : self.indptr[v + 1]].astype(np.int64))
            if found is not None:
                return found
        return None

    def _scan(self, v: int, nb: np.ndarray) -> tuple[int, int] | None:
        base, mate, outer, parent = self.base, self.mate, self.outer, self.parent
        while True:
            cand = nb[(base[nb] != base[v]) & (nb != mate[v])]
            if not len(cand):
                return None
            seen = cand[outer[cand]]
            if len(seen):
                other = seen[self.root[seen] != self.root[v]]
                if len(other):
                    return v, int(other[0])
                self._shrink(v, int(seen[0]))  # same tree: an odd cycle
                continue
            fresh = cand[parent[cand] < 0]  # matched (the unmatched are roots, outer)
            if not len(fresh):
                return None
            partner = mate[fresh]
            # a fresh vertex matched to another fresh one closes a triangle: take one now,
            # the other becomes outer and the next pass shrinks the blossom
            keep = ~np.isin(partner, fresh) | (fresh < partner)
            fresh, partner = fresh[keep], partner[keep]
            parent[fresh] = v
            outer[partner] = True
            self.root[partner] = self.root[v]
            self.queue.extend(partner.tolist())
            if keep.all():
                return None

    def _lca(self, a: int, b: int) -> int:
        base, mate, parent = self.base, self.mate, self.parent
        path = set()
        while True:
            a = int(base[a])
            path.add(a)
            if mate[a] < 0:
                break
            a = int(parent[mate[a]])
        while True:
            b = int(base[b])
            if b in path:
                return b
            b = int(parent[mate[b]])

    def _mark(self, v: int, top: int, child: int, marked: np.ndarray) -> None:
        base, mate, parent = self.base, self.mate, self.parent
        while base[v] != top:
            marked[base[v]] = marked[base[mate[v]]] = True
            parent[v] = child
            child = int(mate[v])
            v = int(parent[mate[v]])

    def _shrink(self, v: int, u: int) -> None:
        top = self._lca(v, u)
        marked = np.zeros(len(self.base), dtype=bool)
        self._mark(v, top, u, marked)
        self._mark(u, top, v, marked)
        inside = marked[self.base]
        newly = np.nonzero(inside & ~self.outer)[0]
        self.base[inside] = top
        self.outer[newly] = True
        self.root[newly] = self.root[v]
        self.queue.extend(newly.tolist())

    def augment(self, v: int, u: int) -> None:
        """Flip the path root(v) ... v - u ... root(u)."""
        self._free(v)
        self._free(u)
        self.mate[v], self.mate[u] = u, v

    def _free(self, x: int) -> None:
        """Flip the alternating path from outer ``x`` to its root: x ends unpaired."""
        mate, parent = self.mate, self.parent
        y = int(mate[x])
        while y >= 0:
            above = int(parent[y])
            nxt = int(mate[above])
            mate[y], mate[above] = above, y
            y = nxt


def deficiency(graph: AllowedGraph, barrier: np.ndarray) -> int:
    """Odd components of the graph without ``barrier``, minus its size: a lower bound on
    the people any matching leaves unpaired (Tutte-Berge), computed from the graph alone.
    ``graph`` may hold each pair once or in both directions."""
    n = graph.n_rows
    removed = np.zeros(n, dtype=bool)
    removed[barrier] = True
    counts = np.zeros(n, dtype=np.int64)
    parts: list[np.ndarray] = []
    for start, stop in graph.chunks():
        lo, hi = int(graph.indptr[start]), int(graph.indptr[stop])
        rows = graph.rows_of(start, stop)
        cols = graph.cols[lo:hi].astype(np.int64)
        keep = ~removed[rows] & ~removed[cols]
        counts[start:stop] = np.bincount(rows[keep] - start, minlength=stop - start)
        parts.append(cols[keep].astype(np.int32))
    indptr = np.concatenate(([0], np.cumsum(counts)))
    cols = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int32)
    kept = csr_matrix((np.ones(len(cols), dtype=np.int8), cols, indptr), shape=(n, n))
    _, label = connected_components(kept, directed=False)
    sizes = np.bincount(label[~removed])
    return int((sizes % 2 == 1).sum()) - int(removed.sum())
