"""Benchmark (a): one-on-one matching at scale, from files to the written match file.

    .venv/bin/python bench/matching_scale.py [--sizes 10000x5000,20000x10000]
        [--capacity 1-3] [--quick] [--no-reference]

For each size a synthetic repository is generated in a temporary folder (mentor
capacities drawn from 1 to 3 by default, as issue 13 states the target), then
``mentorkit match synthetic --write`` runs as a separate process: the real end-to-end
time, including start-up, validation, matching, rendering and the atomic write. Its wall
time, CPU time (user + system) and peak memory are printed, with the load average, as
the machine may be shared. Then each stage runs alone in this process, and the result is
checked against independent references: coverage against SciPy's maximum flow over
every allowed pair (``matching_exact.true_max_pairs``) and the score against the dual
bound the engine certifies.

Targets (issue 13): 10,000 x 5,000 in at most 10 s end to end (stretch 5 s);
20,000 x 10,000 in at most 30 s and 4 GB. ``--quick`` runs 2,000 x 1,000 only.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from matching_exact import allowed_csr, true_max_pairs
from measuring import load_text, run_mentorkit
from synthetic import generate

from mentorkit.matching.engine import match_cohort
from mentorkit.matching.match_file import render_match_file
from mentorkit.validation import validate_program

TARGETS = {10_000: 10.0, 20_000: 30.0}


def _cpu_children() -> tuple[float, float]:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime, used.ru_maxrss / 1e6


def end_to_end(root: Path) -> None:
    cpu_before, _ = _cpu_children()
    done = run_mentorkit(root, "match", "synthetic", "--write", "--format", "json")
    wall = done.wall
    cpu_after, peak = _cpu_children()
    written = root / "program" / "matches" / "synthetic.yaml"
    if not written.exists():
        print(f"  no file written (exit {done.code}): {done.stderr[-500:]}")
        return
    print(
        f"  end to end (mentorkit match --write, separate process): wall {wall:.2f} s, "
        f"CPU {cpu_after - cpu_before:.2f} s, peak memory of the largest child so far "
        f"{peak:.2f} GB, exit {done.code}, wrote {written.stat().st_size / 1e6:.1f} MB"
    )
    print(f"  {load_text()}")
    written.unlink()
    return


def stages(root: Path, reference: bool) -> None:
    clock = time.perf_counter
    cpu = time.process_time
    t0, c0 = clock(), cpu()
    validation = validate_program(root)
    t1, c1 = clock(), cpu()
    result = match_cohort(validation.program, "synthetic")
    t2, c2 = clock(), cpu()
    render_match_file(result, None)
    t3, c3 = clock(), cpu()
    print(
        f"  in-process: load+validate {t1 - t0:.2f} s (CPU {c1 - c0:.2f}) · match {t2 - t1:.2f} s "
        f"(CPU {c2 - c1:.2f}) · render {t3 - t2:.2f} s (CPU {c3 - c2:.2f})"
    )
    s = result.summary
    print(
        f"  solver {s.solver}: {s.matched} matched, {s.unmatched} unmatched, mean score "
        f"{s.mean_score}, utilisation {s.mentor_utilisation}; score: {s.optimality}"
    )
    if reference:
        allowed, capacity = allowed_csr(validation.program, False, "synthetic")
        most = true_max_pairs(allowed, capacity)
        verdict = "equal" if most == s.matched else "DIFFERENT"
        print(
            f"  coverage: {s.matched} matched, true maximum {most} by SciPy max flow over "
            f"{allowed.nnz:,} allowed pairs: {verdict}"
        )
    print(f"  {load_text()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="10000x5000,20000x10000")
    parser.add_argument("--capacity", default="1-3", help="a number or a range low-high")
    parser.add_argument("--quick", action="store_true", help="2,000 x 1,000 only")
    parser.add_argument("--no-reference", action="store_true", help="skip the max-flow check")
    args = parser.parse_args()
    low, _, high = args.capacity.partition("-")
    capacity: int | tuple[int, int] = (int(low), int(high)) if high else int(low)
    sizes = "2000x1000" if args.quick else args.sizes
    for size in sizes.split(","):
        mentees, mentors = (int(x) for x in size.split("x"))
        print(f"{mentees:,} mentees x {mentors:,} mentors, capacity {args.capacity}:")
        with tempfile.TemporaryDirectory() as tmp:
            root = generate(Path(tmp) / "repo", mentees=mentees, mentors=mentors, capacity=capacity)
            end_to_end(root)
            stages(root, not args.no_reference)
        target = TARGETS.get(mentees)
        if target:
            print(f"  target: at most {target:g} s end to end (see the wall figure above)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6
    print(f"peak memory of this process (stages and references): {peak:.2f} GB")


if __name__ == "__main__":
    main()
