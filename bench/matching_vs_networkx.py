"""Benchmark (c): the OR-Tools min-cost-flow assignment against networkx ``max_weight_matching`` on the same scores.

    .venv/bin/python bench/matching_vs_networkx.py [--mentees 200 --mentors 100] [--quick]

Both solve the engine's exact problem: mentees x mentor slots, every allowed pair with
the engine's integer weights (coverage first, then score). Prints both times and
checks that the optima are equal.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx
import numpy as np

sys.path.insert(0, str(Path(__file__).parent))

from synthetic import generate

from mentorkit.matching.allowed import collect
from mentorkit.matching.assignment import assign, edge_weights
from mentorkit.matching.candidates import forbidden_columns
from mentorkit.matching.matrix import encode
from mentorkit.matching.score import scoring_for
from mentorkit.validation import validate_program


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mentees", type=int, default=200)
    parser.add_argument("--mentors", type=int, default=100)
    parser.add_argument("--capacity", type=int, default=2)
    parser.add_argument("--quick", action="store_true", help="50 x 25")
    args = parser.parse_args()
    if args.quick:
        args.mentees, args.mentors = 50, 25
    with tempfile.TemporaryDirectory() as tmp:
        program = validate_program(
            generate(
                Path(tmp) / "repo",
                mentees=args.mentees,
                mentors=args.mentors,
                capacity=args.capacity,
            )
        ).program
    scoring = scoring_for(program.cohorts["synthetic"])
    mentees, mentors = program.mentees_in("synthetic"), program.mentors_in("synthetic")
    rows, cols = encode([mentees, mentors])
    edges = collect(scoring, rows, cols, forbidden_columns(mentees, mentors)).edges
    weights = edge_weights(edges, np.zeros(len(edges), dtype=np.int64), "coverage", len(mentees))
    capacity = np.array([m.mentor.capacity for m in mentors if m.mentor], dtype=np.int64)
    weight_of = {
        (int(r), int(c)): int(w) for r, c, w in zip(edges.rows, edges.cols, weights, strict=True)
    }

    start = time.perf_counter()
    chosen = assign(len(mentees), capacity, edges, weights)
    flow_time = time.perf_counter() - start
    flow_total = sum(weight_of[pair] for pair in chosen)

    graph = nx.Graph()
    for (r, c), w in weight_of.items():
        for slot in range(int(capacity[c])):
            graph.add_edge(("mentee", r), ("slot", c, slot), weight=w)
    start = time.perf_counter()
    matching = nx.max_weight_matching(graph)
    nx_time = time.perf_counter() - start
    nx_total = sum(graph.edges[a, b]["weight"] for a, b in matching)

    print(
        f"{args.mentees} mentees x {args.mentors} mentors (capacity {args.capacity}), {len(edges)} allowed pairs"
    )
    print(f"OR-Tools min-cost flow: {flow_time * 1000:.1f} ms, {len(chosen)} pairs")
    print(f"networkx max_weight_matching: {nx_time:.2f} s, {len(matching)} pairs")
    print(
        f"same optimum: {flow_total == nx_total} (total weight {flow_total} vs {nx_total}); "
        f"speed-up x{nx_time / max(flow_time, 1e-9):,.0f}"
    )


if __name__ == "__main__":
    main()
