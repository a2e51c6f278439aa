"""The participant-prose dialect: rendered once, bounded in shape, never a crash.

The inputs here are the ones that stalled or crashed the previous renderer
(Python-Markdown): runs of brackets, and deep lists that made it recurse until
RecursionError. How fast they render is measured by bench/site_build_hostile.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from mentorkit.checks import markdown_budget
from mentorkit.model.markdown_syntax import MAX_ELEMENTS, MAX_NESTING, render, shape
from mentorkit.validation import validate_program
from tests.conftest import FIXTURES, copy_program

LESSON = "program/lessons/2026-09-07-first-talk.yaml"


def test_a_text_is_rendered_once_per_process() -> None:
    text = "Once *only*, whoever asks first (the check or the site)."
    assert render(text) is render(text)


@pytest.mark.parametrize("marker", ["  - ", "1. ", "> ", "* ", "- > "])
def test_deep_nesting_is_shown_as_text_not_parsed_deeper(marker: str) -> None:
    text = marker * 700 + "bottom"
    rendered = render(text)  # Python-Markdown: RecursionError for "  - " and "1. "
    assert rendered.shape.too_complex or rendered.shape.depth <= MAX_NESTING
    assert shape(rendered.html).depth <= MAX_NESTING
    assert "bottom" in rendered.html


def test_many_elements_are_shown_as_text() -> None:
    tables = "a|b\n-|-\n" * 100  # 100 one-row tables: 600 elements from 800 characters
    rendered = render(tables)
    assert rendered.shape.elements > MAX_ELEMENTS and rendered.shape.too_complex
    assert rendered.html.startswith("<p>a|b") and "<table" not in rendered.html


def test_ordinary_prose_keeps_its_structure() -> None:
    text = "## Why\n\n- one **bold** point\n- a [link](https://example.org)\n\n> quoted\n"
    rendered = render(text)
    assert not rendered.shape.too_complex
    assert "<h3>Why</h3>" in rendered.html and "<ul>" in rendered.html
    assert "<blockquote>" in rendered.html


def _lesson_with(root: Path, **fields: str) -> None:
    path = root / LESSON
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data.update(fields)
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")


def _budget_problems(root: Path) -> list[str]:
    return [
        f"{p.path}:{p.line} {p.message}"
        for p in validate_program(root).problems
        if p.code == markdown_budget.CODE
    ]


def test_the_check_names_file_line_and_field_of_a_too_complex_field(tmp_path: Path) -> None:
    root = copy_program(FIXTURES / "validate" / "base", tmp_path / "repo")
    _lesson_with(root, outcome="a|b\n-|-\n" * 100)
    problems = _budget_problems(root)
    assert len(problems) == 1 and problems[0].startswith(f"{LESSON}:")
    assert " outcome renders to 600 HTML elements; at most 400" in problems[0]


def test_the_check_reports_a_field_over_the_time_budget(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No known input is slow enough; a budget of nothing proves the time is checked.
    monkeypatch.setattr(markdown_budget, "BUDGET_SECONDS", -1.0)
    root = copy_program(FIXTURES / "validate" / "base", tmp_path / "repo")
    _lesson_with(root, action="Rehearsed [three](https://example.org/x) times, *out loud*. " * 3)
    problems = _budget_problems(root)
    assert len(problems) == 1 and "action took" in problems[0] and "of CPU" in problems[0]
