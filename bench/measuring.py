"""What every bench script measures the same way: CPU time of the commands it ran, and
the machine's load beside each figure (the machine is shared)."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path


def children_cpu() -> float:
    """User + system seconds of every finished child process (workers included) so far."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def load_text() -> str:
    """The load averages and the cores, printed beside a figure to judge it by."""
    one, five, _ = os.getloadavg()
    return f"load {one:.2f} (5 min {five:.2f}) on {os.cpu_count()} cores"


@dataclass(frozen=True)
class Run:
    """One mentorkit command as a user runs it: its times, exit code and output."""

    wall: float
    cpu: float  # user + system seconds of the command and its worker processes
    code: int
    stdout: str
    stderr: str


def run_mentorkit(root: Path, *args: str, identity: Path | None = None) -> Run:
    """``python -m mentorkit --repo ROOT ARGS`` in a child process, timed; the identity is
    the one given (``MENTORKIT_IDENTITY`` empty otherwise), never the caller's."""
    env = {**os.environ, "MENTORKIT_IDENTITY": str(identity) if identity else ""}
    cpu, wall = children_cpu(), time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "mentorkit", "--repo", str(root), *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    return Run(
        time.perf_counter() - wall, children_cpu() - cpu, done.returncode, done.stdout, done.stderr
    )
