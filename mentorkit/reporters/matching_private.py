"""The coordinator's private view of unmatched people (``match --show-sealed``), in words.

It names people and the sealed rules between them, so it exists only as text for the
coordinator's terminal and as JSON for their own tools; the match file and the Markdown
of the matching pull request never carry it (the command refuses those combinations).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from mentorkit.matching.private_reasons import CAUSES, PrivateBreakdown

TITLE = "Unmatched, with the private view (names sealed rules: keep it to yourself)"
NAMED = 5  # names shown per cause in text; JSON lists them all
PARTNER = {"mentee": "mentor", "peer": "peer", "mentor": "mentee", "member": "circle"}
# How a partner kept away by each cause is described, per role of the unmatched person.
_SHARED = {
    "reporting": "ruled out by a reporting line",
    "avoid": "ruled out by an avoid request",
    "earlier": "ruled out by an earlier pairing or an exclusion",
    "free": "allowed and still free (unexpected: please report it)",
}
TAKEN = {
    "mentee": "at capacity",
    "peer": "paired with others",
    "mentor": "matched with other mentors",
    "member": "full",
}


def _names(ids: Sequence[str]) -> str:
    shown = ", ".join(ids[:NAMED])
    more = len(ids) - NAMED
    return f"{shown} and {more} more" if more > 0 else shown


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def private_text(breakdown: PrivateBreakdown) -> str:
    """One line: how many partners passed the public filters and what kept each away."""
    partner = PARTNER[breakdown.role]
    if breakdown.compatible == 0:
        return (
            f"private view: no {partner} passed the public filters, so no private rule is involved"
        )
    parts = []
    for cause in CAUSES:
        ids = breakdown.causes.get(cause, ())
        if ids:
            words = TAKEN[breakdown.role] if cause == "taken" else _SHARED[cause]
            parts.append(f"{len(ids)} {words} ({_names(ids)})")
    passed = _plural(breakdown.compatible, f"compatible {partner}")
    return f"private view: {passed} passed the public filters: {'; '.join(parts)}"


def private_dict(breakdown: PrivateBreakdown) -> dict[str, Any]:
    """The breakdown for tools: the count and every cause's ids (all of them)."""
    return {
        "compatible": breakdown.compatible,
        **{cause: list(breakdown.causes.get(cause, ())) for cause in CAUSES},
    }


def not_broken_down(fmt: str) -> str:
    """What the coordinator is told when the cohort's format has no private view."""
    return (
        f"{fmt} cohorts have no private view: their reasons are about rounds, and they "
        "stay as shared"
    )
