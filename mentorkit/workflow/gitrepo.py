"""Read-only access to the program's Git history: changed files and files at a ref.

Nothing from the repository is ever executed: git is asked for names and bytes,
and a past version is unpacked as plain files with tarfile's ``data`` filter.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

ChangeStatus = Literal["added", "modified", "deleted", "renamed"]
DATA_FOLDERS = ("program", "participants")
REGULAR_FILE_MODES = frozenset({"100644", "100755"})
_STATUS = {
    "A": "added",
    "M": "modified",
    "D": "deleted",
    "R": "renamed",
    "C": "added",
    "T": "modified",
}


class GitError(Exception):
    """git failed or the ref is unknown; the message says what to do."""


@dataclass(frozen=True, order=True)
class Change:
    """One changed path between the base and the head; ``old_path`` is set for renames.

    ``mode`` is the git file mode on the head ("100644", "120000" for a symlink,
    "160000" for a submodule, "000000" when deleted); empty when unknown.
    """

    path: str
    status: ChangeStatus
    old_path: str | None = None
    mode: str = ""

    @property
    def is_regular_file(self) -> bool:
        return self.mode in REGULAR_FILE_MODES or self.mode in ("", "000000")


def _git(root: Path, *args: str, text: bool = True) -> str | bytes:
    try:
        done = subprocess.run(
            ["git", "-C", str(root), *args],
            capture_output=True,
            check=False,
            text=text,
            # File names are bytes to git: one that is not UTF-8 shows with U+FFFD instead
            # of stopping the command (check-author refuses such a name).
            encoding="utf-8" if text else None,
            errors="replace" if text else None,
            env=_clean_env(),
        )
    except FileNotFoundError:
        raise GitError("git is not installed or not on PATH") from None
    if done.returncode != 0:
        err = (
            done.stderr if isinstance(done.stderr, str) else done.stderr.decode("utf-8", "replace")
        )
        raise GitError(f"git {args[0]} failed: {err.strip() or 'exit ' + str(done.returncode)}")
    output: str | bytes = done.stdout
    return output


def _clean_env() -> dict[str, str]:
    import os

    # A pager or an external diff tool configured by the user must never run.
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_") or k == "GIT_DIR"}
    env.update({"GIT_PAGER": "cat", "GIT_EXTERNAL_DIFF": "", "LC_ALL": "C"})
    return env


def check_ref(ref: str) -> str:
    """A ref that cannot be read as an option; GitError otherwise."""
    if not ref or ref.startswith("-") or any(c in ref for c in "\0\n\r "):
        raise GitError(f"{ref!r} is not a valid git ref")
    return ref


def resolve(root: Path, ref: str) -> str:
    """The commit id of ``ref``."""
    check_ref(ref)
    try:
        return str(_git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")).strip()
    except GitError:
        raise GitError(
            f"unknown git ref {ref!r}; fetch it first (in CI: actions/checkout with fetch-depth: 0)"
        ) from None


def merge_base(root: Path, base: str, head: str = "HEAD") -> str:
    """Where the head branched from ``base``: what a pull request is compared against."""
    base_id, head_id = resolve(root, base), resolve(root, head)
    try:
        return str(_git(root, "merge-base", base_id, head_id)).strip()
    except GitError:
        raise GitError(f"{base!r} and {head!r} share no history") from None


def parse_raw(output: str) -> list[Change]:
    """Changes from ``git diff --raw -z`` output, with the head's file mode.

    Each entry is ``:<old mode> <new mode> <old sha> <new sha> <status>`` then one path,
    or two (old, new) for renames and copies.
    """
    fields = output.split("\0")
    changes: list[Change] = []
    i = 0
    while i < len(fields) and fields[i].startswith(":"):
        meta = fields[i][1:].split()
        new_mode, code = meta[1], meta[4][0]
        if code in "RC":
            old, new = fields[i + 1], fields[i + 2]
            i += 3
            if code == "R":
                changes.append(Change(new, "renamed", old, new_mode))
            else:
                changes.append(Change(new, "added", None, new_mode))
        else:
            status = _STATUS.get(code, "modified")
            changes.append(Change(fields[i + 1], status, None, new_mode))  # type: ignore[arg-type]
            i += 2
    return sorted(changes)


def changed_files(root: Path, base: str, head: str = "HEAD") -> list[Change]:
    """Files changed on the head since it branched from ``base`` (``git diff base...head``)."""
    resolve(root, base)
    resolve(root, head)
    output = _git(
        root,
        "diff",
        "--raw",
        "-z",
        "-M",
        "--no-color",
        "--no-ext-diff",
        f"{base}...{head}",
        "--",
    )
    return parse_raw(str(output))


def export_tree(
    root: Path, ref: str, dest: Path, folders: tuple[str, ...] = DATA_FOLDERS
) -> list[str]:
    """Unpack ``folders`` as they were at ``ref`` into ``dest``; returns the folders that existed.

    A folder missing at ``ref`` (a repository before its first participant) is skipped.
    """
    commit = resolve(root, ref)
    listing = str(_git(root, "ls-tree", "--name-only", "-z", commit)).split("\0")
    present = [f for f in folders if f in listing]
    dest.mkdir(parents=True, exist_ok=True)
    if not present:
        return []
    archive = _git(root, "archive", "--format=tar", commit, "--", *present, text=False)
    assert isinstance(archive, bytes)
    with tarfile.open(fileobj=io.BytesIO(archive), mode="r:") as tar:
        # Only regular files and folders: a symlink in history must not point outside dest.
        members = [m for m in tar.getmembers() if m.isfile() or m.isdir()]
        tar.extractall(dest, members=members, filter="data")
    return present


def is_top_level(root: Path) -> bool:
    """Whether ``root`` is the top folder of a git work tree (where program/ is at the top)."""
    try:
        top = str(_git(root, "rev-parse", "--show-toplevel")).strip()
    except GitError:
        return False
    return Path(top).resolve() == root.resolve()


def is_repository(root: Path) -> bool:
    try:
        _git(root, "rev-parse", "--git-dir")
    except GitError:
        return False
    return True


def init_repository(root: Path, branch: str = "main") -> None:
    """``git init`` with ``branch`` as the first branch (no commit is made)."""
    _git(root, "init", "--quiet", f"--initial-branch={branch}")
