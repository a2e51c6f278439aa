"""Format a matching result (and an optional fairness audit) as text, JSON or Markdown."""

from __future__ import annotations

import io
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table

from mentorkit.matching.fairness import FairnessAudit, GroupFigures
from mentorkit.matching.result import MatchResult, MatchSummary
from mentorkit.model.entities import PEER_PAIR_FORMATS
from mentorkit.reporters import json_text
from mentorkit.reporters.markdown import cell

TEXT_WIDTH = 120
FORMATS = ("text", "json", "markdown")


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.0f}%"


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def summary_lines(s: MatchSummary) -> list[str]:
    if s.format == "circles":
        who = f"{s.matched} people in circles, {s.unmatched} not placed"
    elif s.format == "rotation":
        who = f"{s.matched} pairs over all rounds, {s.unmatched} people sit out a round"
    elif s.format in PEER_PAIR_FORMATS:
        who = f"{s.matched} people paired, {s.unmatched} unmatched"
    else:
        who = f"{s.matched} pairs, {s.unmatched} mentee(s) unmatched"
    cross = "circles spanning departments" if s.format == "circles" else "cross-functional"
    load = "mentors facilitating" if s.format == "circles" else "mentor utilisation"
    lines = [
        f"{who} of {s.people} people enrolled ({s.format}, objective: {s.objective}, solver: {s.solver})",
        f"mean score {_num(s.mean_score)} · {cross} {_pct(s.cross_functional_share)} · {load} {_pct(s.mentor_utilisation)}",
        *s.notes,
    ]
    if s.optimality is not None:
        proven = " · the most people possible are matched" if s.max_matched == s.matched else ""
        lines.append(f"result: {s.optimality}{proven}")
    return lines


def _console() -> tuple[Console, io.StringIO]:
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=TEXT_WIDTH,
        color_system=None,
        force_terminal=False,
        legacy_windows=False,
        emoji=False,
        highlight=False,
    )
    return console, buffer


def as_text(result: MatchResult, fairness: FairnessAudit | None = None) -> str:
    console, buffer = _console()
    console.print(f"Cohort {result.cohort}")
    if result.pairs:
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
        for name in (
            "peer" if result.format in PEER_PAIR_FORMATS else "mentor",
            "peer" if result.format in PEER_PAIR_FORMATS else "mentee",
            "score",
            "status",
        ):
            table.add_column(name, no_wrap=True)
        table.add_column("why", overflow="fold")
        for pair in result.pairs:
            status = (
                pair.status
                + (", locked" if pair.locked else "")
                + (", kept" if pair.origin == "kept" else "")
            )
            table.add_row(
                pair.mentor, pair.mentee, _num(pair.score), status, "; ".join(pair.reasons)
            )
        console.print(table)
    if result.circles:
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
        for name in ("circle", "facilitator", "members"):
            table.add_column(name, overflow="fold")
        table.add_column("why", overflow="fold")
        for circle in result.circles:
            table.add_row(
                circle.id,
                circle.facilitator or "-",
                ", ".join(circle.members),
                "; ".join(circle.reasons),
            )
        console.print(table)
    if result.unmatched:
        table = Table(
            title="Unmatched",
            box=box.SIMPLE_HEAD,
            show_edge=False,
            pad_edge=False,
            title_justify="left",
        )
        table.add_column("person", no_wrap=True)
        table.add_column("role", no_wrap=True)
        table.add_column("why", overflow="fold")
        for person in result.unmatched:
            table.add_row(person.id, person.role, person.reason)
        console.print(table)
    for line in summary_lines(result.summary):
        console.print(line)
    if fairness is not None:
        _fairness_text(console, fairness)
    return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())


def _fairness_rows(fairness: FairnessAudit) -> list[GroupFigures]:
    return [fairness.overall, *fairness.groups]


def _fairness_text(console: Console, fairness: FairnessAudit) -> None:
    table = Table(
        title="Fairness audit (private data, not written anywhere)",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        title_justify="left",
    )
    for name in ("group", "people", "matched", "match rate", "mean score", "first-choice", "flags"):
        table.add_column(name, overflow="fold")
    for g in _fairness_rows(fairness):
        table.add_row(
            g.group,
            str(g.people),
            str(g.matched),
            _pct(g.match_rate),
            _num(g.mean_score),
            _pct(g.first_choice_share),
            "; ".join(g.flags) or "-",
        )
    console.print(table)
    for line in _fairness_notes(fairness):
        console.print(line)


def _fairness_notes(fairness: FairnessAudit) -> list[str]:
    notes = []
    if fairness.hidden_groups:
        notes.append(
            f"{fairness.hidden_groups} group(s) not shown: each has fewer than {fairness.min_group} "
            "people, or would let such a group's figures be worked out."
        )
    if fairness.without_group:
        notes.append(f"{fairness.without_group} people have no group in the private file.")
    return notes


def as_dict(result: MatchResult, fairness: FairnessAudit | None = None) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "cohort": result.cohort,
        "format": result.format,
        "summary": result.summary.__dict__,
        "pairs": [
            {
                "mentor": p.mentor,
                "mentee": p.mentee,
                "score": p.score,
                "status": p.status,
                "locked": p.locked,
                "origin": p.origin,
                "reasons": list(p.reasons),
            }
            for p in result.pairs
        ],
        "circles": [
            {
                "id": c.id,
                "members": list(c.members),
                "facilitator": c.facilitator,
                "locked": c.locked,
                "reasons": list(c.reasons),
            }
            for c in result.circles
        ],
        "unmatched": [{"id": u.id, "role": u.role, "reason": u.reason} for u in result.unmatched],
    }
    if fairness is not None:
        payload["fairness"] = {
            "groups": [{**g.__dict__, "flags": list(g.flags)} for g in _fairness_rows(fairness)],
            "hidden_groups": fairness.hidden_groups,
            "without_group": fairness.without_group,
            "min_group_size": fairness.min_group,
        }
    return payload


def as_json(result: MatchResult, fairness: FairnessAudit | None = None) -> str:
    return json_text(as_dict(result, fairness))


def as_markdown(result: MatchResult, fairness: FairnessAudit | None = None) -> str:
    out = [f"### Matches for `{result.cohort}`", ""]
    out += [f"- {line}" for line in summary_lines(result.summary)]
    if result.pairs:
        out += ["", "| mentor | mentee | score | status | why |", "|---|---|---|---|---|"]
        for p in result.pairs:
            status = p.status + (" 🔒" if p.locked else "")
            out.append(
                f"| `{p.mentor}` | `{p.mentee}` | {_num(p.score)} | {status} | {cell('; '.join(p.reasons))} |"
            )
    if result.circles:
        out += ["", "| circle | facilitator | members | why |", "|---|---|---|---|"]
        for c in result.circles:
            out.append(
                f"| {cell(c.id)} | `{c.facilitator or '-'}` | {cell(', '.join(c.members))} | {cell('; '.join(c.reasons))} |"
            )
    if result.unmatched:
        out += [
            "",
            "<details><summary>Unmatched: " + str(len(result.unmatched)) + "</summary>",
            "",
            "| person | role | why |",
            "|---|---|---|",
        ]
        out += [f"| `{u.id}` | {u.role} | {cell(u.reason)} |" for u in result.unmatched]
        out += ["", "</details>"]
    if fairness is not None:
        out += [
            "",
            "#### Fairness audit",
            "",
            "| group | people | matched | match rate | mean score | first-choice | flags |",
            "|---|---|---|---|---|---|---|",
        ]
        for g in _fairness_rows(fairness):
            out.append(
                f"| {cell(g.group)} | {g.people} | {g.matched} | {_pct(g.match_rate)} | {_num(g.mean_score)} | {_pct(g.first_choice_share)} | {cell('; '.join(g.flags)) or '-'} |"
            )
        out += ["", *_fairness_notes(fairness)]
    return "\n".join(out).rstrip("\n") + "\n"


RENDERERS = {"text": as_text, "json": as_json, "markdown": as_markdown}


def render(result: MatchResult, fmt: str, fairness: FairnessAudit | None = None) -> str:
    return RENDERERS[fmt](result, fairness)
