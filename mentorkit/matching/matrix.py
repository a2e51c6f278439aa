"""Vectorised scoring of many candidate pairs at once, block by block.

Each block computes every component with NumPy in exactly the order ``score.score_with``
uses, so a pair's integer points are identical on both paths. Memory stays bounded
because rows (mentees, or peers) are scored a block at a time.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from mentorkit.matching.score import (
    COMPONENTS,
    IDEAL_GAP,
    SCALE,
    SENIORITY_SPAN,
    WORKING_HOURS,
    Scoring,
    format_bits,
    goal_skills,
    offered_skills,
    prefers_cross_functional,
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
    offset: np.ndarray
    department: np.ndarray
    languages: np.ndarray
    formats: np.ndarray
    format_count: np.ndarray
    goals: np.ndarray
    goal_count: np.ndarray
    skill_levels: np.ndarray
    skill_offered: np.ndarray
    prefers_cross: np.ndarray


def encode(groups: Sequence[Sequence[Participant]]) -> list[Side]:
    """Arrays for each group of people, with one vocabulary across all of them."""
    everyone = [p for group in groups for p in group]
    skills = sorted({s for p in everyone for s in (*offered_skills(p), *goal_skills(p))})
    languages = sorted({code for p in everyone for code in p.languages})
    departments = sorted({p.department for p in everyone})
    skill_at = {s: i for i, s in enumerate(skills)}
    language_at = {code: i for i, code in enumerate(languages)}
    department_at = {d: i for i, d in enumerate(departments)}
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
        offsets = [utc_offset_hours(p.timezone) for p in group]
        bits = np.array([format_bits(p) for p in group], dtype=np.int64)
        sides.append(
            Side(
                ids=tuple(p.id for p in group),
                level=np.array([p.level for p in group], dtype=np.int64),
                offset=np.array([np.nan if o is None else o for o in offsets], dtype=np.float64),
                department=np.array([department_at[p.department] for p in group], dtype=np.int64),
                languages=spoken,
                formats=bits,
                format_count=np.bitwise_count(bits).astype(np.int64),
                goals=goals,
                goal_count=goals.sum(axis=1).astype(np.int64),
                skill_levels=levels,
                skill_offered=(levels > 0).astype(np.float64),
                prefers_cross=np.array([prefers_cross_functional(p) for p in group], dtype=bool),
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


def score_blocks(scoring: Scoring, rows: Side, cols: Side, forbidden: dict[int, list[int]]) -> Iterator[Block]:
    """Score every (row, column) pair, ``BLOCK_CELLS`` cells at a time.

    ``forbidden`` maps a row to the columns it may never pair with (self, reporting
    line, avoid requests, exclusions). Rows are mentees and columns mentors in
    bipartite cohorts; in peer cohorts both sides are the same pool.
    """
    n_rows, n_cols = len(rows.ids), len(cols.ids)
    step = max(1, BLOCK_CELLS // max(1, n_cols))
    for start in range(0, n_rows, step):
        stop = min(n_rows, start + step)
        yield _block(scoring, rows, cols, forbidden, start, stop)


def _block(scoring: Scoring, rows: Side, cols: Side, forbidden: dict[int, list[int]], start: int, stop: int) -> Block:
    part = slice(start, stop)
    levels = rows.goals[part] @ cols.skill_levels.T
    shared = rows.goals[part] @ cols.skill_offered.T
    count = rows.goal_count[part][:, None] + np.zeros((1, len(cols.ids)), dtype=np.int64)
    if scoring.peer:
        levels = levels + (rows.skill_levels[part] @ cols.goals.T)
        shared = shared + rows.skill_offered[part] @ cols.goals.T
        count = count + cols.goal_count[None, :]
    with np.errstate(divide="ignore", invalid="ignore"):
        goals = np.where(count > 0, levels / (5 * count), 0.0)
    if scoring.reverse:
        gap = rows.level[part][:, None] - cols.level[None, :]
    else:
        gap = cols.level[None, :] - rows.level[part][:, None]
    distance = np.abs(gap) if scoring.peer else np.abs(gap - IDEAL_GAP)
    seniority = np.maximum(0.0, 1 - distance / SENIORITY_SPAN)
    tz_gap = np.abs(rows.offset[part][:, None] - cols.offset[None, :]) % 24
    tz_gap = np.minimum(tz_gap, 24 - tz_gap)
    known = ~np.isnan(tz_gap)
    timezone = np.where(known, np.maximum(0.0, WORKING_HOURS - np.where(known, tz_gap, 0.0)), 0.0) / WORKING_HOURS
    spoken = rows.languages[part] @ cols.languages.T
    language = np.minimum(1.0, spoken / 2)
    same_department = rows.department[part][:, None] == cols.department[None, :]
    asked = rows.prefers_cross[part][:, None] | (cols.prefers_cross[None, :] if scoring.peer else False)
    if scoring.cross_functional == "ignore":
        cross = np.zeros(same_department.shape)
    else:
        cross = np.where(same_department, np.where(asked, 0.0, 0.5), 1.0)
    both = np.bitwise_count(rows.formats[part][:, None] & cols.formats[None, :]).astype(np.int64)
    shorter = np.minimum(rows.format_count[part][:, None], cols.format_count[None, :])
    with np.errstate(divide="ignore", invalid="ignore"):
        fmt = np.where(shorter > 0, both / np.maximum(shorter, 1), 0.5)
    components = {"goals": goals, "seniority": seniority, "timezone": timezone, "language": language, "cross_functional": cross, "format": fmt}
    total: np.ndarray = np.zeros(goals.shape)
    for name in COMPONENTS:
        total = total + scoring.weights[name] * components[name]
    points = np.floor(total * SCALE + 0.5).astype(np.int64)

    allowed = shared > 0
    stages = [allowed.copy()]
    allowed &= spoken > 0
    stages.append(allowed.copy())
    allowed &= ~known | (tz_gap <= scoring.max_gap)
    stages.append(allowed.copy())
    if scoring.cross_functional == "require":
        allowed &= ~same_department
    stages.append(allowed.copy())
    for row in range(start, stop):
        cols_out = forbidden.get(row)
        if cols_out:
            allowed[row - start, cols_out] = False
    stages.append(allowed.copy())
    best_allowed = np.where(allowed, points, -1).max(axis=1, initial=-1)
    allowed &= points / SCALE >= scoring.min_score
    stages.append(allowed)
    stage_counts = np.stack([s.sum(axis=1) for s in stages], axis=1)
    return Block(start, np.where(allowed, points, -1), stage_counts, best_allowed, stages[0].sum(axis=0))
