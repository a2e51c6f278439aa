"""Small-group suppression: a published figure never describes fewer than five people.

A count of one to four people is withheld (``None``). A part of a published whole (the
matched among those seeking) is also withheld when the rest is one to four people, since
the whole minus the part gives the rest back. A rate is withheld when its group is
smaller than five or its part is withheld. Zero is shown: it names nobody. Reporters
print every withheld figure the same way, as ``WITHHELD``: ``None`` does not always mean
"fewer than five" (a total is withheld when it would give a small part back).
"""

from __future__ import annotations

MINIMUM_GROUP = 5
WITHHELD = "–"


def ratio(part: int, whole: int) -> float | None:
    """part / whole, or None when there is nothing to divide by."""
    return part / whole if whole else None


def suppress_small(count: int, minimum: int = MINIMUM_GROUP) -> int | None:
    """``count``, or None when it is about one to ``minimum - 1`` people."""
    return None if 0 < count < minimum else count


def suppress_part(part: int, whole: int, minimum: int = MINIMUM_GROUP) -> int | None:
    """``part`` of a published ``whole``, or None when it or the rest is too small."""
    if suppress_small(part, minimum) is None or suppress_small(whole - part, minimum) is None:
        return None
    return part


def suppress_rate(part: int, whole: int, minimum: int = MINIMUM_GROUP) -> float | None:
    """part / whole, or None when the group, the part or the rest is too small to publish."""
    if whole < minimum or suppress_part(part, whole, minimum) is None:
        return None
    return ratio(part, whole)


def suppress_partition(
    parts: dict[str, int], minimum: int = MINIMUM_GROUP
) -> tuple[dict[str, int | None], int | None]:
    """Counts that add up to a total, and the total, as published.

    Small parts are withheld; the total too when the withheld parts add up to one to
    ``minimum - 1`` people, which the total minus the shown parts would give back.
    """
    shown = {key: suppress_small(value, minimum) for key, value in parts.items()}
    hidden = sum(value for key, value in parts.items() if shown[key] is None)
    total = sum(parts.values())
    return shown, None if 0 < hidden < minimum else total


def is_suppressed(count: int, minimum: int = MINIMUM_GROUP) -> bool:
    return suppress_small(count, minimum) is None
