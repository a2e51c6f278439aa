"""Files that must stay private: a new identity, and plain text opened in the user's editor."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
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
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def run_editor(editor: list[str], path: str) -> None:
    """Let the user edit ``path`` (in a private scratch folder) in their editor; its exit
    status is not ours to judge: what the file holds afterwards is."""
    subprocess.run([*editor, path], check=False)
