"""What may be published about people: the one home of the threshold and of "withheld".

Every figure about people that a page or a shared report shows is declared here as a
``Count`` (how many units: people, pairs, goals) or a ``Rate`` (a part of a whole), with
the exact set of units behind it. ``disclose`` then decides, for all the figures that will
be seen together (the whole site, or one report), which are shown:

1. *Primary rule.* A figure is shown when it is derivable from what is public anyway
   (``public=True``: the directory, public profiles, the lesson archive), or when its
   group and the rest of its group (the *complement*, within ``universe``) each hold no
   one or at least ``min_group`` units, and every set of people ``behind`` it does too.
2. *Complementary suppression.* Totals, shown parts and percentages with exact
   denominators are linear equations over the cells the sets cut the units into. A
   withheld figure whose cell vector lies in the span of the shown ones (and of the public
   ones, which a reader knows anyway) could be worked out, so shown figures are withheld
   one at a time until no withheld figure can be. Charts draw only shown figures, and
   graph edges are figures too, so chart geometry and edges leak nothing more.

Units are compared by identity, so two figures about the same people are tied together
even when a reader could not know it: the check errs on the side of withholding.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from mentorkit.model.entities import DEFAULT_MIN_GROUP

__all__ = [
    "DEFAULT_MIN_GROUP",
    "PERCENT",
    "WITHHELD",
    "Count",
    "Figure",
    "Rate",
    "Spec",
    "derivable",
    "disclose",
]

WITHHELD = "withheld"  # the one spelling, in text, Markdown and on the site
PERCENT = "{:.0%}"  # the one rendering of a rate: report, review and dashboard agree

Units = frozenset[Hashable]


def small_group(min_group: int) -> str:
    # One wording for a small group and a small rest: telling them apart would say which.
    return f"it, or the rest of its group, is fewer than {min_group} people"


small_rest = small_group


def few_behind(min_group: int) -> str:
    return f"fewer than {min_group} people are behind it"


NOBODY = "nobody to count"  # a rate over an empty group: nothing to divide
COMPLEMENTARY = "with the figures shown next to it, it would give a withheld figure away"


@dataclass(frozen=True)
class Figure:
    """A published figure: a value, or why it is withheld, or why there is nothing yet."""

    value: float | None
    withheld: str = ""  # the reason, when withheld
    note: str = ""  # when there is nothing to count yet ("not matched yet")

    @property
    def shown(self) -> bool:
        return self.value is not None

    def text(self, fmt: str = "{:,}") -> str:
        """The figure as plain text: the value, the note, or "withheld"."""
        if self.value is not None:
            return fmt.format(self.value)
        return self.note or (WITHHELD if self.withheld else "–")


def shown(value: float) -> Figure:
    return Figure(value)


@dataclass(frozen=True)
class Count:
    """How many of ``units`` there are; ``universe`` is the group they are part of."""

    key: str
    units: Units
    universe: Units | None = None
    public: bool = False
    behind: tuple[Units, ...] = ()
    keep: int = 0  # higher: withheld last when a complementary suppression is needed


@dataclass(frozen=True)
class Rate:
    """``len(part) / len(whole)``; ``part`` is a subset of ``whole``."""

    key: str
    part: Units
    whole: Units
    public: bool = False
    behind: tuple[Units, ...] = ()
    keep: int = 0


Spec = Count | Rate


def _passes(size: int, min_group: int) -> bool:
    return size == 0 or size >= min_group


def primary_reason(spec: Spec, min_group: int) -> str:
    """Why ``spec`` may not be shown on its own; empty when it may."""
    if spec.public:
        return ""
    if isinstance(spec, Count):
        group, rest = len(spec.units), len(spec.universe - spec.units) if spec.universe else 0
    else:
        if not spec.whole:
            return ""  # nothing to divide: no figure, nothing given away
        if len(spec.whole) < min_group:
            return small_group(min_group)
        group, rest = len(spec.part), len(spec.whole - spec.part)
    if not _passes(group, min_group):
        return small_group(min_group)
    if not _passes(rest, min_group):
        return small_rest(min_group)
    if any(not _passes(len(people), min_group) for people in spec.behind):
        return few_behind(min_group)
    return ""


def _value(spec: Spec) -> float | None:
    if isinstance(spec, Count):
        return len(spec.units)
    return len(spec.part) / len(spec.whole) if spec.whole else None


# Linear algebra over the integers modulo a prime: exact and fast. A figure that can be
# combined from others over the rationals can be combined modulo the prime too, so no
# leak is missed; the reverse, a false alarm that only withholds one figure more, needs
# the prime to divide a determinant, which a prime this size practically never does.
PRIME = 2_147_483_647  # 2**31 - 1: products of two residues fit numpy's int64


def _rows(specs: Sequence[Spec]) -> np.ndarray:
    """Each figure as a linear form over the cells (atoms) its sets cut the units into.

    A count is the sum of its cells; a rate p/w is the equation part - (p/w) whole = 0.
    """
    sets: list[Units] = []
    for spec in specs:
        sets += [spec.units] if isinstance(spec, Count) else [spec.part, spec.whole]
    signature: dict[Hashable, list[int]] = {}
    for index, units in enumerate(sets):
        for unit in units:
            signature.setdefault(unit, []).append(index)
    cells: list[list[int]] = [[] for _ in sets]
    atoms = sorted({tuple(s) for s in signature.values()})
    for column, atom in enumerate(atoms):
        for index in atom:
            cells[index].append(column)
    matrix = np.zeros((len(specs), max(len(atoms), 1)), dtype=np.int64)
    position = 0
    for row, spec in enumerate(specs):
        matrix[row, cells[position]] = 1
        if isinstance(spec, Rate):
            position += 1
            if spec.whole:
                rate = len(spec.part) * pow(len(spec.whole), PRIME - 2, PRIME) % PRIME
                matrix[row, cells[position]] = (matrix[row, cells[position]] - rate) % PRIME
        position += 1
    return matrix


def _combinations(known: np.ndarray, hidden: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each hidden row: whether the known rows combine into it, and one combination."""
    k = known.shape[0]
    table = np.concatenate([known.T, hidden.T], axis=1) % PRIME  # cells x (known + hidden)
    pivots: list[int] = []
    for column in range(k):
        rank = len(pivots)
        if rank == table.shape[0]:
            break
        nonzero = np.flatnonzero(table[rank:, column])
        if nonzero.size == 0:
            continue
        row = rank + int(nonzero[0])
        table[[rank, row]] = table[[row, rank]]
        table[rank] = table[rank] * pow(int(table[rank, column]), PRIME - 2, PRIME) % PRIME
        factors = table[:, column].copy()
        factors[rank] = 0
        table = (table - np.outer(factors, table[rank]) % PRIME) % PRIME
        pivots.append(column)
    rest = table[len(pivots) :, k:]
    recoverable = ~(rest != 0).any(axis=0)
    weights = np.zeros((k, hidden.shape[0]), dtype=np.int64)
    weights[pivots] = table[: len(pivots), k:]
    return recoverable, weights


def _twins(rows: np.ndarray) -> list[list[int]]:
    """For each figure, the figures with the very same row: they are one number."""
    groups: dict[bytes, list[int]] = {}
    for index, row in enumerate(rows):
        groups.setdefault(row.tobytes(), []).append(index)
    # A row of zeros (a rate whose part is its whole: 0 = 0) is no number: no twins.
    return [groups[row.tobytes()] if row.any() else [i] for i, row in enumerate(rows)]


def disclose(
    specs: Iterable[Spec],
    min_group: int = DEFAULT_MIN_GROUP,
    known: Sequence[Spec] = (),
    withheld_elsewhere: Sequence[Spec] = (),
) -> dict[str, Figure]:
    """Every figure of ``specs`` as it may be published together with the others.

    ``known`` are figures already published elsewhere (the site's, beside a report on a
    private export): a reader has them, so they count as shown and can never be withheld
    here; figures of ``specs`` are withheld instead when combined with them they would
    give a withheld figure away, theirs (``withheld_elsewhere``) included. As with public figures, a withheld figure that known
    ones alone add up to stays withheld by its own rule: how the sets of a private
    export happen to line up with the site's is nothing a reader knows. Known figures
    are not returned.
    """
    unique = list({spec.key: spec for spec in specs}.values())
    algebra = _structural(unique)
    shown = {s.key: _figure(s, "") for s in unique if s.public and s not in algebra}
    fixed = [s for s in known if s.key not in shown and s not in algebra]
    apart = [s for s in withheld_elsewhere if s.key not in shown and s not in algebra]
    figures = _suppress([*algebra, *fixed, *apart], min_group, len(algebra), len(fixed))
    return {k: v for k, v in {**shown, **figures}.items() if k in {s.key for s in unique}}


def derivable(specs: Sequence[Spec], known: Sequence[Spec]) -> list[bool]:
    """Whether each of ``specs`` can be worked out from the ``known`` figures alone (then
    withholding it hides nothing)."""
    if not specs:
        return []
    rows = _rows([*known, *specs])
    recoverable, _ = _combinations(rows[: len(known)], rows[len(known) :])
    return [bool(found) for found in recoverable]


def _structural(specs: list[Spec]) -> list[Spec]:
    """The figures whose relations a reader can know: every private one, and the public
    ones that are the group of a private one (a department's people behind its share
    enrolled). Other public sets (who offers a skill) are left out: how a private set
    happens to line up with them is not something a reader knows, and counting on it
    would withhold figures for no reason."""
    groups = set()
    for spec in specs:
        if not spec.public:
            groups.add(spec.universe if isinstance(spec, Count) else spec.whole)
    return [s for s in specs if not s.public or (isinstance(s, Count) and s.units in groups)]


def _suppress(
    specs: list[Spec], min_group: int, own: int | None = None, shown_apart: int = 0
) -> dict[str, Figure]:
    """After the first ``own`` specs: ``shown_apart`` figures known already (shown, and
    never withheld), then figures withheld elsewhere (they must stay so)."""
    own = len(specs) if own is None else own
    reasons = _first_reasons(specs, min_group, own, shown_apart)
    rows = _rows(specs)
    twins = _twins(rows)
    # Public figures and known ones cannot be taken back.
    public = [spec.public or i >= own for i, spec in enumerate(specs)]
    # A figure is as important as the most important one that is the same number.
    keep = [max(specs[t].keep for t in twins[i]) for i in range(len(specs))]
    for i, reason in enumerate(reasons):  # the same number is shown everywhere or nowhere
        for t in twins[i] if reason else ():
            if not public[t]:
                reasons[t] = reasons[t] or reason
    while True:
        # Least important first: the elimination then leans on them, so a combination
        # that gives a withheld figure away names them as the ones to withhold.
        known = sorted(
            (i for i, reason in enumerate(reasons) if not reason),
            key=lambda i: (public[i], keep[i], _value(specs[i]) or 0, i),
        )
        withheld = [i for i, reason in enumerate(reasons) if reason]
        if not withheld:
            break
        recoverable, weights = _combinations(rows[known], rows[withheld])
        victims: set[int] = set()
        for j in np.flatnonzero(recoverable):
            # Public figures cannot be taken back. A combination of public figures alone
            # rests on how private sets happen to line up with them, which no reader
            # knows (and a rate over a whole that is all its part is the row 0 = 0):
            # the figure stays withheld by its own rule.
            candidates = [known[i] for i in np.flatnonzero(weights[:, j]) if not public[known[i]]]
            if candidates and not victims.intersection(candidates):
                victims.add(min(candidates, key=lambda i: (keep[i], _value(specs[i]) or 0, -i)))
        if not victims:
            break
        for victim in victims:
            for twin in twins[victim]:
                if not public[twin]:
                    reasons[twin] = reasons[twin] or COMPLEMENTARY
    return {spec.key: _figure(spec, reason) for spec, reason in zip(specs, reasons, strict=True)}


def _first_reasons(specs: list[Spec], min_group: int, own: int, shown_apart: int) -> list[str]:
    """Each figure's own reason to be withheld; figures from elsewhere as they are there."""
    return [
        primary_reason(s, min_group) if i < own else "" if i < own + shown_apart else WITHHELD
        for i, s in enumerate(specs)
    ]


def _figure(spec: Spec, reason: str) -> Figure:
    if reason:
        return Figure(None, withheld=reason)
    value = _value(spec)
    return Figure(value, note="" if value is not None else NOBODY)
