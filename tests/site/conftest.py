"""One built fixture site per test session, served on 127.0.0.1, and a headless chromium.

Building takes a few seconds, so every test that looks at output shares ``built_site``.
Browser tests skip cleanly when Debian's chromium is not installed.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

HERE = Path(__file__).parent
PROJECT = HERE.parent.parent
FIXTURE_REPO = PROJECT / "tests" / "fixtures" / "site" / "repo"
TODAY = "2026-11-24"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@dataclass(frozen=True)
class BuiltSite:
    repo: Path
    out: Path
    output: str

    @property
    def docs(self) -> Path:
        return self.out / "docs"

    @property
    def site(self) -> Path:
        return self.out / "site"

    def output_files(self) -> list[Path]:
        """Every file the build wrote: the docs folder, the config and the HTML site."""
        return sorted(p for p in self.out.rglob("*") if p.is_file())


def prepare_fixture_repo(target: Path) -> Path:
    """A copy of the fixture program whose mkdocs.yml inherits the project's own."""
    shutil.copytree(FIXTURE_REPO, target, dirs_exist_ok=True)
    nav = (target / "mkdocs.fixture.yml").read_text(encoding="utf-8")
    (target / "mkdocs.fixture.yml").unlink()
    (target / "mkdocs.yml").write_text(
        f"INHERIT: {PROJECT / 'mkdocs.yml'}\n{nav}", encoding="utf-8"
    )
    shutil.copytree(PROJECT / "site" / "overrides", target / "site" / "overrides")
    return target


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    from mentorkit.cli.main import cli

    repo = prepare_fixture_repo(tmp_path_factory.mktemp("site-repo"))
    out = tmp_path_factory.mktemp("site-build")
    result = CliRunner().invoke(
        cli, ["--repo", str(repo), "build", "--out", str(out), "--today", TODAY]
    )
    assert result.exit_code == 0, result.output
    return BuiltSite(repo, out, result.output)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="session")
def site_url(built_site: BuiltSite) -> Iterator[str]:
    yield from _serve(built_site.site)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (/usr/bin/chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The example program's site as its pages job builds it, with the survey export on
    the dashboard (the fixture site has no survey): every page type a reader meets."""
    from mentorkit.cli.main import cli

    repo = tmp_path_factory.mktemp("example-repo")
    for name in ("participants", "program", "site", "schemas"):
        shutil.copytree(PROJECT / name, repo / name)
    shutil.copy2(PROJECT / "mkdocs.yml", repo / "mkdocs.yml")
    survey = tmp_path_factory.mktemp("private") / "survey.csv"
    shutil.copy2(PROJECT / "tests" / "fixtures" / "exports" / "survey-google-forms.csv", survey)
    out = tmp_path_factory.mktemp("example-build")
    identity = PROJECT / "program" / "DEMO-IDENTITY-PUBLIC.txt"
    result = CliRunner().invoke(
        cli,
        ["--repo", str(repo), "build", "--out", str(out), "--today", TODAY,
         "--identity", str(identity), "--survey", str(survey)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return BuiltSite(repo, out, result.output)


def _serve(folder: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def example_url(example_site: BuiltSite) -> Iterator[str]:
    yield from _serve(example_site.site)
