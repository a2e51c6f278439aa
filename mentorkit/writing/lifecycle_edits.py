"""The file edits of ``accept`` and ``leave``: computed first, then written atomically.

All texts are made before anything is written, so a file that cannot be edited leaves
every file whole. Dates are written plain (2026-11-24), like every other date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from mentorkit.lifecycle.accept import AcceptPlan
from mentorkit.lifecycle.leave import LeavePlan
from mentorkit.writing.files import write_text_atomic
from mentorkit.writing.yaml_roundtrip import EditError, edit_text, plain_date, put_after

# What a departed record keeps (mentorkit.checks.departed checks the same list).
DEPARTED_FIELDS = ("id", "name", "github", "public", "departed")


@dataclass
class FileChanges:
    """New texts by relative path, and paths to remove."""

    texts: dict[str, str] = field(default_factory=dict)
    removed: list[str] = field(default_factory=list)

    @property
    def paths(self) -> list[str]:
        return sorted([*self.texts, *self.removed])


def _pair_nodes(doc: CommentedMap) -> list[CommentedMap]:
    pairs = doc.get("pairs")
    return [n for n in pairs if isinstance(n, CommentedMap)] if isinstance(pairs, list) else []


def accept_match_text(text: str, pairs: tuple[tuple[str, str], ...], today: dt.date) -> str:
    wanted = set(pairs)

    def change(doc: CommentedMap) -> None:
        for node in _pair_nodes(doc):
            key = (node.get("mentor"), node.get("mentee"))
            if key in wanted and node.get("status", "proposed") == "proposed":
                put_after(node, "status", "accepted", "score", "mentee")
                put_after(node, "since", plain_date(today), "status")
                wanted.discard(key)
        if wanted:
            missing = ", ".join(f"{a}--{b}" for a, b in sorted(wanted))
            raise EditError(f"no proposed pair {missing} in the match file")

    return edit_text(text, change, lists=("pairs",))


def _end_pair(node: CommentedMap, today: dt.date, reason: str) -> None:
    put_after(node, "status", "ended", "score", "mentee")
    node.pop("locked", None)  # an ended pair is history; a lock means nothing there
    put_after(node, "ended", plain_date(today), "since", "status")
    put_after(node, "end_reason", reason, "ended")


def _leave_circle(node: CommentedMap, person: str, today: dt.date) -> None:
    members = node.get("members")
    if isinstance(members, list) and person in members:
        members.remove(person)
    if node.get("facilitator") == person:
        del node["facilitator"]
    former = node.get("former_members")
    entry = CommentedMap([("id", person), ("ended", plain_date(today))])
    if isinstance(former, list):
        former.append(entry)
    else:
        put_after(node, "former_members", CommentedSeq([entry]), "members")


def leave_match_text(text: str, plan: LeavePlan, cohort: str) -> str:
    ends = {(m, e) for c, m, e in plan.pairs if c == cohort}
    circles = {cid for c, cid in plan.circles if c == cohort}

    def change(doc: CommentedMap) -> None:
        for node in _pair_nodes(doc):
            key = (node.get("mentor"), node.get("mentee"))
            if key in ends and node.get("status", "proposed") != "ended":
                _end_pair(node, plan.today, plan.reason)
        for node in doc.get("circles") or []:
            if isinstance(node, CommentedMap) and node.get("id") in circles:
                _leave_circle(node, plan.person, plan.today)
        unmatched = doc.get("unmatched")
        if isinstance(unmatched, list):
            for entry in [
                e for e in unmatched if isinstance(e, dict) and e.get("id") == plan.person
            ]:
                unmatched.remove(entry)

    return edit_text(text, change, lists=("pairs", "circles", "unmatched"))


def end_agreement_text(text: str, today: dt.date, reason: str) -> str:
    def change(doc: CommentedMap) -> None:
        doc["status"] = "completed"
        put_after(doc, "ended", plain_date(today), "ends", "status")
        put_after(doc, "status_reason", reason, "status")

    return edit_text(text, change)


def departed_text(text: str, today: dt.date) -> str:
    """The profile reduced to a departed record; comments on dropped keys go with them."""

    def change(doc: CommentedMap) -> None:
        for key in [k for k in doc if k not in DEPARTED_FIELDS]:
            del doc[key]
        put_after(doc, "departed", plain_date(today), "public", "github", "name")

    return edit_text(text, change)


def _read(root: Path, rel: str) -> str:
    return (root / rel).read_text(encoding="utf-8")


def plan_accept_files(root: Path, plan: AcceptPlan, agreement_texts: dict[str, str]) -> FileChanges:
    changes = FileChanges()
    rel = f"program/matches/{plan.cohort}.yaml"
    if plan.pairs:
        changes.texts[rel] = accept_match_text(_read(root, rel), plan.pairs, plan.today)
    changes.texts.update(agreement_texts)
    return changes


def plan_leave_files(root: Path, plan: LeavePlan) -> FileChanges:
    changes = FileChanges()
    for cohort in plan.match_cohorts:
        rel = f"program/matches/{cohort}.yaml"
        changes.texts[rel] = leave_match_text(_read(root, rel), plan, cohort)
    for rel in plan.agreements:
        changes.texts[rel] = end_agreement_text(_read(root, rel), plan.today, plan.reason)
    if plan.profile == "departed":
        changes.texts[plan.profile_path] = departed_text(_read(root, plan.profile_path), plan.today)
    else:
        changes.removed.append(plan.profile_path)
    return changes


def apply(root: Path, changes: FileChanges) -> list[str]:
    """Write every new text (atomically, one by one), then remove what goes; the paths done."""
    for rel, text in changes.texts.items():
        write_text_atomic(root / rel, text)
    for rel in changes.removed:
        (root / rel).unlink(missing_ok=True)
    return changes.paths
