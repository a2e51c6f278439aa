"""Golden files for the generated Markdown and the feed of the fixture program.

Regenerate after an intended change with ``MENTORKIT_UPDATE_GOLDEN=1 pytest tests/site``
and review the diff like any other change.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from mentorkit.loading.site_sources import read_site_sources
from mentorkit.loading.templates import page_templates
from mentorkit.site.generate import generate_docs
from mentorkit.validation import validate_program
from tests.site.conftest import FIXTURE_REPO, TODAY

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("MENTORKIT_UPDATE_GOLDEN") == "1"


@pytest.fixture(scope="module")
def generated() -> dict[str, str]:
    result = validate_program(FIXTURE_REPO)
    assert result.ok, result.problems
    files = generate_docs(
        result.program,
        dt.date.fromisoformat(TODAY),
        hand_written=frozenset(read_site_sources(FIXTURE_REPO).pages),
        templates=page_templates(),
    )
    return {
        path: content
        for path, content in files.items()
        if isinstance(content, str) and path.endswith((".md", ".xml"))
    }


def test_generated_pages_match_the_golden_files(generated: dict[str, str]) -> None:
    if UPDATE:
        for old in GOLDEN.rglob("*"):
            if old.is_file():
                old.unlink()
        for path, content in generated.items():
            target = GOLDEN / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8")
    expected = {
        p.relative_to(GOLDEN).as_posix(): p.read_text(encoding="utf-8")
        for p in GOLDEN.rglob("*")
        if p.is_file()
    }
    assert sorted(generated) == sorted(expected), "pages added or removed: update the golden files"
    for path, content in generated.items():
        assert content == expected[path], f"{path} differs from tests/site/golden/{path}"


def test_generation_is_deterministic(generated: dict[str, str]) -> None:
    result = validate_program(FIXTURE_REPO)
    again = generate_docs(
        result.program,
        dt.date.fromisoformat(TODAY),
        hand_written=frozenset(read_site_sources(FIXTURE_REPO).pages),
        templates=page_templates(),
    )
    assert {p: again[p] for p in generated} == generated
