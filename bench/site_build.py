"""Time ``mentorkit build`` on a synthetic program and print the figures.

    python bench/site_build.py [--participants 2000] [--lessons 300] [--quick]

Target (issue 4): at most 60 s for 2,000 participants and 300 lessons on this machine.
The program gets the project's own hand-written pages, mkdocs.yml and theme overrides.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate_program import generate

PROJECT = Path(__file__).resolve().parent.parent


def _with_site(root: Path) -> None:
    shutil.copytree(PROJECT / "site", root / "site")
    shutil.copy(PROJECT / "mkdocs.yml", root / "mkdocs.yml")


def _phases(root: Path, out: Path) -> dict[str, float]:
    from mentorkit.site.publish import assemble, run_mkdocs
    from mentorkit.validation import validate_program

    started = time.perf_counter()
    result = validate_program(root)
    validated = time.perf_counter()
    assembled = assemble(root, out, result.program, dt.date(2026, 11, 24))
    generated = time.perf_counter()
    run_mkdocs(assembled.config)
    built = time.perf_counter()
    return {
        "validate": validated - started,
        "generate pages": generated - validated,
        "mkdocs build": built - generated,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--participants", type=int, default=2000)
    parser.add_argument("--lessons", type=int, default=300)
    parser.add_argument("--quick", action="store_true", help="50 participants, 10 lessons")
    args = parser.parse_args()
    if args.quick:
        args.participants, args.lessons = 50, 10
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "program"
        generate(root, args.participants, args.lessons)
        _with_site(root)
        command = [
            sys.executable,
            "-m",
            "mentorkit",
            "--repo",
            str(root),
            "build",
            "--today",
            "2026-11-24",
        ]
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        total = time.perf_counter() - started
        if done.returncode != 0:
            print(done.stderr, file=sys.stderr)
            raise SystemExit(f"build failed with exit code {done.returncode}")
        pages = sum(1 for _ in (root / "build" / "site").rglob("*.html"))
        print(f"{args.participants} participants, {args.lessons} lessons: {pages} HTML pages")
        print(f"mentorkit build (end to end): {total:.1f} s (target <= 60 s)")
        for phase, seconds in _phases(root, Path(tmp) / "again").items():
            print(f"  {phase}: {seconds:.1f} s")


if __name__ == "__main__":
    main()
