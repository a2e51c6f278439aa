"""Time zones are real IANA names, so working-hours overlap can be computed.

Code: ``unknown-timezone``.

Passing: ``timezone: Europe/Berlin``.

Failing: ``timezone: Europe/Berln`` (unknown-timezone: unknown time zone 'Europe/Berln' (did
you mean 'Europe/Berlin'?)); ``timezone: CET+1``.
"""

from __future__ import annotations

import difflib
import zoneinfo
from collections.abc import Iterator
from functools import cache

from mentorkit.checks.base import problem_at
from mentorkit.model.program import Program
from mentorkit.model.rules import utc_offset_hours
from mentorkit.problems import Problem, shown

CODE = "unknown-timezone"


@cache
def _all_zones() -> list[str]:
    return sorted(zoneinfo.available_timezones())


def check(program: Program) -> Iterator[Problem]:
    for person in program.participants.values():
        if utc_offset_hours(person.timezone) is None:
            close = difflib.get_close_matches(person.timezone, _all_zones(), n=1, cutoff=0.7)
            hint = (
                f" (did you mean {close[0]!r}?)"
                if close
                else " (use an IANA name such as Europe/Berlin)"
            )
            yield problem_at(
                program,
                person.source,
                ("timezone",),
                CODE,
                f"unknown time zone {shown(person.timezone)}{hint}",
            )
