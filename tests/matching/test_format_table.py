"""The engine's format table: every cohort format has a matcher, and no format module
imports the engine back (the engine imports them all, so that would be a cycle)."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import get_args

import mentorkit.matching
from mentorkit.matching.engine import MATCHERS
from mentorkit.model.entities import CohortFormat

PACKAGE = Path(mentorkit.matching.__file__).parent


def test_every_cohort_format_has_a_matcher() -> None:
    assert set(MATCHERS) == set(get_args(CohortFormat))


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def test_no_matching_module_imports_the_engine() -> None:
    offenders = [
        path.name
        for path in PACKAGE.glob("*.py")
        if path.name not in ("engine.py", "__init__.py")
        and "mentorkit.matching.engine" in _imports(path)
    ]
    assert offenders == []
