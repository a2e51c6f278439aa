"""What every matching format shares: the request, and turning a solution into a result.

Each format (``bipartite``, ``peer``, ``circles``, and any added later) is a function
from a ``MatchRequest`` to a ``MatchResult``, listed in ``engine.MATCHERS``. The helpers
here read the existing match file and build the pairs, options and summary, so no format
module imports another and the engine imports them all without a cycle.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from mentorkit.matching.candidates import Candidates
from mentorkit.matching.result import (
    MatchResult,
    MatchSummary,
    Origin,
    PersonOptions,
    ProposedPair,
    UnmatchedPerson,
    mean,
    share,
)
from mentorkit.matching.score import SCALE, Scoring, reasons_with, score_with
from mentorkit.model.entities import Cohort, MatchFile, Objective, Pair, Participant
from mentorkit.model.program import Program


@dataclass(frozen=True)
class MatchRequest:
    """One cohort to match: its program, its match file so far, pairs never to propose
    ((mentor, mentee) ids) and the solver asked for (``auto``, ``dense`` or ``sparse``)."""

    program: Program
    cohort: Cohort
    existing: MatchFile | None
    exclude: frozenset[tuple[str, str]] = frozenset()
    solver: str = "auto"


def split_existing(
    existing: MatchFile | None,
) -> tuple[list[Pair], list[Pair], set[tuple[str, str]]]:
    """The file's fixed pairs (locked or accepted), its history (ended) and open proposals."""
    pairs = existing.pairs if existing else ()
    fixed = [p for p in pairs if p.status != "ended" and (p.locked or p.status == "accepted")]
    history = [p for p in pairs if p.status == "ended"]
    proposals = {(p.mentor, p.mentee) for p in pairs if p.status == "proposed" and not p.locked}
    return fixed, history, proposals


def describes(
    reasons: Sequence[str], now: Sequence[str], mentor: Participant, mentee: Participant
) -> bool:
    """Whether recorded ``reasons`` still describe the pair they sit on.

    After a coordinator swaps the mentor by hand, the reasons written for the old mentor
    name skills and a department the new one does not have. The goal-skill sentence must be
    the one the pair earns today (``now``), and a cross-functional sentence must name both
    people's departments; other sentences, hand-written ones included, are left alone.
    """
    goal_now = next((r for r in now if r.startswith("shares ")), None)
    for reason in reasons:
        if reason.startswith("shares ") and reason != goal_now:
            return False
        if "cross-functional" in reason and not (
            mentor.department in reason and mentee.department in reason
        ):
            return False
    return True


def carried_pair(pair: Pair, program: Program, scoring: Scoring | None = None) -> ProposedPair:
    """A pair from the file, explained as it stands.

    Status and lock stay exactly as written. A current pair whose recorded reasons no
    longer describe the two people it names (the mentor was swapped by hand) is explained
    with the score and reasons of the pair as it is; otherwise, and for history (ended
    pairs), the recorded score and reasons stand, hand-written ones included.
    """
    a, b = program.participants.get(pair.mentor), program.participants.get(pair.mentee)
    origin: Origin = (
        "history" if pair.status == "ended" else "locked" if pair.locked else "accepted"
    )
    cross = a is not None and b is not None and a.department != b.department
    score, reasons = pair.score, pair.reasons
    if scoring is not None and a is not None and b is not None and pair.status != "ended":
        scored = score_with(scoring, a, b)
        if scored is not None and not describes(pair.reasons, scored.reasons, a, b):
            score, reasons = scored.total, scored.reasons
    return ProposedPair(
        pair.mentor,
        pair.mentee,
        score,
        pair.status,
        pair.locked,
        reasons,
        origin,
        cross,
        pair.round,
    )


def new_pair(
    scoring: Scoring,
    mentor: Participant,
    mentee: Participant,
    kept: bool,
    points: int | None = None,
) -> ProposedPair:
    """A pair the solver chose. ``points``: its score as the kernel computed it (the same
    integer ``score_with`` gives, held by the kernel tests), so only the reasons are
    written here; without them the pair is scored again."""
    if points is not None:
        if points < 0:  # the solver only sees allowed pairs; this guards the invariant
            raise AssertionError(
                f"the solver proposed a pair it was not given {mentor.id}-{mentee.id}"
            )
        total, reasons = points / SCALE, reasons_with(scoring, mentor, mentee)
    else:
        scored = score_with(scoring, mentor, mentee)
        if scored is None:  # the solver only sees allowed pairs; this guards the invariant
            raise AssertionError(f"the solver proposed a forbidden pair {mentor.id}-{mentee.id}")
        total, reasons = scored.total, scored.reasons
    return ProposedPair(
        mentor.id,
        mentee.id,
        total,
        "proposed",
        False,
        reasons,
        "kept" if kept else "new",
        mentor.department != mentee.department,
    )


def all_pairs(
    program: Program,
    carried: Iterable[Pair],
    fresh: Iterable[ProposedPair],
    scoring: Scoring | None = None,
) -> list[ProposedPair]:
    """Pairs from the file (explained as they stand) plus the new proposals, ended ones
    last, by ids."""
    pairs = [carried_pair(p, program, scoring) for p in carried] + list(fresh)
    pairs.sort(key=lambda p: (p.status == "ended", p.mentor, p.mentee))
    return pairs


def person_options(
    pool: Sequence[Participant], candidates: Candidates
) -> tuple[PersonOptions, ...]:
    """How many partners each person could have had and the best score among them."""
    return tuple(
        PersonOptions(
            person.id,
            int(candidates.feasible_count[i]),
            int(candidates.best_feasible[i]) / SCALE if candidates.best_feasible[i] >= 0 else None,
        )
        for i, person in enumerate(pool)
    )


def pairs_summary(
    cohort: Cohort,
    objective: Objective,
    pairs: Sequence[ProposedPair],
    *,
    unmatched: int,
    people: int,
    solver: str,
    people_per_pair: int = 1,
) -> MatchSummary:
    """The summary every pairs format gives: its current (not ended) pairs, counted as
    ``people_per_pair`` matched people each (2 in a peer cohort, where both are matched;
    1 where the figure counts mentees), their mean score and cross-functional share."""
    active = [p for p in pairs if p.status != "ended"]
    return MatchSummary(
        format=cohort.format,
        objective=objective,
        matched=people_per_pair * len(active),
        unmatched=unmatched,
        mean_score=mean(sorted(p.score for p in active if p.score is not None)),
        cross_functional_share=share(sum(p.cross_functional for p in active), len(active)),
        mentor_utilisation=None,
        people=people,
        solver=solver,
    )


def pairs_result(
    cohort: Cohort,
    pairs: Sequence[ProposedPair],
    unmatched: Iterable[UnmatchedPerson],
    summary: MatchSummary,
    options: tuple[PersonOptions, ...] = (),
) -> MatchResult:
    """The result of a pairs format (no circles)."""
    return MatchResult(
        cohort.id, cohort.format, tuple(pairs), (), tuple(unmatched), summary, options
    )
