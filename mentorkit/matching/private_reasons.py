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

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

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
        pool = [p for p in program.enrolled(cohort_id) if p.id not in taken]
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
    pool = [p for p in program.mentees_in(cohort_id) if p.id not in fixed_mentees]
    mentees = [p for p in pool if (p.id, "mentee") in waiting]
    idle = [m for m in mentors if (m.id, "mentor") in waiting]
    found = _breakdowns(_Side(scoring, banned, full.__contains__), mentees, mentors, "mentee")
    flipped = frozenset((b, a) for a, b in banned)  # rows are mentors: (mentee, mentor)
    found += _breakdowns(
        _Side(scoring, flipped, paired.__contains__), idle, pool, "mentor", rows_mentor=True
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
    """The breakdown of each of ``rows`` against ``cols``; ``rows_mentor`` when the rows
    are mentors (the scoring then runs the other way round, mentees as rows)."""
    if rows_mentor:
        compatible = _transpose(_compatible(side.scoring, cols, rows), len(rows))
    else:
        compatible = _compatible(side.scoring, rows, cols)
    found = []
    for person, partners in zip(rows, compatible, strict=True):
        causes: dict[str, list[str]] = {cause: [] for cause in CAUSES}
        for j in partners:
            other = cols[j]
            causes[_cause(side, person, other)].append(other.id)
        found.append(
            PrivateBreakdown(
                person.id,
                role,
                len(partners),
                {cause: tuple(sorted(ids)) for cause, ids in causes.items()},
            )
        )
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
) -> list[list[int]]:
    """Per row, the columns past every public filter: the engine's own vectorised
    scoring with no private rule, only each person kept from pairing with themselves."""
    found: list[list[int]] = [[] for _ in rows]
    if not rows or not cols:
        return found
    row_side, col_side = encode([rows, cols])
    col_at = {p.id: j for j, p in enumerate(cols)}
    itself = {i: [col_at[p.id]] for i, p in enumerate(rows) if p.id in col_at}
    for block in score_blocks(scoring, row_side, col_side, itself):
        for r, c in zip((block.rows + block.start).tolist(), block.cols.tolist(), strict=True):
            found[r].append(c)
    return found


def _transpose(per_row: list[list[int]], n_cols: int) -> list[list[int]]:
    per_col: list[list[int]] = [[] for _ in range(n_cols)]
    for r, cols in enumerate(per_row):
        for c in cols:
            per_col[c].append(r)
    return per_col
