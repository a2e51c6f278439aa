"""``mentorkit report`` and ``mentorkit export ics`` through the CLI, on the fixture program."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result
from icalendar import Calendar

from mentorkit.cli.main import cli

from .conftest import FIXTURE_REPO


def run(*args: str, repo: Path = FIXTURE_REPO) -> Result:
    return CliRunner().invoke(cli, ["--repo", str(repo), *args])


def test_metrics_json_is_full_and_markdown_is_suppressed() -> None:
    full = run("report", "--today", "2026-11-24", "--format", "json")
    assert full.exit_code == 0, full.output
    data = json.loads(full.output)
    assert data["published"] is False and data["utilisation"]["under_used_mentors"] == ["m3"]
    assert [r["mentor"] for r in data["recognition"]] == ["m1", "m2", "m4"]
    markdown = run("report", "--today", "2026-11-24", "--format", "markdown")
    assert markdown.exit_code == 0
    assert "| withheld |" in markdown.output and "- withheld: it, or the rest" in markdown.output
    assert "| – |" not in markdown.output  # one spelling of withheld
    assert "m3" not in markdown.output
    assert "Marco Two" not in markdown.output  # not public: left out of recognition
    # Published: no count of people per mentor (summed over a cohort it would give back
    # a withheld number matched), and mentors by name, not ranked by that count.
    assert "| Mina One | 2 | 2 |" in markdown.output and "people mentored" not in markdown.output
    published = json.loads(run("report", "--published", "--format", "json").output)
    assert all("people_mentored" not in r for r in published["recognition"])
    names = [r["name"] for r in published["recognition"]]
    assert names == sorted(names, key=str.casefold)
    assert full.exit_code == 0 and "people_mentored" in data["recognition"][0]


def test_metrics_text_for_one_cohort() -> None:
    result = run("report", "2026-spring", "--today", "2026-11-24")
    assert result.exit_code == 0
    assert result.output.startswith("Metrics for cohort 2026-spring on 2026-11-24")
    assert "2026-autumn   active" not in result.output


def test_health_names_pairs_and_reasons() -> None:
    result = run("report", "2026-autumn", "--health", "--today", "2026-11-24")
    assert result.exit_code == 0
    assert result.output.startswith("3 of 4 pairs in 2026-autumn need attention on 2026-11-24")
    assert "m4 -> e5" in result.output and "latest-health" in result.output
    assert "m1 -> e1" not in result.output
    github = run("report", "2026-autumn", "--health", "--today", "2026-11-24", "--format", "github")
    assert (
        "::warning file=program/agreements/2026-autumn/m4--e5.yaml,line=1,title=mentorkit latest-health::"
        in github.output
    )
    data = json.loads(
        run("report", "2026-autumn", "--health", "--today", "2026-11-24", "--format", "json").output
    )
    assert data["needing_attention"] == 3 and data["pairs_checked"] == 4


def test_misuse_exits_2() -> None:
    assert run("report", "--health").exit_code == 2
    assert run("report", "nope").exit_code == 2
    assert run("report", "2026-autumn", "--health", "--reflection").exit_code == 2
    assert run("report", "2026-autumn", "--write").exit_code == 2


def test_reflection_writes_once_and_never_overwrites_edits(repo_copy: Path) -> None:
    args = ("report", "2026-autumn", "--reflection", "--today", "2026-11-24")
    shown = run(*args, repo=repo_copy)
    assert shown.exit_code == 0 and shown.output.startswith("# Retrospective: Autumn 2026")
    assert "- Write a CLI in Python (Python)" in shown.output
    # Health is private: three check-ins, one per state, would say how each pair is doing.
    assert "| 2026-11 | 3 | withheld | withheld | withheld |" in shown.output
    assert "Eve One" not in shown.output  # goals are listed without names
    written = run(*args, "--write", repo=repo_copy)
    target = repo_copy / "program/retrospectives/2026-autumn.md"
    assert written.exit_code == 0 and target.read_text() == shown.output
    target.write_text("edited by a coordinator\n")
    refused = run(*args, "--write", repo=repo_copy)
    assert refused.exit_code == 1 and target.read_text() == "edited by a coordinator\n"
    assert run(*args, "--write", "--force", repo=repo_copy).exit_code == 0
    assert target.read_text() == shown.output


def test_export_ics_to_a_file_and_stdout(tmp_path: Path) -> None:
    out = tmp_path / "autumn.ics"
    result = run("export", "ics", "2026-autumn", "--pair", "m1--e1", "--out", str(out))
    assert result.exit_code == 0, result.output
    events = list(Calendar.from_ical(out.read_bytes()).walk("VEVENT"))
    meeting = next(e for e in events if "RRULE" in e)
    assert meeting.decoded("DTSTART") == dt.date(2026, 9, 7)
    rrule: Any = meeting["RRULE"]
    assert rrule["UNTIL"] == [dt.date(2027, 2, 26)]
    stdout = run("export", "ics", "2026-autumn")
    assert stdout.exit_code == 0 and stdout.output.startswith("BEGIN:VCALENDAR")


def test_export_ics_errors() -> None:
    assert run("export", "ics", "nope").exit_code == 2
    assert run("export", "ics", "2026-autumn", "--pair", "m1").exit_code == 2
    missing = run("export", "ics", "2026-autumn", "--pair", "m3--e1")
    assert missing.exit_code == 1 and "no pair m3--e1" in missing.output


def test_program_figures_say_which_cohorts_they_cover_and_what_is_not_matched_yet() -> None:
    text = run("report", "--today", "2026-11-24").output
    assert "Mentor utilisation (cohorts running on 2026-11-24: 2026-autumn)" in text
    assert "2026-spring  closed" in text  # the whole program: closed cohorts too
    data = json.loads(run("report", "--today", "2026-11-24", "--format", "json").output)
    assert data["utilisation"]["cohorts"] == ["2026-autumn"]


def test_published_json_gives_the_reason_for_every_withheld_figure() -> None:
    args = ("report", "--today", "2026-11-24", "--format", "json", "--published")
    data = json.loads(run(*args).output)
    assert data["published"] is True
    assert data["withheld"]["utilisation:mentors"].startswith("it, or the rest of its group")
    assert data["utilisation"]["mentors"] is None
