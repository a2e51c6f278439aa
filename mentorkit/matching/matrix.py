"""Vectorised scoring of many candidate pairs at once, block by block.

Each block computes every component with NumPy in exactly the order ``score.score_with``
uses, so a pair's integer points are identical on both paths. Memory stays bounded
because rows (mentees, or peers) are scored a block at a time.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from mentorkit.matching.preferences import Choices, choice_table, lookup
from mentorkit.matching.score import (
    IDEAL_GAP,
    SCALE,
    SENIORITY_SPAN,
    WORKING_HOURS,
    Scoring,
    format_bits,
    goal_skills,
    offered_skills,
    prefers_cross_functional,
    weighted_total,
)
from mentorkit.model.entities import Participant
from mentorkit.model.rules import utc_offset_hours

BLOCK_CELLS = 2_000_000
# Filters applied one after another; a row's count after each explains why it is unmatched.
STAGES = ("skill", "language", "timezone", "department", "personal", "min_score")


@dataclass(frozen=True)
class Side:
    """One side's people as arrays; vocabularies (skills, languages, departments) are shared."""

    ids: tuple[str, ...]
    level: np.ndarray
    zone: np.ndarray  # index into ``gaps``
    gaps: np.ndarray  # hours between zones i and j (the short way round), NaN if unknown
    department: np.ndarray
    languages: np.ndarray
    formats: np.ndarray
    format_count: np.ndarray
    goals: np.ndarray
    goal_count: np.ndarray
    skill_levels: np.ndarray
    skill_offered: np.ndarray
    prefers_cross: np.ndarray
    choices: Choices


def _gap(a: str, b: str) -> float:
    """The same arithmetic as ``score.working_hours_overlap``, once per pair of zones."""
    first, second = utc_offset_hours(a), utc_offset_hours(b)
    if first is None or second is None:
        return float("nan")
    gap = abs(first - second) % 24
    return min(gap, 24 - gap)


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
    sides = []
    for group in groups:
        n = len(group)
        goals = np.zeros((n, len(skills)))
        levels = np.zeros((n, len(skills)))
        spoken = np.zeros((n, len(languages)))
        for row, person in enumerate(group):
            for skill in goal_skills(person):
                goals[row, skill_at[skill]] = 1.0
            for skill, level in offered_skills(person).items():
                levels[row, skill_at[skill]] = float(level)
            for code in person.languages:
                spoken[row, language_at[code]] = 1.0
        bits = np.array([format_bits(p) for p in group], dtype=np.int64)
        sides.append(
            Side(
                ids=tuple(p.id for p in group),
                level=np.array([p.level for p in group], dtype=np.int64),
                zone=np.array([zone_at[p.timezone] for p in group], dtype=np.int64),
                gaps=gaps,
                department=np.array([department_at[p.department] for p in group], dtype=np.int64),
                languages=spoken,
                formats=bits,
                format_count=np.bitwise_count(bits).astype(np.int64),
                goals=goals,
                goal_count=goals.sum(axis=1).astype(np.int64),
                skill_levels=levels,
                skill_offered=(levels > 0).astype(np.float64),
                prefers_cross=np.array([prefers_cross_functional(p) for p in group], dtype=bool),
                choices=Choices.of(group),
            )
        )
    return sides


@dataclass(frozen=True)
class Block:
    """Scores of rows ``start:stop`` against every column; ``points`` is -1 where forbidden."""

    start: int
    points: np.ndarray
    stage_counts: np.ndarray
    best_allowed: np.ndarray
    col_skill: np.ndarray


def score_blocks(
    scoring: Scoring, rows: Side, cols: Side, forbidden: dict[int, list[int]]
) -> Iterator[Block]:
    """Score every (row, column) pair, ``BLOCK_CELLS`` cells at a time.

    ``forbidden`` maps a row to the columns it may never pair with (self, reporting
    line, avoid requests, exclusions). Rows are mentees and columns mentors in
    bipartite cohorts; in peer cohorts both sides are the same pool.
    """
    n_rows, n_cols = len(rows.ids), len(cols.ids)
    step = max(1, BLOCK_CELLS // max(1, n_cols))
    table = choice_table(
        scoring.choice_points, scoring.peer, (rows.ids, rows.choices), (cols.ids, cols.choices)
    )
    for start in range(0, n_rows, step):
        stop = min(n_rows, start + step)
        yield _block(scoring, rows, cols, forbidden, (start, stop), table)


def _block(
    scoring: Scoring,
    rows: Side,
    cols: Side,
    forbidden: dict[int, list[int]],
    span: tuple[int, int],
    table: tuple[np.ndarray, np.ndarray],
) -> Block:
    """Hard rules on the whole block first (cheap), then the score only where they allow it."""
    start, stop = span
    part = slice(start, stop)
    shared = rows.goals[part] @ cols.skill_offered.T
    if scoring.mutual:  # swap: both directions must teach something, not either
        shared = np.minimum(shared, rows.skill_offered[part] @ cols.goals.T)
    elif scoring.peer:
        shared = shared + rows.skill_offered[part] @ cols.goals.T
    spoken = rows.languages[part] @ cols.languages.T
    tz_gap = rows.gaps[rows.zone[part][:, None], cols.zone[None, :]]
    known = ~np.isnan(tz_gap)
    allowed = shared > 0
    stages = [allowed.sum(axis=1)]
    allowed &= spoken > 0
    stages.append(allowed.sum(axis=1))
    allowed &= ~known | (tz_gap <= scoring.max_gap)
    stages.append(allowed.sum(axis=1))
    if scoring.cross_functional == "require":
        allowed &= rows.department[part][:, None] != cols.department[None, :]
    stages.append(allowed.sum(axis=1))
    for row in range(start, stop):
        cols_out = forbidden.get(row)
        if cols_out:
            allowed[row - start, cols_out] = False
    stages.append(allowed.sum(axis=1))
    col_skill = (shared > 0).sum(axis=0)

    r, c = np.nonzero(allowed)
    g = r + start  # global row index
    levels = (rows.goals[part] @ cols.skill_levels.T)[r, c]
    count = rows.goal_count[g]
    if scoring.peer:
        levels = levels + (rows.skill_levels[part] @ cols.goals.T)[r, c]
        count = count + cols.goal_count[c]
    with np.errstate(divide="ignore", invalid="ignore"):
        goals = np.where(count > 0, levels / (5 * count), 0.0)
    gap = rows.level[g] - cols.level[c] if scoring.reverse else cols.level[c] - rows.level[g]
    distance = np.abs(gap) if scoring.peer else np.abs(gap - IDEAL_GAP)
    seniority = np.maximum(0.0, 1 - distance / SENIORITY_SPAN)
    pair_gap = tz_gap[r, c]
    pair_known = known[r, c]
    timezone = (
        np.where(
            pair_known, np.maximum(0.0, WORKING_HOURS - np.where(pair_known, pair_gap, 0.0)), 0.0
        )
        / WORKING_HOURS
    )
    language = np.minimum(1.0, spoken[r, c] / 2)
    same_department = rows.department[g] == cols.department[c]
    asked = rows.prefers_cross[g] | cols.prefers_cross[c] if scoring.peer else rows.prefers_cross[g]
    if scoring.cross_functional == "ignore":
        cross = np.zeros(len(r))
    else:
        cross = np.where(same_department, np.where(asked, 0.0, 0.5), 1.0)
    both = np.bitwise_count(rows.formats[g] & cols.formats[c]).astype(np.int64)
    shorter = np.minimum(rows.format_count[g], cols.format_count[c])
    with np.errstate(divide="ignore", invalid="ignore"):
        fmt = np.where(shorter > 0, both / np.maximum(shorter, 1), 0.5)
    components = {
        "goals": goals,
        "seniority": seniority,
        "timezone": timezone,
        "language": language,
        "cross_functional": cross,
        "format": fmt,
    }
    total = weighted_total(scoring.weights, components) + np.zeros(len(r))
    points = np.floor(total * SCALE + 0.5).astype(np.int64)

    too_low = points / SCALE < scoring.min_score  # on the fit, before any choice bonus
    points = np.minimum(SCALE, points + lookup(table, g * max(1, len(cols.ids)) + c))
    grid = np.full(allowed.shape, -1, dtype=np.int64)
    grid[r, c] = points
    best_allowed = grid.max(axis=1, initial=-1)
    if too_low.any():
        grid[r[too_low], c[too_low]] = -1
    stages.append((grid >= 0).sum(axis=1))
    return Block(start, grid, np.stack(stages, axis=1), best_allowed, col_skill)
