"""How the proposed matches of a cohort change between the base and the head of a PR."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Literal

from mentorkit.matching.engine import match_cohort
from mentorkit.matching.result import MatchingError, MatchResult, ProposedPair
from mentorkit.model.changes import Change
from mentorkit.model.entities import Circle, MatchFile, Pair, PairStatus
from mentorkit.model.paths import kind_of
from mentorkit.model.program import Program

# A score moving less than this is rounding noise, not a change worth a line.
SCORE_EPSILON = 0.005


@dataclass(frozen=True)
class PairView:
    mentor: str
    mentee: str
    score: float | None
    status: PairStatus
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class PairChange:
    kind: Literal["added", "removed", "changed"]
    before: PairView | None
    after: PairView | None


@dataclass(frozen=True)
class CohortPreview:
    cohort: str
    pairs: tuple[PairChange, ...]
    circles_added: tuple[tuple[str, ...], ...]
    circles_removed: tuple[tuple[str, ...], ...]
    newly_unmatched: tuple[tuple[str, str], ...]
    newly_matched: tuple[str, ...]
    error: str | None = None

    @property
    def changed(self) -> bool:
        return bool(
            self.pairs
            or self.circles_added
            or self.circles_removed
            or self.newly_unmatched
            or self.newly_matched
            or self.error
        )


def touched_cohorts(changes: Iterable[Change], base: Program, head: Program) -> list[str]:
    """Cohorts whose proposed matches may differ: changed cohort, match and participant files.

    A change to the charter or the skill vocabulary can move every open cohort.
    """
    touched: set[str] = set()
    for change in changes:
        for path in filter(None, (change.path, change.old_path)):
            kind = kind_of(path)
            if kind in ("program", "skills"):
                touched |= set(head.cohorts)
            elif kind == "participant":
                for prog in (base, head):
                    for person in prog.participants.values():
                        if person.source == path:
                            touched |= set(person.cohorts)
            elif kind == "cohort":
                touched |= {
                    c.id for prog in (base, head) for c in prog.cohorts.values() if c.source == path
                }
            elif kind == "match":
                touched |= {
                    m.cohort
                    for prog in (base, head)
                    for m in prog.matches.values()
                    if m.source == path
                }
    return sorted(c for c in touched if c in head.cohorts and head.cohorts[c].status != "closed")


def _view(pair: ProposedPair) -> PairView:
    return PairView(pair.mentor, pair.mentee, pair.score, pair.status, pair.reasons)


def _circles(result: MatchResult | None) -> set[tuple[str, ...]]:
    return {tuple(sorted(c.members)) for c in result.circles} if result else set()


def _unmatched(result: MatchResult | None) -> dict[str, str]:
    return {u.id: u.reason for u in result.unmatched} if result else {}


def diff_results(cohort: str, before: MatchResult | None, after: MatchResult) -> CohortPreview:
    """Pairs added, removed and changed (score or status), circles and the unmatched."""
    old = {(p.mentor, p.mentee): _view(p) for p in (before.pairs if before else ())}
    new = {(p.mentor, p.mentee): _view(p) for p in after.pairs}
    changes: list[PairChange] = []
    for key in sorted(set(old) | set(new)):
        a, b = old.get(key), new.get(key)
        if a is None:
            changes.append(PairChange("added", None, b))
        elif b is None:
            changes.append(PairChange("removed", a, None))
        elif a.status != b.status or abs((a.score or 0.0) - (b.score or 0.0)) >= SCORE_EPSILON:
            changes.append(PairChange("changed", a, b))
    old_circles, new_circles = _circles(before), _circles(after)
    old_un, new_un = _unmatched(before), _unmatched(after)
    return CohortPreview(
        cohort=cohort,
        pairs=tuple(changes),
        circles_added=tuple(sorted(new_circles - old_circles)),
        circles_removed=tuple(sorted(old_circles - new_circles)),
        newly_unmatched=tuple(sorted((pid, r) for pid, r in new_un.items() if pid not in old_un)),
        newly_matched=tuple(sorted(pid for pid in old_un if pid not in new_un)),
    )


def _as_if_proposed(program: Program, cohort: str, before: MatchResult) -> Program:
    """``program`` with the base run's result standing as the cohort's proposals.

    Without a match file both runs start from nothing, and on equal scores a newcomer
    could displace a proposal for no gain; with the base proposals on the table, the
    engine keeps them unless the change brings something clearly better.
    """
    pairs = tuple(
        Pair(p.mentor, p.mentee, p.score, "proposed") for p in before.pairs if p.status != "ended"
    )
    circles = tuple(Circle(c.id, tuple(c.members), c.facilitator) for c in before.circles)
    proposals = MatchFile(cohort, f"program/matches/{cohort}.yaml", pairs, circles)
    return replace(program, matches={**program.matches, cohort: proposals})


def _sealed_rules(base: Program, head: Program, cohort: str) -> str | None:
    """Why no preview is shown when sealed fields could hold a rule the preview must obey.

    A pull request's run never has the identity (it runs the pull request's files), so
    it cannot read sealed avoid or manager rules; any pair it proposed might be one such
    a rule forbids, and naming it would also hint at what the rule says.
    """
    ids = [p.id for p in (*base.enrolled(cohort), *head.enrolled(cohort))]
    sealed = {p.id for program in (base, head) for p in program.unopened_participants(ids)}
    if not sealed:
        return None
    return (
        f"no preview: {len(sealed)} participant(s) of this cohort have sealed private fields, "
        "which may hold avoid or manager rules this check cannot read (it never has the "
        "identity), so any pair it showed might be one such a rule forbids. A coordinator "
        "proposes pairs with the matching workflow."
    )


def preview_matches(
    cohorts: Iterable[str], base: Program, head: Program, *, bad_data: bool = False
) -> list[CohortPreview]:
    """One preview per cohort (``touched_cohorts``); a cohort the engine cannot match says why.

    Expected failures become the cohort's note, so the review is still written: the
    engine refusing the cohort (``MatchingError``, e.g. the change removes it), and, when
    ``bad_data`` says either side has errors the review lists, anything the engine does on
    data that breaks its rules. On valid data any other exception is a bug in matching
    and is raised, so the job fails loudly instead of hiding it in a comment.
    """
    previews = []
    for cohort in cohorts:
        withheld = _sealed_rules(base, head, cohort)
        if withheld:
            previews.append(_note(cohort, withheld))
            continue
        try:
            before = match_cohort(base, cohort) if cohort in base.cohorts else None
            if before is not None and cohort not in head.matches:
                after = match_cohort(_as_if_proposed(head, cohort, before), cohort)
            else:
                after = match_cohort(head, cohort)
        except MatchingError as exc:
            previews.append(_note(cohort, f"no preview: {exc}"))
            continue
        except Exception as exc:
            if not bad_data:
                raise
            previews.append(
                _note(cohort, f"no preview: matching failed on data with errors ({exc})")
            )
            continue
        previews.append(diff_results(cohort, before, after))
    return previews


def _note(cohort: str, why: str) -> CohortPreview:
    return CohortPreview(cohort, (), (), (), (), (), error=why)
