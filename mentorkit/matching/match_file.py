"""Render a result into ``program/matches/<cohort>.yaml``, keeping what people wrote.

The existing file is loaded with ruamel.yaml's round-trip mode: comments, key order
and fields the tool does not own (``note``, ``since``, anything hand-edited) survive.
Locked, accepted and ended pairs are left byte-for-byte as they were; a proposal that
is proposed again keeps its mapping and only its score, status and reasons change.
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from mentorkit import __version__
from mentorkit.matching.result import MatchResult, ProposedCircle, ProposedPair
from mentorkit.matching.yaml_comments import detach_leading_comments, reattach_leading_comments
from mentorkit.matching.yaml_text import new_file_body
from mentorkit.writing.yaml_round_trip import dump_text, round_trip_yaml

HEADER = (
    "# yaml-language-server: $schema=../../schemas/match.schema.json\n"
    "# Written by `mentorkit match --write`; review it in a pull request.\n"
    "# Set `locked: true` on a pair or circle to keep it on every re-run; notes and comments survive.\n"
)
UNTOUCHED = ("locked", "accepted", "history")


def _set(node: CommentedMap, key: str, value: Any, after: str | None = None) -> None:
    """Set ``key``, adding it after ``after`` when new so fields keep a readable order."""
    if key in node or after is None or after not in node:
        node[key] = value
        return
    node.insert(list(node).index(after) + 1, key, value)


def _list(node: CommentedMap, key: str, values: list[str], after: str | None) -> None:
    """Set a list of strings, reusing the old sequence so comments after its end survive.

    A comment line between two items of ``pairs`` belongs, in ruamel's model, to the last
    element of the previous item; it moves along to the new last element.
    """
    old = node.get(key)
    if not isinstance(old, CommentedSeq) or not old:
        _set(node, key, CommentedSeq(values), after)
        return
    trailing = old.ca.items.pop(len(old) - 1, None)
    old[:] = values
    if trailing is not None and values:
        old.ca.items[len(values) - 1] = trailing


def _pair_node(pair: ProposedPair, node: CommentedMap | None) -> CommentedMap:
    if node is not None and pair.origin in UNTOUCHED:
        return node
    node = node if node is not None else CommentedMap()
    _set(node, "mentor", pair.mentor)
    _set(node, "mentee", pair.mentee, "mentor")
    if pair.round is not None:
        _set(node, "round", pair.round, "mentee")
    if pair.score is not None:
        _set(node, "score", pair.score, "round" if "round" in node else "mentee")
    _set(node, "status", pair.status, "score")
    if pair.locked:
        _set(node, "locked", True, "status")
    if pair.reasons:
        _list(node, "reasons", list(pair.reasons), "locked" if "locked" in node else "status")
    return node


def _circle_node(circle: ProposedCircle, node: CommentedMap | None) -> CommentedMap:
    if node is not None and circle.locked:
        return node
    node = node if node is not None else CommentedMap()
    _set(node, "id", circle.id)
    _list(node, "members", list(circle.members), "id")
    if circle.facilitator:
        _set(node, "facilitator", circle.facilitator, "members")
    if circle.reasons:
        _list(node, "reasons", list(circle.reasons), "facilitator")
    return node


def _replace_items(doc: CommentedMap, key: str, items: list[CommentedMap], after: str) -> None:
    """Replace a list's entries; comment lines above an entry move with it (or leave with it)."""
    seq = doc.get(key)
    if isinstance(seq, CommentedSeq):
        seq[:] = items  # the same sequence object keeps comments attached to it
    else:
        _set(doc, key, CommentedSeq(items), after)


def _existing_items(doc: CommentedMap, key: str) -> list[CommentedMap]:
    seq = doc.get(key)
    return [item for item in seq if isinstance(item, CommentedMap)] if isinstance(seq, list) else []


def _unmatched_node(person: str, reason: str, node: CommentedMap | None) -> CommentedMap:
    node = node if node is not None else CommentedMap([("id", person)])
    _set(node, "reason", reason, "id")
    return node


def _summary(result: MatchResult) -> CommentedMap:
    return CommentedMap(result.summary.recorded_figures().items())


def render_match_file(result: MatchResult, existing_text: str | None, *, fast: bool = True) -> str:
    """The match file's new text: ``existing_text`` updated in place, or a new file.

    A new file is emitted directly (``fast``), byte for byte what ruamel.yaml would write
    (tests hold the two equal) but many times quicker for cohorts of thousands.
    """
    yaml = round_trip_yaml()
    doc = yaml.load(existing_text) if existing_text and existing_text.strip() else None
    if not isinstance(doc, CommentedMap):
        if fast:
            return HEADER + new_file_body(result)
        doc = yaml.load(HEADER + f"cohort: {result.cohort}\n")
    lists = ("pairs", "circles", "unmatched")
    # detached before any entry changes: the lines sit on the entry above, which may change
    detached = {key: detach_leading_comments(doc, key) for key in lists}
    doc["cohort"] = result.cohort
    _set(doc, "generated", f"mentorkit {__version__}", "cohort")
    old_pairs = _existing_items(doc, "pairs")
    if result.pairs or old_pairs:
        unused = list(old_pairs)
        kept: dict[int, CommentedMap] = {}
        added: list[CommentedMap] = []
        for pair in result.pairs:
            match = next(
                (
                    n
                    for n in unused
                    if n.get("mentor") == pair.mentor
                    and n.get("mentee") == pair.mentee
                    and (n.get("status") == "ended") == (pair.status == "ended")
                ),
                None,
            )
            if match is None:
                added.append(_pair_node(pair, None))
            else:
                unused.remove(match)
                kept[id(match)] = _pair_node(pair, match)
        # Entries stay where people put them: a comment line in ruamel belongs to the
        # entry above it, so reordering would move comments onto the wrong pairs.
        nodes = [kept[id(n)] for n in old_pairs if id(n) in kept] + added
        _replace_items(doc, "pairs", nodes, "generated")
    old_circles = _existing_items(doc, "circles")
    if result.circles or old_circles:
        by_id = {str(n.get("id")): n for n in old_circles}
        new_ids = {c.id for c in result.circles}
        circle_nodes = {c.id: _circle_node(c, by_id.get(c.id)) for c in result.circles}
        nodes = [circle_nodes[str(n.get("id"))] for n in old_circles if str(n.get("id")) in new_ids]
        nodes += [circle_nodes[c.id] for c in result.circles if c.id not in by_id]
        _replace_items(doc, "circles", nodes, "pairs" if "pairs" in doc else "generated")
    old_unmatched = {str(n.get("id")): n for n in _existing_items(doc, "unmatched")}
    unmatched = [_unmatched_node(u.id, u.reason, old_unmatched.get(u.id)) for u in result.unmatched]
    if unmatched or "unmatched" in doc:
        _replace_items(doc, "unmatched", unmatched, "circles" if "circles" in doc else "pairs")
    for key in lists:
        reattach_leading_comments(doc, key, detached[key])
    doc["summary"] = _summary(result)
    return dump_text(doc, yaml)
