"""Every benchmark script runs unattended at a small size and prints its figures.

Nothing in the package imports ``bench/``, so no other test notices when a change breaks
a script (the peer bench broke that way, and ``site_build.py`` crashed on a folder that
had moved). Each script runs here as the coordinator runs it, with ``--quick`` or its
smallest sizes, and must exit 0 and print the figure it exists for. Marked ``slow``: the
full ``./dev test`` (what CI runs) includes it, ``./dev test --fast`` does not. Together
they take about 40 s of CPU.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"

# script: (arguments, a pattern its output must match); {tmp} is a scratch folder.
RUNS: dict[str, tuple[tuple[str, ...], str]] = {
    "choices_formats.py": (("--quick",), r"rotation +200 people: +[\d.]+ s · \d+ pairs"),
    "circles_scale.py": (("--quick",), r"circles +200 people, gap 8 h, size 5: +[\d.]+ s"),
    "fast_tests.py": (("--quick", "--runs", "1"), r"best [\d.]+ s wall .*, [\d.]+ s CPU"),
    "generate_program.py": (("{tmp}/repo", "--participants", "20"), r"wrote 20 participants"),
    "hostile_validate.py": (("--quick",), r"worst [\d.]+ s; target < 2 s per file"),
    # --quick is 2,000 x 1,000 (23 s of CPU): the smallest sizes prove the script works
    "match_output.py": (
        ("--size", "200x100"),
        r"mentorkit match --format json +wall +[\d.]+ s, CPU +[\d.]+ s,.* exit 0",
    ),
    "matching_exact.py": (
        ("--mentees", "200", "--mentors", "100", "--peers", "200"),
        r"skewed +300 people · match wall +[\d.]+ s, CPU +[\d.]+ s · matched \d+ \(true maximum",
    ),
    "matching_peer_circles.py": (("--quick",), r"circles: 1000 people in [\d.]+ s wall"),
    "matching_peer_exact.py": (
        ("--peers", "200"),
        r"swap +200 people · match +[\d.]+ s wall, +[\d.]+ s CPU .* matched \d+",
    ),
    "matching_scale.py": (
        ("--sizes", "200x100"),
        r"coverage: \d+ matched, true maximum \d+ by SciPy max flow",
    ),
    "matching_sparse_quality.py": (("--quick",), r"worst sparse/dense ratio at 200 mentees"),
    "matching_vs_networkx.py": (("--quick",), r"same optimum: True"),
    # --quick is 5,000 profiles, two runs
    # --quick is the example program (38 people); the default is 5,100
    "rekey_speed.py": (
        ("--participants", "200"),
        r"rekey 200 profiles: wall [\d.]+ s, CPU [\d.]+ s .*\n  the newcomer opens",
    ),
    "review_speed.py": (
        ("--quick",),
        r"run 2: wall [\d.]+ s, CPU [\d.]+ s, exit 0 .*\n  figures row: \| `2026-autumn`",
    ),
    "sealed_header.py": (
        ("--runs", "1"),
        r"\(the stanza limit\) +header +\d+ B +passes +[\d.]+ ms(.|\n)*300 keys.* refused",
    ),
    "sealed_speed.py": (
        ("--participants", "200", "--runs", "1"),
        r"match +plain +[\d.]+ s wall / +[\d.]+ s CPU +sealed\+identity.*\n.*\n"
        r" +median of the 1 paired differences .*: [+-][\d.]+ s wall",
    ),
    "site_build.py": (("--quick",), r"mentorkit build \(end to end\): [\d.]+ s"),
    "site_build_hostile.py": (("--quick",), r"ratio pages job \(build\): wall [\d.]+, cpu [\d.]+"),
    # a generator for the others: it prints nothing, the files are its output
    "synthetic.py": (("{tmp}/repo", "--mentees", "20", "--mentors", "10"), r"^$"),
    "validate_speed.py": (("--quick",), r"validate +200 participants: best [\d.]+ s"),
}
NOT_RUN = {
    "lighthouse.py": "needs npm's lighthouse and chromium, and minutes per page",
    "measuring.py": "a module the scripts import (CPU time of child processes, the load), not a script",
}


def test_every_bench_script_is_run_here() -> None:
    scripts = {p.name for p in BENCH.glob("*.py")}
    assert scripts == set(RUNS) | set(NOT_RUN)


@pytest.mark.slow
@pytest.mark.parametrize("script", sorted(RUNS))
def test_bench_script_runs_and_prints_its_figures(script: str, tmp_path: Path) -> None:
    args, figure = RUNS[script]
    command = [sys.executable, str(BENCH / script), *(a.format(tmp=tmp_path) for a in args)]
    env = {k: v for k, v in os.environ.items() if k not in ("MENTORKIT_IDENTITY", "GITHUB_ACTIONS")}
    done = subprocess.run(
        command, cwd=BENCH.parent, capture_output=True, text=True, timeout=600, env=env, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert re.search(figure, done.stdout, re.MULTILINE), done.stdout[-3000:]
    if script in ("generate_program.py", "synthetic.py"):
        assert len(list((tmp_path / "repo" / "participants").glob("*.yaml"))) >= 20
