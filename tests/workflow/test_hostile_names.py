"""File and program names that once broke the tools give clear answers (issue 9, lesser items)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from mentorkit.cli.main import cli
from tests.workflow.conftest import commit_all, git, run


def test_a_file_name_that_is_not_utf8_is_refused_not_a_crash(program_repo: Path) -> None:
    git(program_repo, "checkout", "--quiet", "-b", "odd-name")
    folder = os.fsencode(program_repo / "participants")
    with open(os.path.join(folder, b"mallory-\xff.yaml"), "wb") as handle:
        handle.write(b"id: mallory\nname: Mallory\ngithub: mallory\n")
    commit_all(program_repo, "odd name")
    code, out, err = run(program_repo, "check-author", "--base", "main", "--author", "mallory")
    assert code == 1 and "not valid UTF-8" in out + err
    code, review, err = run(program_repo, "review", "--base", "main", "--author", "mallory")
    assert "Traceback" not in review + err
    assert "mallory-\ufffd.yaml" in review


@pytest.mark.parametrize("name", ["Mentoring: the sequel", "Guild #2", 'A "quoted" name', "- x"])
def test_init_writes_the_program_name_as_given(tmp_path: Path, name: str) -> None:
    target = tmp_path / "new"
    result = CliRunner().invoke(
        cli, ["init", str(target), "--name", name, "--coordinator", "octo-coord"]
    )
    assert result.exit_code == 0, result.output
    charter = yaml.safe_load((target / "program" / "program.yaml").read_text(encoding="utf-8"))
    assert charter["name"] == name and charter["site"]["title"] == name
    checked = CliRunner().invoke(cli, ["--repo", str(target), "validate"])
    assert checked.exit_code == 0, checked.output
