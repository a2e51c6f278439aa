"""One module per check; each declares CODE and documents a passing and a failing example.

To add a check: write the module (see ``base``), add a fixture case under
tests/fixtures/validate/cases/<code>/, and add the module's name to ``CHECKS``.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib import import_module
from types import ModuleType

from mentorkit.model.program import Program
from mentorkit.model.source import Documents
from mentorkit.problems import Problem

# Every check module, in the order they run: adding a check is one line here.
CHECKS = (
    "schema",
    "text_chars",
    "id_filename",
    "duplicate_ids",
    "github_login",
    "page_paths",
    "markdown_budget",
    "name_lookalike",
    "unknown_cohort",
    "unknown_skill",
    "unknown_participant",
    "manager_cycle",
    "timezone",
    "match_pairs",
    "one_mentor",
    "one_circle",
    "departed",
    "agreement_pair",
    "agreement_status",
    "checkin_file",
    "capacity",
    "cohort_dates",
    "closed_cohort",
    "preferences",
    "sealed_fields",
    "sealed_copies",
)
ALL_CHECKS: tuple[ModuleType, ...] = tuple(
    import_module(f"mentorkit.checks.{name}") for name in CHECKS
)


def run_checks(files: Documents, program: Program) -> Iterator[Problem]:
    """Every check over the files as written and over the model built from them."""
    for module in ALL_CHECKS:
        if hasattr(module, "check_files"):
            yield from module.check_files(files)
        if hasattr(module, "check"):
            yield from module.check(program)
