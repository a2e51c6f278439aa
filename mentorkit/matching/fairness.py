"""The fairness audit: match rate, mean score and first-choice quality per self-identified group.

Group data is private: it is read from a file outside the repository (by
``mentorkit.loading.private_groups``), used only for
the figures printed, and never written anywhere. Groups with fewer than the program's
``privacy.min_group`` people are never shown, not even by name.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from mentorkit.matching.result import MatchResult
from mentorkit.model.entities import DEFAULT_MIN_GROUP, PEER_PAIR_FORMATS

FIRST_CHOICE_TOLERANCE = 0.02  # a match within 0.02 of the person's best possible score
RATE_GAP = 0.10
SCORE_GAP = 0.05


@dataclass(frozen=True)
class GroupFigures:
    group: str
    people: int
    matched: int
    match_rate: float
    mean_score: float | None
    first_choice_share: float | None
    flags: tuple[str, ...] = ()


@dataclass(frozen=True)
class FairnessAudit:
    overall: GroupFigures
    groups: tuple[GroupFigures, ...]
    hidden_groups: int
    without_group: int
    min_group: int = DEFAULT_MIN_GROUP  # the threshold the audit applied


@dataclass(frozen=True)
class _Outcome:
    matched: bool
    score: float | None
    first_choice: bool | None


def _outcomes(result: MatchResult) -> dict[str, _Outcome]:
    best = {o.id: o.best_score for o in result.options}
    outcomes: dict[str, _Outcome] = {}

    def record(person: str, score: float | None) -> None:
        top = best.get(person)
        first = None if top is None or score is None else score >= top - FIRST_CHOICE_TOLERANCE
        outcomes[person] = _Outcome(True, score, first)

    for pair in result.pairs:
        if pair.status == "ended":
            continue
        record(pair.mentee, pair.score)
        if result.format in PEER_PAIR_FORMATS:
            record(pair.mentor, pair.score)
    for circle in result.circles:
        for member in circle.members:
            outcomes[member] = _Outcome(True, None, None)
    for person in result.unmatched:
        if person.role != "mentor":
            outcomes.setdefault(person.id, _Outcome(False, None, None))
    return outcomes


def _figures(name: str, outcomes: list[_Outcome]) -> GroupFigures:
    matched = [o for o in outcomes if o.matched]
    scores = [o.score for o in matched if o.score is not None]
    judged = [o.first_choice for o in matched if o.first_choice is not None]
    return GroupFigures(
        group=name,
        people=len(outcomes),
        matched=len(matched),
        match_rate=round(len(matched) / len(outcomes), 4) if outcomes else 0.0,
        mean_score=round(sum(scores) / len(scores), 4) if scores else None,
        first_choice_share=round(sum(judged) / len(judged), 4) if judged else None,
    )


def _flags(group: GroupFigures, overall: GroupFigures) -> tuple[str, ...]:
    flags = []
    if overall.match_rate - group.match_rate >= RATE_GAP:
        flags.append(
            f"match rate {100 * (overall.match_rate - group.match_rate):.0f} points below overall"
        )
    if (
        group.mean_score is not None
        and overall.mean_score is not None
        and overall.mean_score - group.mean_score >= SCORE_GAP
    ):
        flags.append(f"mean score {overall.mean_score - group.mean_score:.2f} below overall")
    if (
        group.first_choice_share is not None
        and overall.first_choice_share is not None
        and overall.first_choice_share - group.first_choice_share >= RATE_GAP
    ):
        flags.append(
            f"first-choice share {100 * (overall.first_choice_share - group.first_choice_share):.0f} points below overall"
        )
    return tuple(flags)


def audit(
    result: MatchResult,
    groups: Mapping[str, tuple[str, ...]],
    min_group: int = DEFAULT_MIN_GROUP,
) -> FairnessAudit:
    """Figures per group of the people this cohort tried to match; groups smaller than
    ``min_group`` (the program's ``privacy.min_group``) are withheld.

    Withholding a small group is not enough when everyone else is shown: "everyone" minus
    the shown groups would give the small group's figures back. So while the people
    outside the shown groups number 1 to ``min_group - 1``, the smallest shown group is
    withheld too.
    """
    outcomes = _outcomes(result)
    members: dict[str, list[_Outcome]] = defaultdict(list)
    member_ids: dict[str, set[str]] = defaultdict(set)
    for person, outcome in sorted(outcomes.items()):
        for group in groups.get(person, ()):
            members[group].append(outcome)
            member_ids[group].add(person)
    overall = _figures("everyone", list(outcomes.values()))
    shown_names = [name for name in sorted(members) if len(members[name]) >= min_group]

    def outside(names: list[str]) -> int:
        covered = set().union(*(member_ids[name] for name in names)) if names else set()
        return len(outcomes) - len(covered)

    while shown_names and 0 < outside(shown_names) < min_group:
        shown_names.remove(min(shown_names, key=lambda name: (len(members[name]), name)))
    shown = []
    for name in shown_names:
        figures = _figures(name, members[name])
        shown.append(GroupFigures(**{**figures.__dict__, "flags": _flags(figures, overall)}))
    hidden = len(members) - len(shown)
    without = sum(1 for person in outcomes if not groups.get(person))
    return FairnessAudit(overall, tuple(shown), hidden, without, min_group)
