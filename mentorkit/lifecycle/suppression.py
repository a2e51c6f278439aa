"""Small-group suppression: a published figure never describes fewer than five people.

A count of one to four people is withheld (``None``; reporters print "<5"). A rate is
withheld when its group is smaller than five or its count is withheld, since the rate
and the group size together would give the count back. Zero is shown: it names nobody.
"""

from __future__ import annotations

MINIMUM_GROUP = 5


def ratio(part: int, whole: int) -> float | None:
    """part / whole, or None when there is nothing to divide by."""
    return part / whole if whole else None


def suppress_small(count: int, minimum: int = MINIMUM_GROUP) -> int | None:
    """``count``, or None when it is about one to ``minimum - 1`` people."""
    return None if 0 < count < minimum else count


def suppress_rate(part: int, whole: int, minimum: int = MINIMUM_GROUP) -> float | None:
    """part / whole, or None when the group or the count is too small to publish."""
    if whole < minimum or suppress_small(part, minimum) is None:
        return None
    return ratio(part, whole)


def is_suppressed(count: int, minimum: int = MINIMUM_GROUP) -> bool:
    return suppress_small(count, minimum) is None
