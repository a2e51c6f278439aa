"""What the shared unmatched reason leaves out: the private causes, counted and named.

``explain`` stops at the public filters (skill, language, time zone, department, minimum
score): past them one reason covers capacity, earlier pairings and personal rules alike,
because that text reaches every member. A coordinator holding the identity needs the
cause to act on it (raise a mentor's capacity, talk to someone, accept it), so this
module splits the partners who passed the public filters by what kept each one away:

- a reporting line (one manages the other), then an avoid request (either direction),
  then an earlier pairing or an exclusion: the first that applies, so each partner is
  counted once and the counts add up to the publicly compatible partners;
- otherwise the partner is allowed but at capacity (mentors) or paired with others
  (peers, and the mentees an idle mentor could have had).

It runs after matching, for the unmatched people only, and scores their pairs again
without any private rule (``matrix.score_blocks`` with nothing forbidden but oneself),
so the ordinary path pays nothing for it. In circles cohorts the partners are the
circles (not locked ones, as in the shared reason): those that share a language with the
person and have no member too far away, each closed by a member's reporting line or
avoid request, or else full. Rotation cohorts are not broken down: their reason is
about rounds, and which partner was free in which round is the solver's. The result names
people; it is for the coordinator's terminal (``match --show-sealed``) and never for a
file or for output others read.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from mentorkit.matching.assembly import split_existing
from mentorkit.matching.matrix import encode, score_blocks
from mentorkit.matching.result import MatchResult, UnmatchedRole
from mentorkit.matching.score import Scoring, scoring_for
from mentorkit.model.entities import Participant
from mentorkit.model.program import Program
from mentorkit.model.rules import avoided, reporting_conflict, timezone_gap_hours

# What can keep a publicly compatible partner away, in the order they are counted.
CAUSES = ("reporting", "avoid", "earlier", "taken", "free")
# Formats whose unmatched reasons are about partners (the others: circles, rounds).
BROKEN_DOWN = ("one-on-one", "reverse", "peer", "swap", "circles")


@dataclass(frozen=True)
class PrivateBreakdown:
    """One unmatched person's publicly compatible partners, by what kept each away.

    ``causes`` maps each of ``CAUSES`` to the partners' ids (sorted): ``reporting`` a
    reporting line, ``avoid`` an avoid request, ``earlier`` an earlier pairing or an
    exclusion, ``taken`` allowed but at capacity or paired with others, ``free`` allowed
    and with room (never, once the engine has added everyone it could)."""

    id: str
    role: UnmatchedRole
    compatible: int  # partners past every public filter
    causes: dict[str, tuple[str, ...]]

    def count(self, cause: str) -> int:
        return len(self.causes.get(cause, ()))


@dataclass(frozen=True)
class _Side:
    """Who is being explained, against whom, and what the final assignment says."""

    scoring: Scoring
    banned: frozenset[tuple[str, str]]  # (mentor, mentee) or both orders for peers
    busy: Callable[[str], bool]  # the partner cannot take anyone more


def private_breakdown(
    program: Program,
    cohort_id: str,
    result: MatchResult,
    exclude: frozenset[tuple[str, str]] = frozenset(),
) -> dict[tuple[str, str], PrivateBreakdown]:
    """Per unmatched person of ``result``, by (id, role) (someone both mentor and mentee
    can be unmatched in both roles), the private breakdown; empty for formats not broken
    down. ``exclude``: the (mentor, mentee) pairs the run excluded."""
    cohort = program.cohorts[cohort_id]
    if cohort.format not in BROKEN_DOWN or not result.unmatched:
        return {}
    scoring = scoring_for(cohort)
    if cohort.format == "circles":
        return _by_id(_circles(program, scoring, result))
    fixed, history, _ = split_existing(program.matches.get(cohort_id))
    active = [p for p in result.pairs if p.status != "ended"]
    paired = {p.mentor for p in active} | {p.mentee for p in active}
    waiting = {(u.id, u.role) for u in result.unmatched}
    if scoring.peer:
        taken = {p.mentor for p in fixed} | {p.mentee for p in fixed}
        pool = sorted(
            (p for p in program.enrolled(cohort_id) if p.id not in taken), key=lambda p: p.id
        )
        history_pairs = {(p.mentor, p.mentee) for p in history} | set(exclude)
        both = frozenset({*history_pairs, *((b, a) for a, b in history_pairs)})
        peers = _Side(scoring, both, paired.__contains__)
        rows = [p for p in pool if (p.id, "peer") in waiting]
        return _by_id(_breakdowns(peers, rows, pool, "peer"))
    banned = frozenset({(p.mentor, p.mentee) for p in history} | set(exclude))
    mentors = sorted(program.mentors_in(cohort_id), key=lambda p: p.id)
    load = Counter(p.mentor for p in active)
    full = {m.id for m in mentors if load[m.id] >= (m.mentor.capacity if m.mentor else 0)}
    fixed_mentees = {p.mentee for p in fixed}
    pool = sorted(
        (p for p in program.mentees_in(cohort_id) if p.id not in fixed_mentees),
        key=lambda p: p.id,
    )
    mentees = [p for p in pool if (p.id, "mentee") in waiting]
    idle = [m for m in mentors if (m.id, "mentor") in waiting]
    found = _breakdowns(_Side(scoring, banned, full.__contains__), mentees, mentors, "mentee")
    flipped = frozenset((b, a) for a, b in banned)  # rows are mentors: (mentee, mentor)
    mentored = {p.mentee for p in active}
    found += _breakdowns(
        _Side(scoring, flipped, mentored.__contains__), idle, pool, "mentor", rows_mentor=True
    )
    return _by_id(found)


def _circles(program: Program, scoring: Scoring, result: MatchResult) -> list[PrivateBreakdown]:
    """Each unplaced member's circles past the public rules (a shared language, nobody
    too far), each under the first member's rule that closes it, else full."""
    circles = [
        (c.id, [program.participants[m] for m in c.members])
        for c in result.circles
        if c.origin != "locked"
    ]
    found = []
    for unplaced in result.unmatched:
        person = program.participants[unplaced.id]
        causes: dict[str, list[str]] = {cause: [] for cause in CAUSES}
        open_to = [(cid, members) for cid, members in circles if _open_to(scoring, person, members)]
        for cid, members in open_to:
            cause, who = _circle_cause(person, members)
            causes[cause].append(f"{cid} with {who}" if who else cid)
        found.append(
            PrivateBreakdown(
                person.id,
                unplaced.role,
                len(open_to),
                {cause: tuple(sorted(ids)) for cause, ids in causes.items()},
            )
        )
    return found


def _open_to(scoring: Scoring, person: Participant, members: list[Participant]) -> bool:
    """The circle's public rules let ``person`` in: a language everyone speaks, no member
    more than the cohort's time-zone limit away (an unknown zone never rules out)."""
    common = set(person.languages).intersection(*(m.languages for m in members))
    gaps = (timezone_gap_hours(person, m) for m in members)
    return bool(common) and all(gap is None or gap <= scoring.max_gap for gap in gaps)


def _circle_cause(person: Participant, members: list[Participant]) -> tuple[str, str]:
    """The first private rule between ``person`` and a member (and whom), else full."""
    for rule, applies in (("reporting", reporting_conflict), ("avoid", avoided)):
        who = [m.id for m in members if applies(person, m)]
        if who:
            return rule, ", ".join(who)
    return "taken", ""


def _by_id(found: list[PrivateBreakdown]) -> dict[tuple[str, str], PrivateBreakdown]:
    return {(b.id, b.role): b for b in found}


def _breakdowns(
    side: _Side,
    rows: Sequence[Participant],
    cols: Sequence[Participant],
    role: UnmatchedRole,
    *,
    rows_mentor: bool = False,
) -> list[PrivateBreakdown]:
    """The breakdown of each of ``rows`` against ``cols`` (sorted by id); ``rows_mentor``
    when the rows are mentors (the scoring then runs the other way round).

    Every compatible partner starts as taken or free; only the few pairs that a rule may
    concern (someone names the other, or an earlier pairing) are classified one by one,
    so a cohort with thousands unmatched costs array work, not a loop over pairs."""
    if rows_mentor:
        c, r = _compatible(side.scoring, cols, rows)
        order = np.argsort(r, kind="stable")  # per mentor, mentees ascending
        r, c = r[order], c[order]
    else:
        r, c = _compatible(side.scoring, rows, cols)
    busy = np.array([side.busy(p.id) for p in cols], dtype=bool)
    code = np.where(busy[c] if len(c) else [], CAUSES.index("taken"), CAUSES.index("free"))
    keys = r * len(cols) + c  # ascending: rows ascend, and columns within a row
    for i, j in _related(side, rows, cols):
        at = int(np.searchsorted(keys, i * len(cols) + j))
        if at < len(keys) and keys[at] == i * len(cols) + j:
            code[at] = CAUSES.index(_cause(side, rows[i], cols[j]))
    ids = np.array([p.id for p in cols], dtype=object)
    bounds = np.searchsorted(r, np.arange(len(rows) + 1))
    found = []
    for i, person in enumerate(rows):
        mine, kinds = c[bounds[i] : bounds[i + 1]], code[bounds[i] : bounds[i + 1]]
        causes = {cause: tuple(ids[mine[kinds == k]].tolist()) for k, cause in enumerate(CAUSES)}
        found.append(PrivateBreakdown(person.id, role, len(mine), causes))
    return found


def _related(
    side: _Side, rows: Sequence[Participant], cols: Sequence[Participant]
) -> set[tuple[int, int]]:
    """(row, column) pairs a private rule may concern: one names the other as manager or
    in an avoid list, or the two were paired before or excluded (a superset: ``_cause``
    decides)."""
    col_at = {p.id: j for j, p in enumerate(cols)}
    naming: dict[str, list[int]] = defaultdict(list)  # id -> columns whose rules name it
    for j, other in enumerate(cols):
        for name in (other.manager or "", *other.avoid):
            naming[name].append(j)
    before: dict[str, list[str]] = defaultdict(list)
    for partner, person_id in side.banned:
        before[person_id].append(partner)
    found: set[tuple[int, int]] = set()
    for i, person in enumerate(rows):
        named = (person.manager or "", *person.avoid, *before[person.id])
        found.update((i, col_at[x]) for x in named if x in col_at)
        found.update((i, j) for j in naming[person.id])
    return found


def _cause(side: _Side, person: Participant, other: Participant) -> str:
    """What keeps ``other`` away from ``person``: the first private rule that applies,
    else whether ``other`` could still take someone."""
    if reporting_conflict(person, other):
        return "reporting"
    if avoided(person, other):
        return "avoid"
    if (other.id, person.id) in side.banned:
        return "earlier"
    return "taken" if side.busy(other.id) else "free"


def _compatible(
    scoring: Scoring, rows: Sequence[Participant], cols: Sequence[Participant]
) -> tuple[np.ndarray, np.ndarray]:
    """Every (row, column) pair past the public filters, rows ascending and columns
    ascending within a row: the engine's own vectorised scoring with no private rule,
    only each person kept from pairing with themselves."""
    empty = np.zeros(0, dtype=np.int64)
    if not rows or not cols:
        return empty, empty
    row_side, col_side = encode([rows, cols])
    col_at = {p.id: j for j, p in enumerate(cols)}
    itself = {i: [col_at[p.id]] for i, p in enumerate(rows) if p.id in col_at}
    parts = [
        (block.rows + block.start, block.cols)
        for block in score_blocks(scoring, row_side, col_side, itself)
    ]
    return (
        np.concatenate([empty, *(p[0] for p in parts)]),
        np.concatenate([empty, *(p[1] for p in parts)]),
    )
