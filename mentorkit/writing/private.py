"""Files that must stay private: a new identity, and plain text opened in the user's editor."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def write_private_new(path: Path, text: str) -> None:
    """Create ``path`` readable by its owner only; FileExistsError when a file is there."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(text)


@contextmanager
def private_scratch() -> Iterator[Path]:
    """A folder only the user can read, in memory where the system offers /dev/shm.

    It and everything in it is deleted on the way out, whatever happened.
    """
    shm = "/dev/shm"
    base = shm if os.path.isdir(shm) and os.access(shm, os.W_OK) else None
    folder = Path(tempfile.mkdtemp(prefix="mentorkit-", dir=base))
    try:
        with _ended_by_signals():
            yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# Signals that end a process without unwinding it: a closed terminal (SIGHUP, which also
# reaches the editor) or a plain `kill`. Left to their default, the plain text in the
# scratch folder (and the editor's swap file) would stay in memory until the next boot.
_ENDING = tuple(
    sig for sig in (getattr(signal, "SIGHUP", None), getattr(signal, "SIGTERM", None)) if sig
)


@contextmanager
def _ended_by_signals() -> Iterator[None]:
    """Turn the ending signals into SystemExit meanwhile, so ``finally`` blocks run (and
    ``subprocess.run`` stops the editor) before the process ends."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set handlers
        return

    def end(signum: int, _frame: object) -> None:
        raise SystemExit(128 + signum)

    previous = {sig: signal.signal(sig, end) for sig in _ENDING}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def run_editor(editor: list[str], path: str) -> None:
    """Let the user edit ``path`` (in a private scratch folder) in their editor; its exit
    status is not ours to judge: what the file holds afterwards is."""
    subprocess.run([*editor, path], check=False)
