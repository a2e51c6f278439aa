"""``report --survey`` / ``--outcomes`` and ``build --survey`` on the example program.

The exports under tests/fixtures/exports are copied outside the program first, as a
coordinator keeps them. Golden Markdown: regenerate with ``MENTORKIT_UPDATE_GOLDEN=1``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from mentorkit.cli.main import cli
from tests.conftest import DEMO_IDENTITY, FIXTURES, REPO_ROOT

EXPORTS = FIXTURES / "exports"
GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("MENTORKIT_UPDATE_GOLDEN") == "1"
SECRET_TEXT = ("Two hours was too little", "e-10877", "11800003")


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the example program, so a test can see that nothing was written to it."""
    root = tmp_path_factory.mktemp("example")
    for name in ("participants", "program", "site", "schemas"):
        shutil.copytree(REPO_ROOT / name, root / name)
    shutil.copy2(REPO_ROOT / "mkdocs.yml", root / "mkdocs.yml")
    return root


@pytest.fixture(scope="module")
def private(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("private")
    for path in EXPORTS.glob("*.csv"):
        shutil.copy2(path, folder / path.name)
    return folder


def run(repo: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--repo", str(repo), *args])


def _golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{name} differs (MENTORKIT_UPDATE_GOLDEN=1)"


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_survey_markdown_matches_golden_and_withholds_small_groups(
    example: Path, private: Path
) -> None:
    before = _files(example)
    result = run(
        example,
        "report",
        "--survey",
        str(private / "survey-google-forms.csv"),
        "--format",
        "markdown",
    )
    assert result.exit_code == 0, result.output
    _golden("survey-report.md", result.stdout)
    onboarding = [line for line in result.stdout.splitlines() if "Onboarding buddies" in line]
    assert onboarding and all("withheld" in line for line in onboarding)
    assert "| Autumn 2026 one-on-one | mentor | withheld | +58 | 58% | 0% | 100% |" in result.stdout
    assert _files(example) == before  # nothing of the export is written anywhere


def test_every_export_shape_gives_the_same_groups(example: Path, private: Path) -> None:
    found = []
    for name in ("survey-google-forms.csv", "survey-surveymonkey.csv"):
        result = run(example, "report", "--survey", str(private / name), "--format", "json")
        assert result.exit_code == 0, result.output
        data = json.loads(result.stdout)["survey"]
        found.append([(g["cohort"], g["role"]) for g in data["groups"]])
        assert data["withheld"]["survey:onboarding-2026:mentor:responses"]
    assert found[0] == found[1]


def test_bad_rows_are_named_by_file_and_line(example: Path, private: Path) -> None:
    bad = private / "survey-bad-rows.csv"
    result = run(example, "report", "--survey", str(bad))
    assert result.exit_code == 1
    assert f"{bad}:2: error: the recommend answer 'eleven' is not a whole number" in result.stderr
    assert f"{bad}:3: error: unknown cohort 'Spring pilot'" in result.stderr
    assert f"{bad}:4: error: the satisfaction answer '7'" in result.stderr
    assert "Traceback" not in result.output and result.stdout.startswith("Survey")


def test_an_export_inside_the_repository_is_refused(example: Path) -> None:
    inside = example / "survey.csv"
    shutil.copy2(EXPORTS / "survey-google-forms.csv", inside)
    try:
        result = run(example, "report", "--survey", str(inside))
    finally:
        inside.unlink()
    assert result.exit_code == 1 and "must live outside the program repository" in result.stderr
    missing = run(example, "report", "--outcomes", str(example.parent / "nowhere.csv"))
    assert missing.exit_code == 1 and "cannot read" in missing.stderr


def test_outcomes_markdown_matches_golden_says_association_and_reports_unknown_ids(
    example: Path, private: Path
) -> None:
    hr = private / "outcomes-hr.csv"
    result = run(example, "report", "--outcomes", str(hr), "--format", "markdown")
    assert result.exit_code == 0, result.output
    _golden("outcomes-report.md", result.stdout)
    assert "association, not cause" in result.stdout
    assert "| mentored | 19 | withheld | withheld |" in result.stdout  # two of 19 left
    assert "retention: mentored minus not mentored: withheld" in result.stdout
    assert result.stderr.count("is not a participant: left out") == 3
    assert f"{hr}:4: warning: 'e-10877' is not a participant" in result.stderr
    data = json.loads(run(example, "report", "--outcomes", str(hr), "--format", "json").stdout)
    assert data["outcomes"]["unknown_ids"] == 3 and data["outcomes"]["as_of"] == ["2026-11-30"]
    low, high = data["outcomes"]["groups"]["not_mentored"]["retention_ci95"]
    assert low < data["outcomes"]["groups"]["not_mentored"]["retention"] < high


def test_survey_and_outcomes_go_alone(example: Path, private: Path) -> None:
    result = run(
        example,
        "report",
        "2026-autumn",
        "--health",
        "--survey",
        str(private / "survey-google-forms.csv"),
    )
    assert result.exit_code == 2 and "go alone" in result.output


@pytest.mark.slow
def test_build_with_a_survey_shows_its_figures_on_the_dashboard(
    example: Path, private: Path, tmp_path: Path
) -> None:
    out = tmp_path / "build"
    result = run(
        example, "build", "--out", str(out), "--identity", str(DEMO_IDENTITY),
        "--survey", str(private / "survey-surveymonkey.csv"),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    page = (out / "site" / "dashboard" / "index.html").read_text(encoding="utf-8")
    assert "What participants say" in page and 'class="mk-chart-table mk-survey"' in page
    assert "<td>+58</td>" in page and "withheld" in page
    # The table scrolls in its own box on a phone; the sentences above it keep their spaces.
    assert '<div class="mk-scroll" tabindex="0" role="group"' in page
    assert re.search(r"both shares are\.\s+Satisfied is", page)
    assert re.search(r"scale of 1 to 5\.\s+The same", page)
    built = "\n".join(
        p.read_text(encoding="utf-8", errors="replace") for p in out.rglob("*") if p.is_file()
    )
    assert not any(secret in built for secret in SECRET_TEXT)
    refused = run(
        example, "build", "--out", str(out), "--identity", str(DEMO_IDENTITY),
        "--survey", str(private / "survey-bad-rows.csv"),
    )  # fmt: skip
    assert refused.exit_code == 1 and "fix the survey export first" in refused.stderr
