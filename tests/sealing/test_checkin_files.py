"""Check-ins are one file each: the migration moves old lists out, `new checkin` adds one."""

from __future__ import annotations

from pathlib import Path

from mentorkit.validation import validate_program
from tests.conftest import FIXTURES, copy_program
from tests.sealing.conftest import mentorkit, new_checkin

AGREEMENT = "program/agreements/2026-autumn/grace--ada.yaml"


def test_migration_moves_each_check_in_to_its_own_file(tmp_path: Path) -> None:
    repo = copy_program(FIXTURES / "validate" / "base", tmp_path / "repo")
    agreement = repo / AGREEMENT
    agreement.write_text(
        agreement.read_text(encoding="utf-8").replace(
            "    health: on-track\n",
            "    health: on-track\n    by: ada\n    note: Good start.  # kept in the new file\n"
            "  - date: 2026-10-04\n    health: off-track\n",
        )
        + "# a closing comment survives\n",
        encoding="utf-8",
    )
    before = validate_program(repo).program.agreements[0].checkins
    code, _, err = mentorkit(repo, "migrate-checkins")
    # the entry without an author stays where it is, reported
    assert code == 1 and "names no author" in err
    moved = repo / "program/checkins/2026-autumn/grace--ada/2026-09-20-ada.yaml"
    assert "note: Good start." in moved.read_text(encoding="utf-8")
    text = agreement.read_text(encoding="utf-8")
    assert "2026-09-20" not in text and "2026-10-04" in text
    assert "# a closing comment survives" in text
    result = validate_program(repo)
    assert result.problems == ()
    # the model sees the same check-ins as before, from two places
    after = result.program.agreements[0].checkins
    assert [(c.date, c.health) for c in after] == [(c.date, c.health) for c in before]


def test_new_checkin_finds_the_authors_pair(tmp_path: Path) -> None:
    repo = copy_program(FIXTURES / "validate" / "base", tmp_path / "repo")
    code, out, err = new_checkin(
        repo, "ada", "needs-attention", date="2026-10-10", note="Stuck on packaging"
    )
    assert code == 0, err
    path = repo / "program/checkins/2026-autumn/grace--ada/2026-10-10-ada.yaml"
    assert out == "wrote program/checkins/2026-autumn/grace--ada/2026-10-10-ada.yaml\n"
    assert "health: needs-attention" in path.read_text(encoding="utf-8")
    agreement = validate_program(repo).program.agreements[0]
    assert agreement.checkins[-1].health == "needs-attention"
    # someone outside any pair: the file would not validate, so nothing is written
    code, _, err = new_checkin(repo, "kofi", "on-track", pair=("grace", "ada"))
    assert code == 1 and "not written" in err
