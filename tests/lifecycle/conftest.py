"""The hand-computed fixture program (tests/fixtures/lifecycle/repo), loaded once per test."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from mentorkit.loading.repository import load_repository
from mentorkit.model.build import build_program
from mentorkit.model.program import Program

FIXTURE_REPO = Path(__file__).resolve().parents[1] / "fixtures" / "lifecycle" / "repo"
TODAY = dt.date(2026, 11, 24)


def load(root: Path) -> Program:
    return build_program(load_repository(root))


@pytest.fixture(scope="session")
def fixture_program() -> Program:
    return load(FIXTURE_REPO)


@pytest.fixture
def repo_copy(tmp_path: Path) -> Path:
    """A writable copy of the fixture repository."""
    target = tmp_path / "repo"
    shutil.copytree(FIXTURE_REPO, target)
    return target
