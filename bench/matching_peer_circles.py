"""Benchmark (d): peer cohorts of 2,000 and 10,000 people (target <= 10 s at 10,000) and
circles cohorts of 1,000 and 5,000 (target <= 10 s), timing ``match_cohort`` on programs
loaded from generated files (wall and this process's CPU time, with the load average).

    .venv/bin/python bench/matching_peer_circles.py [--quick]

For peers the number matched is checked against references computed independently of
the engine (``matching_peer_exact.check``: the double cover's bound, and rustworkx's
maximum and best score up to 2,000 people), and the score's certificate is printed.
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

from matching_peer_exact import check, peak_gb
from synthetic import generate

from mentorkit.matching.engine import match_cohort
from mentorkit.matching.result import MatchResult
from mentorkit.model.entities import Circle, MatchFile
from mentorkit.model.program import Program
from mentorkit.validation import validate_program


def run(fmt: str, mentors: int, mentees: int, target: float) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        program = validate_program(
            generate(Path(tmp) / "repo", mentees=mentees, mentors=mentors, capacity=1, fmt=fmt)
        ).program
    start, cpu = time.perf_counter(), time.process_time()
    result = match_cohort(program, "synthetic")
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    s = result.summary
    extra = f", {len(result.circles)} circles" if fmt == "circles" else ""
    print(
        f"{fmt}: {mentors + mentees} people in {elapsed:.2f} s wall, {cpu:.2f} s CPU "
        f"(load {os.getloadavg()[0]:.1f}, peak so far {peak_gb():.2f} GB; {s.solver}{extra}): "
        f"{s.matched} matched, {s.unmatched} unmatched, mean score {s.mean_score}, "
        f"cross-functional {s.cross_functional_share} "
        f"· target <= {target:g} s: {'met' if elapsed <= target else 'MISSED'}"
    )
    if fmt == "circles":
        rerun_with_a_newcomer(program, result)
    else:
        proven = "proven maximum" if s.max_matched == s.matched else "NOT PROVEN maximum"
        print(f"  {proven} · {check(program, result, 2_000)}")
        print(f"  {s.optimality}")
        for note in s.notes:
            print(f"  {note}")


def rerun_with_a_newcomer(program: Program, result: MatchResult) -> None:
    """Record the circles, enrol one more person, match again: how many circles change?"""
    recorded = MatchFile(
        "synthetic",
        "x",
        circles=tuple(Circle(c.id, c.members, c.facilitator) for c in result.circles),
    )
    outsider = next(p for p in program.participants.values() if p.mentor is None)
    newcomer = replace(outsider, id="zz-newcomer", name="Newcomer")
    program = replace(
        program,
        participants={**program.participants, newcomer.id: newcomer},
        matches={**program.matches, "synthetic": recorded},
    )
    start = time.perf_counter()
    again = match_cohort(program, "synthetic")
    elapsed = time.perf_counter() - start
    before = {frozenset(c.members) for c in result.circles}
    changed = len(before - {frozenset(c.members) for c in again.circles})
    print(
        f"circles re-run with one newcomer in {elapsed:.2f} s: {changed} of {len(before)} circles "
        f"changed, {again.summary.matched} matched"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="1,000 people per format only")
    quick = parser.parse_args().quick
    for people in [1_000] if quick else [2_000, 10_000]:
        run("peer", people // 2, people // 2, 10.0)
    for people in [1_000] if quick else [1_000, 5_000]:
        run("circles", people // 4, people - people // 4, 10.0)


if __name__ == "__main__":
    main()
