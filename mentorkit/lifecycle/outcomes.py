"""Outcomes: retention and promotion of mentored and not-mentored participants.

An HR export (``id``, still employed on its date, promoted; ``outcomes:`` in program.yaml
maps the headings) is matched to the participants. *Mentored* people took part as a
mentee in a pair that actually ran, or as a member of a circle (both sides of a peer or
swap pair); every other participant in the export is *not mentored*. Ids that are not
participants are reported and left out.

Each person is one unit of the disclosure rules, and people with ``public: false`` count
too: they are in no figure that does not pass the program's threshold, and nothing names
anyone. Rates carry a 95% Wilson score interval; the difference between the groups carries
Newcombe's interval built from them. The figures show association, not cause: people who
ask for a mentor may differ from those who do not in ways that matter more.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

from scipy.stats import norm

from mentorkit.lifecycle.disclosure import Count, Figure, Rate, Spec, disclose
from mentorkit.lifecycle.metric_specs import metric_specs
from mentorkit.lifecycle.network import network_specs
from mentorkit.lifecycle.published import publish
from mentorkit.lifecycle.relationships import has_mentored
from mentorkit.model.entities import PEER_PAIR_FORMATS
from mentorkit.model.export_settings import ExportRow, ExportTable, OutcomeSettings
from mentorkit.model.program import Program
from mentorkit.problems import Problem, shown

GROUPS = ("mentored", "not_mentored")
GROUP_NAMES = {"mentored": "mentored", "not_mentored": "not mentored"}
MEASURES = ("retention", "promotion")
CONFIDENCE = 0.95
UNKNOWN_LISTED = 20  # unknown ids named one by one; the rest are counted
_YES = frozenset({"yes", "y", "true", "1", "employed", "promoted", "x"})
_NO = frozenset({"no", "n", "false", "0", "left", "not promoted", ""})


@dataclass(frozen=True)
class Outcome:
    person: str
    employed: bool
    promoted: bool


@dataclass(frozen=True)
class OutcomeRecords:
    name: str
    outcomes: tuple[Outcome, ...]
    problems: tuple[Problem, ...]
    as_of: tuple[str, ...]  # the dates the export gives, if any
    unknown: int  # rows whose id is not a participant
    mentored: frozenset[str]  # participants who were mentored (of the whole program)


def mentored_people(program: Program) -> frozenset[str]:
    people: set[str] = set()
    for cohort_id, match in program.matches.items():
        cohort = program.cohorts.get(cohort_id)
        both_sides = cohort is not None and cohort.format in PEER_PAIR_FORMATS
        for pair in match.pairs:
            if has_mentored(program, cohort_id, pair):
                people.add(pair.mentee)
                if both_sides:
                    people.add(pair.mentor)
        for circle in match.circles:
            people.update(m for m in circle.members if m != circle.facilitator)
    return frozenset(people)


def _flag(answer: str) -> bool:
    word = answer.casefold()
    if word in _YES:
        return True
    if word in _NO:
        return False
    raise ValueError(answer)


def read_outcomes(
    table: ExportTable, settings: OutcomeSettings, program: Program
) -> OutcomeRecords:
    """The known participants' outcomes, and a problem (file and line) for each bad row."""
    required = (settings.id, settings.employed, settings.promoted)
    problems = [
        Problem(
            table.name,
            1,
            0,
            "error",
            "outcome-column",
            f"no column {shown(c)} (see outcomes.columns)",
        )
        for c in required
        if not table.has(c)
    ]
    mentored = mentored_people(program)
    if problems:
        return OutcomeRecords(table.name, (), tuple(problems), (), 0, mentored)
    outcomes: dict[str, Outcome] = {}
    dates: set[str] = set()
    unknown = 0
    for row in table.rows:
        person = table.get(row, settings.id)
        if person not in program.participants:
            unknown += 1
            if unknown <= UNKNOWN_LISTED:
                message = f"{shown(person)} is not a participant: left out"
                problems.append(
                    Problem(table.name, row.line, 0, "warning", "outcome-unknown-id", message)
                )
            continue
        found = _outcome(table, row, settings, person, outcomes, problems)
        if found is not None:
            outcomes[person] = found
            if table.has(settings.as_of) and (day := table.get(row, settings.as_of)):
                dates.add(day)
    if unknown > UNKNOWN_LISTED:
        problems.append(
            Problem(
                table.name,
                0,
                0,
                "warning",
                "outcome-unknown-id",
                f"{unknown - UNKNOWN_LISTED} more ids are not participants: left out",
            )
        )
    return OutcomeRecords(
        table.name,
        tuple(outcomes.values()),
        tuple(problems),
        tuple(sorted(dates)),
        unknown,
        mentored,
    )


def _outcome(
    table: ExportTable,
    row: ExportRow,
    settings: OutcomeSettings,
    person: str,
    seen: dict[str, Outcome],
    problems: list[Problem],
) -> Outcome | None:
    def bad(code: str, message: str) -> None:
        problems.append(Problem(table.name, row.line, 0, "error", code, message))

    if person in seen:
        bad("outcome-duplicate", f"{shown(person)} appears twice: the first row counts")
        return None
    as_of = table.get(row, settings.as_of) if table.has(settings.as_of) else ""
    if as_of:
        try:
            dt.date.fromisoformat(as_of)
        except ValueError:
            bad("outcome-answer", f"the date {shown(as_of)} is not YYYY-MM-DD")
            return None
    values = []
    for column in (settings.employed, settings.promoted):
        answer = table.get(row, column)
        try:
            values.append(_flag(answer))
        except ValueError:
            bad("outcome-answer", f"{shown(answer)} under {shown(column)} is not yes or no")
            return None
    return Outcome(person, values[0], values[1])


def _units(people: Iterable[str]) -> frozenset[Hashable]:
    return frozenset(("person", p) for p in people)


def outcome_specs(records: OutcomeRecords) -> list[Spec]:
    everyone = {o.person for o in records.outcomes}
    specs: list[Spec] = [Count("outcomes:people", _units(everyone), keep=9)]
    for group in GROUPS:
        members = [
            o for o in records.outcomes if (o.person in records.mentored) == (group == "mentored")
        ]
        units = _units(o.person for o in members)
        employed = _units(o.person for o in members if o.employed)
        promoted = _units(o.person for o in members if o.promoted)
        k = f"outcomes:{group}:"
        specs += [
            Count(k + "people", units, _units(everyone), keep=8),
            Count(k + "employed", employed, units),
            Rate(k + "retention", employed, units, keep=5),
            Count(k + "promoted", promoted, units),
            Rate(k + "promotion", promoted, units, keep=5),
        ]
    return specs


@dataclass(frozen=True)
class Interval:
    low: float
    high: float


def wilson(successes: int, trials: int, confidence: float = CONFIDENCE) -> Interval:
    """The Wilson score interval of ``successes / trials``."""
    z = float(norm.ppf(0.5 + confidence / 2))
    p = successes / trials
    centre = (p + z * z / (2 * trials)) / (1 + z * z / trials)
    half = (
        z * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials)) / (1 + z * z / trials)
    )
    return Interval(max(0.0, centre - half), min(1.0, centre + half))


def newcombe(a: tuple[int, int], b: tuple[int, int]) -> tuple[float, Interval]:
    """``p_a - p_b`` and Newcombe's hybrid score interval (method 10) from Wilson's."""
    pa, pb = a[0] / a[1], b[0] / b[1]
    ia, ib = wilson(*a), wilson(*b)
    low = pa - pb - math.sqrt((pa - ia.low) ** 2 + (ib.high - pb) ** 2)
    high = pa - pb + math.sqrt((ia.high - pa) ** 2 + (pb - ib.low) ** 2)
    return pa - pb, Interval(low, high)


@dataclass(frozen=True)
class OutcomeFigures:
    figures: dict[str, Figure]
    intervals: dict[str, Interval]  # for each shown rate, and each shown difference
    differences: dict[str, Figure]  # measure -> mentored minus not mentored


def site_figures(program: Program, today: dt.date) -> tuple[list[Spec], list[Spec]]:
    """The figures about people that the site shows, and those it withholds: outcome
    figures count the same people, so they are disclosed knowing both."""
    site = publish(program, today)
    specs = [*metric_specs(site.metrics), *network_specs(site.public, site.min_group)]
    listed = [s for s in specs if s.key in site.figures.figures]
    return [s for s in listed if site.figures[s.key].shown], [
        s for s in listed if site.figures[s.key].withheld
    ]


def outcome_figures(
    records: OutcomeRecords,
    min_group: int,
    site: tuple[Sequence[Spec], Sequence[Spec]] = ((), ()),
) -> OutcomeFigures:
    """The disclosed figures; an interval only beside a shown rate, a difference only
    between two shown rates (it is worked out from them, so it tells nothing more).
    ``site``: the site's shown and withheld figures, which a reader of the report may
    have beside it."""
    specs = outcome_specs(records)
    figures = disclose(specs, min_group, site[0], site[1])
    sizes = {s.key: (len(s.part), len(s.whole)) for s in specs if isinstance(s, Rate)}
    intervals = {key: wilson(*sizes[key]) for key in sizes if figures[key].shown and sizes[key][1]}
    differences: dict[str, Figure] = {}
    for measure in MEASURES:
        a, b = (f"outcomes:{g}:{measure}" for g in GROUPS)
        if a in intervals and b in intervals:
            value, interval = newcombe(sizes[a], sizes[b])
            differences[measure] = Figure(value)
            intervals[f"outcomes:difference:{measure}"] = interval
        else:
            reason = figures[a].withheld or figures[b].withheld
            differences[measure] = Figure(
                None, withheld=reason, note="" if reason else "nobody to compare"
            )
    return OutcomeFigures(figures, intervals, differences)
