"""Circles as arrays: who may join which circle, and at what cost, for many people at once.

A circles cohort of thousands needs every (person, circle) test at once, not a Python
loop over members. ``CirclePeople`` encodes the pool (languages, time zones,
departments, levels, skills, private pairing rules) once; ``CircleState`` keeps per
circle counts of those (members per zone, per department, per level, common
languages), so that the hard rules and the balancing cost of a whole batch of people
against every circle are a few matrix products.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from mentorkit.matching.score import WORKING_HOURS, Scoring, goal_skills, offered_skills
from mentorkit.model.entities import Participant
from mentorkit.model.rules import timezone_gap_hours, utc_offset_hours

BLOCKED = 1_000_000
LEVELS = 12  # levels 1-10, with room for the band one above and one below
# Why a person may not join a circle, checked in this order (the first one is the reason).
OBSTACLES = ("full", "language", "timezone", "personal")


def _gaps(zones: Sequence[str]) -> np.ndarray:
    """Hours between every two zones, the short way round; NaN when a zone is unknown."""
    offsets = [utc_offset_hours(z) for z in zones]
    out = np.full((len(zones), len(zones)), np.nan)
    for i, a in enumerate(offsets):
        for j, b in enumerate(offsets):
            if a is not None and b is not None:
                gap = abs(a - b) % 24
                out[i, j] = min(gap, 24 - gap)
    return out


@dataclass(frozen=True)
class CirclePeople:
    """The pool as arrays; index ``i`` is ``people[i]`` (the pool is sorted by id)."""

    people: tuple[Participant, ...]
    index: dict[str, int]
    languages: np.ndarray  # n x L, 1.0 where spoken
    zone: np.ndarray  # n, index into ``too_far``/``gaps``
    gaps: np.ndarray  # Z x Z hours, -inf where unknown (so it never counts as the widest)
    too_far: np.ndarray  # Z x Z bool: beyond the cohort's limit
    department: np.ndarray
    level: np.ndarray
    goals: np.ndarray  # n x S
    interests: np.ndarray  # n x S: goals and offered skills
    conflicts: tuple[tuple[int, ...], ...]  # reporting line and avoid requests, both ways
    mentor: np.ndarray  # bool

    def __len__(self) -> int:
        return len(self.people)

    def compatible(self, i: int, j: int, max_gap: float) -> bool:
        """The pairwise part of the rules (time zone and personal); languages are per circle."""
        gap = timezone_gap_hours(self.people[i], self.people[j])
        return i != j and (gap is None or gap <= max_gap) and j not in self.conflicts[i]


def encode_people(scoring: Scoring, people: Sequence[Participant]) -> CirclePeople:
    languages = sorted({code for p in people for code in p.languages})
    skills = sorted({s for p in people for s in (*goal_skills(p), *offered_skills(p))})
    departments = sorted({p.department for p in people})
    zones = sorted({p.timezone for p in people})
    language_at = {c: k for k, c in enumerate(languages)}
    skill_at = {s: k for k, s in enumerate(skills)}
    index = {p.id: i for i, p in enumerate(people)}
    spoken = np.zeros((len(people), len(languages)))
    goals = np.zeros((len(people), len(skills)))
    interests = np.zeros((len(people), len(skills)))
    links: dict[int, set[int]] = defaultdict(set)
    for i, person in enumerate(people):
        spoken[i, [language_at[c] for c in person.languages]] = 1.0
        goals[i, [skill_at[s] for s in goal_skills(person)]] = 1.0
        interests[i, [skill_at[s] for s in (*goal_skills(person), *offered_skills(person))]] = 1.0
        for other in (person.manager, *person.avoid):
            j = index.get(other or "")
            if j is not None and j != i:
                links[i].add(j)
                links[j].add(i)
    gaps = _gaps(zones)
    return CirclePeople(
        people=tuple(people),
        index=index,
        languages=spoken,
        zone=np.array([zones.index(p.timezone) for p in people], dtype=np.int64),
        gaps=np.where(np.isnan(gaps), -np.inf, gaps),
        too_far=np.nan_to_num(gaps, nan=0.0) > scoring.max_gap,
        department=np.array([departments.index(p.department) for p in people], dtype=np.int64),
        level=np.clip(np.array([p.level for p in people], dtype=np.int64), 1, LEVELS - 2),
        goals=goals,
        interests=interests,
        conflicts=tuple(tuple(sorted(links[i])) for i in range(len(people))),
        mentor=np.array([p.mentor is not None for p in people], dtype=bool),
    )


class CircleState:
    """Every circle formed so far, as per-circle counts; a dissolved circle stays as a dead row."""

    def __init__(self, pool: CirclePeople, most: int) -> None:
        rows = max(1, most)
        self.pool = pool
        self.facilitator: list[int] = []
        self.members: list[list[int]] = []
        self.ids: list[str | None] = []
        self.alive: list[bool] = []
        self.member_of = np.full(len(pool), -1, dtype=np.int64)
        self.count = np.zeros(rows, dtype=np.int64)
        self.capacity = np.zeros(rows, dtype=np.int64)
        self.languages = np.zeros((rows, pool.languages.shape[1]))
        self.zones = np.zeros((rows, len(pool.gaps)))
        self.departments = np.zeros((rows, int(pool.department.max(initial=0)) + 1))
        self.levels = np.zeros((rows, LEVELS))
        self.interests = np.zeros((rows, pool.interests.shape[1]))

    def __len__(self) -> int:
        return len(self.members)

    def open(self, facilitator: int, capacity: int, circle_id: str | None = None) -> int:
        c = len(self.members)
        if c == len(self.count):  # grow (rare: the first guess of how many circles was low)
            for name in ("count", "capacity", "languages", "zones", "departments", "levels"):
                array = getattr(self, name)
                setattr(self, name, np.concatenate((array, np.zeros_like(array))))
            self.interests = np.concatenate((self.interests, np.zeros_like(self.interests)))
        self.facilitator.append(facilitator)
        self.members.append([])
        self.ids.append(circle_id)
        self.alive.append(True)
        self.capacity[c] = capacity
        self.languages[c] = 1.0
        self.add(c, facilitator)
        return c

    def add(self, c: int, person: int) -> None:
        pool = self.pool
        self.members[c].append(person)
        self.member_of[person] = c
        self.count[c] += 1
        self.languages[c] *= pool.languages[person]
        self.zones[c, pool.zone[person]] += 1
        self.departments[c, pool.department[person]] += 1
        self.levels[c, pool.level[person]] += 1
        self.interests[c] += pool.interests[person]

    def dissolve(self, c: int) -> list[int]:
        """Empty circle ``c``; returns its members."""
        members = self.members[c]
        self.member_of[members] = -1
        self.members[c] = []
        self.alive[c] = False
        for array in (self.languages, self.zones, self.departments, self.levels, self.interests):
            array[c] = 0
        self.count[c] = self.capacity[c] = 0
        return members

    def live(self) -> list[int]:
        return [c for c, alive in enumerate(self.alive) if alive]

    def obstacles(self, people: Sequence[int], circles: Sequence[int], limit: int) -> np.ndarray:
        """For each (circle, person): 0 when the person may join, else 1 + index in OBSTACLES."""
        pool, cs, ps = self.pool, np.asarray(circles, dtype=np.int64), np.asarray(people)
        full = self.count[cs] >= np.minimum(self.capacity[cs], limit)
        language = (self.languages[cs] @ pool.languages[ps].T) == 0
        timezone = (self.zones[cs] @ pool.too_far[:, pool.zone[ps]]) > 0
        personal = np.zeros((len(cs), len(ps)), dtype=bool)
        position = {c: k for k, c in enumerate(cs.tolist())}
        for k, person in enumerate(ps.tolist()):
            for other in pool.conflicts[person]:
                row = position.get(int(self.member_of[other]))
                if row is not None:
                    personal[row, k] = True
        code = np.zeros(personal.shape, dtype=np.int64)
        for number, blocked in enumerate((personal, timezone, language), start=2):
            code[blocked] = len(OBSTACLES) + 2 - number
        code[np.broadcast_to(full[:, None], code.shape)] = 1
        return code

    def cost(self, people: Sequence[int], circles: Sequence[int]) -> np.ndarray:
        """(circle, person) cost of a join: a second member from the same department or level
        band costs, shared goals and working hours save; lower is better."""
        pool, cs, ps = self.pool, np.asarray(circles, dtype=np.int64), np.asarray(people)
        levels = pool.level[ps]
        same_department = self.departments[cs][:, pool.department[ps]]
        same_band = (
            self.levels[cs][:, levels - 1]
            + self.levels[cs][:, levels]
            + self.levels[cs][:, levels + 1]
        )
        shared = np.minimum((self.interests[cs] > 0) @ pool.goals[ps].T, 3)
        present = self.zones[cs] > 0
        widest = np.full((len(cs), len(ps)), -np.inf)
        for zone in np.unique(pool.zone[ps]).tolist():
            column = np.where(present, pool.gaps[:, zone][None, :], -np.inf).max(axis=1)
            widest[:, pool.zone[ps] == zone] = column[:, None]
        worst = np.where(np.isinf(widest), WORKING_HOURS, np.maximum(0.0, WORKING_HOURS - widest))
        hours = np.round(5 * (WORKING_HOURS - worst)).astype(np.int64)
        cost: np.ndarray = (100 * same_department + 20 * same_band - 15 * shared).astype(
            np.int64
        ) + hours
        return cost
