"""People as arrays for vectorised scoring: small integers and bitsets.

Skills, languages and formats are sets drawn from small vocabularies, so each person's
set is a row of 64-bit words (a bitset). "Do they share a skill?" is then one AND per
word, and "how many levels of the sought skills does the other offer?" a handful of
popcounts over the bit planes of the levels, for millions of pairs at once. The
integers these give are exactly the sums the scalar path (``score.score_with``)
computes, so both paths agree to the last bit.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

import numpy as np

from mentorkit.matching.preferences import Choices
from mentorkit.matching.score import (
    format_bits,
    goal_skills,
    offered_skills,
    prefers_cross_functional,
)
from mentorkit.model.entities import Participant
from mentorkit.model.rules import utc_offset_hours

WORD = 64


@dataclass(frozen=True)
class Side:
    """One side's people as arrays; vocabularies (skills, languages, departments) are shared."""

    ids: tuple[str, ...]
    level: np.ndarray  # int64
    zone: np.ndarray  # index into ``gaps``
    gaps: np.ndarray  # hours between zones i and j (the short way round), NaN if unknown
    department: np.ndarray
    languages: np.ndarray  # (people, words) uint64: spoken languages
    formats: np.ndarray  # int64 bits of MEETING_FORMATS
    format_count: np.ndarray
    goals: np.ndarray  # (people, words) uint64: skills sought
    goal_count: np.ndarray
    offered: np.ndarray  # (people, words) uint64: skills offered at a level above 0
    level_planes: np.ndarray  # (bits, people, words) uint64: bit b of each offered level
    prefers_cross: np.ndarray
    choices: Choices


def _gap(a: str, b: str) -> float:
    """The same arithmetic as ``score.working_hours_overlap``, once per pair of zones."""
    first, second = utc_offset_hours(a), utc_offset_hours(b)
    if first is None or second is None:
        return float("nan")
    gap = abs(first - second) % 24
    return min(gap, 24 - gap)


def bitset(n: int, width: int, members: Iterable[tuple[int, int]]) -> np.ndarray:
    """An (n, words) uint64 array with bit ``j`` of row ``i`` set for each (i, j)."""
    bits = np.zeros((n, max(1, -(-width // WORD))), dtype=np.uint64)
    for row, j in members:
        bits[row, j // WORD] |= np.uint64(1 << (j % WORD))
    return bits


def _skill_arrays(
    group: Sequence[Participant], skill_at: dict[str, int], planes: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Sought skills, offered skills and the bit planes of the offered levels."""
    n, width = len(group), len(skill_at)
    sought = [(row, skill_at[s]) for row, p in enumerate(group) for s in goal_skills(p)]
    levels = [
        (row, skill_at[s], level)
        for row, p in enumerate(group)
        for s, level in offered_skills(p).items()
        if level > 0
    ]
    offered = bitset(n, width, ((row, j) for row, j, _ in levels))
    level_planes = np.stack(
        [
            bitset(n, width, ((row, j) for row, j, level in levels if level >> b & 1))
            for b in range(planes)
        ]
    )
    return bitset(n, width, sought), offered, level_planes


def encode(groups: Sequence[Sequence[Participant]]) -> list[Side]:
    """Arrays for each group of people, with one vocabulary across all of them."""
    everyone = [p for group in groups for p in group]
    skills = sorted({s for p in everyone for s in (*offered_skills(p), *goal_skills(p))})
    languages = sorted({code for p in everyone for code in p.languages})
    departments = sorted({p.department for p in everyone})
    skill_at = {s: i for i, s in enumerate(skills)}
    language_at = {code: i for i, code in enumerate(languages)}
    department_at = {d: i for i, d in enumerate(departments)}
    zones = sorted({p.timezone for p in everyone})
    zone_at = {z: i for i, z in enumerate(zones)}
    gaps = np.array([[_gap(a, b) for b in zones] for a in zones], dtype=np.float64).reshape(
        len(zones), len(zones)
    )
    top = max((lv for p in everyone for lv in offered_skills(p).values()), default=0)
    planes = max(1, int(top).bit_length())
    sides = []
    for group in groups:
        goals, offered, level_planes = _skill_arrays(group, skill_at, planes)
        bits = np.array([format_bits(p) for p in group], dtype=np.int64)
        spoken = ((row, language_at[code]) for row, p in enumerate(group) for code in p.languages)
        sides.append(
            Side(
                ids=tuple(p.id for p in group),
                level=np.array([p.level for p in group], dtype=np.int64),
                zone=np.array([zone_at[p.timezone] for p in group], dtype=np.int64),
                gaps=gaps,
                department=np.array([department_at[p.department] for p in group], dtype=np.int64),
                languages=bitset(len(group), len(languages), spoken),
                formats=bits,
                format_count=np.bitwise_count(bits).astype(np.int64),
                goals=goals,
                goal_count=np.array([len(goal_skills(p)) for p in group], dtype=np.int64),
                offered=offered,
                level_planes=level_planes,
                prefers_cross=np.array([prefers_cross_functional(p) for p in group], dtype=bool),
                choices=Choices.of(group),
            )
        )
    return sides


def take(side: Side, idx: np.ndarray) -> Side:
    """The people ``idx`` of a side, in that order (vocabularies unchanged)."""
    keep = idx.tolist()
    return replace(
        side,
        ids=tuple(side.ids[i] for i in keep),
        level=side.level[idx],
        zone=side.zone[idx],
        department=side.department[idx],
        languages=side.languages[idx],
        formats=side.formats[idx],
        format_count=side.format_count[idx],
        goals=side.goals[idx],
        goal_count=side.goal_count[idx],
        offered=side.offered[idx],
        level_planes=side.level_planes[:, idx],
        prefers_cross=side.prefers_cross[idx],
        choices=Choices(
            tuple(side.choices.as_mentee[i] for i in keep),
            tuple(side.choices.as_mentor[i] for i in keep),
        ),
    )


def meets(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """(len(a), len(b)) booleans: do row i of ``a`` and row j of ``b`` share a bit?"""
    out: np.ndarray = (a[:, None, 0] & b[None, :, 0]) != 0
    for w in range(1, a.shape[1]):
        out |= (a[:, None, w] & b[None, :, w]) != 0
    return out


def common(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Per pair (row i of ``a`` with row i of ``b``): how many bits both have."""
    total: np.ndarray = np.bitwise_count(a[:, 0] & b[:, 0]).astype(np.int64)
    for w in range(1, a.shape[1]):
        total += np.bitwise_count(a[:, w] & b[:, w])
    return total


def level_sum(sought: np.ndarray, planes: np.ndarray, g: np.ndarray, c: np.ndarray) -> np.ndarray:
    """Per pair: the sum of the levels at which column ``c`` offers the skills row ``g``
    seeks (the bit planes weighted 1, 2, 4, ...)."""
    rows = sought[g]
    total = np.zeros(len(g), dtype=np.int64)
    for b in range(len(planes)):
        total += common(rows, planes[b][c]) << b
    return total
