"""One wheel, built from this checkout and installed into a fresh virtual environment,
shared by every test of a session (building and installing take a minute or two).

The environment is made with ``python -m venv`` outside the source tree, and every
command runs from a folder outside it with a clean environment, so nothing can import
mentorkit from the checkout by accident: only what the wheel ships is there.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Installed:
    dist: Path  # the sdist and the wheel
    venv: Path
    home: Path  # an empty folder outside the source tree

    @property
    def bin(self) -> Path:
        return self.venv / "bin"

    def env(self, **extra: str) -> dict[str, str]:
        """A clean environment: this venv first on PATH, nothing that points at the checkout."""
        keep = {k: os.environ[k] for k in ("LANG", "LC_ALL", "TMPDIR") if k in os.environ}
        pip = {k: v for k, v in os.environ.items() if k.startswith("PIP_")}
        return {
            **keep,
            **pip,
            "PATH": f"{self.bin}:/usr/local/bin:/usr/bin:/bin",
            "HOME": str(self.home),
            "XDG_CACHE_HOME": os.environ.get("XDG_CACHE_HOME", str(Path.home() / ".cache")),
            "NO_COLOR": "1",
            **extra,
        }

    def run(
        self, *args: str, cwd: Path, check: bool = True, **env: str
    ) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            list(args), cwd=cwd, env=self.env(**env), capture_output=True, text=True, check=False
        )
        if check and done.returncode != 0:
            raise AssertionError(f"{args} exited {done.returncode}:\n{done.stdout}\n{done.stderr}")
        return done


def _python(*args: str, cwd: Path) -> None:
    done = subprocess.run(
        [sys.executable, *args], cwd=cwd, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]


@pytest.fixture(scope="session")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    dist = tmp_path_factory.mktemp("dist")
    # The wheel is built from the sdist (build's default), so the sdist must be complete.
    _python("-m", "build", "--outdir", str(dist), str(PROJECT), cwd=dist)
    venv = tmp_path_factory.mktemp("fresh") / "venv"
    _python("-m", "venv", str(venv), cwd=dist)
    home = tmp_path_factory.mktemp("home")
    wheel = next(dist.glob("mentorkit-*.whl"))
    result = Installed(dist, venv, home)
    result.run(str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet",
               "--disable-pip-version-check", str(wheel), cwd=home)  # fmt: skip
    return result
