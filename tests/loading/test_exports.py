"""Reading private CSV exports the way form tools write them."""

from __future__ import annotations

from pathlib import Path

import pytest

from mentorkit.loading.exports import ExportError, ExportInRepository, parse_export, read_export

FIXTURES = Path(__file__).parents[1] / "fixtures" / "exports"
QUESTION = "how likely are you to recommend the mentoring program to a colleague?"


def test_google_forms_export_with_bom_and_answers_over_several_lines() -> None:
    text = (FIXTURES / "survey-google-forms.csv").read_text(encoding="utf-8")
    assert text.startswith("\ufeff")
    table = parse_export(text, "survey.csv")
    assert table.headings[0] == "timestamp" and QUESTION in table.headings
    assert len(table.rows) == 35
    # Each row knows the line it starts on, though answers run over several lines.
    lines = [row.line for row in table.rows]
    assert lines[:7] == [2, 3, 4, 5, 6, 8, 9] and lines[7] == 12
    assert "\n" in table.rows[4].values["what should we change? (optional)"]


def test_surveymonkey_second_heading_row_and_semicolons() -> None:
    text = (FIXTURES / "survey-surveymonkey.csv").read_text(encoding="utf-8")
    table = parse_export(text, "monkey.csv")
    assert len(table.rows) == 35 and table.rows[0].line == 3
    assert table.rows[0].values[QUESTION] == "10 - Extremely likely"


def test_headings_are_compared_without_case_or_extra_spaces() -> None:
    table = parse_export("  Your   ROLE ,x\nmentor,1\n", "s.csv")
    assert table.has("your role") and table.get(table.rows[0], "Your role") == "mentor"


def test_broken_csv_names_file_and_line() -> None:
    with pytest.raises(ExportError, match=r"bad\.csv:3: not valid CSV"):
        parse_export('a,b\n1,2\n3,"4\n', "bad.csv")
    with pytest.raises(ExportError, match="first line should hold the column headings"):
        parse_export("\n1,2\n", "empty.csv")


def test_an_export_inside_the_repository_is_refused(tmp_path: Path) -> None:
    inside = tmp_path / "repo" / "survey.csv"
    inside.parent.mkdir()
    inside.write_text("a\n1\n", encoding="utf-8")
    with pytest.raises(ExportInRepository, match="must live outside the program repository"):
        read_export(inside, tmp_path / "repo")


def test_unreadable_and_non_utf8_exports_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="cannot read"):
        read_export(tmp_path / "missing.csv", tmp_path / "repo")
    latin = tmp_path / "latin.csv"
    latin.write_bytes("name\nok\nJos\xe9\n".encode("latin-1"))
    with pytest.raises(ExportError, match=r"latin\.csv:3: not UTF-8"):
        read_export(latin, tmp_path / "repo")
    wide = tmp_path / "excel.csv"
    wide.write_bytes("a\tb\n1\t2\n".encode("utf-16"))  # Excel's "Unicode text"
    assert read_export(wide, tmp_path / "repo").rows[0].values == {"a": "1", "b": "2"}
