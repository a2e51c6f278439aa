"""``objective: stable``: ranked preferences honoured with no blocking pair.

Mentee-proposing deferred acceptance with capacities (the hospitals/residents
algorithm): each mentee asks the mentors on their own list in order; a mentor holds
the best askers up to their capacity, ranking the mentees on their own list first (in
order) and everyone else by score. Lists are filtered by the hard rules first, so a
forbidden choice is never asked. The result has no *blocking pair among stated
preferences*: no mentee who ranked a mentor is left with someone they ranked lower (or
nobody) while that mentor has room or holds a mentee they rank below them.

Everyone deferred acceptance leaves unmatched (no list, or every choice full) is then
matched by the default objective on the places still free; that cannot create a
blocking pair, because a mentor with a free place rejected nobody. The summary says
what stability costs against the default objective (matched count and mean score).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from mentorkit.matching.assembly import MatchRequest, new_pair, split_existing
from mentorkit.matching.bipartite import match_pairs
from mentorkit.matching.preferences import mentee_choices, mentor_choices
from mentorkit.matching.result import MatchResult, ProposedPair, mean, share
from mentorkit.matching.score import Scoring, score_with, scoring_for
from mentorkit.model.entities import MatchFile, Pair, Participant


def mentor_order(scoring: Scoring, mentor: Participant, mentees: list[Participant]) -> list[str]:
    """The mentor's ranking of the mentees they may take: their own list, then by score."""
    listed = [m for m in mentor_choices(mentor) if any(e.id == m for e in mentees)]
    rest = [e for e in mentees if e.id not in listed]
    scored = [(s.total if (s := score_with(scoring, mentor, e)) else 0.0, e.id) for e in rest]
    return listed + [pid for _, pid in sorted(scored, key=lambda t: (-t[0], t[1]))]


def deferred_acceptance(
    lists: dict[str, list[str]], ranking: dict[str, list[str]], capacity: dict[str, int]
) -> dict[str, str]:
    """Mentee -> mentor. ``lists``: each mentee's acceptable mentors in order; ``ranking``:
    each mentor's order over the mentees who may ask them."""
    position = {m: {e: k for k, e in enumerate(order)} for m, order in ranking.items()}
    held: dict[str, list[str]] = {m: [] for m in capacity}
    next_choice = dict.fromkeys(lists, 0)
    free = sorted(lists, reverse=True)  # ask in id order: deterministic
    while free:
        mentee = free.pop()
        if next_choice[mentee] >= len(lists[mentee]):
            continue
        mentor = lists[mentee][next_choice[mentee]]
        next_choice[mentee] += 1
        holding = held[mentor]
        holding.append(mentee)
        holding.sort(key=lambda e: position[mentor][e])
        if len(holding) > capacity[mentor]:
            free.append(holding.pop())
    return {e: m for m, holding in held.items() for e in holding}


def match_stable(request: MatchRequest) -> MatchResult:
    """Stable pairs for stated preferences, the rest by the default objective."""
    program, cohort = request.program, request.cohort
    scoring = scoring_for(cohort)
    mentors = sorted(program.mentors_in(cohort.id), key=lambda p: p.id)
    mentees = sorted(program.mentees_in(cohort.id), key=lambda p: p.id)
    fixed, history, _ = split_existing(request.existing)
    banned = set(request.exclude) | {(p.mentor, p.mentee) for p in history}
    taken = {p.mentee for p in fixed}
    load = Counter(p.mentor for p in fixed)
    capacity = {m.id: max(0, (m.mentor.capacity if m.mentor else 0) - load[m.id]) for m in mentors}
    by_id = {m.id: m for m in mentors}

    def allowed(mentor: Participant, mentee: Participant) -> bool:
        return (mentor.id, mentee.id) not in banned and score_with(
            scoring, mentor, mentee
        ) is not None

    pool = [e for e in mentees if e.id not in taken]
    lists = {
        e.id: [m for m in mentee_choices(e) if m in by_id and capacity[m] and allowed(by_id[m], e)]
        for e in pool
    }
    lists = {e: ms for e, ms in lists.items() if ms}
    askers = {m: [e for e in pool if m in lists.get(e.id, ())] for m in by_id}
    ranking = {m: mentor_order(scoring, by_id[m], askers[m]) for m in by_id}
    chosen = deferred_acceptance(lists, ranking, capacity)
    # the stable pairs are held fixed while the default objective places everyone else
    held = tuple(Pair(m, e, status="accepted") for e, m in sorted(chosen.items()))
    base = request.existing or MatchFile(cohort.id, "")
    fill = replace(request, existing=replace(base, pairs=(*base.pairs, *held)))
    coverage = replace(cohort, matching=replace(cohort.matching, objective="coverage"))
    result = match_pairs(replace(fill, cohort=coverage))
    default = match_pairs(replace(request, cohort=coverage))
    mentees_by_id = {e.id: e for e in pool}
    pairs = tuple(
        _stable_pair(scoring, by_id[p.mentor], mentees_by_id[p.mentee], request)
        if chosen.get(p.mentee) == p.mentor and p.status == "accepted"
        else p
        for p in result.pairs
    )
    active = [p for p in pairs if p.status != "ended"]
    summary = replace(
        result.summary,
        objective="stable",
        # the certificate covers only the places filled after the stable pairs were held
        optimality=None,
        max_matched=None,
        mean_score=mean([p.score for p in active if p.score is not None]),
        cross_functional_share=share(sum(p.cross_functional for p in active), len(active)),
        notes=(*result.summary.notes, _cost(len(chosen), summary_of(active), default)),
    )
    return replace(result, pairs=pairs, summary=summary)


def match_by_objective(request: MatchRequest) -> MatchResult:
    """One-on-one and reverse cohorts: ``stable`` here, every other objective in ``bipartite``."""
    if request.cohort.matching.objective == "stable":
        return match_stable(request)
    return match_pairs(request)


def summary_of(active: list[ProposedPair]) -> tuple[int, float | None]:
    return len(active), mean([p.score for p in active if p.score is not None])


def _stable_pair(
    scoring: Scoring, mentor: Participant, mentee: Participant, request: MatchRequest
) -> ProposedPair:
    standing = {
        (p.mentor, p.mentee)
        for p in (request.existing.pairs if request.existing else ())
        if p.status == "proposed"
    }
    pair = new_pair(scoring, mentor, mentee, (mentor.id, mentee.id) in standing)
    return replace(
        pair, reasons=(*pair.reasons, "stable: chosen by the mentee and held by the mentor")
    )


def _cost(stable: int, mine: tuple[int, float | None], default: MatchResult) -> str:
    """What stability costs: matched and mean score against the default objective's."""
    other = default.summary
    return (
        f"stable: {stable} pairs from stated preferences, no blocking pair; "
        f"{mine[0]} matched, mean score {mine[1] or 0:.2f} (the default objective: "
        f"{other.matched} matched, mean score {other.mean_score or 0:.2f})"
    )
