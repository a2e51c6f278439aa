"""Benchmark: circles cohorts of 1,000 and 5,000 people (target: 5,000 in <= 10 s).

For each size and time-zone limit it prints the time to form the circles, how many
people are placed, the smallest and largest circle (bounds: 3 to circle_size + 1),
whether a re-run with no change rewrites the match file byte for byte, and how many
circles change when one person joins.

    .venv/bin/python bench/circles_scale.py [--sizes 1000 5000] [--quick]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from synthetic import generate

from mentorkit.matching.engine import match_cohort
from mentorkit.matching.match_file import render_match_file
from mentorkit.matching.result import MatchResult
from mentorkit.model.entities import Circle, MatchFile, Unmatched
from mentorkit.model.program import Program
from mentorkit.validation import validate_program

TARGET_SECONDS = 10.0


def _with_settings(program: Program, gap: float, size: int) -> Program:
    cohort = program.cohorts["synthetic"]
    matching = replace(cohort.matching, max_timezone_gap_hours=gap, circle_size=size)
    return replace(program, cohorts={"synthetic": replace(cohort, matching=matching)})


def _recorded(result: MatchResult) -> MatchFile:
    return MatchFile(
        "synthetic",
        "x",
        circles=tuple(Circle(c.id, c.members, c.facilitator, c.reasons) for c in result.circles),
        unmatched=tuple(Unmatched(u.id, u.reason) for u in result.unmatched),
    )


def run(program: Program, people: int, gap: float, size: int) -> None:
    program = _with_settings(program, gap, size)
    start = time.perf_counter()
    result = match_cohort(program, "synthetic")
    elapsed = time.perf_counter() - start
    sizes = [len(c.members) for c in result.circles]
    text = render_match_file(result, None)
    rerun = match_cohort(replace(program, matches={"synthetic": _recorded(result)}), "synthetic")
    same = render_match_file(rerun, text) == text
    outsider = next(p for p in program.participants.values() if p.mentor is None)
    newcomer = replace(outsider, id="zz-newcomer", name="Newcomer")
    joined = replace(
        program,
        participants={**program.participants, newcomer.id: newcomer},
        matches={"synthetic": _recorded(result)},
    )
    start = time.perf_counter()
    after = match_cohort(joined, "synthetic")
    join_time = time.perf_counter() - start
    before = {frozenset(c.members) for c in result.circles}
    changed = len(before - {frozenset(c.members) for c in after.circles})
    print(
        f"circles {people:>5} people, gap {gap:g} h, size {size}: {elapsed:5.2f} s, "
        f"{len(result.circles)} circles of {min(sizes, default=0)}-{max(sizes, default=0)}, "
        f"{result.summary.matched} placed, {result.summary.unmatched} unplaced; "
        f"re-run byte-identical: {'yes' if same else 'NO'}; one joiner: {changed} circle(s) "
        f"changed in {join_time:.2f} s"
        + ("" if people < 5000 or elapsed <= TARGET_SECONDS else " · TARGET MISSED")
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--quick", action="store_true", help="200 people only")
    args = parser.parse_args()
    print(f"load average: {os.getloadavg()[0]:.2f} (2 cores)")
    for people in [200] if args.quick else args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            root = generate(
                Path(tmp) / "repo", mentees=people * 3 // 4, mentors=people // 4, fmt="circles"
            )
            program = validate_program(root).program
        for gap, size in ((8.0, 5), (4.0, 4), (2.0, 5)):
            run(program, people, gap, size)


if __name__ == "__main__":
    main()
