"""Accepting proposed pairs: which pairs, whether the hard rules still hold, which agreements.

``mentorkit accept COHORT MENTOR--MENTEE…`` (or ``--all``) turns proposals in the cohort's
match file into accepted pairs dated today and prefills a draft agreement for each one
that has none. Acceptance is refused when it would give a mentee two current mentors in a
one-on-one or reverse cohort, or a mentor more pairs than the capacity they offered; the
rules are the same ``validate`` applies to a hand edit.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any

from mentorkit.lifecycle.agreements import prefill_agreement
from mentorkit.model.entities import BIPARTITE_FORMATS, Pair
from mentorkit.model.program import Program


class AcceptError(ValueError):
    """The acceptance would break a rule; nothing is written."""


class UnknownPair(LookupError):
    """A pair named on the command line is not in the match file (a usage mistake)."""


@dataclass(frozen=True)
class AcceptPlan:
    cohort: str
    today: dt.date
    pairs: tuple[tuple[str, str], ...]
    already: tuple[tuple[str, str], ...]
    # Agreement path -> prefilled fields, for accepted pairs without an agreement file.
    agreements: dict[str, dict[str, Any]]


def parse_pair(text: str) -> tuple[str, str]:
    mentor, sep, mentee = text.partition("--")
    if not (sep and mentor and mentee):
        raise UnknownPair(f"{text!r}: write a pair as MENTOR--MENTEE")
    return mentor, mentee


def _chosen(
    pairs: tuple[Pair, ...], wanted: list[tuple[str, str]] | None
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    current = {(p.mentor, p.mentee): p.status for p in pairs if p.status != "ended"}
    if wanted is None:
        return [k for k, s in current.items() if s == "proposed"], []
    chosen: list[tuple[str, str]] = []
    already: list[tuple[str, str]] = []
    for key in dict.fromkeys(wanted):
        status = current.get(key)
        if status is None:
            raise UnknownPair(f"{key[0]}--{key[1]} is not a proposed pair in the match file")
        (already if status == "accepted" else chosen).append(key)
    return chosen, already


def _rule_problems(program: Program, cohort_id: str, chosen: list[tuple[str, str]]) -> list[str]:
    match = program.matches[cohort_id]
    cohort = program.cohorts[cohort_id]
    accepted = [(p.mentor, p.mentee) for p in match.pairs if p.status == "accepted"] + chosen
    problems = []
    if cohort.format in BIPARTITE_FORMATS:
        for mentee, count in sorted(Counter(m for _, m in accepted).items()):
            if count > 1:
                mentors = ", ".join(a for a, b in accepted if b == mentee)
                problems.append(f"{mentee} would have {count} accepted mentors ({mentors})")
    for mentor, count in sorted(Counter(a for a, _ in accepted).items()):
        person = program.participants.get(mentor)
        if person is not None and person.mentor is not None and count > person.mentor.capacity:
            problems.append(
                f"{mentor} would have {count} accepted pairs but offers capacity "
                f"{person.mentor.capacity}"
            )
    return problems


def plan_accept(
    program: Program, cohort_id: str, wanted: list[tuple[str, str]] | None, today: dt.date
) -> AcceptPlan:
    """``wanted`` None means every proposed pair."""
    match = program.matches.get(cohort_id)
    if match is None:
        raise AcceptError(
            f"there is no match file program/matches/{cohort_id}.yaml: run `mentorkit match "
            f"{cohort_id} --write` first"
        )
    chosen, already = _chosen(match.pairs, wanted)
    problems = _rule_problems(program, cohort_id, chosen)
    if problems:
        raise AcceptError("; ".join(problems))
    agreements: dict[str, dict[str, Any]] = {}
    for mentor, mentee in chosen:
        path = f"program/agreements/{cohort_id}/{mentor}--{mentee}.yaml"
        if program.agreement_for(cohort_id, mentor, mentee) is None and path not in program.kinds:
            fields = prefill_agreement(program, cohort_id, mentee, mentor)
            # The relationship starts when it is accepted, not at the cohort's kickoff.
            fields["starts"] = max(str(fields.get("starts") or ""), today.isoformat())
            agreements[path] = fields
    return AcceptPlan(cohort_id, today, tuple(chosen), tuple(already), agreements)
