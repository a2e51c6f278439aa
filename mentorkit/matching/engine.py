"""``match_cohort``: the best pairs (or circles) for a cohort, explained. Pure: no I/O.

Every cohort format has one matcher, a function from a ``MatchRequest`` to a
``MatchResult``, listed in ``MATCHERS``; a new format is a module with such a function
and one line in that table. Shared result assembly lives in ``assembly`` so the format
modules never import this one.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from mentorkit.matching.assembly import MatchRequest
from mentorkit.matching.result import MatchingError, MatchResult
from mentorkit.model.program import Program

SOLVERS = ("auto", "dense", "sparse")

Matcher = Callable[[MatchRequest], MatchResult]


def _lazy(module: str, name: str) -> Matcher:
    """The matcher ``mentorkit.matching.<module>.<name>``, imported on first use: a run pays only for its own
    format's solvers (circles load SciPy's optimiser, one-on-one does not need it)."""

    def run(request: MatchRequest) -> MatchResult:
        matcher: Matcher = getattr(importlib.import_module(f"mentorkit.matching.{module}"), name)
        return matcher(request)

    return run


def _circles(request: MatchRequest) -> MatchResult:
    from mentorkit.matching.circles import form_circles

    return form_circles(request.program, request.cohort, request.existing)


MATCHERS: dict[str, Matcher] = {
    "one-on-one": _lazy("stable", "match_by_objective"),
    "reverse": _lazy("stable", "match_by_objective"),
    "peer": _lazy("peer", "match_peers"),
    "circles": _circles,
    "swap": _lazy("peer", "match_peers"),
    # peer matching; the scoring's mutual rule makes it a swap
    "rotation": _lazy("rotation", "match_rotation"),
}


def match_cohort(
    program: Program,
    cohort_id: str,
    *,
    exclude: frozenset[tuple[str, str]] = frozenset(),
    solver: str = "auto",
) -> MatchResult:
    """Match one cohort, keeping locked and accepted pairs of its match file exactly.

    ``exclude`` holds (mentor, mentee) pairs never to propose. ``solver`` forces the
    dense or sparse solver (benchmarks compare them); ``auto`` picks by size.
    """
    cohort = program.cohorts.get(cohort_id)
    if cohort is None:
        known = ", ".join(program.cohorts) or "none"
        raise MatchingError(f"unknown cohort {cohort_id!r} (known cohorts: {known})")
    if solver not in SOLVERS:
        raise MatchingError(f"unknown solver {solver!r} (choose from {', '.join(SOLVERS)})")
    matcher = MATCHERS.get(cohort.format)
    if matcher is None:  # the schema admits only known formats; this guards the table
        raise MatchingError(f"no matcher for cohort format {cohort.format!r}")
    request = MatchRequest(program, cohort, program.matches.get(cohort_id), exclude, solver)
    return matcher(request)
