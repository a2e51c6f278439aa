"""``mentorkit build`` and ``serve`` through the CLI, and the docs-folder edge."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import click
from click.testing import CliRunner

from mentorkit.loading.watch import DataWatcher, snapshot
from mentorkit.site.publish import assemble
from mentorkit.validation import validate_program
from tests.site.conftest import prepare_fixture_repo


def _cli() -> click.Command:
    from mentorkit.cli.main import cli

    return cli


def _break(repo: Path) -> None:
    path = repo / "participants" / "ada-lovelace.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("python: 5", "pythn: 5"), encoding="utf-8"
    )


def test_build_refuses_data_with_errors(tmp_path: Path) -> None:
    repo = prepare_fixture_repo(tmp_path / "repo")
    _break(repo)
    result = CliRunner().invoke(
        _cli(), ["--repo", str(repo), "build", "--out", str(tmp_path / "out")]
    )
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "participants/ada-lovelace.yaml:" in result.stderr
    assert "The site was not built" in result.stderr
    assert not (tmp_path / "out" / "site").exists()


def test_serve_refuses_data_with_errors(tmp_path: Path) -> None:
    repo = prepare_fixture_repo(tmp_path / "repo")
    _break(repo)
    result = CliRunner().invoke(
        _cli(), ["--repo", str(repo), "serve", "--out", str(tmp_path / "out")]
    )
    assert result.exit_code == 1
    assert "The site was not built" in result.stderr


def test_build_reports_mkdocs_warnings_and_fails(tmp_path: Path) -> None:
    repo = prepare_fixture_repo(tmp_path / "repo")
    (repo / "site" / "index.md").write_text("[broken](missing-page.md)\n", encoding="utf-8")
    result = CliRunner().invoke(
        _cli(), ["--repo", str(repo), "build", "--out", str(tmp_path / "out")]
    )
    assert result.exit_code == 1
    assert "missing-page.md" in result.stderr
    assert "MkDocs reported the problems above" in result.stderr


def test_assemble_rewrites_only_what_changed_and_drops_stale_pages(tmp_path: Path) -> None:
    repo = prepare_fixture_repo(tmp_path / "repo")
    today = dt.date(2026, 11, 24)
    first = assemble(repo, tmp_path / "out", validate_program(repo).program, today)
    assert first.written > first.generated  # the generated files and the hand-written pages
    assert (tmp_path / "out" / "docs" / "handbook" / "charter.md").is_file()
    assert not (tmp_path / "out" / "docs" / "overrides").exists()
    again = assemble(repo, tmp_path / "out", validate_program(repo).program, today)
    assert again.written == 0
    (repo / "participants" / "erin-mentee.yaml").unlink()
    match = repo / "program" / "matches" / "2026-spring.yaml"
    match.write_text(match.read_text(encoding="utf-8").split("unmatched:")[0], encoding="utf-8")
    assemble(repo, tmp_path / "out", validate_program(repo).program, today)
    assert not (tmp_path / "out" / "docs" / "people" / "erin-mentee.md").exists()
    config = (tmp_path / "out" / "mkdocs.yml").read_text(encoding="utf-8")
    assert '"INHERIT"' in config and '"use_directory_urls": false' in config


def test_the_watcher_notices_an_edit(tmp_path: Path) -> None:
    (tmp_path / "participants").mkdir()
    person = tmp_path / "participants" / "a.yaml"
    person.write_text("id: a\n", encoding="utf-8")
    before = snapshot(tmp_path)
    changed = threading.Event()
    stop = threading.Event()
    watcher = DataWatcher(tmp_path, changed.set, stop, interval=0.05)
    thread = threading.Thread(target=watcher.run, daemon=True)
    thread.start()
    person.write_text("id: a\nname: A\n", encoding="utf-8")
    assert changed.wait(2)
    stop.set()
    thread.join(1)
    assert snapshot(tmp_path) != before


def test_build_refuses_a_link_out_of_site_and_publishes_nothing(tmp_path: Path) -> None:
    repo = prepare_fixture_repo(tmp_path / "repo")
    (repo / "site" / "hidden.yaml").symlink_to(repo / "participants" / "quentin-hidden.yaml")
    result = CliRunner().invoke(
        _cli(), ["--repo", str(repo), "build", "--out", str(tmp_path / "out")]
    )
    assert result.exit_code == 1
    assert "site/hidden.yaml links to a file outside site/" in result.stderr
    assert "The site was not built: fix the problems above first." in result.stderr
    assert not (tmp_path / "out" / "docs" / "hidden.yaml").exists()
    assert not (tmp_path / "out" / "site").exists()
