"""One fixture repository per problem code: the failing example reports exactly that code
at the expected file and line; the passing variant (where there is one) reports nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from mentorkit.validation import validate_program
from tests.conftest import FIXTURES, apply_overlay, copy_program

CASES = FIXTURES / "validate" / "cases"


def _render(problem: object) -> str:
    p = problem
    location = f"{p.path}:{p.line}:{p.col}" if p.line else p.path  # type: ignore[attr-defined]
    return f"{location}: {p.level} {p.code} {p.message}"  # type: ignore[attr-defined]


def test_base_fixture_is_clean(base_program: Path) -> None:
    result = validate_program(base_program)
    assert result.problems == ()
    assert result.files_checked == 12


@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir()))
def test_failing_example_reports_its_code(case: str, tmp_path: Path) -> None:
    root = copy_program(FIXTURES / "validate" / "base", tmp_path / "repo")
    apply_overlay(CASES / case / "fail", root)
    expected = [line for line in (CASES / case / "expect.txt").read_text().splitlines() if line]
    rendered = [_render(p) for p in validate_program(root).problems]
    for wanted in expected:
        assert any(line.startswith(wanted) for line in rendered), f"{wanted!r} not in {rendered}"
    assert {p.split(": ")[1].split()[1] for p in rendered} == {case}, rendered


@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir() if (p / "pass").is_dir()))
def test_passing_variant_is_clean(case: str, tmp_path: Path) -> None:
    root = copy_program(FIXTURES / "validate" / "base", tmp_path / "repo")
    apply_overlay(CASES / case / "pass", root)
    assert validate_program(root).problems == ()
