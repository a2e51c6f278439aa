"""Vectorised scoring of many candidate pairs at once, block by block.

Each block computes every component with NumPy in exactly the order ``score.score_with``
uses, so a pair's integer points are identical on both paths. Memory stays bounded
because rows (mentees, or peers) are scored a block at a time.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from mentorkit.matching.parallel import in_order
from mentorkit.matching.preferences import choice_table, lookup
from mentorkit.matching.score import (
    IDEAL_GAP,
    SCALE,
    SENIORITY_SPAN,
    WORKING_HOURS,
    Scoring,
    weighted_total,
)
from mentorkit.matching.sides import Side, common, encode, level_sum, meets

__all__ = ["STAGES", "Block", "Side", "encode", "score_block", "score_blocks"]

BLOCK_CELLS = 2_000_000
# Filters applied one after another; a row's count after each explains why it is unmatched.
# The private one (personal rules: avoid requests, reporting lines, earlier pairings) comes
# last, so every count before it, and the best fit, are functions of public fields only.
STAGES = ("skill", "language", "timezone", "department", "min_score", "personal")


@dataclass(frozen=True)
class Block:
    """Rows ``start:stop`` against every column: the allowed pairs only, as local row
    indexes (ascending) and columns (ascending within a row) with their points."""

    start: int
    stop: int
    rows: np.ndarray  # int64, 0 <= row < stop - start
    cols: np.ndarray  # int64
    points: np.ndarray  # int64, the score in 1/SCALE steps (choice bonus included)
    stage_counts: np.ndarray
    best_fit: np.ndarray  # per row: best fit (no choice bonus) past the public filters, or -1
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

    def one(start: int) -> Block:
        return score_block(
            scoring, rows, cols, forbidden, (start, min(n_rows, start + step)), table
        )

    yield from in_order(one, range(0, n_rows, step))


def score_block(
    scoring: Scoring,
    rows: Side,
    cols: Side,
    forbidden: dict[int, list[int]],
    span: tuple[int, int],
    table: tuple[np.ndarray, np.ndarray],
) -> Block:
    """Rows ``span`` against every column: the allowed pairs and their points.

    ``table`` is ``preferences.choice_table`` for these rows and columns. Any sub-sides
    work (``sides.take``), for example one triangle of a peer pool."""
    start, stop = span
    tz_ok = ~(rows.gaps > scoring.max_gap)  # unknown zones (NaN) never rule a pair out
    by_zone = tz_ok[:, cols.zone]  # per row zone: the columns close enough
    mask, stages, col_skill, private = _allowed(scoring, rows, cols, forbidden, span, by_zone)
    r, c = np.nonzero(mask)
    points, best_fit, fits = _points(scoring, rows, cols, (start, stop, r, c), table)
    keep = fits & ~private[r, c]
    counts = [np.bincount(r[k], minlength=stop - start) for k in (fits, keep)]
    stage_counts = np.column_stack([*stages, *counts])
    return Block(start, stop, r[keep], c[keep], points[keep], stage_counts, best_fit, col_skill)


def _allowed(
    scoring: Scoring,
    rows: Side,
    cols: Side,
    forbidden: dict[int, list[int]],
    span: tuple[int, int],
    by_zone: np.ndarray,
) -> tuple[np.ndarray, list[np.ndarray], np.ndarray, np.ndarray]:
    """The public hard rules on the whole block (bitsets and row lookups: cheap per cell),
    the count of columns left per row after each, per column the rows its skills fit, and
    apart from them the pairs ``forbidden`` rules out (applied after the minimum score).

    A person is never their own partner; that is public, so it is no private rule."""
    start, stop = span
    part = slice(start, stop)
    allowed = meets(rows.goals[part], cols.offered)
    if scoring.mutual:  # swap: both directions must teach something, not either
        allowed &= meets(rows.offered[part], cols.goals)
    elif scoring.peer:
        allowed |= meets(rows.offered[part], cols.goals)
    private = np.zeros_like(allowed)
    for row in range(start, stop):
        cols_out = forbidden.get(row)
        if cols_out:
            private[row - start, cols_out] = True
            itself = [j for j in cols_out if cols.ids[j] == rows.ids[row]]
            allowed[row - start, itself] = False
            private[row - start, itself] = False
    col_skill = np.count_nonzero(allowed, axis=0)
    stages = [np.count_nonzero(allowed, axis=1)]
    allowed &= meets(rows.languages[part], cols.languages)
    stages.append(np.count_nonzero(allowed, axis=1))
    allowed &= by_zone[rows.zone[part]]
    stages.append(np.count_nonzero(allowed, axis=1))
    if scoring.cross_functional == "require":
        allowed &= rows.department[part][:, None] != cols.department[None, :]
    stages.append(np.count_nonzero(allowed, axis=1))
    return allowed, stages, col_skill, private


def _points(
    scoring: Scoring,
    rows: Side,
    cols: Side,
    pairs: tuple[int, int, np.ndarray, np.ndarray],
    table: tuple[np.ndarray, np.ndarray],
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Points of the pairs in ``score.score_with``'s order of arithmetic; per row the best
    fit (the score before any choice bonus: what the minimum score is compared with, and
    choices say nothing about it); and per pair whether the fit reaches the minimum."""
    start, stop, r, c = pairs
    g = r + start  # global row index
    levels = level_sum(rows.goals, cols.level_planes, g, c)
    count = rows.goal_count[g]
    if scoring.peer:
        levels = levels + level_sum(cols.goals, rows.level_planes, c, g)
        count = count + cols.goal_count[c]
    with np.errstate(divide="ignore", invalid="ignore"):
        goals = np.where(count > 0, levels / (5 * count), 0.0)
    gap = rows.level[g] - cols.level[c] if scoring.reverse else cols.level[c] - rows.level[g]
    distance = np.abs(gap) if scoring.peer else np.abs(gap - IDEAL_GAP)
    seniority = np.maximum(0.0, 1 - distance / SENIORITY_SPAN)
    pair_gap = rows.gaps[rows.zone[g], cols.zone[c]]
    pair_known = ~np.isnan(pair_gap)
    timezone = (
        np.where(
            pair_known, np.maximum(0.0, WORKING_HOURS - np.where(pair_known, pair_gap, 0.0)), 0.0
        )
        / WORKING_HOURS
    )
    language = np.minimum(1.0, common(rows.languages[g], cols.languages[c]) / 2)
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
    fit = np.floor(total * SCALE + 0.5).astype(np.int64)
    fits = fit / SCALE >= scoring.min_score  # on the fit, before any choice bonus
    points = np.minimum(SCALE, fit + lookup(table, g * max(1, len(cols.ids)) + c))
    best = np.full(stop - start, -1, dtype=np.int64)
    if len(r):  # rows ascend: one maximum per run of a row
        heads = np.flatnonzero(np.concatenate(([True], r[1:] != r[:-1])))
        best[r[heads]] = np.maximum.reduceat(fit, heads)
    return points, best, fits
