"""Interactive ``new``: each answer checked as it is given, choices listed, help on ``?``.

Pure functions over the program: a checker takes the answer as typed and returns either
the value to keep or the reason to ask again (``Rejected``). The CLI asks, prints the
reason and asks again, so a typo in the first answer never costs the others.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable
from typing import Any
from zoneinfo import available_timezones

from mentorkit.model.program import Program

ID = re.compile(r"^[a-z0-9][a-z0-9-]{1,38}$")
LOGIN = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$")
LANGUAGE = re.compile(r"^[a-z]{2}$")
OPEN_FOR_ENROLMENT = ("planning", "enrolling")


class Rejected(ValueError):
    """The answer cannot be used; the message says why and what would do."""


Checker = Callable[[str], Any]


def _items(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def _close(word: str, options: list[str]) -> str:
    found = difflib.get_close_matches(word, options, n=3, cutoff=0.6)
    return f" (did you mean {', '.join(found)}?)" if found else ""


def new_id(program: Program, taken: set[str]) -> Checker:
    def check(answer: str) -> str:
        value = answer.strip()
        if not ID.match(value):
            raise Rejected(
                "use 2-39 lower-case letters, digits and hyphens, starting with a letter or "
                "digit (e.g. ada-lovelace)"
            )
        if value in taken or program.knows_participant(value):
            raise Rejected(f"the id {value!r} is taken; choose another")
        return value

    return check


def login(answer: str) -> str:
    value = answer.strip().lstrip("@")
    if not LOGIN.match(value):
        raise Rejected("a GitHub login is letters, digits and single hyphens (e.g. ada-l)")
    return value


def text(answer: str) -> str:
    value = answer.strip()
    if not value:
        raise Rejected("this cannot be empty")
    return value


def level(answer: str) -> int:
    try:
        value = int(answer.strip())
    except ValueError:
        raise Rejected("give a whole number from 1 (entry) to 10 (executive)") from None
    if not 1 <= value <= 10:
        raise Rejected("give a whole number from 1 (entry) to 10 (executive)")
    return value


def timezone(answer: str) -> str:
    value = answer.strip()
    zones = available_timezones()
    if value in zones:
        return value
    by_fold = {z.casefold(): z for z in zones}
    if value.casefold() in by_fold:
        return by_fold[value.casefold()]
    raise Rejected(f"{value!r} is not an IANA time zone{_close(value, sorted(zones))}")


def languages(answer: str) -> list[str]:
    codes = [c.lower() for c in _items(answer)]
    wrong = [c for c in codes if not LANGUAGE.match(c)]
    if wrong or not codes:
        raise Rejected("give two-letter ISO 639-1 codes separated by commas, e.g. en,de")
    return codes


def open_cohorts(program: Program) -> list[str]:
    return [c.id for c in program.cohorts.values() if c.status in OPEN_FOR_ENROLMENT]


def cohorts(program: Program) -> Checker:
    def check(answer: str) -> list[str]:
        wanted = _items(answer)
        allowed = open_cohorts(program)
        for cohort in wanted:
            if cohort not in program.cohorts:
                raise Rejected(f"there is no cohort {cohort!r}{_close(cohort, allowed)}")
            if cohort not in allowed:
                status = program.cohorts[cohort].status
                raise Rejected(f"{cohort} is {status}, not open for enrolment")
        return wanted

    return check


def skill_id(program: Program, word: str) -> str:
    """A skill id from its id, name or alias (any case); Rejected with suggestions if none."""
    key = word.strip().casefold()
    for skill in program.skills.values():
        names = {skill.id, skill.name, *skill.aliases}
        if key in {n.casefold() for n in names}:
            return skill.id
    vocabulary = sorted({*program.skills, *(s.name.casefold() for s in program.skills.values())})
    found = difflib.get_close_matches(key, vocabulary, n=3, cutoff=0.6)
    ids = []
    for hit in found:
        ids += [s.id for s in program.skills.values() if hit in (s.id, s.name.casefold())]
    hint = f" (did you mean {', '.join(dict.fromkeys(ids))}?)" if ids else ""
    raise Rejected(f"no skill {word.strip()!r} in program/skills.yaml{hint}; type ? for the list")


def skills(program: Program, *, required: bool = True) -> Checker:
    def check(answer: str) -> list[str]:
        found = [skill_id(program, word) for word in _items(answer)]
        if required and not found:
            raise Rejected("name at least one skill; type ? for the list")
        return list(dict.fromkeys(found))

    return check


def skill_levels(program: Program) -> Checker:
    def check(answer: str) -> dict[str, int]:
        offered: dict[str, int] = {}
        for part in _items(answer):
            name, _, given = part.partition(":")
            try:
                value = int(given) if given.strip() else 3
            except ValueError:
                raise Rejected(f"{part!r}: write skill:level, e.g. sql:4") from None
            if not 1 <= value <= 5:
                raise Rejected(f"{part!r}: a level is 1 (basic) to 5 (expert)")
            offered[skill_id(program, name)] = value
        if not offered:
            raise Rejected("name at least one skill you offer; type ? for the list")
        return offered

    return check


def date(answer: str) -> str:
    try:
        return dt.date.fromisoformat(answer.strip()).isoformat()
    except ValueError:
        raise Rejected("write a date as YYYY-MM-DD") from None


def participant_id(program: Program) -> Checker:
    def check(answer: str) -> str:
        value = answer.strip()
        if value in program.participants:
            return value
        raise Rejected(f"no participant {value!r}{_close(value, sorted(program.participants))}")

    return check


def cohort_choices(program: Program) -> str:
    open_ = [program.cohorts[c] for c in open_cohorts(program)]
    if not open_:
        return "No cohort is open for enrolment right now; leave this empty."
    lines = ["Cohorts open for enrolment:"]
    lines += [f"  {c.id}  {c.name} ({c.format}, {c.status}, starts {c.starts})" for c in open_]
    return "\n".join(lines)


def skill_choices(program: Program) -> str:
    """The vocabulary by category, one line each: what a person picks from."""
    names = {c.id: c.name for c in program.categories}
    by_category: dict[str, list[str]] = {}
    for skill in program.skills.values():
        by_category.setdefault(skill.category or "", []).append(skill.id)
    lines = ["Skills, by category (an id, a name or an alias will do):"]
    for category, ids in sorted(by_category.items()):
        lines.append(f"  {names.get(category, category) or 'Other'}: {', '.join(sorted(ids))}")
    return "\n".join(lines)
