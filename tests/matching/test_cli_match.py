"""``mentorkit match`` through the CLI: formats, --write, refusals, privacy and determinism."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from mentorkit.cli.main import cli

FIXTURE = Path(__file__).parents[1] / "fixtures" / "matching" / "repo"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return Path(shutil.copytree(FIXTURE, tmp_path / "repo"))


def run(repo: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--repo", str(repo), "match", *args])
    return result.exit_code, result.stdout, result.stderr


def test_text_output_is_a_table_with_reasons_and_a_summary(repo: Path) -> None:
    code, out, err = run(repo, "spring", "--format", "text")
    assert code == 0, err
    assert "ada      lin" in out
    assert "shares 2 of 2 goal skills: python, testing" in out
    assert "no mentor who fits the goals shares a language (speaks: ja)" in out
    assert "3 pairs, 3 mentee(s) unmatched of 9 people enrolled" in out
    assert all(len(line) <= 120 for line in out.splitlines())


def test_json_and_markdown(repo: Path) -> None:
    code, out, _ = run(repo, "peers", "--format", "json")
    payload = json.loads(out)
    assert code == 0 and payload["format"] == "peer" and payload["summary"]["matched"] == 6
    code, out, _ = run(repo, "circles", "--format", "markdown")
    assert (
        code == 0
        and out.startswith("### Matches for `circles`")
        and "| circle | facilitator |" in out
    )


def test_write_records_the_file_and_reports_on_stderr(repo: Path) -> None:
    code, out, err = run(repo, "circles", "--write", "--format", "json")
    assert code == 0
    assert json.loads(out)["cohort"] == "circles"  # stdout holds only the result
    assert "wrote program/matches/circles.yaml" in err
    written = (repo / "program" / "matches" / "circles.yaml").read_text(encoding="utf-8")
    assert written.startswith("# yaml-language-server: $schema=../../schemas/match.schema.json\n")
    assert CliRunner().invoke(cli, ["--repo", str(repo), "validate"]).exit_code == 0


def test_write_keeps_a_comment_and_a_hand_edited_field(repo: Path) -> None:
    target = repo / "program" / "matches" / "spring.yaml"
    code, _, _ = run(repo, "spring", "--write")
    assert code == 0
    text = target.read_text(encoding="utf-8")
    assert "# Reviewed by the coordinators; keep this comment." in text
    assert "note: agreed at kickoff  # a hand edit" in text


def test_unknown_cohort_is_misuse(repo: Path) -> None:
    code, out, err = run(repo, "winter")
    assert code == 2 and out == "" and "unknown cohort 'winter'" in err


def test_a_repository_with_errors_is_refused(repo: Path) -> None:
    (repo / "participants" / "lin.yaml").write_text("id: lin\nname: Lin\n", encoding="utf-8")
    code, out, err = run(repo, "spring")
    assert code == 1 and out == ""
    assert "participants/lin.yaml" in err and "Fix these problems before matching." in err


def _groups(path: Path) -> Path:
    lines = (
        ["id,group"]
        + [f"{p},group-one" for p in ("lin", "omar", "kim", "yuki", "sam", "noor")]
        + ["noor,tiny-group"]
    )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_private_data_inside_the_repository_is_refused(repo: Path) -> None:
    inside = _groups(repo / "groups.csv")
    code, out, err = run(repo, "spring", "--private-data", str(inside))
    assert code == 1 and out == "" and "must live outside the program repository" in err


def test_private_data_adds_the_audit_and_is_never_written(repo: Path, tmp_path: Path) -> None:
    outside = _groups(tmp_path / "groups.csv")
    code, out, err = run(
        repo, "spring", "--private-data", str(outside), "--write", "--format", "markdown"
    )
    assert code == 0, err
    assert "#### Fairness audit" in out and "| group-one | 6 |" in out
    assert "tiny-group" not in out and "1 group(s) not shown" in out
    for path in repo.rglob("*"):
        if path.is_file():
            assert "group-one" not in path.read_text(encoding="utf-8", errors="replace")


def test_the_audit_uses_the_programs_privacy_threshold(repo: Path, tmp_path: Path) -> None:
    program = repo / "program" / "program.yaml"
    text = program.read_text(encoding="utf-8")
    program.write_text(text + "privacy:\n  min_group: 7\n", encoding="utf-8")
    outside = _groups(tmp_path / "groups.csv")
    code, out, err = run(repo, "spring", "--private-data", str(outside), "--format", "json")
    assert code == 0, err
    fairness = json.loads(out)["fairness"]
    assert fairness["min_group_size"] == 7
    assert [g["group"] for g in fairness["groups"]] == ["everyone"]  # group-one has 6 < 7
    assert fairness["hidden_groups"] == 2


@pytest.mark.slow
def test_same_bytes_whatever_the_hash_seed(repo: Path) -> None:
    outputs = set()
    files = set()
    for seed in ("0", "1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        target = repo / "program" / "matches" / "peers.yaml"
        target.unlink(missing_ok=True)
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "mentorkit",
                "--repo",
                str(repo),
                "match",
                "peers",
                "--format",
                "json",
                "--write",
            ],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        outputs.add(done.stdout)
        files.add(target.read_text(encoding="utf-8"))
        circles = subprocess.run(
            [
                sys.executable,
                "-m",
                "mentorkit",
                "--repo",
                str(repo),
                "match",
                "circles",
                "--format",
                "text",
            ],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        outputs.add(circles.stdout)
    assert len(outputs) == 2 and len(files) == 1


SCRIPT = """
import random
from dataclasses import replace
from mentorkit.matching.engine import match_cohort
from tests.matching.builders import program
from tests.matching.test_engine import random_people
people = random_people(random.Random(11), 220, 300)
for fmt, solver in (("one-on-one", "sparse"), ("one-on-one", "dense"), ("peer", "auto"), ("circles", "auto")):
    print(repr(match_cohort(program(people, fmt=fmt), "c1", solver=solver)))
"""


@pytest.mark.slow
def test_large_results_are_identical_across_hash_seeds() -> None:
    root = Path(__file__).parents[2]
    outputs = {
        subprocess.run(
            [sys.executable, "-c", SCRIPT],
            capture_output=True,
            text=True,
            check=True,
            cwd=root,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("3", "77")
    }
    assert len(outputs) == 1 and "sparse graph" in next(iter(outputs))
