"""Benchmark (a): 10,000 mentees x 5,000 mentors (capacity 2), from files to the written match file.

    .venv/bin/python bench/matching_scale.py [--mentees 10000 --mentors 5000]

Generates a synthetic repository in a temporary folder, then runs ``mentorkit match
synthetic --write`` as a separate process (the real end-to-end time, including start-up,
validation, matching, rendering and the atomic write) and, in-process, each stage alone.
Target: at most 10 s end to end.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from synthetic import generate

from mentorkit.matching.engine import match_cohort
from mentorkit.matching.match_file import render_match_file
from mentorkit.validation import validate_program


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mentees", type=int, default=10_000)
    parser.add_argument("--mentors", type=int, default=5_000)
    parser.add_argument("--capacity", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = generate(
            Path(tmp) / "repo", mentees=args.mentees, mentors=args.mentors, capacity=args.capacity
        )
        exe = Path(sys.executable).parent / "mentorkit"
        start = time.perf_counter()
        done = subprocess.run(
            [str(exe), "--repo", str(root), "match", "synthetic", "--write", "--format", "json"],
            capture_output=True,
            text=True,
            check=False,
        )
        wall = time.perf_counter() - start
        written = root / "program" / "matches" / "synthetic.yaml"
        print(
            f"end to end (mentorkit match --write, separate process): {wall:.2f} s, exit {done.returncode}, "
            f"wrote {written.stat().st_size / 1e6:.1f} MB"
            if written.exists()
            else f"no file written: {done.stderr}"
        )
        written.unlink(missing_ok=True)

        t0 = time.perf_counter()
        validation = validate_program(root)
        t1 = time.perf_counter()
        result = match_cohort(validation.program, "synthetic")
        t2 = time.perf_counter()
        render_match_file(result, None)
        t3 = time.perf_counter()
        s = result.summary
        print(
            f"stages in-process: load+validate {t1 - t0:.2f} s · match {t2 - t1:.2f} s · render {t3 - t2:.2f} s"
        )
        print(
            f"{args.mentees} mentees x {args.mentors} mentors (capacity {args.capacity}): solver {s.solver}, "
            f"{s.matched} matched, {s.unmatched} unmatched, mean score {s.mean_score}, "
            f"utilisation {s.mentor_utilisation}"
        )
        print(f"target <= 10 s end to end: {'met' if wall <= 10 else 'MISSED'}")


if __name__ == "__main__":
    main()
