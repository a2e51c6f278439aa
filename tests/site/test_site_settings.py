"""program.yaml's site settings reach the theme, which prints them without escaping."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from mentorkit.model.entities import SiteSettings
from mentorkit.site.config import derived_config, theme_text, url_problems
from tests.site.conftest import prepare_fixture_repo

HOSTILE_TITLE = "R&D <img src=x onerror=alert(1)> \"quoted\" 'single'"


def _cli() -> object:
    from mentorkit.cli.main import cli

    return cli


def _set_site(repo: Path, old: str, new: str) -> None:
    path = repo / "program" / "program.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_theme_text_leaves_no_tag_or_quote_but_keeps_ampersands() -> None:
    assert theme_text(HOSTILE_TITLE) == (
        "R&D &lt;img src=x onerror=alert(1)&gt; &quot;quoted&quot; &#39;single&#39;"
    )
    assert theme_text("Learning &\n Development") == "Learning & Development"


def test_derived_config_escapes_name_and_description() -> None:
    config = derived_config(
        parent=Path("/repo/mkdocs.yml"),
        parent_extra_css=[],
        parent_extra_js=[],
        title=HOSTILE_TITLE,
        site=SiteSettings(description='<script>alert(1)</script>"'),
        overrides=None,
        not_in_nav=(),
    )
    assert "<img" not in config and "<script" not in config
    assert "&lt;img src=x onerror=alert(1)&gt;" in config


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "data:text/html,x",
        'https://example.com/"><script>alert(1)</script>',
        "https://example.com/a b",
        "//example.com/",
        "example.com",
    ],
)
def test_unsafe_site_urls_are_refused(url: str) -> None:
    assert len(url_problems(SiteSettings(url=url, repo_url=url))) == 2


def test_ordinary_site_urls_pass() -> None:
    settings = SiteSettings(
        url="https://mentoring.example.com/", repo_url="http://git.example.com/org/repo?tab=1"
    )
    assert url_problems(settings) == []


def test_build_refuses_a_javascript_repo_url_and_serve_does_too(tmp_path: Path) -> None:
    repo = prepare_fixture_repo(tmp_path / "repo")
    _set_site(
        repo, "  primary_color: teal", "  repo_url: javascript:alert(1)\n  primary_color: teal"
    )
    for command in ("build", "serve"):
        result = CliRunner().invoke(
            _cli(),  # type: ignore[arg-type]
            ["--repo", str(repo), command, "--out", str(tmp_path / "out")],
        )
        assert result.exit_code == 1, result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)
        assert "site.repo_url must be a plain http:// or https:// address" in result.stderr
        assert "The site was not built" in result.stderr
    assert not (tmp_path / "out" / "site").exists()


def test_a_hostile_site_title_and_description_stay_text_in_every_page(tmp_path: Path) -> None:
    repo = prepare_fixture_repo(tmp_path / "repo")
    _set_site(
        repo, "title: Fixture Mentoring Site", "title: 'Fixture <img src=x onerror=alert(1)>'"
    )
    _set_site(
        repo,
        "description: The test program's site.",
        "description: '\"><script>window.__x=1</script>'",
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(
        _cli(),  # type: ignore[arg-type]
        ["--repo", str(repo), "build", "--out", str(out), "--today", "2026-11-24"],
    )
    assert result.exit_code == 0, result.output
    pages = sorted((out / "site").rglob("*.html"))
    assert pages
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "<img src=x" not in html, page
        assert "<script>window.__x" not in html, page
    home = (out / "site" / "index.html").read_text(encoding="utf-8")
    assert "Fixture &lt;img src=x onerror=alert(1)&gt;" in home
