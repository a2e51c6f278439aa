"""What every matching format shares: the request, and turning a solution into a result.

Each format (``bipartite``, ``peer``, ``circles``, and any added later) is a function
from a ``MatchRequest`` to a ``MatchResult``, listed in ``engine.MATCHERS``. The helpers
here read the existing match file and build the pairs, options and summary, so no format
module imports another and the engine imports them all without a cycle.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from mentorkit.matching.assignment import STABILITY_POINTS, Edges
from mentorkit.matching.candidates import Candidates
from mentorkit.matching.result import PersonOptions, ProposedPair
from mentorkit.matching.score import SCALE, Scoring, score_with
from mentorkit.model.entities import Cohort, MatchFile, Pair, Participant
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


def carried_pair(pair: Pair, program: Program) -> ProposedPair:
    """A pair from the file, exactly as written."""
    a, b = program.participants.get(pair.mentor), program.participants.get(pair.mentee)
    origin = "history" if pair.status == "ended" else "locked" if pair.locked else "accepted"
    cross = a is not None and b is not None and a.department != b.department
    return ProposedPair(
        pair.mentor, pair.mentee, pair.score, pair.status, pair.locked, pair.reasons, origin, cross
    )


def new_pair(
    scoring: Scoring, mentor: Participant, mentee: Participant, kept: bool
) -> ProposedPair:
    scored = score_with(scoring, mentor, mentee)
    if scored is None:  # the solver only sees allowed pairs; this guards the invariant
        raise AssertionError(f"the solver proposed a forbidden pair {mentor.id}-{mentee.id}")
    return ProposedPair(
        mentor.id,
        mentee.id,
        scored.total,
        "proposed",
        False,
        scored.reasons,
        "kept" if kept else "new",
        mentor.department != mentee.department,
    )


def all_pairs(
    program: Program, carried: Iterable[Pair], fresh: Iterable[ProposedPair]
) -> list[ProposedPair]:
    """Pairs from the file as written plus the new proposals, ended ones last, by ids."""
    pairs = [carried_pair(p, program) for p in carried] + list(fresh)
    pairs.sort(key=lambda p: (p.status == "ended", p.mentor, p.mentee))
    return pairs


def stability_bonus(
    edges: Edges,
    rows: Sequence[Participant],
    cols: Sequence[Participant],
    proposals: set[tuple[str, str]],
    peer: bool = False,
) -> np.ndarray:
    """``STABILITY_POINTS`` on each edge that is a standing proposal, so ties keep it."""
    bonus = np.zeros(len(edges), dtype=np.int64)
    if not proposals:
        return bonus
    for k, (r, c) in enumerate(zip(edges.rows.tolist(), edges.cols.tolist(), strict=True)):
        key = (cols[c].id, rows[r].id)
        if key in proposals or (peer and key[::-1] in proposals):
            bonus[k] = STABILITY_POINTS
    return bonus


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
