"""Release files: one version, a changelog that names it, a tag check that guards it."""

from __future__ import annotations

import re
import subprocess
import tomllib
from pathlib import Path

import pytest
import yaml

from mentorkit import __version__

REPO = Path(__file__).resolve().parents[2]


def _tag_check() -> str:
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "release.yml").read_text("utf-8"))
    steps = workflow["jobs"]["build"]["steps"]
    return str(next(s["run"] for s in steps if s.get("name", "").startswith("Check that the tag")))


def test_the_version_is_written_once() -> None:
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in pyproject["project"] and "version" in pyproject["project"]["dynamic"]
    assert pyproject["tool"]["setuptools"]["dynamic"]["version"] == {
        "attr": "mentorkit.__version__"
    }
    assert re.fullmatch(r"\d+\.\d+\.\d+", __version__)


def test_the_changelog_keeps_an_unreleased_section_and_dates_this_version() -> None:
    text = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## (.+)$", text, re.MULTILINE)
    assert headings[0] == "[Unreleased]"
    assert re.fullmatch(rf"\[{re.escape(__version__)}\] - \d{{4}}-\d{{2}}-\d{{2}}", headings[1])


@pytest.mark.parametrize(("tag", "ok"), [(f"v{__version__}", True), ("v9.9.9", False)])
def test_the_release_refuses_a_tag_that_is_not_the_version(tag: str, ok: bool) -> None:
    done = subprocess.run(
        ["bash", "-c", _tag_check()],
        cwd=REPO,
        env={"TAG": tag, "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode == 0) is ok, done.stdout + done.stderr


def _five_steps(text: str) -> str:
    start = text.index("Start a program in five steps")
    return text[text.index("\n1. ", start) : text.index("\n#", start + 1)].strip()


def test_readme_and_package_page_give_the_same_five_steps() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    package = (REPO / "PACKAGE.md").read_text(encoding="utf-8")
    assert _five_steps(readme) == _five_steps(package)
    assert "./dev" not in package  # the package page is for users, not contributors
    assert "./dev demo" in readme and "./dev test" in readme
