"""Read one named text file the user points a command at (not program data)."""

from __future__ import annotations

from pathlib import Path


def read_text(path: Path) -> str:
    """The file's UTF-8 text; OSError or UnicodeDecodeError as the system reports them."""
    return path.read_text(encoding="utf-8")
