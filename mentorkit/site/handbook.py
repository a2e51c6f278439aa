"""The packaged handbook pages with this program's values filled in.

The pages (``mentorkit/handbook/*.md``, read by ``mentorkit.loading.handbook``) are Jinja
templates in the site's page environment, so every value printed with ``{{ ... }}`` is
escaped like any other page value (program.yaml is text a pull request can change).
A page of the same path in the program's ``site/`` is the program's own: it replaces
the packaged one and is not treated as a template (``mentorkit.site.publish``).
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from mentorkit.lifecycle.health import (
    GRACE_DAYS,
    SIGNING_DAYS,
    THREE_MONTH_FROM_DAY,
    THREE_MONTHS_DAYS,
)
from mentorkit.model.entities import CADENCE_DAYS
from mentorkit.model.program import Program
from mentorkit.site.text import plain
from mentorkit.site.view import PublicView

WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def number_word(value: int) -> str:
    """Small counts as words, the way the handbook's prose writes them."""
    return WORDS[value] if 0 <= value < len(WORDS) else str(value)


def weight_shares(weights: dict[str, float]) -> dict[str, float]:
    """Each weight's share of the total: scoring scales the weights to add up to 1."""
    total = sum(weights.values())
    return {name: (value / total if total > 0 else 0.0) for name, value in weights.items()}


def _listing(items: list[str]) -> Markup:
    """Names joined as prose, each escaped as plain text ("A, B and C")."""
    escaped = [str(plain(item)) for item in items]
    if len(escaped) < 2:
        return Markup("".join(escaped))
    return Markup(", ".join(escaped[:-1]) + " and " + escaped[-1])


def _cohort_cadences(program: Program) -> Markup:
    """The cadence of each cohort that is not closed: what "the cohort's cadence" means now."""
    parts = [
        f"{plain(cohort.name)}: {plain(cohort.cadence)}"
        for cohort in program.cohorts.values()
        if cohort.status != "closed" and cohort.cadence
    ]
    return Markup("; ".join(parts))


def handbook_context(program: Program, view: PublicView) -> dict[str, Any]:
    """What a handbook page may print: the program's name, people who run it, its settings.

    Only coordinators who are public are named; ready-made lists are escaped here.
    """
    charter = program.charter
    coordinators = [view.people[c].name for c in charter.coordinators if c in view.people]
    return {
        "program_name": charter.name,
        "coordinators": coordinators,
        "coordinator_list": _listing(coordinators),
        "cohort_cadences": _cohort_cadences(program),
        "matching": charter.matching,
        "weights": weight_shares(charter.matching.weights.as_dict()),
        "min_group": charter.min_group,
        "grace_days": GRACE_DAYS,
        "signing_days": SIGNING_DAYS,
        "three_months_days": THREE_MONTHS_DAYS,
        "three_month_from_day": THREE_MONTH_FROM_DAY,
        "cadence_days": CADENCE_DAYS,
    }


def handbook_pages(
    env: Environment, pages: dict[str, str], program: Program, view: PublicView
) -> dict[str, str]:
    """``pages`` (path to template text) rendered for ``program``."""
    context = handbook_context(program, view)
    env.globals.setdefault("number_word", number_word)
    return {
        path: env.from_string(text).render(page=path, **context) for path, text in pages.items()
    }
