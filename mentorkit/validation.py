"""The one validation pipeline: load, build the model, run every check.

``validate``, ``review``, ``new`` and ``match`` all go through it, so a file is judged the
same way whichever command looks at it. Pure apart from loading.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from mentorkit.checks import run_checks
from mentorkit.loading.repository import LoadedRepository, kind_of, load_repository, stray_files
from mentorkit.loading.yaml_reader import parse_yaml
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


def check_loaded(
    loaded: LoadedRepository,
    only: Sequence[str] | None = None,
    program: Program | None = None,
) -> ValidationResult:
    """Every problem of an already loaded repository; ``program`` when it is already built.

    ``only`` limits the report to these relative paths. Cross-references are always
    checked against the whole repository, so a file is judged the same whether it is
    validated alone or with everything else.
    """
    if program is None:
        program = build_program(loaded)
    problems = list(loaded.problems)
    problems.extend(stray_files(loaded.root))
    problems.extend(run_checks(loaded, program))
    if only is not None:
        problems = [p for p in problems if _selected(p.path, only)]
        checked = sum(1 for path in loaded.kinds if _selected(path, only))
    else:
        checked = len(loaded.kinds)
    return ValidationResult(program, tuple(sort_problems(problems)), checked)


def validate_program(root: Path, only: Sequence[str] | None = None) -> ValidationResult:
    """Load the repository at ``root`` and validate it (see ``check_loaded``)."""
    return check_loaded(load_repository(root), only)


def validate_addition(loaded: LoadedRepository, relpath: str, text: str) -> ValidationResult:
    """The problems a new file would have once added to the repository, and only its own."""
    parsed = parse_yaml(text.encode("utf-8"), relpath)
    if isinstance(parsed, Problem):
        return ValidationResult(build_program(loaded), (parsed,), 1)
    documents = {**loaded.documents, relpath: parsed}
    kinds = {**loaded.kinds, relpath: kind_of(relpath) or ""}
    return check_loaded(replace(loaded, documents=documents, kinds=kinds), [relpath])
