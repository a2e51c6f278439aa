"""The project's own example program builds in strict mode without a single warning."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import DEMO_IDENTITY
from tests.site.conftest import PROJECT

pytestmark = pytest.mark.slow


def test_the_example_program_site_builds_cleanly(tmp_path: Path) -> None:
    from mentorkit.cli.main import cli

    repo = tmp_path / "repo"
    for part in ("program", "participants", "site"):
        shutil.copytree(PROJECT / part, repo / part)
    shutil.copy(PROJECT / "mkdocs.yml", repo / "mkdocs.yml")
    out = tmp_path / "build"
    # Sealed agreements and check-ins feed the dashboard: without the identity, no build.
    refused = CliRunner().invoke(
        cli, ["--repo", str(repo), "build", "--out", str(out)], env={"MENTORKIT_IDENTITY": ""}
    )
    assert refused.exit_code == 2 and "MENTORKIT_IDENTITY" in refused.stderr
    result = CliRunner().invoke(
        cli,
        ["--repo", str(repo), "build", "--out", str(out)],
        env={"MENTORKIT_IDENTITY": str(DEMO_IDENTITY)},
    )
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout == f"Site built: {out / 'site' / 'index.html'}\n"
    site = out / "site"
    for page in (
        "handbook/charter.html",
        "mentors/index.html",
        "dashboard/network.html",
        "feed.xml",
    ):
        assert (site / page).is_file(), page
    # Everyone the example marks private stays off the site.
    hidden = [
        p.stem for p in (repo / "participants").glob("*.yaml") if "public: false" in p.read_text()
    ]
    for person in hidden:
        assert not (site / "people" / f"{person}.html").exists()
        assert person not in (site / "search" / "search_index.json").read_text(encoding="utf-8")
