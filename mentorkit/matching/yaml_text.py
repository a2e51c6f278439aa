"""A direct emitter for new match files, identical to ruamel.yaml's round-trip output.

ruamel's pure-Python emitter needs seconds for a 10,000-pair file. A new file has a
fixed shape (known keys; ids, short sentences and numbers), so it is written
line by line here. Scalars that are obviously plain or obviously single-quoted are
formatted directly; anything else is handed to ruamel itself (and cached), so
unusual text is never formatted differently.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from mentorkit import __version__
from mentorkit.matching.result import MatchResult
from mentorkit.writing.yaml_round_trip import dump_text

_SAFE = r"[A-Za-z0-9 ,()._/+-]"
# starts with a letter, or with a digit but containing a space: never a number, bool or date.
# The "contains" parts are lookaheads, so no two repetitions compete for the same
# characters: matching stays linear in the length of the text.
_PLAIN = re.compile(rf"(?:[A-Za-z]|[0-9](?=[^\n]* )){_SAFE}*[A-Za-z0-9)]")
_RESERVED = re.compile(r"(?i)(?:true|false|null|yes|no|on|off|y|n|inf|nan)")
_QUOTED = re.compile(rf"[A-Za-z0-9](?=[^\n]*: )(?:{_SAFE}|:)*[A-Za-z0-9)]")


@lru_cache(maxsize=65536, typed=True)
def _by_ruamel(value: Any) -> str:
    return dump_text({"k": value})[3:].rstrip("\n")


def scalar(value: Any) -> str:
    """``value`` as ruamel.yaml writes it after ``key: `` or ``- ``."""
    if isinstance(value, str):
        if _PLAIN.fullmatch(value) and not _RESERVED.fullmatch(value) and "  " not in value:
            return value
        if _QUOTED.fullmatch(value) and "  " not in value and " #" not in value:
            return f"'{value}'"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return _by_ruamel(value)


def _list(out: list[str], key: str, values: tuple[str, ...], indent: str) -> None:
    out.append(f"{indent}{key}:\n")
    out.extend(f"{indent}  - {scalar(v)}\n" for v in values)


def new_file_body(result: MatchResult) -> str:
    """Everything after the header comments of a new match file."""
    out = [
        f"cohort: {scalar(result.cohort)}\n",
        f"generated: {scalar(f'mentorkit {__version__}')}\n",
    ]
    if result.pairs:
        out.append("pairs:\n")
        for pair in result.pairs:
            out.append(f"  - mentor: {scalar(pair.mentor)}\n    mentee: {scalar(pair.mentee)}\n")
            if pair.round is not None:
                out.append(f"    round: {pair.round}\n")
            if pair.score is not None:
                out.append(f"    score: {scalar(pair.score)}\n")
            out.append(f"    status: {scalar(pair.status)}\n")
            if pair.locked:
                out.append("    locked: true\n")
            if pair.reasons:
                _list(out, "reasons", pair.reasons, "    ")
    if result.circles:
        out.append("circles:\n")
        for circle in result.circles:
            out.append(f"  - id: {scalar(circle.id)}\n")
            _list(out, "members", circle.members, "    ")
            if circle.facilitator:
                out.append(f"    facilitator: {scalar(circle.facilitator)}\n")
            if circle.reasons:
                _list(out, "reasons", circle.reasons, "    ")
    if result.unmatched:
        out.append("unmatched:\n")
        out.extend(
            f"  - id: {scalar(u.id)}\n    reason: {scalar(u.reason)}\n" for u in result.unmatched
        )
    out.append("summary:\n")
    out.extend(f"  {k}: {scalar(v)}\n" for k, v in result.summary.recorded_figures().items())
    return "".join(out)
