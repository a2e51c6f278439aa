from __future__ import annotations

from pathlib import Path

import pytest

from mentorkit.loading.git import GitError, changed_files, merge_base, parse_raw
from mentorkit.model.changes import Change
from mentorkit.writing.git import export_tree
from tests.workflow.conftest import commit_all, git


def test_parse_raw_reads_adds_deletes_renames_and_modes() -> None:
    z, sha = "0" * 7, "1" * 7
    raw = (
        f":000000 100644 {z} {sha} A\0participants/a.yaml\0"
        f":100644 000000 {sha} {z} D\0participants/b.yaml\0"
        f":100644 100644 {sha} {sha} R097\0participants/c.yaml\0participants/d.yaml\0"
        f":100644 120000 {sha} {sha} T\0x y.md\0"
    )
    assert parse_raw(raw) == [
        Change("participants/a.yaml", "added", None, "100644"),
        Change("participants/b.yaml", "deleted", None, "000000"),
        Change("participants/d.yaml", "renamed", "participants/c.yaml", "100644"),
        Change("x y.md", "modified", None, "120000"),
    ]
    assert not parse_raw(raw)[-1].is_regular_file and parse_raw(raw)[0].is_regular_file


def test_changed_files_since_the_fork_point(program_repo: Path) -> None:
    git(program_repo, "checkout", "--quiet", "-b", "topic")
    (program_repo / "participants" / "mira-chen.yaml").rename(
        program_repo / "participants" / "mira.yaml"
    )
    (program_repo / "participants" / "sam-okoro.yaml").unlink()
    commit_all(program_repo, "move")
    # main moving on after the fork is not part of the pull request
    git(program_repo, "checkout", "--quiet", "main")
    (program_repo / "README.md").write_text("changed on main\n", encoding="utf-8")
    commit_all(program_repo, "main moves")
    git(program_repo, "checkout", "--quiet", "topic")
    changes = changed_files(program_repo, "main")
    assert changes == [
        Change("participants/mira.yaml", "renamed", "participants/mira-chen.yaml", "100644"),
        Change("participants/sam-okoro.yaml", "deleted", None, "000000"),
    ]
    assert merge_base(program_repo, "main") != merge_base(program_repo, "topic")


def test_unknown_or_option_like_refs_are_refused(program_repo: Path) -> None:
    with pytest.raises(GitError, match="unknown git ref"):
        changed_files(program_repo, "origin/nope")
    with pytest.raises(GitError, match="not a valid git ref"):
        changed_files(program_repo, "--output=/tmp/x")


def test_export_tree_skips_folders_missing_at_the_ref(tmp_path: Path) -> None:
    repo = tmp_path / "r"
    (repo / "program").mkdir(parents=True)
    (repo / "program" / "program.yaml").write_text("name: x\n", encoding="utf-8")
    git(repo, "init", "--quiet", "--initial-branch=main")
    commit_all(repo, "only the charter")
    dest = tmp_path / "out"
    assert export_tree(repo, "HEAD", dest) == ["program"]
    assert (dest / "program" / "program.yaml").read_text(encoding="utf-8") == "name: x\n"
    assert not (dest / "participants").exists()
