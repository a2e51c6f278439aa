"""People's own choices: ranked preferences as a bonus within the score.

A mentee may rank up to five mentors (``mentee.preferences``) and a mentor up to five
mentees (``mentor.preferences``). A pair where one person ranked the other gets a bonus
added to its score: the cohort's ``preference_bonus`` (0.1 by default) for a 1st
choice, four fifths of it for a 2nd, down to a fifth for a 5th; when both ranked each
other both bonuses count. The score is capped at 1. Hard rules still win: a preferred
person who may not be paired is simply never proposed (``validate`` warns about it).
In peer-like cohorts (peer, circles, rotation, swap) a person's two lists are one.

The bonus is whole 1/SCALE points, computed the same way here for one pair and in
``matrix`` for many, so both paths agree to the last point.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from mentorkit.model.entities import Participant

MAX_CHOICES = 5


def ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def mentee_choices(person: Participant) -> tuple[str, ...]:
    return person.mentee.preferences if person.mentee else ()


def mentor_choices(person: Participant) -> tuple[str, ...]:
    return person.mentor.preferences if person.mentor else ()


def peer_choices(person: Participant) -> tuple[str, ...]:
    """A peer's one ranked list: the mentee list first, then the mentor list."""
    return tuple(dict.fromkeys((*mentee_choices(person), *mentor_choices(person))))[:MAX_CHOICES]


def rank_of(choices: Sequence[str], other: str) -> int | None:
    """1 for a first choice ... 5 for a fifth; None when not ranked."""
    for rank, chosen in enumerate(choices[:MAX_CHOICES], start=1):
        if chosen == other:
            return rank
    return None


def rank_points(bonus: int, rank: int) -> int:
    """The bonus for a choice of this rank, in whole points (``bonus``: a 1st choice's)."""
    return bonus * (MAX_CHOICES + 1 - rank) // MAX_CHOICES


def choice_bonus(
    bonus: int, peer: bool, mentor: Participant, mentee: Participant
) -> tuple[int, list[str]]:
    """Bonus points for this pair and the reasons that say whose choice it is."""
    if bonus <= 0:
        return 0, []
    if peer:
        ranks = [
            (rank_of(peer_choices(mentee), mentor.id), f"{mentee.id}'s"),
            (rank_of(peer_choices(mentor), mentee.id), f"{mentor.id}'s"),
        ]
    else:
        ranks = [
            (rank_of(mentee_choices(mentee), mentor.id), "the mentee's"),
            (rank_of(mentor_choices(mentor), mentee.id), "the mentor's"),
        ]
    points, reasons = 0, []
    for rank, whose in ranks:
        if rank is not None:
            points += rank_points(bonus, rank)
            reasons.append(f"{whose} {ordinal(rank)} choice")
    return points, reasons


@dataclass(frozen=True)
class Choices:
    """One side's ranked lists, by person: ``as_mentee`` ranks mentors, ``as_mentor`` mentees."""

    as_mentee: tuple[tuple[str, ...], ...]
    as_mentor: tuple[tuple[str, ...], ...]

    @staticmethod
    def of(people: Sequence[Participant]) -> Choices:
        return Choices(
            tuple(mentee_choices(p) for p in people), tuple(mentor_choices(p) for p in people)
        )

    def lists(self, peer: bool, as_mentee: bool) -> tuple[tuple[str, ...], ...]:
        if peer:
            return tuple(
                tuple(dict.fromkeys((*a, *b)))[:MAX_CHOICES]
                for a, b in zip(self.as_mentee, self.as_mentor, strict=True)
            )
        return self.as_mentee if as_mentee else self.as_mentor


def choice_table(
    bonus: int,
    peer: bool,
    rows: tuple[Sequence[str], Choices],
    cols: tuple[Sequence[str], Choices],
) -> tuple[np.ndarray, np.ndarray]:
    """Every ranked (row, column) pair as sorted keys ``row * len(cols) + col`` and their
    bonus points: rows are mentees (or peers) and columns mentors (or peers), each given
    as (ids, ranked lists)."""
    if bonus <= 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    row_ids, col_ids = rows[0], cols[0]
    row_at = {pid: i for i, pid in enumerate(row_ids)}
    col_at = {pid: j for j, pid in enumerate(col_ids)}
    found: dict[int, int] = {}
    width = max(1, len(col_ids))
    ranked = [
        (row, col_at.get(other), rank)
        for row, listed in enumerate(rows[1].lists(peer, as_mentee=True))
        for rank, other in enumerate(listed, start=1)
    ] + [
        (row_at.get(other), col, rank)
        for col, listed in enumerate(cols[1].lists(peer, as_mentee=False))
        for rank, other in enumerate(listed, start=1)
    ]
    for row, col, rank in ranked:
        if row is not None and col is not None:
            key = row * width + col
            found[key] = found.get(key, 0) + rank_points(bonus, rank)
    keys = np.array(sorted(found), dtype=np.int64)
    return keys, np.array([found[int(k)] for k in keys], dtype=np.int64)


def lookup(table: tuple[np.ndarray, np.ndarray], keys: np.ndarray) -> np.ndarray:
    """Bonus points for each key (0 where nobody ranked the pair)."""
    known, points = table
    if not len(known):
        return np.zeros(len(keys), dtype=np.int64)
    at = np.minimum(np.searchsorted(known, keys), len(known) - 1)
    return np.where(known[at] == keys, points[at], 0)
