"""Agreements: a new one prefilled from the accepted pair, and the lifecycle's transitions.

``prefill_agreement`` gives the fields of ``program/agreements/<cohort>/<mentor>--<mentee>.yaml``
for ``mentorkit new agreement``: the cohort's cadence and end, the pair's start, the
mentee's goals as agreement goals and the program's confidentiality text. It starts as a
``draft``; signing makes it ``active``.

Statuses move forward only::

    draft -> active | rematched | completed   (completed: ended before it was signed)
    active -> paused | completed | rematched
    paused -> active | completed | rematched

``completed`` and ``rematched`` are final: a new relationship gets a new agreement.
"""

from __future__ import annotations

from typing import Any

from mentorkit.lifecycle.relationships import find_pair, relationship_start
from mentorkit.model.entities import AgreementStatus
from mentorkit.model.program import Program

# Enforced on pull requests: ``mentorkit.workflow.agreement_transitions`` (the review).
TRANSITIONS: dict[AgreementStatus, frozenset[AgreementStatus]] = {
    "draft": frozenset({"active", "rematched", "completed"}),
    "active": frozenset({"paused", "completed", "rematched"}),
    "paused": frozenset({"active", "completed", "rematched"}),
    "completed": frozenset(),
    "rematched": frozenset(),
}
DEFAULT_BOUNDARIES = (
    "Either of us can pause or end the mentoring at any time, no explanation needed.",
    "Mentoring is never used for performance evaluation.",
)


class AgreementError(ValueError):
    """No agreement can be prefilled (unknown cohort or mentee, no accepted pair)."""


def transition_problem(old: AgreementStatus, new: AgreementStatus) -> str | None:
    """Why ``old -> new`` is not a lifecycle step; None when it is (or nothing changed)."""
    if old == new:
        return None
    if new not in TRANSITIONS[old]:
        allowed = ", ".join(sorted(TRANSITIONS[old])) or "nothing (it is final)"
        return f"an agreement cannot go from {old} to {new}; from {old} it can go to {allowed}"
    return None


def prefill_agreement(
    program: Program, cohort_id: str, mentee_id: str, mentor_id: str | None = None
) -> dict[str, Any]:
    """The new agreement's fields, in the order they are written.

    The mentor is the mentee's accepted pair in the cohort unless ``mentor_id`` names one.
    """
    cohort = program.cohorts.get(cohort_id)
    if cohort is None:
        raise AgreementError(f"unknown cohort {cohort_id!r}")
    mentee = program.participants.get(mentee_id)
    if mentee is None:
        raise AgreementError(f"unknown participant {mentee_id!r}")
    if mentor_id is None:
        match = program.matches.get(cohort_id)
        accepted = [
            p
            for p in (match.pairs if match else ())
            if p.mentee == mentee_id and p.status == "accepted"
        ]
        if not accepted:
            raise AgreementError(
                f"{mentee_id} has no accepted pair in {cohort_id}: accept a pair in "
                f"program/matches/{cohort_id}.yaml first (or name the mentor)"
            )
        mentor_id = accepted[-1].mentor
    elif mentor_id not in program.participants:
        raise AgreementError(f"unknown participant {mentor_id!r}")
    pair = find_pair(program, cohort_id, mentor_id, mentee_id)
    start = relationship_start(program, cohort_id, pair, None)
    goals = []
    for goal in mentee.mentee.goals if mentee.mentee else ():
        skill = program.skills.get(goal.skill)
        name = skill.name if skill else goal.skill
        goals.append(
            {
                "goal": f"{name}: {goal.note.strip()}" if goal.note.strip() else name,
                "skill": goal.skill,
                "measure": "",
                "status": "not-started",
            }
        )
    fields: dict[str, Any] = {
        "cohort": cohort_id,
        "mentor": mentor_id,
        "mentee": mentee_id,
        "status": "draft",
        "goals": goals,
    }
    if cohort.cadence:
        fields["cadence"] = cohort.cadence
    if start:
        fields["starts"] = start.isoformat()
    fields["ends"] = cohort.ends
    fields["channels"] = []
    fields["confidentiality"] = program.charter.policies.get("confidentiality", "")
    fields["boundaries"] = list(DEFAULT_BOUNDARIES)
    return fields
