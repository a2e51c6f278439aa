"""Benchmark: people's choices and the newer formats at scale.

* ``objective: stable`` against the default objective on a one-on-one cohort where most
  mentees rank three to five mentors: time, matched, mean score, blocking pairs (0).
* ``suggest`` for one mentee in that cohort.
* ``rotation`` cohorts (4 rounds) and ``swap`` cohorts: time, pairs, repeats (0), and
  how many standing proposals one newcomer changes.

    .venv/bin/python bench/choices_formats.py [--people 1000 4000] [--quick]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Literal

sys.path.insert(0, str(Path(__file__).parent))

from synthetic import generate

from mentorkit.matching.engine import match_cohort
from mentorkit.matching.result import MatchResult
from mentorkit.matching.suggest import suggest
from mentorkit.model.entities import MatchFile, Pair
from mentorkit.model.program import Program
from mentorkit.validation import validate_program


def _load(people: int, fmt: str) -> Program:
    with tempfile.TemporaryDirectory() as tmp:
        root = generate(
            Path(tmp) / "repo", mentees=people * 2 // 3, mentors=people // 3, capacity=2, fmt=fmt
        )
        return validate_program(root).program


def _with(
    program: Program,
    objective: Literal["coverage", "quality", "stable"] | None = None,
    rounds: int | None = None,
) -> Program:
    cohort = program.cohorts["synthetic"]
    matching = replace(cohort.matching, objective=objective or cohort.matching.objective)
    cohort = replace(cohort, matching=matching, rounds=rounds or cohort.rounds)
    return replace(program, cohorts={"synthetic": cohort})


def _with_preferences(program: Program) -> Program:
    """Most mentees rank 3-5 mentors, drawn with a skew towards popular ones."""
    rng = random.Random(5)
    mentors = sorted(p.id for p in program.participants.values() if p.mentor)
    weights = [1.0 / (k + 1) ** 0.7 for k in range(len(mentors))]
    people = dict(program.participants)
    for pid, person in people.items():
        if person.mentee and rng.random() < 0.8:
            chosen = list(dict.fromkeys(rng.choices(mentors, weights, k=5)))[: rng.randint(3, 5)]
            people[pid] = replace(person, mentee=replace(person.mentee, preferences=tuple(chosen)))
    return replace(program, participants=people)


def _timed(program: Program) -> tuple[MatchResult, float]:
    start = time.perf_counter()
    result = match_cohort(program, "synthetic")
    return result, time.perf_counter() - start


def bench_stable(people: int) -> None:
    program = _with_preferences(_load(people, "one-on-one"))
    default, t_default = _timed(program)
    stable, t_stable = _timed(_with(program, objective="stable"))
    sys.path.insert(0, str(Path(__file__).parents[1]))
    from tests.matching.test_stable import blocking_pairs

    blocking = len(blocking_pairs(_rename(_with(program, objective="stable")), stable))
    s, d = stable.summary, default.summary
    print(
        f"stable     {people:>5} people: {t_stable:5.2f} s ({t_default:.2f} s default) · "
        f"matched {s.matched} vs {d.matched} · mean score {s.mean_score} vs {d.mean_score} · "
        f"blocking pairs among stated preferences: {blocking}"
    )
    mentee = next(p.id for p in program.participants.values() if p.mentee)
    start = time.perf_counter()
    found = suggest(program, mentee, "synthetic", 10)
    print(
        f"suggest    {people:>5} people: {time.perf_counter() - start:5.2f} s for "
        f"{len(found.items)} of {found.considered} mentors"
    )


def _rename(program: Program) -> Program:
    """The blocking-pair check reads cohort ``c1``."""
    cohort = replace(program.cohorts["synthetic"], id="c1")
    people = {
        k: replace(p, cohorts=tuple("c1" if c == "synthetic" else c for c in p.cohorts))
        for k, p in program.participants.items()
    }
    return replace(program, cohorts={"c1": cohort}, participants=people)


def _recorded(result: MatchResult) -> MatchFile:
    return MatchFile(
        "synthetic",
        "x",
        pairs=tuple(Pair(p.mentor, p.mentee, p.score, round=p.round) for p in result.pairs),
    )


def bench_pairs(people: int, fmt: str) -> None:
    program = _with(_load(people, "peer"), rounds=4)
    program = replace(
        program,
        cohorts={"synthetic": replace(program.cohorts["synthetic"], format=fmt)},  # type: ignore[arg-type]
    )
    result, elapsed = _timed(program)
    keys = [frozenset((p.mentor, p.mentee)) for p in result.pairs]
    outsider = next(iter(program.participants.values()))
    newcomer = replace(outsider, id="zz-newcomer", name="Newcomer")
    again = replace(
        program,
        participants={**program.participants, newcomer.id: newcomer},
        matches={"synthetic": _recorded(result)},
    )
    after, _ = _timed(again)
    old = {(p.mentor, p.mentee, p.round) for p in result.pairs}
    changed = len(old - {(p.mentor, p.mentee, p.round) for p in after.pairs})
    print(
        f"{fmt:<10} {people:>5} people: {elapsed:5.2f} s · {len(result.pairs)} pairs · "
        f"repeated pairs {len(keys) - len(set(keys))} · one newcomer changes {changed} of "
        f"{len(old)} standing pairs"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, nargs="+", default=[1000, 4000])
    parser.add_argument("--quick", action="store_true", help="200 people only")
    args = parser.parse_args()
    print(f"load average: {os.getloadavg()[0]:.2f} (2 cores)")
    for people in [200] if args.quick else args.people:
        bench_stable(people)
        bench_pairs(people, "rotation")
        bench_pairs(people, "swap")


if __name__ == "__main__":
    main()
