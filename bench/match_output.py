"""Benchmark: what a coordinator waits for when ``mentorkit match`` prints a large result.

    .venv/bin/python bench/match_output.py [--size 20000x10000] [--quick]

A synthetic repository (mentor capacity 2, so 20,000 x 10,000 gives 20,000 pairs) is
generated in a temporary folder; then ``mentorkit match synthetic --format F`` runs as a
separate process for each output format (text, the default, JSON and Markdown), and the
wall time, CPU time (user + system) and output size of each are printed with the load
average, as the machine may be shared. The difference between formats is the cost of
the rendering. Then the result is matched once in this process and each renderer is
timed alone (wall and CPU), which is the figure the load disturbs least.

Before this benchmark existed, the text format of 20,000 pairs took 12.7 s of CPU (19.4 s
wall at load 4) in rich's table layout and JSON 0.2 s in Python's indenting encoder.
``--quick`` runs 2,000 x 1,000 only.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from measuring import load_text, run_mentorkit
from synthetic import generate

from mentorkit.matching.engine import match_cohort
from mentorkit.reporters.matching import RENDERERS
from mentorkit.validation import validate_program


def end_to_end(root: Path, fmt: str) -> None:
    done = run_mentorkit(root, "match", "synthetic", "--format", fmt)
    wall, cpu = done.wall, done.cpu
    print(
        f"  mentorkit match --format {fmt:<8} wall {wall:6.2f} s, CPU {cpu:6.2f} s,"
        f" {len(done.stdout) / 1e6:5.1f} MB printed, exit {done.code} · {load_text()}"
    )


def renderers(root: Path) -> None:
    program = validate_program(root).program
    result = match_cohort(program, "synthetic")
    print(f"  in this process ({len(result.pairs):,} pairs, {len(result.unmatched):,} unmatched):")
    for fmt, render in RENDERERS.items():
        wall, cpu = time.perf_counter(), time.process_time()
        text = render(result, None)
        print(
            f"    render {fmt:<8} wall {time.perf_counter() - wall:6.3f} s, "
            f"CPU {time.process_time() - cpu:6.3f} s, {len(text) / 1e6:5.1f} MB"
        )
    print(f"  {load_text()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", default="20000x10000", help="mentees x mentors")
    parser.add_argument("--quick", action="store_true", help="2,000 x 1,000 only")
    args = parser.parse_args()
    mentees, mentors = (int(x) for x in ("2000x1000" if args.quick else args.size).split("x"))
    print(f"{mentees:,} mentees x {mentors:,} mentors, capacity 2:")
    with tempfile.TemporaryDirectory() as tmp:
        root = generate(Path(tmp) / "repo", mentees=mentees, mentors=mentors, capacity=2)
        for fmt in RENDERERS:
            end_to_end(root, fmt)
        renderers(root)


if __name__ == "__main__":
    main()
