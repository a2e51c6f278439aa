"""Benchmark: peer and swap cohorts, exact coverage and a certified score, several shapes.

    .venv/bin/python bench/matching_peer_exact.py [--peers 10000] [--shapes ...] [--quick]

Shapes (everyone both offers skills and seeks some, as peers do):

- skewed: a few "star" peers offer many skills at high levels, goals follow a Zipf law;
- rare: a handful of skills are offered by 1% and sought by 20%;
- tight: ten time zones and ``max_timezone_gap_hours: 2``;
- avoid: everyone avoids 20 random people and a fifth report to someone;
- sparse: ``cross_functional: require``, a 1-hour limit and ``min_score: 0.6`` (many people
  with no allowed partner, small odd groups: the maximum is below everyone);
- swap: a swap cohort (each must teach the other), skewed skills.

For each shape it prints the match time (wall and this process's CPU), the number
matched against references computed here, independently of the engine's solver, from
the allowed pairs of the scoring layer (``matrix.score_blocks``):

- the bipartite double cover's maximum matching (SciPy's Hopcroft-Karp): no set of pairs
  can be larger than half of it;
- up to ``--exact-upto`` people (default 2,000): the true maximum, rustworkx's blossom
  algorithm with every allowed pair of weight 1, and the best total score among maximum
  matchings (rustworkx, weights = points) that the engine's certificate is checked against;
- the engine's own Tutte-Berge note, when some people stay unpaired in every matching.

The score is printed with the engine's certificate ("optimal" or "within X% of optimal").
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
import rustworkx
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import maximum_bipartite_matching

sys.path.insert(0, str(Path(__file__).parent))

from matching_exact import one_cohort, person, with_rules

from mentorkit.matching.candidates import forbidden_columns
from mentorkit.matching.engine import match_cohort
from mentorkit.matching.matrix import encode, score_blocks
from mentorkit.matching.result import MatchResult
from mentorkit.matching.score import scoring_for
from mentorkit.model.entities import MatchingSettings
from mentorkit.model.program import Program

SHAPES = ("skewed", "rare", "tight", "avoid", "sparse", "swap")


def peer_program(shape: str, people: int, seed: int = 11) -> Program:
    rng = random.Random(seed)
    base = {"skewed": "peer", "swap": "peer", "sparse": "tight"}.get(shape, shape)
    crowd = [person(rng, f"p{i:05d}", base, True, True) for i in range(people)]
    if shape == "avoid":
        ids = [p.id for p in crowd]
        crowd = [
            with_rules(p, rng.sample(ids, 20), rng.choice(ids) if rng.random() < 0.2 else None)
            for p in crowd
        ]
    gap = {"tight": 2.0, "sparse": 1.0}.get(shape, 8.0)
    settings = MatchingSettings(max_timezone_gap_hours=gap)
    if shape == "sparse":
        settings = replace(settings, cross_functional="require", min_score=0.6)
    return one_cohort(crowd, "swap" if shape == "swap" else "peer", settings)


def allowed_pairs(program: Program) -> tuple[int, np.ndarray, np.ndarray, np.ndarray]:
    """Every allowed pair (a < b) with its points, from the scoring layer only."""
    cohort = next(iter(program.cohorts.values()))
    scoring = scoring_for(cohort)
    pool = sorted(program.enrolled(cohort.id), key=lambda p: p.id)
    (side,) = encode([pool])
    parts_r, parts_c, parts_p = [], [], []
    for block in score_blocks(scoring, side, side, forbidden_columns(pool, pool)):
        # A block holds its allowed pairs only (local rows, columns, points).
        r = block.rows + block.start
        upper = r < block.cols
        parts_r.append(r[upper].astype(np.int32))
        parts_c.append(block.cols[upper].astype(np.int32))
        parts_p.append(block.points[upper].astype(np.int64))
    return len(pool), np.concatenate(parts_r), np.concatenate(parts_c), np.concatenate(parts_p)


def double_cover_bound(n: int, rows: np.ndarray, cols: np.ndarray) -> int:
    """Half the double cover's maximum matching, rounded down: the most pairs possible."""
    both = csr_matrix(
        (np.ones(2 * len(rows), dtype=np.int8), (np.r_[rows, cols], np.r_[cols, rows])),
        shape=(n, n),
    )
    matched = maximum_bipartite_matching(both, perm_type="column")
    return int((matched >= 0).sum()) // 2


def blossom_reference(
    n: int, rows: np.ndarray, cols: np.ndarray, points: np.ndarray
) -> tuple[int, int]:
    """(most pairs, best total points among maximum matchings), by rustworkx."""
    graph = rustworkx.PyGraph()
    graph.add_nodes_from(range(n))
    graph.add_edges_from(list(zip(rows.tolist(), cols.tolist(), points.tolist(), strict=True)))
    found = rustworkx.max_weight_matching(graph, max_cardinality=True, weight_fn=int)
    total = sum(int(graph.get_edge_data(a, b)) for a, b in found)
    return len(found), total


def peak_gb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6


def timed_match(program: Program) -> tuple[MatchResult, float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = match_cohort(program, "c1")
    return result, time.perf_counter() - wall, time.process_time() - cpu


def check(program: Program, result: MatchResult, exact_upto: int) -> str:
    """The engine's coverage and score against the references above."""
    n, rows, cols, points = allowed_pairs(program)
    matched = result.summary.matched
    bound = 2 * double_cover_bound(n, rows, cols)
    parts = [f"{len(rows):,} allowed pairs", f"double cover allows {bound:,}"]
    if n <= exact_upto:
        most, best = blossom_reference(n, rows, cols, points)
        got = sum(round((p.score or 0) * 10_000) for p in result.pairs)
        verdict = "equal" if 2 * most == matched else "DIFFERENT"
        parts.append(f"true maximum {2 * most:,} (rustworkx): {verdict}")
        shortfall = (best - got) / best if best else 0.0
        parts.append(f"score {got:,} of the best {best:,} (shortfall {100 * shortfall:.4f}%)")
    elif matched >= bound:
        parts.append("= the most possible")
    return " · ".join(parts)


def run(shape: str, people: int, exact_upto: int, program: Program | None = None) -> None:
    program = program or peer_program(shape, people)
    result, wall, cpu = timed_match(program)
    s = result.summary
    load = os.getloadavg()[0]
    print(
        f"{shape:7s} {s.people:6,d} people · match {wall:6.2f} s wall, {cpu:6.2f} s CPU "
        f"(load {load:.1f}) · peak so far {peak_gb():.2f} GB · matched {s.matched:,}"
        + (" (proven maximum)" if s.max_matched == s.matched else " (NOT PROVEN)")
    )
    print(f"        {check(program, result, exact_upto)}")
    print(f"        {s.optimality}")
    for note in s.notes:
        print(f"        {note}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--peers", type=int, default=10_000)
    parser.add_argument("--shapes", default=",".join(SHAPES))
    parser.add_argument("--exact-upto", type=int, default=2_000)
    parser.add_argument("--quick", action="store_true", help="1,000 people per shape")
    args = parser.parse_args()
    sizes = [1_000] if args.quick else sorted({min(1_000, args.peers), args.peers})
    for people in sizes:
        for shape in args.shapes.split(","):
            run(shape, people, args.exact_upto)
    print(f"peak memory of this process: {peak_gb():.2f} GB (references included)")


if __name__ == "__main__":
    main()
