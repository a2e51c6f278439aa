"""Rotation cohorts: ``rounds`` rounds of pairs, never the same two people twice.

Each round is a maximum-weight matching on one pool (rustworkx's blossom algorithm,
the most people paired first) over the pairs the peer rules allow, leaving out every
pair met in an earlier round and every pair in the match file of an earlier cohort.
Balance: a pair loses points for each time either person already met someone of the
other's department or time zone this cohort, so people meet across the organisation;
someone who sat out a round gets priority in the next. Accepted or locked pairs of the
match file stay in their round, and a standing proposal keeps a bonus (``KEEP``), so a
re-run after one change moves few pairs.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace

import rustworkx

from mentorkit.matching.allowed import collect
from mentorkit.matching.assembly import (
    MatchRequest,
    carried_pair,
    new_pair,
    pairs_result,
    pairs_summary,
    split_existing,
)
from mentorkit.matching.candidates import forbidden_columns
from mentorkit.matching.matrix import encode
from mentorkit.matching.result import MatchResult, UnmatchedPerson
from mentorkit.matching.score import SCALE, Scoring, scoring_for
from mentorkit.model.entities import Cohort, Pair, Participant, as_date
from mentorkit.model.program import Program

FULL_GRAPH_PEOPLE = 400  # larger pools: each person's best pairs only
TOP_K_PER_ROUND = 8
ROUND_TOP_K = 6  # open pairs per person a large round's blossom considers
MET_DEPARTMENT = SCALE // 25  # 0.04 per earlier partner from the same department
MET_ZONE = SCALE // 50  # 0.02 per earlier partner from the same time zone
SAT_OUT = SCALE // 20  # priority for someone who sat out a round
# A standing proposal is worth 0.1 here (0.02 elsewhere): a change in one round shifts
# who is free in the next, so rounds need a firmer hold to keep re-runs calm.
KEEP = SCALE // 10


def round_dates(cohort: Cohort, number: int) -> tuple[dt.date, dt.date] | None:
    """First and last day of round ``number`` (1-based); None when the start is no date."""
    start = as_date(cohort.starts)
    if start is None:
        return None
    first = start + dt.timedelta(days=(number - 1) * cohort.round_length)
    return first, first + dt.timedelta(days=cohort.round_length - 1)


def earlier_pairs(program: Program, cohort: Cohort) -> set[frozenset[str]]:
    """Every pair in the match file of a cohort that started before this one."""
    return {
        frozenset((pair.mentor, pair.mentee))
        for cid, match in program.matches.items()
        if cid != cohort.id
        and cid in program.cohorts
        and program.cohorts[cid].starts < cohort.starts
        for pair in match.pairs
    }


@dataclass
class _Met:
    """What each person has met so far this cohort: partners, departments, zones, rests."""

    partners: set[frozenset[str]] = field(default_factory=set)
    departments: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    zones: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    rests: Counter[str] = field(default_factory=Counter)

    def meet(self, a: Participant, b: Participant) -> None:
        self.partners.add(frozenset((a.id, b.id)))
        for one, other in ((a, b), (b, a)):
            self.departments[one.id][other.department] += 1
            self.zones[one.id][other.timezone] += 1

    def weight(self, a: Participant, b: Participant, points: int) -> int:
        repeat = sum(
            MET_DEPARTMENT * self.departments[one.id][other.department]
            + MET_ZONE * self.zones[one.id][other.timezone]
            for one, other in ((a, b), (b, a))
        )
        rested = SAT_OUT * (self.rests[a.id] + self.rests[b.id])
        return max(1, SCALE + points - repeat + rested)


def _allowed(
    scoring: Scoring, pool: list[Participant], banned: set[tuple[str, str]], rounds: int
) -> dict[tuple[int, int], int]:
    """Allowed pairs (i < j) and their points: all of them, or each person's best few."""
    (side,) = encode([pool])
    top_k = None if len(pool) <= FULL_GRAPH_PEOPLE else TOP_K_PER_ROUND * rounds
    edges = collect(scoring, side, side, forbidden_columns(pool, pool, banned), top_k).edges
    found: dict[tuple[int, int], int] = {}
    for r, c, p in zip(
        edges.rows.tolist(), edges.cols.tolist(), edges.points.tolist(), strict=True
    ):
        if r != c:
            found[(min(r, c), max(r, c))] = p
    return found


def _round(
    pool: list[Participant],
    allowed: dict[tuple[int, int], int],
    busy: set[str],
    met: _Met,
    standing: set[frozenset[str]],
) -> list[tuple[int, int]]:
    """One round's pairs among people not already busy, none met before.

    Small pools are solved on every open pair. Large ones on each person's
    ``ROUND_TOP_K`` best open pairs (a blossom over all of them grows too slow), and
    then any two people left free who may still meet are paired, best first: either
    way nobody sits out while an allowed partner they have not met is free too."""
    open_pairs: dict[tuple[int, int], int] = {}
    for (a, b), points in sorted(allowed.items()):
        key = frozenset((pool[a].id, pool[b].id))
        if pool[a].id in busy or pool[b].id in busy or key in met.partners:
            continue
        bonus = KEEP if key in standing else 0
        open_pairs[(a, b)] = met.weight(pool[a], pool[b], points + bonus)
    edges = open_pairs if len(pool) <= FULL_GRAPH_PEOPLE else _best_per_person(open_pairs)
    graph = rustworkx.PyGraph()
    graph.add_nodes_from(range(len(pool)))
    graph.add_edges_from([(a, b, w) for (a, b), w in sorted(edges.items())])
    chosen = rustworkx.max_weight_matching(graph, max_cardinality=True, weight_fn=int)
    pairs = sorted((min(p), max(p)) for p in chosen)
    taken = {i for pair in pairs for i in pair}
    for (a, b), _ in sorted(open_pairs.items(), key=lambda kv: (-kv[1], kv[0])):
        if a not in taken and b not in taken:  # a pair the sparse graph missed
            pairs.append((a, b))
            taken |= {a, b}
    return sorted(pairs)


def _best_per_person(weights: dict[tuple[int, int], int]) -> dict[tuple[int, int], int]:
    """Each person's ``ROUND_TOP_K`` heaviest pairs (a pair stays if either keeps it)."""
    mine: dict[int, list[tuple[int, tuple[int, int]]]] = defaultdict(list)
    for pair, weight in weights.items():
        for person in pair:
            mine[person].append((-weight, pair))
    kept: set[tuple[int, int]] = set()
    for options in mine.values():
        kept.update(pair for _, pair in sorted(options)[:ROUND_TOP_K])
    return {pair: weights[pair] for pair in kept}


def match_rotation(request: MatchRequest) -> MatchResult:
    program, cohort = request.program, request.cohort
    scoring = scoring_for(cohort)
    pool = sorted(program.enrolled(cohort.id), key=lambda p: p.id)
    by_id = {p.id: p for p in pool}
    fixed, history, _ = split_existing(request.existing)  # proposals: per round below
    banned = {pair for a, b in request.exclude for pair in ((a, b), (b, a))}
    banned |= {
        (a, b) for pair in earlier_pairs(program, cohort) for a in pair for b in pair if a != b
    }
    banned |= {pair for p in history for pair in ((p.mentor, p.mentee), (p.mentee, p.mentor))}
    allowed = _allowed(scoring, pool, banned, cohort.rounds)
    met = _Met()
    for p in fixed:
        if p.mentor in by_id and p.mentee in by_id:
            met.meet(by_id[p.mentor], by_id[p.mentee])
    pairs = [carried_pair(p, program) for p in (*fixed, *history)]
    rests: dict[str, list[int]] = defaultdict(list)  # the rounds each person sits out
    for number in range(1, cohort.rounds + 1):
        held = [p for p in fixed if p.round == number]
        busy = {x for p in held for x in (p.mentor, p.mentee)}
        standing = {frozenset((p.mentor, p.mentee)) for p in _proposed(request, number)}
        for a, b in _round(pool, allowed, busy, met, standing):
            met.meet(pool[a], pool[b])
            pair = new_pair(
                scoring, pool[a], pool[b], frozenset((pool[a].id, pool[b].id)) in standing
            )
            pairs.append(
                replace(pair, round=number, reasons=(_when(cohort, number), *pair.reasons))
            )
            busy |= {pool[a].id, pool[b].id}
        for person in pool:
            if person.id not in busy:
                rests[person.id].append(number)
                met.rests[person.id] += 1
    pairs.sort(key=lambda p: (p.status == "ended", p.round or 0, p.mentor, p.mentee))
    unmatched = [
        UnmatchedPerson(pid, _rest_reason(rounds, cohort.rounds), "peer")
        for pid, rounds in sorted(rests.items())
    ]
    summary = pairs_summary(
        cohort,
        scoring.objective,
        pairs,
        unmatched=len(unmatched),
        people=len(pool),
        solver=f"{cohort.rounds} rounds of blossom matching",
    )
    return pairs_result(cohort, pairs, unmatched, summary)


def _proposed(request: MatchRequest, number: int) -> list[Pair]:
    pairs = request.existing.pairs if request.existing else ()
    return [p for p in pairs if p.status == "proposed" and not p.locked and p.round == number]


def _when(cohort: Cohort, number: int) -> str:
    dates = round_dates(cohort, number)
    if dates is None:
        return f"round {number} of {cohort.rounds}"
    return f"round {number} of {cohort.rounds}: {dates[0].isoformat()} to {dates[1].isoformat()}"


def _rest_reason(rounds: list[int], total: int) -> str:
    """Why someone sits out, true of each round: every allowed partner they had not met was
    paired with someone else (a maximum matching leaves no two free people who could
    meet), or they had already met every allowed partner.

    Allowed partners are counted after avoid requests and reporting lines, which are
    private and the reason is published: so it neither counts them nor tells "none left"
    from "all taken", and a rule reads like a partner who is busy or met before."""
    numbers = [str(number) for number in rounds]
    which = (
        f"all {total} rounds"
        if len(rounds) == total and total > 1
        else ("round " if len(numbers) == 1 else "rounds ") + ", ".join(numbers)
    )
    return (
        f"sits out {which}: no compatible partner was free (paired with others, met before "
        "or personal pairing rules)"
    )
