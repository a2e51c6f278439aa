"""The matching engine: scores, hard rules, optimal assignment, explanations, match files."""

from __future__ import annotations

from mentorkit.matching.engine import match_cohort
from mentorkit.matching.result import (
    MatchingError,
    MatchResult,
    MatchSummary,
    ProposedCircle,
    ProposedPair,
    UnmatchedPerson,
)
from mentorkit.matching.score import PairScore, score_pair

__all__ = [
    "MatchResult",
    "MatchSummary",
    "MatchingError",
    "PairScore",
    "ProposedCircle",
    "ProposedPair",
    "UnmatchedPerson",
    "match_cohort",
    "score_pair",
]
