"""Peer scoring for the upper triangle only: the shared kernel's formulas, leaner.

``matrix._block`` scores a dense block and also counts, per row, what each hard rule
filters (for explanations). Peer pools need those counts for the few people left
unpaired only (``peer_graph.stats`` asks the shared kernel for them), so this kernel
keeps just the allowed pairs a < b and their points:

- the skill rule and the goals score come from one product: goals x levels both ways
  (a level is at least 1 where a skill is offered, so a positive sum means a shared
  skill); products of small integers are exact in float32, so the values are identical;
- languages are bit masks, time zones and their score component small tables per pair
  of zones, computed with the very expressions of the shared kernel.

Every component is computed exactly as in ``matrix._block`` and summed by the same
``weighted_total``, so a pair's points are identical on all paths (a test compares
the full square).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mentorkit.matching.matrix import Side
from mentorkit.matching.preferences import lookup
from mentorkit.matching.score import SCALE, SENIORITY_SPAN, WORKING_HOURS, Scoring, weighted_total


@dataclass(frozen=True)
class Lean:
    """Per-person arrays for the kernel (float32 skill tables, language bits) and per
    pair of zones whether the gap is allowed and the time-zone component."""

    teach: np.ndarray  # [goals | levels]
    learn: np.ndarray  # [levels | goals]
    goals: np.ndarray
    levels: np.ndarray
    language_bits: np.ndarray
    zone_ok: np.ndarray
    zone_part: np.ndarray

    @staticmethod
    def of(side: Side, scoring: Scoring) -> Lean:
        goals = side.goals.astype(np.float32)
        levels = side.skill_levels.astype(np.float32)
        spoken = (side.languages > 0).astype(np.int64)
        bits = spoken @ (np.int64(1) << np.arange(spoken.shape[1], dtype=np.int64))
        gaps = side.gaps
        known = ~np.isnan(gaps)
        ok = ~known | (np.where(known, gaps, 0.0) <= scoring.max_gap)
        part = (
            np.where(known, np.maximum(0.0, WORKING_HOURS - np.where(known, gaps, 0.0)), 0.0)
            / WORKING_HOURS
        )
        return Lean(
            np.hstack((goals, levels)), np.hstack((levels, goals)), goals, levels, bits, ok, part
        )


def _allowed(
    scoring: Scoring, side: Side, lean: Lean, start: int, stop: int
) -> tuple[np.ndarray, np.ndarray | None]:
    """Rows ``start:stop`` against columns ``start:``: the hard rules, and the summed
    level products (None for swaps, where both directions must hold on their own)."""
    rows, cols = slice(start, stop), slice(start, None)
    summed = None
    if scoring.mutual:
        allowed = (lean.goals[rows] @ lean.levels[cols].T > 0) & (
            lean.levels[rows] @ lean.goals[cols].T > 0
        )
    else:
        summed = lean.teach[rows] @ lean.learn[cols].T
        allowed = summed > 0
    allowed &= (lean.language_bits[rows][:, None] & lean.language_bits[cols][None, :]) != 0
    allowed &= lean.zone_ok[side.zone[rows]][:, side.zone[cols]]
    if scoring.cross_functional == "require":
        allowed &= side.department[rows][:, None] != side.department[cols][None, :]
    allowed[:, : stop - start] &= np.triu(np.ones((stop - start, stop - start), dtype=bool), 1)
    return allowed, summed


def lean_block(
    scoring: Scoring,
    side: Side,
    lean: Lean,
    span: tuple[int, int],
    forbidden: dict[int, list[int]],
    table: tuple[np.ndarray, np.ndarray],
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Allowed pairs (a, b) with ``span[0] <= a < span[1]`` and a < b, row by row, and
    their points (choice bonus included, pairs below ``min_score`` dropped)."""
    start, stop = span
    allowed, summed = _allowed(scoring, side, lean, start, stop)
    for a in range(start, stop):
        out = [b - start for b in forbidden.get(a, ()) if b >= start]
        if out:
            allowed[a - start, out] = False
    r, c = np.nonzero(allowed)
    g, h = r + start, c + start
    if summed is None:
        levels = (lean.goals[g] * lean.levels[h]).sum(axis=1, dtype=np.float64) + (
            lean.levels[g] * lean.goals[h]
        ).sum(axis=1, dtype=np.float64)
    else:
        levels = summed[r, c].astype(np.float64)
    count = side.goal_count[g] + side.goal_count[h]
    with np.errstate(divide="ignore", invalid="ignore"):
        goals = np.where(count > 0, levels / (5 * count), 0.0)
    seniority = np.maximum(0.0, 1 - np.abs(side.level[h] - side.level[g]) / SENIORITY_SPAN)
    language = np.minimum(1.0, np.bitwise_count(lean.language_bits[g] & lean.language_bits[h]) / 2)
    same_department = side.department[g] == side.department[h]
    asked = side.prefers_cross[g] | side.prefers_cross[h]
    if scoring.cross_functional == "ignore":
        cross = np.zeros(len(r))
    else:
        cross = np.where(same_department, np.where(asked, 0.0, 0.5), 1.0)
    both = np.bitwise_count(side.formats[g] & side.formats[h]).astype(np.int64)
    shorter = np.minimum(side.format_count[g], side.format_count[h])
    with np.errstate(divide="ignore", invalid="ignore"):
        fmt = np.where(shorter > 0, both / np.maximum(shorter, 1), 0.5)
    components = {
        "goals": goals,
        "seniority": seniority,
        "timezone": lean.zone_part[side.zone[g], side.zone[h]],
        "language": language,
        "cross_functional": cross,
        "format": fmt,
    }
    total = weighted_total(scoring.weights, components) + np.zeros(len(r))
    points = np.floor(total * SCALE + 0.5).astype(np.int64)
    keep = points / SCALE >= scoring.min_score  # on the fit, before any choice bonus
    points = np.minimum(SCALE, points + lookup(table, g * max(1, len(side.ids)) + h))
    return g[keep], h[keep], points[keep]
