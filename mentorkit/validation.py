"""The one validation pipeline: load, build the model, run every check.

``validate``, ``review``, ``new`` and ``match`` all go through it, so a file is judged the
same way whichever command looks at it. Pure apart from loading.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from mentorkit.checks import run_checks, sealed_copies, sealed_fields
from mentorkit.loading.gc_pause import gc_paused
from mentorkit.loading.repository import LoadedRepository, load_repository, stray_files
from mentorkit.loading.yaml_reader import parse_yaml
from mentorkit.model.build import build_program
from mentorkit.model.paths import kind_of
from mentorkit.model.program import Program
from mentorkit.problems import Problem, has_errors, sort_problems
from mentorkit.sealing.opening import open_repository, opener, redact
from mentorkit.sealing.rule_problems import as_warnings, shared
from mentorkit.sealing.set_aside import blocking, content_errors, set_aside


@dataclass(frozen=True)
class ValidationResult:
    """A finished validation: what was checked and every problem found, sorted."""

    program: Program
    problems: tuple[Problem, ...]
    files_checked: int
    # With ``only`` and a baseline: problems in *other* files that the baseline did not
    # have, i.e. what the change breaks elsewhere (a removed skill, a deleted participant).
    elsewhere: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        return not has_errors(self.problems) and not has_errors(self.elsewhere)

    @property
    def usable(self) -> bool:
        """No errors but sealed values set aside: the site, reports and matching go on."""
        return not blocking((*self.problems, *self.elsewhere), self.program.unusable)

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


def problems_of(loaded: LoadedRepository, program: Program) -> list[Problem]:
    """Every problem of an already loaded and built program (loader and checks)."""
    return [*loaded.problems, *run_checks(loaded, program)]


def _key(problem: Problem) -> tuple[str, str, str]:
    # Lines move when a file is edited; the same problem keeps its file, code and words.
    return (problem.path, problem.code, problem.message)


def new_problems(
    problems: Sequence[Problem], baseline: Sequence[Problem], skip: Collection[str] = ()
) -> tuple[Problem, ...]:
    """``problems`` outside the ``skip`` paths that ``baseline`` did not already have."""
    before = Counter(_key(p) for p in baseline)
    fresh = []
    for problem in problems:
        if _selected(problem.path, list(skip)):
            continue
        if before[_key(problem)] > 0:
            before[_key(problem)] -= 1
            continue
        fresh.append(problem)
    return tuple(sort_problems(fresh))


def check_loaded(
    loaded: LoadedRepository,
    only: Sequence[str] | None = None,
    program: Program | None = None,
    baseline: Sequence[Problem] | None = None,
    identity: str | None = None,
    reveal: bool = False,
) -> ValidationResult:
    """Every problem of an already loaded repository; ``program`` when it is already built.

    ``only`` limits the report to these relative paths. Cross-references are always
    checked against the whole repository, so a file is judged the same whether it is
    validated alone or with everything else. With ``only`` and a ``baseline`` (the
    problems of the last commit), the problems the change brings to other files are
    reported too, as ``elsewhere``. With an ``identity`` (the text of an age identity)
    the sealed fields it opens are checked too, in memory; problems inside them keep their
    details sealed (see ``sealing.opening.redact``).
    """
    with gc_paused():  # a model of every file: many objects, no cycles (see gc_pause)
        program, every = _every_problem(loaded, program, identity, reveal)
    elsewhere: tuple[Problem, ...] = ()
    if only is not None:
        problems = [p for p in every if _selected(p.path, only)]
        checked = sum(1 for path in loaded.kinds if _selected(path, only))
        if baseline is not None:
            elsewhere = new_problems(every, baseline, only)
    else:
        problems, checked = every, len(loaded.kinds)
    return ValidationResult(program, tuple(sort_problems(problems)), checked, elsewhere)


def _every_problem(
    loaded: LoadedRepository, program: Program | None, identity: str | None, reveal: bool
) -> tuple[Program, list[Problem]]:
    """The program (with its sealed values opened) and every problem of the repository."""
    opened = open_repository(loaded, identity)
    if program is None:
        program = build_program(opened.loaded)
    program = replace(program, unopened=opened.unopened, unusable=opened.unusable)
    # Problems another person's change causes in a sealed rule never set a file aside.
    found = as_warnings(list(run_checks(opened.loaded, program)), opened.loaded)
    spoiled = content_errors(found, opened.loaded, (sealed_fields.CODE, sealed_copies.CODE))
    details: list[Problem] = []
    if spoiled:  # rare: checked again with those files read as the pull request read them
        details = [p for p in found if reveal and p.path in spoiled]
        opened = set_aside(opened, loaded, spoiled)
        program = build_program(opened.loaded)
        program = replace(program, unopened=opened.unopened, unusable=opened.unusable)
        found = as_warnings(list(run_checks(opened.loaded, program)), opened.loaded)
    every = [
        *loaded.problems,
        *opened.problems,
        *details,
        *_shown_sealed(found, opened.loaded, reveal),
        *stray_files(loaded.root),
    ]
    return program, every


def validate_program(
    root: Path,
    only: Sequence[str] | None = None,
    baseline: Sequence[Problem] | None = None,
    identity: str | None = None,
    reveal: bool = False,
) -> ValidationResult:
    """Load the repository at ``root`` and validate it (see ``check_loaded``)."""
    # With an identity the sealed values are opened by the processes that read the files.
    loaded = load_repository(root, opener=opener(identity) if identity is not None else None)
    return check_loaded(loaded, only, baseline=baseline, identity=identity, reveal=reveal)


def _shown_sealed(problems: list[Problem], opened: LoadedRepository, reveal: bool) -> list[Problem]:
    """The problems, with what they say about sealed fields withheld unless ``reveal``."""
    return problems if reveal else shared(redact(problems, opened), opened)


def validate_addition(loaded: LoadedRepository, relpath: str, text: str) -> ValidationResult:
    """The problems a new file would have once added to the repository, and only its own."""
    parsed = parse_yaml(text.encode("utf-8"), relpath)
    if isinstance(parsed, Problem):
        return ValidationResult(build_program(loaded), (parsed,), 1)
    documents = {**loaded.documents, relpath: parsed}
    kinds = {**loaded.kinds, relpath: kind_of(relpath) or ""}
    return check_loaded(replace(loaded, documents=documents, kinds=kinds), [relpath])
