"""One module per check; each declares CODE and documents a passing and a failing example.

To add a check: write the module (see ``base``), add a fixture case under
tests/fixtures/validate/cases/<code>/, and add the module to ``ALL_CHECKS``.
"""

from __future__ import annotations

from collections.abc import Iterator
from types import ModuleType

from mentorkit.checks import (
    agreement_pair,
    agreement_status,
    capacity,
    checkin_file,
    closed_cohort,
    cohort_dates,
    departed,
    duplicate_ids,
    github_login,
    id_filename,
    manager_cycle,
    markdown_budget,
    match_pairs,
    name_lookalike,
    one_circle,
    one_mentor,
    page_paths,
    preferences,
    schema,
    sealed_fields,
    text_chars,
    timezone,
    unknown_cohort,
    unknown_participant,
    unknown_skill,
)
from mentorkit.model.program import Program
from mentorkit.model.source import Documents
from mentorkit.problems import Problem

ALL_CHECKS: tuple[ModuleType, ...] = (
    schema,
    text_chars,
    id_filename,
    duplicate_ids,
    github_login,
    page_paths,
    markdown_budget,
    name_lookalike,
    unknown_cohort,
    unknown_skill,
    unknown_participant,
    manager_cycle,
    timezone,
    match_pairs,
    one_mentor,
    one_circle,
    departed,
    agreement_pair,
    agreement_status,
    checkin_file,
    capacity,
    cohort_dates,
    closed_cohort,
    preferences,
    sealed_fields,
)

CODES = {module.CODE: module for module in ALL_CHECKS}


def run_checks(files: Documents, program: Program) -> Iterator[Problem]:
    """Every check over the files as written and over the model built from them."""
    for module in ALL_CHECKS:
        if hasattr(module, "check_files"):
            yield from module.check_files(files)
        if hasattr(module, "check"):
            yield from module.check(program)
