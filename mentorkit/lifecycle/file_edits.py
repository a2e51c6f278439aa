"""The file edits of ``accept`` and ``leave`` as text transforms (old text -> new text).

``writing.files.rewrite_files`` applies them: every new text is made before anything is
written, so a file that cannot be edited leaves every file whole. Dates are written plain
(2026-11-24), like every other date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from mentorkit.lifecycle.accept import AcceptPlan
from mentorkit.lifecycle.leave import LeavePlan
from mentorkit.lifecycle.yaml_edit import EditError, edit_text, plain_date, put_after
from mentorkit.model.entities import DEPARTED_FIELDS

Edit = Callable[[str | None], str]


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


def _existing(transform: Callable[[str], str], rel: str) -> Edit:
    def edit(old: str | None) -> str:
        if old is None:
            raise EditError(f"{rel} is missing")
        return transform(old)

    return edit


def _new(text: str, rel: str) -> Edit:
    def edit(old: str | None) -> str:
        if old is not None:
            raise EditError(f"{rel} already exists")
        return text

    return edit


def accept_edits(plan: AcceptPlan, agreement_texts: dict[str, str]) -> dict[str, Edit]:
    """The match file's pairs accepted, and each new agreement's text."""
    edits: dict[str, Edit] = {}
    rel = f"program/matches/{plan.cohort}.yaml"
    if plan.pairs:
        transform = partial(accept_match_text, pairs=plan.pairs, today=plan.today)
        edits[rel] = _existing(transform, rel)
    for path, text in agreement_texts.items():
        edits[path] = _new(text, path)
    return edits


def leave_edits(plan: LeavePlan) -> dict[str, Edit]:
    """Every file ``leave`` rewrites (the profile too when it becomes a departed record)."""
    edits: dict[str, Edit] = {}
    for cohort in plan.match_cohorts:
        rel = f"program/matches/{cohort}.yaml"
        edits[rel] = _existing(partial(leave_match_text, plan=plan, cohort=cohort), rel)
    for rel in plan.agreements:
        transform = partial(end_agreement_text, today=plan.today, reason=plan.reason)
        edits[rel] = _existing(transform, rel)
    if plan.profile == "departed":
        transform = partial(departed_text, today=plan.today)
        edits[plan.profile_path] = _existing(transform, plan.profile_path)
    return edits
