"""The validate pipeline: load, build the model, run every check. Pure apart from loading."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from mentorkit.checks import run_checks
from mentorkit.loading.repository import load_repository, stray_files
from mentorkit.model.build import build_program
from mentorkit.model.program import Program
from mentorkit.problems import Problem, has_errors, sort_problems


@dataclass(frozen=True)
class ValidationResult:
    """A finished validation: what was checked and every problem found, sorted."""

    program: Program
    problems: tuple[Problem, ...]
    files_checked: int

    @property
    def ok(self) -> bool:
        return not has_errors(self.problems)

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems if p.is_error)

    @property
    def warnings(self) -> int:
        return len(self.problems) - self.errors


def _selected(path: str, only: Sequence[str]) -> bool:
    return any(
        path == sel or path.startswith(sel.rstrip("/") + "/") or sel in ("", ".") for sel in only
    )


def validate_program(root: Path, only: Sequence[str] | None = None) -> ValidationResult:
    """Validate the repository at ``root``; ``only`` limits the report to these relative paths.

    Cross-references are always checked against the whole repository, so a file is
    judged the same whether it is validated alone or with everything else.
    """
    loaded = load_repository(root)
    program = build_program(loaded)
    problems = list(loaded.problems)
    problems.extend(stray_files(root))
    problems.extend(run_checks(program))
    if only is not None:
        problems = [p for p in problems if _selected(p.path, only)]
        checked = sum(1 for path in loaded.kinds if _selected(path, only))
    else:
        checked = len(loaded.kinds)
    return ValidationResult(program, tuple(sort_problems(problems)), checked)
