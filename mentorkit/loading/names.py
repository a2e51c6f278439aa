"""Ids from file names alone: what shell completion offers, without parsing any file."""

from __future__ import annotations

from pathlib import Path


def file_stems(folder: Path) -> list[str]:
    """The stems of the YAML files in ``folder``, sorted; none when it is not a folder."""
    try:
        return sorted({p.stem for p in folder.iterdir() if p.suffix in (".yaml", ".yml")})
    except OSError:
        return []
