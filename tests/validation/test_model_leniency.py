"""The model from schema-invalid files: well-typed, privacy-safe, one bad item never drops a file."""

from __future__ import annotations

from pathlib import Path

from mentorkit.validation import validate_program


def test_public_no_keeps_the_person_private(base_program: Path) -> None:
    path = base_program / "participants" / "ada.yaml"
    path.write_text(path.read_text().replace("public: false\n", "") + "public: no\n")
    program = validate_program(base_program).program
    assert program.participants["ada"].public is False


def test_one_broken_pair_keeps_the_rest_of_the_match_file(base_program: Path) -> None:
    path = base_program / "program" / "matches" / "2026-autumn.yaml"
    path.write_text(
        path.read_text().replace("pairs:\n", "pairs:\n  - {mentor: {x: 1}, mentee: y}\n", 1)
    )
    program = validate_program(base_program).program
    assert "2026-autumn" in program.matches and program.matches["2026-autumn"].pairs


def test_infinite_level_is_a_problem_not_a_crash(base_program: Path) -> None:
    path = base_program / "participants" / "ada.yaml"
    path.write_text(path.read_text().replace("level: ", "level: .inf #"))
    problems = validate_program(base_program).problems
    assert [p.code for p in problems] == ["schema"]


def test_cohort_ending_the_day_it_starts(base_program: Path) -> None:
    path = base_program / "program" / "cohorts" / "2026-autumn.yaml"
    text = path.read_text()
    starts = text.split("starts: ")[1].split("\n")[0]
    ends = text.split("ends: ")[1].split("\n")[0]
    path.write_text(text.replace(f"ends: {ends}", f"ends: {starts}"))
    messages = [
        p.message for p in validate_program(base_program).problems if p.code == "cohort-dates"
    ]
    assert messages and "ends on the day it starts" in messages[0]
