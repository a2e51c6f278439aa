"""Benchmark: the pull-request review of a newcomer joining a large program.

    .venv/bin/python bench/review_speed.py [--people 5100] [--quick]

A synthetic program (two mentees per mentor, one cohort) is committed to a temporary git
repository; a branch adds one participant to the cohort, and ``mentorkit review --base
main`` runs on it in this process twice (wall and CPU time of each, with the load
average): validation of both sides, the match preview and the cohort figures before and
after (the site's figures, and the touched cohort's "after" figures disclosed beside
them). ``--quick`` uses the example program instead (38 people).

Before: the figures were computed by two full ``publish()`` runs and shown as each side
gave them. Disclosing every "after" figure again beside the site's took 12.8 s of CPU at
5,100 people; only the touched cohorts' (what the review shows) takes 4.0 s in all.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from click.testing import CliRunner
from measuring import load_text
from synthetic import SKILLS, generate

from mentorkit.cli.main import cli

ROOT = Path(__file__).parent.parent
NEWCOMER = """\
id: zara-newcomer
name: Zara Newcomer
department: Engineering
level: 2
timezone: Europe/London
languages: [en]
github: zara-new
cohorts: [{cohort}]
formats: [one-on-one]
mentee:
  goals:
    - skill: {skill}
"""


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-C", str(repo), "-c", "user.name=bench", "-c", "user.email=bench@example.com",
         *args],
        check=True,
        capture_output=True,
    )  # fmt: skip


def repository(tmp: Path, people: int) -> tuple[Path, str, dict[str, str]]:
    repo = tmp / "repo"
    if people:
        generate(repo, mentees=people * 2 // 3, mentors=people // 3, capacity=2)
        cohort, skill, env = "synthetic", SKILLS[0], {}
    else:
        for part in ("program", "participants"):
            shutil.copytree(ROOT / part, repo / part)
        cohort, skill = "2026-autumn", "system-design"
        env = {"MENTORKIT_IDENTITY": str(ROOT / "program" / "DEMO-IDENTITY-PUBLIC.txt")}
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "program")
    git(repo, "checkout", "-q", "-b", "join")
    text = NEWCOMER.format(cohort=cohort, skill=skill)
    (repo / "participants" / "zara-newcomer.yaml").write_text(text, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "join")
    return repo, cohort, env


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=5100)
    parser.add_argument("--quick", action="store_true", help="the example program only")
    args = parser.parse_args()
    people = 0 if args.quick else args.people
    with tempfile.TemporaryDirectory() as tmp:
        repo, cohort, env = repository(Path(tmp), people)
        label = "the example program" if not people else f"{people:,} people (synthetic)"
        print(f"review of a newcomer joining {cohort}, {label}:")
        for run in range(2):
            wall, cpu = time.perf_counter(), time.process_time()
            done = CliRunner().invoke(
                cli,
                ["--repo", str(repo), "review", "--base", "main", "--author", "zara-new",
                 "--today", "2026-11-24"],
                env=env,
            )  # fmt: skip
            print(
                f"  run {run + 1}: wall {time.perf_counter() - wall:.2f} s, "
                f"CPU {time.process_time() - cpu:.2f} s, exit {done.exit_code} · "
                f"{load_text()}"
            )
        rows = [line for line in done.stdout.splitlines() if line.startswith(f"| `{cohort}`")]
        print(f"  figures row: {rows[0] if rows else '(none)'}")


if __name__ == "__main__":
    main()
