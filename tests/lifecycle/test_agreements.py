"""Agreement prefill, the lifecycle transitions and the agreement-status check."""

from __future__ import annotations

import dataclasses

import pytest

from mentorkit.checks import agreement_status
from mentorkit.lifecycle.agreements import (
    TRANSITIONS,
    AgreementError,
    prefill_agreement,
    transition_problem,
)
from mentorkit.model.entities import AGREEMENT_STATUSES, AgreementStatus
from mentorkit.model.program import Program


def test_prefill_from_the_accepted_pair_and_cohort(fixture_program: Program) -> None:
    fields = prefill_agreement(fixture_program, "2026-autumn", "e3")
    assert (fields["mentor"], fields["mentee"], fields["status"]) == ("m2", "e3", "draft")
    assert fields["cadence"] == "fortnightly" and fields["ends"] == "2027-02-26"
    assert fields["starts"] == "2026-10-02"  # the pair's since, not the cohort's start
    assert fields["goals"] == [
        {"goal": "UX research", "skill": "ux", "measure": "", "status": "not-started"}
    ]
    assert fields["confidentiality"].startswith("What is said between a mentor")


def test_prefill_needs_an_accepted_pair(fixture_program: Program) -> None:
    with pytest.raises(AgreementError, match="no accepted pair"):
        prefill_agreement(fixture_program, "2026-autumn", "e4")  # only proposed
    with pytest.raises(AgreementError, match="unknown cohort"):
        prefill_agreement(fixture_program, "nope", "e3")


@pytest.mark.parametrize(
    ("old", "new", "allowed"),
    [
        ("draft", "active", True),
        ("active", "paused", True),
        ("paused", "active", True),
        ("active", "completed", True),
        ("active", "rematched", True),
        ("active", "active", True),
        ("completed", "active", False),
        ("rematched", "active", False),
        ("draft", "completed", True),  # ended before it was signed: someone left
        ("completed", "draft", False),
    ],
)
def test_transitions(old: AgreementStatus, new: AgreementStatus, allowed: bool) -> None:
    assert (transition_problem(old, new) is None) is allowed


def test_every_status_has_its_steps() -> None:
    assert set(TRANSITIONS) == set(AGREEMENT_STATUSES)
    assert all(steps <= set(AGREEMENT_STATUSES) for steps in TRANSITIONS.values())


def test_status_check(fixture_program: Program) -> None:
    assert list(agreement_status.check(fixture_program)) == []
    agreements = tuple(
        dataclasses.replace(a, status="rematched", status_reason="x")
        if (a.mentor, a.mentee) == ("m1", "e1")
        else dataclasses.replace(a, signed_mentee=None)
        if (a.mentor, a.mentee) == ("m1", "e2")
        else dataclasses.replace(a, status="paused")
        if (a.mentor, a.mentee) == ("m4", "e5")
        else a
        for a in fixture_program.agreements
    )
    problems = list(
        agreement_status.check(dataclasses.replace(fixture_program, agreements=agreements))
    )
    messages = sorted((p.path.rsplit("/", 1)[-1], p.level, p.message) for p in problems)
    assert messages == [
        (
            "m1--e1.yaml",
            "error",
            "the agreement is rematched but its pair m1 -> e1 is still accepted in program/matches/2026-autumn.yaml (set status: ended, ended and end_reason there)",
        ),
        ("m1--e2.yaml", "warning", "an active agreement is signed by both; missing: mentee"),
        ("m4--e5.yaml", "warning", "a paused agreement says why and until when in status_reason"),
    ]
