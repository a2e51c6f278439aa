"""Time ``./dev test --fast`` (ruff and the tests without the browser and slow marks).

    python bench/fast_tests.py [--runs 2] [--quick]

Target (issue 16): under 30 s of wall time on an idle two-core machine. The figures are
wall time, the CPU time (user + sys) of the run and every process it started, and the
load average before each run: on a busy machine the wall time says little, the CPU time
more. The first run may install the development tools into the venv; it is not counted
when more than one run is asked for. ``--quick`` times the layer test alone (a check that
the script works, not the figure).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

from measuring import children_cpu  # bench/ is on sys.path: the script's own folder

ROOT = Path(__file__).resolve().parent.parent


def _one_run(extra: list[str]) -> tuple[float, float, int]:
    cpu_before, start = children_cpu(), time.perf_counter()
    done = subprocess.run(
        [str(ROOT / "dev"), "test", "--fast", "-q", "-p", "no:cacheprovider", *extra],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - start
    if done.returncode != 0:
        print(done.stdout[-2000:], done.stderr[-2000:], sep="\n", file=sys.stderr)
    return wall, children_cpu() - cpu_before, done.returncode


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--quick", action="store_true", help="time tests/test_layers.py only")
    args = parser.parse_args()
    extra = ["tests/test_layers.py"] if args.quick else []
    runs = max(1, args.runs)
    figures = []
    for i in range(runs):
        load = os.getloadavg()[0]
        wall, cpu, code = _one_run(extra)
        counted = runs == 1 or i > 0
        if counted:
            figures.append((wall, cpu))
        print(
            f"run {i + 1}: {wall:6.1f} s wall, {cpu:6.1f} s CPU (user+sys), "
            f"load before {load:.1f}, exit {code}{'' if counted else ' (warm-up, not counted)'}"
        )
        if code != 0:
            sys.exit(code)
    best_wall = min(w for w, _ in figures)
    best_cpu = min(c for _, c in figures)
    verdict = "under" if best_wall < 30 else "OVER"
    print(
        f"./dev test --fast{' (quick)' if args.quick else ''}: best {best_wall:.1f} s wall "
        f"({verdict} the 30 s target), {best_cpu:.1f} s CPU, on {os.cpu_count()} cores"
    )


if __name__ == "__main__":
    main()
