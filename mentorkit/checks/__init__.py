"""One module per check; each declares CODE and documents a passing and a failing example."""

from __future__ import annotations

from collections.abc import Iterator
from types import ModuleType

from mentorkit.checks import (
    agreement_pair,
    agreement_status,
    capacity,
    closed_cohort,
    cohort_dates,
    duplicate_ids,
    id_filename,
    manager_cycle,
    match_pairs,
    schema,
    timezone,
    unknown_cohort,
    unknown_participant,
    unknown_skill,
)
from mentorkit.model.program import Program
from mentorkit.problems import Problem

ALL_CHECKS: tuple[ModuleType, ...] = (
    schema,
    id_filename,
    duplicate_ids,
    unknown_cohort,
    unknown_skill,
    unknown_participant,
    manager_cycle,
    timezone,
    match_pairs,
    agreement_pair,
    agreement_status,
    capacity,
    cohort_dates,
    closed_cohort,
)

CODES = {module.CODE: module for module in ALL_CHECKS}


def run_checks(program: Program) -> Iterator[Problem]:
    for module in ALL_CHECKS:
        yield from module.check(program)
