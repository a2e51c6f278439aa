"""Format a matching result (and an optional fairness audit) as text, JSON or Markdown."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from mentorkit.matching.fairness import FairnessAudit, GroupFigures
from mentorkit.matching.private_reasons import PrivateBreakdown
from mentorkit.matching.result import MatchResult, MatchSummary, ProposedPair, UnmatchedPerson
from mentorkit.model.entities import PEER_PAIR_FORMATS
from mentorkit.problems import shown_path
from mentorkit.reporters import json_text
from mentorkit.reporters.markdown import cell, code
from mentorkit.reporters.matching_private import TITLE, private_dict, private_text
from mentorkit.reporters.text_table import TEXT_WIDTH, TextColumn, table_text, wrap

FORMATS = ("text", "json", "markdown")
# The formats the private view (``match --show-sealed``) comes in: not Markdown, which is
# what the matching pull request's body is made of.
PRIVATE_FORMATS = ("text", "json")
Private = Mapping[tuple[str, str], PrivateBreakdown]  # by (id, role)


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


def left_out_line(left_out: Sequence[str]) -> str:
    """What the reader must know about the people left out: how many, and why, in words.

    Their files are listed apart (paths only): nothing from inside a sealed value is
    ever named, and the output may be public to members (a pull request's body).
    """
    who = "1 person" if len(left_out) == 1 else f"{len(left_out)} people"
    return (
        f"{who} left out of these proposals: the identity cannot use their sealed value, so "
        "their avoid and manager rules are unknown (recorded pairs are kept). Fix the "
        "file (`mentorkit edit FILE`, or its owner seals it again) and run this again"
    )


def _pair_status(pair: ProposedPair) -> str:
    kept = ", kept" if pair.origin == "kept" else ""
    return pair.status + (", locked" if pair.locked else "") + kept


def as_text(
    result: MatchResult,
    fairness: FairnessAudit | None = None,
    left_out: Sequence[str] = (),
    private: Private | None = None,
) -> str:
    out = _lines([f"Cohort {result.cohort}"])
    if result.pairs:
        side = ("peer", "peer") if result.format in PEER_PAIR_FORMATS else ("mentor", "mentee")
        columns = [TextColumn(name) for name in (*side, "score", "status")]
        rows: list[tuple[str, ...]] = [
            (p.mentor, p.mentee, _num(p.score), _pair_status(p), "; ".join(p.reasons))
            for p in result.pairs
        ]
        out.append(table_text([*columns, TextColumn("why", wrap=True)], rows))
    if result.circles:
        columns = [TextColumn(name, wrap=True) for name in ("circle", "facilitator", "members")]
        circle_rows: list[tuple[str, ...]] = [
            (c.id, c.facilitator or "-", ", ".join(c.members), "; ".join(c.reasons))
            for c in result.circles
        ]
        out.append(table_text([*columns, TextColumn("why", wrap=True)], circle_rows))
    if result.unmatched:
        columns = [TextColumn("person"), TextColumn("role"), TextColumn("why", wrap=True)]
        unmatched = [(u.id, str(u.role), _why(u, private)) for u in result.unmatched]
        title = "Unmatched" if private is None else TITLE
        out.append(table_text(columns, unmatched, title=title))
    out += _lines(summary_lines(result.summary))
    if left_out:
        paths = ", ".join(shown_path(path) for path in left_out)
        out += _lines([f"{left_out_line(left_out)}: {paths}"])
    if fairness is not None:
        out.append(_fairness_text(fairness))
    return "".join(out)


def _why(person: UnmatchedPerson, private: Private | None) -> str:
    """The shared reason, then (private view only) what the sealed rules add to it."""
    found = private.get((person.id, person.role)) if private is not None else None
    return person.reason if found is None else f"{person.reason}. {private_text(found)}"


def _lines(lines: list[str]) -> list[str]:
    """Lines of prose, wrapped at the table width as a terminal would show them."""
    return [part + "\n" for line in lines for part in wrap(line, TEXT_WIDTH)]


def _fairness_rows(fairness: FairnessAudit) -> list[GroupFigures]:
    return [fairness.overall, *fairness.groups]


_FAIRNESS_COLUMNS = ("group", "people", "matched", "match rate", "mean score", "first-choice")


def _fairness_text(fairness: FairnessAudit) -> str:
    rows = [
        (
            g.group,
            str(g.people),
            str(g.matched),
            _pct(g.match_rate),
            _num(g.mean_score),
            _pct(g.first_choice_share),
            "; ".join(g.flags) or "-",
        )
        for g in _fairness_rows(fairness)
    ]
    columns = [TextColumn(name, wrap=True) for name in (*_FAIRNESS_COLUMNS, "flags")]
    table = table_text(columns, rows, title="Fairness audit (private data, not written anywhere)")
    return table + "".join(_lines(_fairness_notes(fairness)))


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


def as_dict(
    result: MatchResult,
    fairness: FairnessAudit | None = None,
    left_out: Sequence[str] = (),
    private: Private | None = None,
) -> dict[str, Any]:
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
        "unmatched": [_unmatched_dict(u, private) for u in result.unmatched],
        "left_out": list(left_out),
    }
    if fairness is not None:
        payload["fairness"] = {
            "groups": [{**g.__dict__, "flags": list(g.flags)} for g in _fairness_rows(fairness)],
            "hidden_groups": fairness.hidden_groups,
            "without_group": fairness.without_group,
            "min_group_size": fairness.min_group,
        }
    return payload


def _unmatched_dict(person: UnmatchedPerson, private: Private | None) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": person.id, "role": person.role, "reason": person.reason}
    found = private.get((person.id, person.role)) if private is not None else None
    if found is not None:
        entry["private"] = private_dict(found)
    return entry


def as_json(
    result: MatchResult,
    fairness: FairnessAudit | None = None,
    left_out: Sequence[str] = (),
    private: Private | None = None,
) -> str:
    return json_text(as_dict(result, fairness, left_out, private))


def as_markdown(
    result: MatchResult, fairness: FairnessAudit | None = None, left_out: Sequence[str] = ()
) -> str:
    out = [f"### Matches for `{result.cohort}`", ""]
    out += [f"- {line}" for line in summary_lines(result.summary)]
    if left_out:  # first, where the coordinator reviewing the pull request reads
        out += ["", "#### Left out", "", f"{left_out_line(left_out)}:", ""]
        out += [f"- {code(shown_path(path), 200)}" for path in left_out]
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


def render(
    result: MatchResult,
    fmt: str,
    fairness: FairnessAudit | None = None,
    left_out: Sequence[str] = (),
    private: Private | None = None,
) -> str:
    """``result`` in ``fmt``; ``left_out``: files of the people set aside (paths only);
    ``private``: the coordinator's view of unmatched people, in ``PRIVATE_FORMATS`` only."""
    if private is None:
        return RENDERERS[fmt](result, fairness, left_out)
    if fmt == "json":
        return as_json(result, fairness, left_out, private)
    if fmt == "text":
        return as_text(result, fairness, left_out, private)
    raise ValueError(f"the private view has no {fmt} format (only {', '.join(PRIVATE_FORMATS)})")
