"""What every bench script measures the same way: CPU time of the commands it ran, and
the machine's load beside each figure (the machine is shared)."""

from __future__ import annotations

import os
import resource


def children_cpu() -> float:
    """User + system seconds of every finished child process (workers included) so far."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def load_text() -> str:
    """The load averages and the cores, printed beside a figure to judge it by."""
    one, five, _ = os.getloadavg()
    return f"load {one:.2f} (5 min {five:.2f}) on {os.cpu_count()} cores"
