"""Time ``mentorkit validate`` on synthetic programs and print the figures.

    python bench/validate_speed.py [--sizes 2000,20000] [--quick]

Target (issue 2): at most 5 s for 20,000 participants on a 2-core machine.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate_program import generate


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="2000,20000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="200 participants, one run")
    args = parser.parse_args()
    if args.quick:
        args.sizes, args.runs = "200", 1
    for size in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            generate(root, size)
            times = []
            for _ in range(args.runs):
                start = time.perf_counter()
                done = subprocess.run(
                    [
                        sys.executable,
                        "-m",
                        "mentorkit",
                        "--repo",
                        str(root),
                        "validate",
                        "--format",
                        "json",
                    ],
                    capture_output=True,
                    text=True,
                    check=False,
                )
                times.append(time.perf_counter() - start)
            status = (
                "clean" if done.returncode == 0 else f"exit {done.returncode}: {done.stdout[:300]}"
            )
            best = min(times)
            print(
                f"validate {size:>6} participants: best {best:.2f} s, runs {', '.join(f'{t:.2f}' for t in times)} ({status}); target 5 s at 20,000"
            )


if __name__ == "__main__":
    main()
