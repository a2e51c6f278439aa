"""What a matching run produces: pairs or circles, the unmatched, and a summary."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from mentorkit.model.entities import CohortFormat, Objective, PairStatus

# Where a pair or circle of a result comes from: proposed anew, kept from the proposals on
# the table, or carried over as the match file has it (locked, accepted, ended history).
Origin = Literal["new", "kept", "locked", "accepted", "history"]
# What an unmatched person was looking for: a mentor (mentee), a mentee (mentor), a peer
# pair or a circle.
UnmatchedRole = Literal["mentor", "mentee", "peer", "member"]


class MatchingError(Exception):
    """The matching request itself is wrong (an unknown cohort, for example)."""


@dataclass(frozen=True)
class ProposedPair:
    """A pair in the result; ``origin`` says whether it was kept, locked, accepted or new."""

    mentor: str
    mentee: str
    score: float | None
    status: PairStatus = "proposed"
    locked: bool = False
    reasons: tuple[str, ...] = ()
    origin: Origin = "new"
    cross_functional: bool = False
    round: int | None = None  # rotation cohorts


@dataclass(frozen=True)
class ProposedCircle:
    id: str
    members: tuple[str, ...]
    facilitator: str | None
    reasons: tuple[str, ...] = ()
    locked: bool = False
    origin: Origin = "new"


@dataclass(frozen=True)
class UnmatchedPerson:
    id: str
    reason: str
    role: UnmatchedRole = "mentee"


@dataclass(frozen=True)
class PersonOptions:
    """How well a person could have been matched at best: the fairness audit's baseline."""

    id: str
    compatible: int
    best_score: float | None


@dataclass(frozen=True)
class MatchSummary:
    format: CohortFormat
    objective: Objective
    matched: int
    unmatched: int
    mean_score: float | None
    cross_functional_share: float | None
    mentor_utilisation: float | None
    people: int
    solver: str
    notes: tuple[str, ...] = ()  # what a reader should know, e.g. what stability cost
    # what is proven about the result: "optimal (...)" or "within X% of optimal (...)",
    # saying how; None when the format's method carries no such proof
    optimality: str | None = None
    # the most people (or pairs) that could be matched, when proven
    max_matched: int | None = None

    def recorded_figures(self) -> dict[str, int | float]:
        """The figures a match file records under ``summary:`` (absent ones left out)."""
        figures: dict[str, int | float | None] = {
            "matched": self.matched,
            "unmatched": self.unmatched,
            "mean_score": self.mean_score,
            "cross_functional_share": self.cross_functional_share,
            "mentor_utilisation": self.mentor_utilisation,
        }
        return {k: v for k, v in figures.items() if v is not None}


@dataclass(frozen=True)
class MatchResult:
    cohort: str
    format: CohortFormat
    pairs: tuple[ProposedPair, ...]
    circles: tuple[ProposedCircle, ...]
    unmatched: tuple[UnmatchedPerson, ...]
    summary: MatchSummary
    options: tuple[PersonOptions, ...] = ()


def mean(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 4) if values else None


def share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None
