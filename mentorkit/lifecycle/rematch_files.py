"""The file edits of a rematch, as text: comments, key order and every other entry survive.

The ended pair's own mapping is edited in place (status, ended, end_reason) and the
proposal is added right after it, with its score and reasons as ``match --write`` writes a
proposal. Only the rematched mentee's entries change: a full ``match --write`` re-run
would also re-propose other pairs and, in ruamel's model, move comment lines that sit
between reordered pairs. The agreement gets ``status: rematched`` and its reason; goals
and check-ins stay as written.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from mentorkit.lifecycle.rematch import RematchError, RematchPlan
from mentorkit.writing.yaml_round_trip import dump_text, round_trip_yaml


def _put(node: CommentedMap, key: str, value: Any, after: str) -> None:
    if key in node or after not in node:
        node[key] = value
    else:
        node.insert(list(node).index(after) + 1, key, value)


def rematch_match_text(text: str | None, plan: RematchPlan) -> str:
    """The match file after the rematch: the pair ended, the proposal recorded after it."""
    if text is None:
        raise RematchError(f"program/matches/{plan.cohort}.yaml is gone")
    yaml = round_trip_yaml()
    doc = yaml.load(text)
    pairs = doc.get("pairs") if isinstance(doc, CommentedMap) else None
    if not isinstance(pairs, list):
        raise RematchError("the match file has no pairs")
    live = [
        node
        for node in pairs
        if isinstance(node, CommentedMap)
        and (node.get("mentor"), node.get("mentee")) == (plan.ended_mentor, plan.mentee)
        and node.get("status", "proposed") != "ended"
    ]
    if not live:
        raise RematchError(f"the match file has no open pair {plan.ended_mentor} -> {plan.mentee}")
    node = live[-1]
    _put(node, "status", "ended", "score" if "score" in node else "mentee")
    node.pop("locked", None)  # an ended pair is history; a lock means nothing there
    # A date object is written plain (2026-11-24), like every other date in the file.
    _put(node, "ended", dt.date.fromisoformat(plan.today), "since" if "since" in node else "status")
    _put(node, "end_reason", plan.reason, "ended")
    if plan.proposal is not None:
        pairs.insert(pairs.index(node) + 1, _proposal_node(plan))
    _record_unmatched(doc, plan)
    return dump_text(doc, yaml)


def _proposal_node(plan: RematchPlan) -> CommentedMap:
    assert plan.proposal is not None
    node = CommentedMap()
    node["mentor"] = plan.proposal.mentor
    node["mentee"] = plan.mentee
    if plan.proposal.score is not None:
        node["score"] = plan.proposal.score
    node["status"] = "proposed"
    if plan.proposal.reasons:
        node["reasons"] = CommentedSeq(plan.proposal.reasons)
    return node


def _record_unmatched(doc: CommentedMap, plan: RematchPlan) -> None:
    """The mentee leaves ``unmatched`` when proposed a mentor, and joins it (with why) if not."""
    entries = doc.get("unmatched")
    if isinstance(entries, list):
        for entry in [e for e in entries if isinstance(e, dict) and e.get("id") == plan.mentee]:
            entries.remove(entry)
    if plan.proposal is None:
        reason = CommentedMap([("id", plan.mentee), ("reason", plan.unmatched_reason or "")])
        if isinstance(entries, list):
            entries.append(reason)
        else:
            doc["unmatched"] = CommentedSeq([reason])


def rematch_agreement_text(text: str | None, plan: RematchPlan) -> str:
    """The agreement with ``status: rematched`` and ``status_reason``."""
    if text is None:
        raise RematchError(f"{plan.agreement} is gone")
    yaml = round_trip_yaml()
    doc = yaml.load(text)
    if not isinstance(doc, CommentedMap):
        raise RematchError(f"{plan.agreement} is not a mapping")
    doc["status"] = "rematched"
    _put(doc, "status_reason", plan.status_reason, "status")
    return dump_text(doc, yaml)
