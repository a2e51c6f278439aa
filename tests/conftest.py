"""Shared fixtures: copies of fixture program repositories in a temporary folder."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings

# No per-example deadline: speed is measured by bench/ scripts, never by a timed test, and
# on a shared or busy machine a first example that imports a module can take 300 ms.
settings.register_profile("mentorkit", deadline=None)
settings.load_profile("mentorkit")

FIXTURES = Path(__file__).parent / "fixtures"
REPO_ROOT = Path(__file__).parent.parent
# The example program is sealed to this public demo identity (see its header).
DEMO_IDENTITY = REPO_ROOT / "program" / "DEMO-IDENTITY-PUBLIC.txt"


def copy_program(source: Path, target: Path) -> Path:
    shutil.copytree(source, target, dirs_exist_ok=True)
    return target


def apply_overlay(overlay: Path, target: Path) -> None:
    """Copy an overlay's files over a program; a file holding ``__DELETE__`` removes its path."""
    for path in sorted(overlay.rglob("*")):
        if not path.is_file():
            continue
        destination = target / path.relative_to(overlay)
        if path.read_bytes().strip() == b"__DELETE__":
            destination.unlink(missing_ok=True)
        else:
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, destination)


@pytest.fixture
def base_program(tmp_path: Path) -> Path:
    """A small valid program repository (tests/fixtures/validate/base) in tmp_path."""
    return copy_program(FIXTURES / "validate" / "base", tmp_path / "program-repo")


@pytest.fixture
def example_program() -> Path:
    """The project's own example program (read-only: do not write to it)."""
    return REPO_ROOT


@pytest.fixture
def write_file() -> Callable[[Path, str, str | bytes], Path]:
    def write(root: Path, relpath: str, content: str | bytes) -> Path:
        path = root / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return write
