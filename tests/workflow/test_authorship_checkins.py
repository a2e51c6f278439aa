"""A participant adds their own check-in by PR; any other check-in change is refused."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from mentorkit.model.changes import Change, ChangeStatus
from mentorkit.problems import Problem
from mentorkit.workflow.authorship import AuthorshipResult, check_authorship
from mentorkit.workflow.authorship_owners import Snapshot
from tests.workflow.conftest import commit_all, git, run

AGREEMENT = "program/agreements/2026-autumn/ada--bob.yaml"
OWN = "program/checkins/2026-autumn/ada--bob/2026-10-04-bob.yaml"
ARMOR = "-----BEGIN AGE ENCRYPTED FILE-----\nYWdl\n-----END AGE ENCRYPTED FILE-----\n"

BASE = Snapshot(
    {
        "program/program.yaml": {"name": "P", "purpose": "x", "coordinators": ["cora"]},
        "participants/cora.yaml": {"id": "cora", "github": "cora"},
        "participants/ada.yaml": {"id": "ada", "github": "ada-gh"},
        "participants/bob.yaml": {"id": "bob", "github": "bob"},
        "participants/eve.yaml": {"id": "eve", "github": "eve"},
        AGREEMENT: {"cohort": "2026-autumn", "mentor": "ada", "mentee": "bob"},
        "program/checkins/2026-autumn/ada--bob/2026-09-20-ada.yaml": {"by": "ada"},
    }
)


def fields(path: str) -> dict[str, Any]:
    pair, name = path.split("/")[3:5]
    mentor, mentee = pair.split("--")
    return {
        "cohort": path.split("/")[2],
        "mentor": mentor,
        "mentee": mentee,
        "date": name[:10],
        "by": name[11:-5],
        # Sealed: check-author reads the plain fields only, never this.
        "sealed": ARMOR,
    }


def decide(
    author: str, path: str, status: ChangeStatus = "added", data: dict[str, Any] | None = None
) -> AuthorshipResult:
    head = Snapshot({**BASE.files, path: fields(path) if data is None else data})
    return check_authorship(author, [Change(path, status)], BASE, head)


def test_a_participant_may_add_their_own_check_in_without_reading_it() -> None:
    result = decide("bob", OWN)
    assert result.ok, result.decisions
    assert result.decisions[0].code == "own-checkin"
    # the mentor, by their GitHub login
    assert decide("ada-gh", "program/checkins/2026-autumn/ada--bob/2026-10-05-ada.yaml").ok


def test_a_check_in_in_someone_elses_name_is_refused() -> None:
    result = decide("bob", "program/checkins/2026-autumn/ada--bob/2026-10-04-ada.yaml")
    assert not result.ok and result.decisions[0].code == "not-own-checkin"


def test_a_check_in_for_another_pair_is_refused() -> None:
    result = decide("eve", "program/checkins/2026-autumn/ada--bob/2026-10-04-eve.yaml")
    assert not result.ok and result.decisions[0].code == "not-own-pair"
    no_pair = decide("bob", "program/checkins/2026-autumn/eve--bob/2026-10-04-bob.yaml")
    assert not no_pair.ok and no_pair.decisions[0].code == "no-agreement"


def test_editing_or_deleting_a_check_in_is_refused_even_ones_own() -> None:
    other = "program/checkins/2026-autumn/ada--bob/2026-09-20-ada.yaml"
    assert decide("bob", other, "modified").decisions[0].code == "checkin-record"
    assert not decide("ada-gh", other, "modified").ok
    assert not decide("ada-gh", other, "deleted").ok


def test_plain_fields_must_match_the_path() -> None:
    data = {**fields(OWN), "by": "ada"}
    result = decide("bob", OWN, data=data)
    assert not result.ok and result.decisions[0].code == "checkin-fields"


def test_a_coordinator_may_change_any_check_in() -> None:
    other = "program/checkins/2026-autumn/ada--bob/2026-09-20-ada.yaml"
    assert decide("cora", other, "modified").ok


def _pair_repo(repo: Path) -> None:
    agreement = repo / "program" / "agreements" / "2026-sep" / "octo-coord--mira-chen.yaml"
    agreement.parent.mkdir(parents=True)
    agreement.write_text(
        "cohort: 2026-sep\nmentor: octo-coord\nmentee: mira-chen\nstatus: active\n",
        encoding="utf-8",
    )
    commit_all(repo, "agreement")


def _checkin(
    repo: Path, by: str, pair: str = "octo-coord--mira-chen", date: str = "2026-10-01"
) -> Path:
    mentor, mentee = pair.split("--")
    path = repo / "program" / "checkins" / "2026-sep" / pair / f"{date}-{by}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f"cohort: 2026-sep\nmentor: {mentor}\nmentee: {mentee}\ndate: {date}\nby: {by}\n"
        "health: on-track\n",
        encoding="utf-8",
    )
    return path


def test_check_author_on_a_real_pull_request_branch(program_repo: Path) -> None:
    _pair_repo(program_repo)
    git(program_repo, "checkout", "--quiet", "-b", "mira-checkin")
    _checkin(program_repo, "mira-chen")
    commit_all(program_repo, "my check-in")
    code, out, _ = run(program_repo, "check-author", "--author", "mira-chen", "--base", "main")
    assert code == 0, out
    # sam is in no pair: his check-in for mira's pair is refused
    git(program_repo, "checkout", "--quiet", "-b", "sam-checkin", "main")
    _checkin(program_repo, "sam-okoro")
    commit_all(program_repo, "not my pair")
    code, out, _ = run(program_repo, "check-author", "--author", "sam-okoro", "--base", "main")
    assert code == 1 and "not in that pair" in out
    # mira edits the coordinator's check-in on her own branch: refused
    git(program_repo, "checkout", "--quiet", "main")
    _checkin(program_repo, "octo-coord")
    commit_all(program_repo, "coordinator's check-in")
    git(program_repo, "checkout", "--quiet", "-b", "edit-other", "main")
    edited = _checkin(program_repo, "octo-coord")
    edited.write_text(edited.read_text(encoding="utf-8") + "note: changed\n", encoding="utf-8")
    commit_all(program_repo, "rewrite someone else's check-in")
    code, out, _ = run(program_repo, "check-author", "--author", "mira-chen", "--base", "main")
    assert code == 1 and "only a coordinator may change it" in out


def test_an_own_check_in_too_large_to_read_is_refused_saying_so() -> None:
    problem = Problem(OWN, 0, 0, "error", "file-too-large", "the file is 1,200,000 bytes")
    head = Snapshot({**BASE.files, OWN: None}, {OWN: problem})
    result = check_authorship("bob", [Change(OWN, "added")], BASE, head)
    assert [(d.code, d.message[:27]) for d in result.refused] == [
        ("file-too-large", "the file is 1,200,000 bytes")
    ]
    # the path alone refuses another pair's check-in: that verdict stays the one given
    other = "program/checkins/2026-autumn/ada--bob/2026-10-04-eve.yaml"
    head = Snapshot({**BASE.files, other: None}, {other: problem})
    result = check_authorship("eve", [Change(other, "added")], BASE, head)
    assert [d.code for d in result.refused] == ["not-own-pair"]


def test_a_check_in_dated_after_today_is_refused() -> None:
    # Added ahead, a run of "on-track" check-ins would each become the pair's latest on
    # its day, hiding what the other side reports from the health report.
    today = dt.date(2026, 10, 4)
    ahead = "program/checkins/2026-autumn/ada--bob/2026-10-20-bob.yaml"
    head = Snapshot({**BASE.files, ahead: fields(ahead)})
    result = check_authorship("bob", [Change(ahead, "added")], BASE, head, today)
    assert [d.code for d in result.refused] == ["future-checkin"]
    assert "dated 2026-10-20, after today (2026-10-04)" in result.refused[0].message
    # the author's day may have begun before the runner's: tomorrow is still taken
    tomorrow = "program/checkins/2026-autumn/ada--bob/2026-10-05-bob.yaml"
    head = Snapshot({**BASE.files, tomorrow: fields(tomorrow)})
    assert check_authorship("bob", [Change(tomorrow, "added")], BASE, head, today).ok
    # a date no calendar has
    bad = "program/checkins/2026-autumn/ada--bob/2026-02-30-bob.yaml"
    head = Snapshot({**BASE.files, bad: fields(bad)})
    result = check_authorship("bob", [Change(bad, "added")], BASE, head, today)
    assert [d.code for d in result.refused] == ["not-a-checkin"]


def test_check_author_refuses_a_future_check_in_on_a_real_branch(program_repo: Path) -> None:
    _pair_repo(program_repo)
    git(program_repo, "checkout", "--quiet", "-b", "ahead")
    for day in ("2026-10-02", "2026-10-09", "2026-10-16"):
        _checkin(program_repo, "mira-chen", date=day)
    commit_all(program_repo, "my check-ins for the next weeks")
    args = ("check-author", "--author", "mira-chen", "--base", "main")
    code, out, _ = run(program_repo, *args, "--today", "2026-10-02")
    assert code == 1 and out.count("after today (2026-10-02)") == 2, out
    code, out, _ = run(program_repo, *args, "--today", "2026-10-16")
    assert code == 0, out
