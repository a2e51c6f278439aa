"""Keep a generated folder in step with what should be in it, touching only what changed."""

from __future__ import annotations

import os
from pathlib import Path


def sync_folder(folder: Path, wanted: dict[str, bytes]) -> int:
    """Make ``folder`` hold exactly ``wanted``; returns how many files were (re)written.

    Files no longer wanted are deleted and empty folders removed; a file whose bytes are
    already right is left alone, so a watching server reloads only the pages that moved.
    """
    folder.mkdir(parents=True, exist_ok=True)
    for dirpath, _, filenames in os.walk(folder):
        for name in filenames:
            path = Path(dirpath) / name
            if path.relative_to(folder).as_posix() not in wanted:
                path.unlink()
    written = 0
    for rel, data in wanted.items():
        path = folder / rel
        if path.is_file() and path.read_bytes() == data:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written += 1
    for dirpath, dirnames, filenames in os.walk(folder, topdown=False):
        if not dirnames and not filenames and Path(dirpath) != folder:
            Path(dirpath).rmdir()
    return written


def write_if_changed(path: Path, text: str) -> bool:
    """Write ``text`` unless the file already holds it; True when written."""
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8")
    return True
