"""Changed files in words: "Ada Lovelace joins cohort 2026-autumn as a mentor for Python and SQL".

Private fields (email, manager, avoid) are never quoted: a change to them is only
mentioned as "private details".
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from mentorkit.model.changes import Change
from mentorkit.model.paths import kind_of, stem
from mentorkit.model.program import Program
from mentorkit.reporters.markdown import code, join_words, plain
from mentorkit.workflow.review import PRIVATE_FIELDS

_FIELD_WORDS = {
    "name": "name",
    "github": "GitHub login",
    "pronouns": "pronouns",
    "title": "title",
    "department": "department",
    "level": "level",
    "location": "location",
    "timezone": "time zone",
    "languages": "languages",
    "bio": "bio",
    "joined": "join date",
    "formats": "formats",
    "hours_per_month": "hours per month",
    "id": "id",
}
Data = Mapping[str, Any] | None


def _skill_names(program: Program, ids: list[str]) -> list[str]:
    return [plain(program.skills[s].name if s in program.skills else s) for s in ids]


def _person(data: Data, path: str) -> str:
    data = data or {}
    if data.get("public") is False:
        return code(str(data.get("id") or stem(path)))
    return f"**{plain(data.get('name') or data.get('id') or path)}**"


def cohorts_phrase(ids: list[str]) -> str:
    word = "cohort" if len(ids) == 1 else "cohorts"
    return f"{word} {join_words([code(c) for c in ids])}"


def _roles(data: Mapping[str, Any], program: Program) -> list[str]:
    roles: list[str] = []
    mentor = data.get("mentor")
    if isinstance(mentor, dict) and isinstance(mentor.get("skills"), dict):
        ranked = sorted(
            mentor["skills"].items(),
            key=lambda kv: (-kv[1] if isinstance(kv[1], int) else 0, kv[0]),
        )
        names = _skill_names(program, [k for k, _ in ranked][:4])
        roles.append(f"a mentor for {join_words(names)}" if names else "a mentor")
    mentee = data.get("mentee")
    if isinstance(mentee, dict) and isinstance(mentee.get("goals"), list):
        goals = [
            g["skill"]
            for g in mentee["goals"]
            if isinstance(g, dict) and isinstance(g.get("skill"), str)
        ]
        names = _skill_names(program, goals)
        roles.append(f"a mentee learning {join_words(names)}" if names else "a mentee")
    return roles


def _list(value: Any) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []


def _cohort_moves(before: Mapping[str, Any], after: Mapping[str, Any]) -> list[str]:
    old_cohorts, new_cohorts = _list(before.get("cohorts")), _list(after.get("cohorts"))
    joined = [c for c in new_cohorts if c not in old_cohorts]
    left = [c for c in old_cohorts if c not in new_cohorts]
    parts = []
    if joined:
        parts.append(f"enrolls in {cohorts_phrase(joined)}")
    if left:
        parts.append(f"leaves {cohorts_phrase(left)}")
    return parts


def _role_changes(before: Mapping[str, Any], after: Mapping[str, Any], head: Program) -> list[str]:
    parts = []
    for role, start, stop in (
        ("mentor", "now offers mentoring", "stops offering mentoring"),
        ("mentee", "now seeks mentoring", "no longer seeks mentoring"),
    ):
        if role in after and role not in before:
            roles = list(_roles({role: after[role]}, head))
            parts.append(f"{start}" + (f" as {roles[0]}" if roles else ""))
        elif role in before and role not in after:
            parts.append(stop)
        elif before.get(role) != after.get(role):
            roles = _roles({role: after[role]}, head)
            parts.append(
                f"updates what they {'offer' if role == 'mentor' else 'want to learn'}"
                + (f" (now {roles[0]})" if roles else "")
            )
    return parts


def _field_changes(before: Mapping[str, Any], after: Mapping[str, Any]) -> list[str]:
    parts = []
    if before.get("public", True) is not False and after.get("public") is False:
        parts.append("hides their profile from the site")
    elif before.get("public") is False and after.get("public", True) is not False:
        parts.append("shows their profile on the site")
    changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
    fields = [_FIELD_WORDS[k] for k in changed if k in _FIELD_WORDS]
    if fields:
        parts.append(f"updates their {join_words(fields)}")
    if any(k in PRIVATE_FIELDS for k in changed):
        parts.append("updates private details")
    return parts


def describe_participant(change: Change, before: Data, after: Data, head: Program) -> str:
    if change.status == "deleted":
        return f"{_person(before, change.path)} leaves the program (profile removed)."
    who = _person(after, change.path)
    data = after or {}
    if change.status == "added" or before is None:
        cohorts = _list(data.get("cohorts"))
        where = f"joins {cohorts_phrase(cohorts)}" if cohorts else "joins the program"
        roles = _roles(data, head)
        return f"{who} {where}" + (f" as {' and as '.join(roles)}." if roles else ".")
    if data.get("departed") and not (before or {}).get("departed"):
        return (
            f"{who} leaves the program on {code(str(data['departed']))}: their profile becomes "
            "a departed record (id, name and login only), kept because history names them."
        )
    parts: list[str] = []
    if change.status == "renamed":
        parts.append(f"moves their profile from {code(change.old_path or '')}")
    parts += _cohort_moves(before, data)
    parts += _role_changes(before, data, head)
    parts += _field_changes(before, data)
    what = join_words(parts) if parts else "touches their profile without changing its data"
    return f"{who} {what}."


def _scalar_changes(
    before: Mapping[str, Any], after: Mapping[str, Any], keys: tuple[str, ...]
) -> list[str]:
    out = []
    for key in keys:
        if before.get(key) != after.get(key):
            old, new = before.get(key), after.get(key)
            if old is None:
                out.append(f"{key} set to {code(str(new))}")
            elif new is None:
                out.append(f"{key} removed")
            else:
                out.append(f"{key} {code(str(old))} → {code(str(new))}")
    return out


def describe_cohort(change: Change, before: Data, after: Data) -> str:
    if change.status == "deleted":
        return f"Cohort {code(str((before or {}).get('id', change.path)))} is removed."
    data = after or {}
    name = f"**{plain(data.get('name', ''))}** ({code(str(data.get('id', '')))})"
    if before is None:
        return (
            f"New cohort {name}: {plain(data.get('format', '?'))}, {plain(data.get('starts', '?'))} "
            f"to {plain(data.get('ends', '?'))}, status {code(str(data.get('status', '?')))}."
        )
    parts = _scalar_changes(before, data, ("name", "format", "status", "starts", "ends", "cadence"))
    if before.get("matching") != data.get("matching"):
        old_m, new_m = before.get("matching") or {}, data.get("matching") or {}
        keys = sorted(k for k in set(old_m) | set(new_m) if old_m.get(k) != new_m.get(k))
        parts.append(f"matching settings changed ({join_words(keys)})")
    if before.get("milestones") != data.get("milestones"):
        parts.append("milestones changed")
    if before.get("description") != data.get("description"):
        parts.append("description changed")
    return f"Cohort {name}: " + (join_words(parts) if parts else "no change to its data") + "."


def describe_lesson(change: Change, before: Data, after: Data, head: Program) -> str:
    data = after if change.status != "deleted" else before
    data = data or {}
    author = head.participants.get(str(data.get("author", "")))
    by = (
        f"by **{plain(author.name)}**"
        if author and author.public
        else f"by {code(str(data.get('author', '?')))}"
    )
    title = f"“{plain(data.get('title', '?'))}”"
    verb = {"added": "New lesson of the week", "deleted": "Lesson removed"}.get(
        change.status, "Lesson updated"
    )
    return f"{verb}: {title} {by}."


def describe_other(change: Change, before: Data, after: Data) -> str:
    kind = kind_of(change.path) or ""
    data = (after if change.status != "deleted" else before) or {}
    verb = change.status
    if kind == "match":
        pairs = len(data.get("pairs") or []) if isinstance(data.get("pairs"), list) else 0
        return (
            f"Match file for cohort {code(str(data.get('cohort', '?')))} {verb} ({pairs} pair(s))."
        )
    if kind == "agreement":
        return (
            f"Agreement between {code(str(data.get('mentor', '?')))} and {code(str(data.get('mentee', '?')))} "
            f"in cohort {code(str(data.get('cohort', '?')))} {verb} (status {code(str(data.get('status', '?')))})."
        )
    if kind == "program":
        keys = sorted(
            k
            for k in set(before or {}) | set(after or {})
            if (before or {}).get(k) != (after or {}).get(k)
        )
        return f"The program charter is {verb}" + (
            f": {join_words(keys)} changed." if keys and before else "."
        )
    if kind == "skills":
        old = {s.get("id") for s in (before or {}).get("skills") or [] if isinstance(s, dict)}
        new = {s.get("id") for s in (after or {}).get("skills") or [] if isinstance(s, dict)}
        added, removed = sorted(str(s) for s in new - old), sorted(str(s) for s in old - new)
        bits = ([f"adds {join_words([code(s) for s in added])}"] if added else []) + (
            [f"removes {join_words([code(s) for s in removed])}"] if removed else []
        )
        return "The skills vocabulary " + (join_words(bits) if bits else "is updated") + "."
    return f"{code(change.path)} {verb}."


def describe_change(change: Change, before: Data, after: Data, head: Program) -> str:
    """One sentence of Markdown for one changed data file."""
    kind = kind_of(change.path) or (kind_of(change.old_path) if change.old_path else None)
    if kind == "participant":
        return describe_participant(change, before, after, head)
    if kind == "cohort":
        return describe_cohort(change, before, after)
    if kind == "lesson":
        return describe_lesson(change, before, after, head)
    return describe_other(change, before, after)
