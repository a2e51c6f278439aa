"""Files and folders the user names on the command line (not program data: see repository.py)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path


def read_text(path: Path) -> str:
    """The file's UTF-8 text; OSError or UnicodeDecodeError as the system reports them."""
    return path.read_text(encoding="utf-8")


def blocking_entries(dest: Path, ignore: Iterable[str] = (".git",)) -> list[str]:
    """What is already in ``dest`` (a new repository wants an empty folder)."""
    if not dest.exists():
        return []
    if not dest.is_dir():
        return [dest.name]
    return sorted(p.name for p in dest.iterdir() if p.name not in set(ignore))


def repository_relative(root: Path, path: Path, *, keep_link: bool = False) -> str:
    """``path`` (absolute, or relative to the working directory) relative to ``root``.

    With ``keep_link`` a symbolic link is named as the link it is, not as the file it
    points to (a pull request is judged on the link). FileNotFoundError when nothing is
    there (unless ``keep_link`` names a file that was deleted), ValueError outside ``root``.
    """
    absolute = path if path.is_absolute() else (Path.cwd() / path)
    if keep_link and absolute.is_symlink():
        absolute = absolute.parent.resolve() / absolute.name
    elif not keep_link and not absolute.exists():
        raise FileNotFoundError(f"{path} does not exist")
    else:
        absolute = absolute.resolve()
    try:
        return absolute.relative_to(root.resolve()).as_posix()
    except ValueError:
        raise ValueError(f"{path} is outside the program repository {root}") from None
