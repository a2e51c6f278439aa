"""``mentorkit new``: one new data file as YAML text, checked against the repository before it is written."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

import yaml

from mentorkit.lifecycle.agreements import prefill_agreement
from mentorkit.model.checkin_path import CheckinPath
from mentorkit.model.pages import slug
from mentorkit.model.program import Program

SCHEMA_DEPTH = {
    "participant": "../",
    "cohort": "../../",
    "lesson": "../../",
    "agreement": "../../../",
    "checkin": "../../../../",
}


def slugify(text: str, limit: int = 40) -> str:
    """A lesson file name from its title: accents dropped, then the site's slug rule."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return slug(ascii_text, fallback="untitled")[:limit].rstrip("-")


_SAFE_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def _safe(value: Any, what: str) -> str:
    """One path component made from user input: an id, never a path of its own."""
    text = str(value)
    if not _SAFE_ID.match(text):
        raise ValueError(
            f"{what} {text!r} is not an id: use lower-case letters, digits and hyphens"
        )
    return text


def checkin_path(data: dict[str, Any]) -> str:
    """A check-in's path from its plain fields; ValueError for an unusable id or date."""
    cohort, mentor, mentee, by = (
        _safe(data[k], f"the {k}") for k in ("cohort", "mentor", "mentee", "by")
    )
    try:
        day = dt.date.fromisoformat(str(data["date"])).isoformat()
    except ValueError:
        raise ValueError(f"the date {data['date']!r} is not a date (YYYY-MM-DD)") from None
    return CheckinPath(cohort, mentor, mentee, day, by).path


def path_for(kind: str, data: dict[str, Any]) -> str:
    """Where a new file of ``kind`` lives in the repository; ValueError for an unusable id."""
    if kind == "participant":
        return f"participants/{_safe(data['id'], 'the id')}.yaml"
    if kind == "cohort":
        return f"program/cohorts/{_safe(data['id'], 'the id')}.yaml"
    if kind == "lesson":
        try:
            day = dt.date.fromisoformat(str(data["date"])).isoformat()
        except ValueError:
            raise ValueError(f"the date {data['date']!r} is not a date (YYYY-MM-DD)") from None
        return f"program/lessons/{day}-{slugify(str(data['title']))}.yaml"
    if kind == "agreement":
        cohort, mentor, mentee = (
            _safe(data[k], f"the {k}") for k in ("cohort", "mentor", "mentee")
        )
        return f"program/agreements/{cohort}/{mentor}--{mentee}.yaml"
    if kind == "checkin":
        return checkin_path(data)
    raise ValueError(f"unknown kind {kind!r}")


def _clean(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items() if v not in (None, "", [], {})}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


class _Dumper(yaml.SafeDumper):
    pass


# Dates are text under YAML 1.2 (how mentorkit reads them), so write them plain, not quoted.
_Dumper.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeDumper.yaml_implicit_resolvers.items()
}


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _seq(dumper: yaml.SafeDumper, value: list[Any]) -> yaml.Node:
    # Short word lists read best inline ([en, de]); sentences one per line.
    flat = all(isinstance(v, int | float) or (isinstance(v, str) and " " not in v) for v in value)
    return dumper.represent_sequence(
        "tag:yaml.org,2002:seq", value, flow_style=flat and bool(value)
    )


_Dumper.add_representer(str, _str)
_Dumper.add_representer(list, _seq)


def to_yaml(kind: str, data: dict[str, Any]) -> str:
    """The file's text: a schema hint for editors, then the fields in the order given."""
    body = yaml.dump(
        _clean(data), Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100, indent=2
    )
    return f"# yaml-language-server: $schema={SCHEMA_DEPTH[kind]}schemas/{kind}.schema.json\n{body}"


def participant_data(
    *,
    pid: str,
    name: str,
    github: str,
    department: str,
    level: int,
    timezone: str,
    languages: list[str],
    cohorts: list[str],
    pronouns: str = "",
    title: str = "",
    mentor_skills: dict[str, int] | None = None,
    capacity: int = 1,
    goals: list[str] | None = None,
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": pid,
        "name": name,
        # Always written: an id is never taken for a login, so a file without `github` could
        # be changed by coordinators only (the `no-login` warning).
        "github": github,
        "pronouns": pronouns,
        "title": title,
        "department": department,
        "level": level,
        "timezone": timezone,
        "languages": languages,
        "cohorts": cohorts,
    }
    if mentor_skills:
        data["mentor"] = {"capacity": capacity, "skills": dict(mentor_skills)}
    if goals:
        data["mentee"] = {"goals": [{"skill": g} for g in goals]}
    return data


def agreement_data(
    program: Program, cohort_id: str, mentee_id: str, mentor_id: str | None
) -> dict[str, Any]:
    """A draft agreement prefilled from the accepted pair, the cohort, the mentee's goals and policies.

    Raises ValueError with a message a person can act on.
    """
    return prefill_agreement(program, cohort_id, mentee_id, mentor_id)
