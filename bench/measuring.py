"""What every bench script measures the same way: CPU time of the commands it ran."""

from __future__ import annotations

import resource


def children_cpu() -> float:
    """User + system seconds of every finished child process (workers included) so far."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime
