"""What git writes: a new repository, and a past version unpacked as plain files.

Git itself is run through ``loading.git.run_git`` (one place that knows how git is run
safely); this module owns the two uses whose effect is files on disk.
"""

from __future__ import annotations

import io
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mentorkit.loading.git import DATA_FOLDERS, archive_folders, run_git


def unpack_tar(archive: bytes, dest: Path) -> None:
    """Unpack regular files and folders only: a symlink in history must not point outside dest."""
    with tarfile.open(fileobj=io.BytesIO(archive), mode="r:") as tar:
        members = [m for m in tar.getmembers() if m.isfile() or m.isdir()]
        tar.extractall(dest, members=members, filter="data")


def export_tree(
    root: Path, ref: str, dest: Path, folders: tuple[str, ...] = DATA_FOLDERS
) -> list[str]:
    """Unpack ``folders`` as they were at ``ref`` into ``dest``; returns the folders that existed.

    A folder missing at ``ref`` (a repository before its first participant) is skipped.
    """
    present, archive = archive_folders(root, ref, folders)
    dest.mkdir(parents=True, exist_ok=True)
    if present:
        unpack_tar(archive, dest)
    return present


@contextmanager
def exported_tree(root: Path, ref: str, prefix: str) -> Iterator[Path]:
    """The program's data folders at ``ref`` in a temporary folder, removed on the way out."""
    with tempfile.TemporaryDirectory(prefix=prefix) as tmp:
        folder = Path(tmp)
        export_tree(root, ref, folder)
        yield folder


def init_repository(root: Path, branch: str = "main") -> None:
    """``git init`` with ``branch`` as the first branch (no commit is made).

    A folder that already has its own ``.git`` is left as it is.
    """
    if (root / ".git").exists():
        return
    run_git(root, "init", "--quiet", f"--initial-branch={branch}")
