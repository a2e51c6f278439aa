"""A program as it was at a git ref, and as it is in the working tree, side by side."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from mentorkit.loading.git import GitError, is_top_level, resolve, working_tree_mode
from mentorkit.loading.repository import LoadedRepository, load_repository
from mentorkit.model.build import build_program
from mentorkit.model.changes import GONE_MODE, Change
from mentorkit.model.paths import kind_of
from mentorkit.model.program import Program
from mentorkit.problems import Problem
from mentorkit.sealing.opening import sealed_paths
from mentorkit.validation import problems_of
from mentorkit.workflow.authorship_owners import Snapshot
from mentorkit.writing.git import exported_tree


@dataclass(frozen=True)
class Side:
    """One side of a pull request: the parsed files and the model built from them."""

    loaded: LoadedRepository
    program: Program

    @property
    def snapshot(self) -> Snapshot:
        return snapshot_of(self.loaded)

    def data(self, path: str) -> dict[str, Any] | None:
        doc = self.loaded.documents.get(path)
        return doc.data if doc is not None else None


def snapshot_of(loaded: LoadedRepository) -> Snapshot:
    files: dict[str, dict[str, Any] | None] = dict.fromkeys(loaded.kinds)
    for path, doc in loaded.documents.items():
        files[path] = doc.data
    unreadable = {
        problem.path: problem
        for problem in loaded.problems
        if problem.path in loaded.kinds and problem.path not in loaded.documents
    }
    return Snapshot(files, unreadable)


def side_of(loaded: LoadedRepository) -> Side:
    # No identity reaches a pull request's run: every sealed file stays unopened.
    unopened = frozenset(sealed_paths(loaded))
    return Side(loaded, replace(build_program(loaded), unopened=unopened))


def load_side_at(root: Path, ref: str, prefix: str) -> Side:
    """The program's data files at ``ref``, unpacked into a temporary folder and read."""
    with exported_tree(root, ref, prefix) as folder:
        return side_of(load_repository(folder))


def load_working_side(root: Path) -> Side:
    return side_of(load_repository(root))


def load_base_and_head(root: Path, base_ref: str) -> tuple[Side, Side]:
    """The base at ``base_ref`` and the head as checked out in ``root``."""
    base = load_side_at(root, base_ref, "mentorkit-base-")
    return base, load_working_side(root)


def load_committed_side(root: Path) -> Side | None:
    """The program as of the last commit; None outside git, before the first commit, or
    when the program is a folder inside a larger repository."""
    if not is_top_level(root):
        return None
    try:
        resolve(root, "HEAD")
    except GitError:
        return None
    return load_side_at(root, "HEAD", "mentorkit-head-")


def committed_problems(root: Path) -> list[Problem] | None:
    """The problems of the program as of the last commit; None outside git."""
    side = load_committed_side(root)
    return problems_of(side.loaded, side.program) if side is not None else None


def files_as_changes(root: Path, relpaths: list[str], base: Side | None = None) -> list[Change]:
    """Files named on the command line against ``base``: added, edited, or deleted when gone.

    A symbolic link gets git's link mode so that it is judged as a link.
    """
    changes = []
    for rel in dict.fromkeys(relpaths):
        mode = working_tree_mode(root, rel)
        if mode == GONE_MODE:
            changes.append(Change(rel, "deleted", None, mode))
            continue
        known = base is None or kind_of(rel) is None or rel in base.loaded.kinds
        changes.append(Change(rel, "modified" if known else "added", None, mode))
    return sorted(changes)
