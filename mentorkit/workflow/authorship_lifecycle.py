"""The program files a participant may change themselves: signing and leaving.

A participant signs their own agreement by adding their date under ``signed:`` (and, as
the second signature, may move a draft to ``active``). A participant who leaves in the
same pull request (their profile removed or made a departed record) may make exactly the
changes ``mentorkit leave`` makes: their current pairs ended, their circle places moved
to ``former_members``, their open agreements completed. Anything more is coordinator work.

Each function compares the base and head mappings of one file and returns why the change
is allowed, or None when it is not.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

Data = Mapping[str, Any]
ROLES = ("mentor", "mentee")
OPEN_AGREEMENTS = ("draft", "active", "paused")


def _changed_keys(base: Data, head: Data) -> set[str]:
    return {k for k in set(base) | set(head) if base.get(k) != head.get(k)}


def _same_except(base: Any, head: Any, keys: Collection[str]) -> bool:
    if not isinstance(base, Mapping) or not isinstance(head, Mapping):
        return False
    return not (_changed_keys(base, head) - set(keys))


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _mapping(value: Any) -> Data:
    return value if isinstance(value, Mapping) else {}


def signing(base: Data, head: Data, own_ids: Collection[str]) -> str | None:
    """Only the author's own ``signed`` date changes (and draft -> active once both signed)."""
    roles = [r for r in ROLES if base.get(r) in own_ids and head.get(r) == base.get(r)]
    if not roles or not _changed_keys(base, head) <= {"signed", "status"}:
        return None
    signed_before, signed_after = _mapping(base.get("signed")), _mapping(head.get("signed"))
    sides = _changed_keys(signed_before, signed_after)
    if not sides or not sides <= set(roles) or not set(signed_after) <= set(ROLES):
        return None
    if any(not isinstance(signed_after.get(side), str) for side in sides):
        return None
    if base.get("status") != head.get("status") and not (
        base.get("status") == "draft"
        and head.get("status") == "active"
        and all(signed_after.get(r) for r in ROLES)
    ):
        return None
    return f"signs their own agreement as {' and '.join(sorted(sides))}"


def leaving_agreement(base: Data, head: Data, pid: str) -> str | None:
    if pid not in (base.get("mentor"), base.get("mentee")):
        return None
    if base.get("status") not in OPEN_AGREEMENTS or head.get("status") != "completed":
        return None
    if not _same_except(base, head, ("status", "ended", "status_reason")) or not head.get("ended"):
        return None
    return "completes their own agreement as they leave"


def _pair_ended(base: Any, head: Any, pid: str) -> bool:
    if base == head:
        return True
    if not isinstance(base, Mapping) or pid not in (base.get("mentor"), base.get("mentee")):
        return False
    return (
        base.get("status", "proposed") != "ended"
        and isinstance(head, Mapping)
        and head.get("status") == "ended"
        and bool(head.get("ended"))
        and _same_except(base, head, ("status", "ended", "end_reason", "locked"))
    )


def _circle_left(base: Any, head: Any, pid: str) -> bool:
    if base == head:
        return True
    if not isinstance(base, Mapping) or not isinstance(head, Mapping):
        return False
    members = _list(base.get("members"))
    if pid not in members or head.get("members") != [m for m in members if m != pid]:
        return False
    if head.get("facilitator") != base.get("facilitator") and base.get("facilitator") != pid:
        return False
    former_before = base.get("former_members") or []
    former_after = head.get("former_members") or []
    added = former_after[len(former_before) :] if isinstance(former_after, list) else []
    return (
        isinstance(former_after, list)
        and former_after[: len(former_before)] == former_before
        and len(added) == 1
        and isinstance(added[0], Mapping)
        and added[0].get("id") == pid
        and _same_except(base, head, ("members", "facilitator", "former_members"))
    )


def _aligned(base: Any, head: Any) -> list[tuple[Any, Any]] | None:
    before = base if isinstance(base, list) else []
    after = head if isinstance(head, list) else []
    return list(zip(before, after, strict=True)) if len(before) == len(after) else None


def leaving_match(base: Data, head: Data, pid: str) -> str | None:
    """Only ``pid``'s pairs ended, circle places left and ``unmatched`` entry dropped."""
    if not _same_except(base, head, ("pairs", "circles", "unmatched")):
        return None
    pairs, circles = (
        _aligned(base.get("pairs"), head.get("pairs")),
        _aligned(base.get("circles"), head.get("circles")),
    )
    if pairs is None or circles is None:
        return None
    if not all(_pair_ended(b, h, pid) for b, h in pairs):
        return None
    if not all(_circle_left(b, h, pid) for b, h in circles):
        return None
    before, after = _list(base.get("unmatched")), _list(head.get("unmatched"))
    kept = [e for e in before if not (isinstance(e, Mapping) and e.get("id") == pid)]
    if after not in (before, kept):
        return None
    return "ends their own pairs and circle places as they leave"
