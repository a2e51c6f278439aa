"""Benchmark (d): a 2,000-person peer cohort (target <= 2 s) and a 1,000-person circles
cohort (target <= 10 s), timing ``match_cohort`` on programs loaded from generated files.

    .venv/bin/python bench/matching_peer_circles.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

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
    if fmt == "circles":
        rerun_with_a_newcomer(program, result)


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
    run("peer", 1_000, 1_000, 2.0)
    run("circles", 250, 750, 10.0)


if __name__ == "__main__":
    main()
