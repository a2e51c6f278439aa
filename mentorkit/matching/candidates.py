"""Candidate pairs: who may never be paired with whom, and what the scoring found per person.

The pairs themselves are scored and kept by ``allowed`` (``build`` and ``collect``)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from mentorkit.matching.assignment import Edges
from mentorkit.matching.matrix import STAGES
from mentorkit.model.entities import Participant


def forbidden_columns(
    rows: Sequence[Participant], cols: Sequence[Participant], banned: Iterable[tuple[str, str]] = ()
) -> dict[int, list[int]]:
    """Per row, the columns it may never pair with: itself, its reporting line, avoid requests
    in either direction, and ``banned`` (column id, row id) pairs such as exclusions."""
    col_at = {p.id: j for j, p in enumerate(cols)}
    reports: dict[str, list[str]] = defaultdict(list)
    avoided_by: dict[str, list[str]] = defaultdict(list)
    for person in (*rows, *cols):
        if person.manager:
            reports[person.manager].append(person.id)
        for other in person.avoid:
            avoided_by[other].append(person.id)
    banned_for: dict[str, list[str]] = defaultdict(list)
    for col_id, row_id in banned:
        banned_for[row_id].append(col_id)
    forbidden: dict[int, list[int]] = {}
    for i, person in enumerate(rows):
        ids = {
            person.id,
            *person.avoid,
            *reports[person.id],
            *avoided_by[person.id],
            *banned_for[person.id],
        }
        if person.manager:
            ids.add(person.manager)
        columns = sorted(col_at[x] for x in ids if x in col_at)
        if columns:
            forbidden[i] = columns
    return forbidden


@dataclass(frozen=True)
class Candidates:
    """Allowed pairs (all of them, or the best ``top_k`` per row) and per-person statistics."""

    edges: Edges
    stage_counts: np.ndarray  # rows x len(STAGES): columns left after each filter
    best_fit: np.ndarray  # best fit per row past the public filters (no private rule), -1 if none
    best_feasible: np.ndarray  # best points per row among allowed pairs, -1 if none
    col_skill: np.ndarray  # per column: rows that seek one of its skills
    col_feasible: np.ndarray  # per column: rows it may be paired with

    @property
    def feasible_count(self) -> np.ndarray:
        return self.stage_counts[:, len(STAGES) - 1]
