"""One typed set of metrics: a cohort's published figures read the same in ``report
--published``, on the dashboard and in the pull-request review.

Played on a copy of the example program: a newcomer's pull request moves the autumn
cohort's figures; the review's "after" column, the report run on that branch and the site
built from it must show each figure identically (a number, "withheld" or "not matched yet").
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from mentorkit.loading.templates import page_templates
from mentorkit.site.generate import generate_docs
from mentorkit.validation import validate_program
from tests.conftest import DEMO_IDENTITY, REPO_ROOT
from tests.workflow.conftest import commit_all, git, run

pytestmark = pytest.mark.slow

TODAY = "2026-11-24"
COHORT, COHORT_NAME = "2026-autumn", "Autumn 2026 one-on-one"
NEWCOMER = """\
id: zara-newcomer
name: Zara Newcomer
department: Engineering
level: 2
timezone: Europe/London
languages: [en]
github: zara-new
cohorts: [2026-autumn]
formats: [one-on-one]
mentee:
  goals:
    - skill: system-design
"""
COLUMNS = ("enrolled", "mentors", "seeking", "matched", "match rate")


@pytest.fixture(scope="module")
def example_pr(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = tmp_path_factory.mktemp("example") / "repo"
    for part in ("program", "participants"):
        shutil.copytree(REPO_ROOT / part, repo / part)
    git(repo, "init", "--quiet", "--initial-branch=main")
    commit_all(repo, "example program")
    git(repo, "checkout", "--quiet", "-b", "join-zara")
    (repo / "participants" / "zara-newcomer.yaml").write_text(NEWCOMER, encoding="utf-8")
    commit_all(repo, "Add Zara")
    return repo


def _row(markdown: str, first_cell: str) -> list[str]:
    line = next(x for x in markdown.splitlines() if x.startswith(f"| {first_cell} |"))
    return [cell.strip() for cell in line.strip("|").split("|")]


def review_figures(repo: Path) -> dict[str, str]:
    code, review, _ = run(repo, "review", "--base", "main", "--today", TODAY)
    assert code == 0, review
    cells = _row(review, f"`{COHORT}`")[1:]
    # The head's figure: the text after the arrow where the pull request moves it.
    return {c: cell.split(" → ")[-1] for c, cell in zip(COLUMNS, cells, strict=True)}


def report_figures(repo: Path) -> dict[str, str]:
    code, report, _ = run(
        repo,
        "report",
        "--published",
        "--format",
        "markdown",
        "--today",
        TODAY,
        "--identity",
        str(DEMO_IDENTITY),
    )
    assert code == 0, report
    cells = _row(report, COHORT)[2:]  # cohort, status, then the figures
    return dict(zip(COLUMNS, cells, strict=True))


def _dashboard_cell(page: str, caption: str) -> str:
    table = re.search(rf"<caption>{caption}</caption>.*?</table>", page, re.DOTALL)
    assert table is not None, caption
    row = re.search(rf'<th scope="row">{COHORT_NAME}</th>(.*?)</tr>', table.group(0))
    assert row is not None, caption
    for pattern in (
        r'class="mk-bar-value">([^<]*)<',
        r'class="mk-withheld"[^>]*>([^<]*)<',
        r'class="mk-note">([^<]*)<',
    ):
        found = re.search(pattern, row.group(1))
        if found:
            return found.group(1)
    raise AssertionError(f"no figure in the {caption} row: {row.group(1)}")


def dashboard_figures(repo: Path) -> dict[str, str]:
    result = validate_program(repo, identity=DEMO_IDENTITY.read_text(encoding="utf-8"))
    assert result.ok, result.problems
    docs = generate_docs(
        result.program,
        dt.date.fromisoformat(TODAY),
        hand_written=frozenset(),
        templates=page_templates(),
    )
    page = docs["dashboard/index.md"]
    assert isinstance(page, str)
    return {
        "enrolled": _dashboard_cell(page, "People enrolled per cohort"),
        "match rate": _dashboard_cell(page, "Match rate per cohort"),
    }


def test_a_cohort_figure_reads_the_same_in_report_dashboard_and_review(example_pr: Path) -> None:
    in_review = review_figures(example_pr)
    in_report = report_figures(example_pr)
    on_dashboard = dashboard_figures(example_pr)
    assert in_review == in_report
    assert on_dashboard == {k: in_report[k] for k in on_dashboard}
    # The newcomer is counted: the figure is a number, and it moved in the review.
    assert in_report["enrolled"] == "38"
    assert "37 → 38" in _row(
        run(example_pr, "review", "--base", "main", "--today", TODAY)[1], f"`{COHORT}`"
    )
