"""Read-only access to the program's Git history: changed files and files at a ref.

Git is input: this module is the one place that runs it (``writing.git`` borrows
``run_git`` for ``git init``, the one git command that writes). Nothing from the
repository is ever executed: git is asked for names and bytes; a past version comes back
as a tar archive that ``writing.git.unpack_tar`` unpacks as plain files.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from mentorkit.model.changes import GONE_MODE, LINK_MODE, Change

DATA_FOLDERS = ("program", "participants")
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


def run_git(root: Path, *args: str, text: bool = True) -> str | bytes:
    """git's output for ``git -C root ARGS`` (text, or bytes); GitError when it fails."""
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
        return str(run_git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")).strip()
    except GitError:
        raise GitError(
            f"unknown git ref {ref!r}; fetch it first (in CI: actions/checkout with fetch-depth: 0)"
        ) from None


def merge_base(root: Path, base: str, head: str = "HEAD") -> str:
    """Where the head branched from ``base``: what a pull request is compared against."""
    base_id, head_id = resolve(root, base), resolve(root, head)
    try:
        return str(run_git(root, "merge-base", base_id, head_id)).strip()
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
    output = run_git(
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


def archive_folders(
    root: Path, ref: str, folders: tuple[str, ...] = DATA_FOLDERS
) -> tuple[list[str], bytes]:
    """``folders`` as they were at ``ref``, as one tar archive, and which of them existed.

    A folder missing at ``ref`` (a repository before its first participant) is skipped;
    with none present the archive is empty (b"").
    """
    commit = resolve(root, ref)
    listing = str(run_git(root, "ls-tree", "--name-only", "-z", commit)).split("\0")
    present = [f for f in folders if f in listing]
    if not present:
        return [], b""
    archive = run_git(root, "archive", "--format=tar", commit, "--", *present, text=False)
    assert isinstance(archive, bytes)
    return present, archive


def working_tree_mode(root: Path, relpath: str) -> str:
    """git's mode for a file as the working tree holds it: a link, a file, or gone."""
    target = root / relpath
    if target.is_symlink():
        return LINK_MODE
    return "100644" if target.exists() else GONE_MODE


def is_top_level(root: Path) -> bool:
    """Whether ``root`` is the top folder of a git work tree (where program/ is at the top)."""
    try:
        top = str(run_git(root, "rev-parse", "--show-toplevel")).strip()
    except GitError:
        return False
    return Path(top).resolve() == root.resolve()


def past_versions(
    root: Path, marker: bytes, folders: tuple[str, ...] = DATA_FOLDERS
) -> list[tuple[str, bytes]]:
    """Every version of a file under ``folders`` that any commit of any ref wrote and that
    holds ``marker``, as (path, bytes); [] outside a git repository or before a commit.

    Merges are read against each parent, so a version written only while resolving a
    merge is found too. Asked rarely (``rekey`` and ``edit`` about a sealed value that
    does not name its file), so one pass over the whole history is affordable.
    """
    if not is_top_level(root):
        return []
    try:
        raw = str(
            run_git(
                root,
                "log",
                "--all",
                "-m",
                "--no-renames",
                "--raw",
                "-z",
                "--no-abbrev",
                "--format=",
                "--",
                *folders,
            )
        )
    except GitError:
        return []
    blobs: dict[str, set[str]] = {}
    fields = raw.split("\0")
    for i, meta in enumerate(fields[:-1]):
        parts = meta.lstrip("\n").split()
        if meta.lstrip("\n").startswith(":") and len(parts) == 5 and set(parts[3]) != {"0"}:
            blobs.setdefault(parts[3], set()).add(fields[i + 1])
    found: list[tuple[str, bytes]] = []
    for sha, content in _blobs(root, sorted(blobs)):
        if marker in content:
            found.extend((path, content) for path in sorted(blobs[sha]))
    return found


def _blobs(root: Path, shas: list[str]) -> list[tuple[str, bytes]]:
    """The contents of the blobs ``shas`` (one ``git cat-file --batch``); missing ones skipped."""
    if not shas:
        return []
    done = subprocess.run(
        ["git", "-C", str(root), "cat-file", "--batch"],
        input="".join(f"{sha}\n" for sha in shas).encode("ascii"),
        capture_output=True,
        check=False,
        env=_clean_env(),
    )
    out, at, found = done.stdout, 0, []
    while at < len(out):
        end = out.index(b"\n", at)
        header = out[at:end].split()
        at = end + 1
        if len(header) != 3:  # "<sha> missing"
            continue
        size = int(header[2])
        found.append((header[0].decode("ascii"), out[at : at + size]))
        at += size + 1
    return found
