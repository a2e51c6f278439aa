"""Notice edits to a program's data and hand-written pages, for ``mentorkit serve``.

Polling keeps this dependency-free and works the same on every file system; a program
repository is small enough that a stat of every file each second costs nothing.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path

WATCHED = ("program", "participants", "site", "mkdocs.yml")
Snapshot = dict[str, tuple[int, int]]


def snapshot(root: Path) -> Snapshot:
    """(mtime in ns, size) of every watched file, by repository-relative path."""
    seen: Snapshot = {}
    for top in WATCHED:
        base = root / top
        if base.is_file():
            stat = base.stat()
            seen[top] = (stat.st_mtime_ns, stat.st_size)
            continue
        for dirpath, dirnames, filenames in os.walk(base):
            dirnames[:] = [d for d in dirnames if not d.startswith(".")]
            for name in filenames:
                path = Path(dirpath) / name
                try:
                    stat = path.stat()
                except OSError:  # removed between listing and stat
                    continue
                seen[path.relative_to(root).as_posix()] = (stat.st_mtime_ns, stat.st_size)
    return seen


class DataWatcher:
    """Calls ``on_change`` once per burst of edits until ``stop`` is set."""

    def __init__(
        self,
        root: Path,
        on_change: Callable[[], None],
        stop: threading.Event,
        interval: float = 1.0,
    ) -> None:
        self.root = root
        self.on_change = on_change
        self.stop = stop
        self.interval = interval
        # Taken now, not when the thread starts, so an edit in between is not missed.
        self.last = snapshot(root)

    def run(self) -> None:
        while not self.stop.wait(self.interval):
            current = snapshot(self.root)
            if current != self.last:
                self.last = current
                self.on_change()
