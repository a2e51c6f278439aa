"""Benchmark (b): the sparse solver's total score as a fraction of the exact dense optimum.

    .venv/bin/python bench/matching_sparse_quality.py [--mentees 2000 --mentors 1000] [--quick]

Both solvers see the same cohort; the dense one (``linear_sum_assignment`` on every
allowed pair) is exact. Target: sparse total / dense total >= 0.995, same number matched.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from synthetic import generate

from mentorkit.matching.engine import match_cohort
from mentorkit.validation import validate_program


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mentees", type=int, default=2_000)
    parser.add_argument("--mentors", type=int, default=1_000)
    parser.add_argument("--capacity", type=int, default=2)
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="200 x 100, one seed")
    args = parser.parse_args()
    if args.quick:
        args.mentees, args.mentors, args.seeds = 200, 100, 1
    worst = 1.0
    for seed in range(1, args.seeds + 1):
        with tempfile.TemporaryDirectory() as tmp:
            root = generate(
                Path(tmp) / "repo",
                mentees=args.mentees,
                mentors=args.mentors,
                capacity=args.capacity,
                seed=seed,
            )
            program = validate_program(root).program
        figures = {}
        for solver in ("dense", "sparse"):
            start = time.perf_counter()
            result = match_cohort(program, "synthetic", solver=solver)
            elapsed = time.perf_counter() - start
            total = sum(p.score or 0.0 for p in result.pairs)
            figures[solver] = (result.summary.matched, total, elapsed)
        (dm, dt, ds), (sm, st, ss) = figures["dense"], figures["sparse"]
        ratio = st / dt if dt else 1.0
        worst = min(worst, ratio if sm == dm else 0.0)
        print(
            f"seed {seed}: dense {dm} matched, total {dt:.4f} ({ds:.2f} s) · sparse {sm} matched, "
            f"total {st:.4f} ({ss:.2f} s) · ratio {ratio:.5f}"
        )
    print(
        f"worst sparse/dense ratio at {args.mentees} mentees: {worst:.5f} (target >= 0.995: {'met' if worst >= 0.995 else 'MISSED'})"
    )


if __name__ == "__main__":
    main()
