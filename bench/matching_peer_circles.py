"""Benchmark (d): a 2,000-person peer cohort (target <= 2 s) and a 1,000-person circles
cohort (target <= 10 s), timing ``match_cohort`` on programs loaded from generated files.

    .venv/bin/python bench/matching_peer_circles.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from synthetic import generate

from mentorkit.matching.engine import match_cohort
from mentorkit.validation import validate_program


def run(fmt: str, mentors: int, mentees: int, target: float) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        program = validate_program(
            generate(Path(tmp) / "repo", mentees=mentees, mentors=mentors, capacity=1, fmt=fmt)
        ).program
    start = time.perf_counter()
    result = match_cohort(program, "synthetic")
    elapsed = time.perf_counter() - start
    s = result.summary
    extra = f", {len(result.circles)} circles" if fmt == "circles" else ""
    print(
        f"{fmt}: {mentors + mentees} people in {elapsed:.2f} s ({s.solver}{extra}): {s.matched} matched, "
        f"{s.unmatched} unmatched, mean score {s.mean_score}, cross-functional {s.cross_functional_share} "
        f"· target <= {target:g} s: {'met' if elapsed <= target else 'MISSED'}"
    )


def main() -> None:
    run("peer", 1_000, 1_000, 2.0)
    run("circles", 250, 750, 10.0)


if __name__ == "__main__":
    main()
