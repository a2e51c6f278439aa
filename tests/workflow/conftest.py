"""Temporary Git program repositories made with ``mentorkit init``, and git helpers."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from mentorkit.cli.main import cli
from mentorkit.workflow.initialize import InitOptions, plan_init

TODAY = dt.date(2026, 8, 10)  # the sample cohort becomes 2026-sep
COHORT = "2026-sep"


def git(repo: Path, *args: str) -> str:
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("GIT_")},
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.com",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.com",
        "GIT_CONFIG_NOSYSTEM": "1",
        "HOME": str(repo),
    }
    done = subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, env=env, check=True
    )
    return done.stdout


def commit_all(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "--quiet", "--no-verify", "-m", message)


def write_program(dest: Path, coordinator: str = "octo-coord") -> None:
    """The init template, written the way ``mentorkit init`` writes it, with a fixed date."""
    options = InitOptions("Test Mentoring", coordinator, TODAY, example=True)
    for rel, text in plan_init(options).items():
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


@pytest.fixture(scope="session")
def committed_program(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The template program committed once per session (do not change it: copy it)."""
    repo = tmp_path_factory.mktemp("committed") / "repo"
    repo.mkdir()
    write_program(repo)
    git(repo, "init", "--quiet", "--initial-branch=main")
    commit_all(repo, "base")
    return repo


@pytest.fixture
def program_repo(tmp_path: Path, committed_program: Path) -> Path:
    """A program repository with one commit on main: a copy of ``committed_program``,
    its history included (copying is several times cheaper than init and commit)."""
    return Path(shutil.copytree(committed_program, tmp_path / "repo", symlinks=True))


def run(repo: Path, *args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(
        cli, ["--repo", str(repo), *args], input=input, catch_exceptions=False
    )
    return result.exit_code, result.stdout, result.stderr
