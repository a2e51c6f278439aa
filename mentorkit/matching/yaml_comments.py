"""Keep whole-line comments with the list entry they stand above when entries change.

ruamel.yaml stores the comment lines written above an entry of a block sequence on the
*previous* entry (as the post-comment of its deepest last key or item) and, for the
first entry, on the parent mapping's key. Dropping or adding an entry would therefore
leave a comment above a different entry. ``detach_leading_comments`` takes every entry's
leading lines off before the list changes; ``reattach_leading_comments`` puts them back
on whatever precedes the entry in the new list; comments of dropped entries go with them, and the lines after
the last entry (they stand above the next key of the file) stay at the end of the list.
End-of-line comments never move.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.tokens import CommentToken

MAP_POST, SEQ_POST, KEY_BEFORE = 2, 0, 3


def _tail_slot(node: Any) -> tuple[list[Any], int] | None:
    """The comment slot after the last line of ``node``: (slot list, position in it)."""
    if isinstance(node, CommentedMap) and node and not node.fa.flow_style():
        key = list(node)[-1]
        inner = _tail_slot(node[key])
        if inner is not None:
            return inner
        return node.ca.items.setdefault(key, [None, None, None, None]), MAP_POST
    if isinstance(node, CommentedSeq) and node and not node.fa.flow_style():
        last = len(node) - 1
        inner = _tail_slot(node[last])
        if inner is not None:
            return inner
        return node.ca.items.setdefault(last, [None, None, None, None]), SEQ_POST
    return None


def _indented(tokens: Any) -> str:
    """Comment lines stored before a key (one token per line, indentation in its mark)."""
    if not isinstance(tokens, list):
        return ""
    return "".join(
        " " * t.column + str(t.value) if str(t.value).startswith("#") else str(t.value)
        for t in tokens
        if isinstance(t, CommentToken)
    )


def _tokens(lines: str) -> list[CommentToken]:
    """The inverse of ``_indented``: one token per comment line, blank lines kept."""
    tokens = []
    for line in lines.splitlines(keepends=True):
        text = line.lstrip(" ")
        column = len(line) - len(text)
        tokens.append(CommentToken(text, CommentMark(column if text.strip() else 0)))
    return tokens


def _detach_tail(node: Any) -> str:
    """Remove and return the whole lines after ``node``'s last line (its EOL comment stays)."""
    slot = _tail_slot(node)
    if slot is None:
        return ""
    holder, position = slot
    token = holder[position]
    if not isinstance(token, CommentToken):
        return ""
    value = str(token.value)
    if value.startswith("#"):  # an end-of-line comment, then the lines below
        eol, _, lines = value.partition("\n")
        token.value = eol + "\n"
        return lines
    holder[position] = None
    return value[1:] if value.startswith("\n") else value


def _attach_tail(node: Any, lines: str) -> None:
    if not lines:
        return
    slot = _tail_slot(node)
    if slot is None:
        return
    holder, position = slot
    token = holder[position]
    if isinstance(token, CommentToken) and str(token.value).startswith("#"):
        token.value = str(token.value).rstrip("\n") + "\n" + lines
    else:
        holder[position] = CommentToken("\n" + lines, CommentMark(0))


def _first_slot(parent: CommentedMap, key: str) -> list[Any]:
    slot: list[Any] = parent.ca.items.setdefault(key, [None, None, None, None])
    return slot


@dataclass
class Detached:
    """Comment lines taken off a sequence's entries, to be put back by ``reattach``."""

    leading: dict[int, str] = field(default_factory=dict)  # by id() of the old entry
    after_last: str = ""
    entries: list[Any] = field(default_factory=list)  # keeps the old entries (and ids) alive


def detach_leading_comments(parent: CommentedMap, key: str) -> Detached:
    """Take every entry's leading comment lines off ``parent[key]`` before entries change."""
    seq = parent.get(key)
    if not isinstance(seq, CommentedSeq) or not seq or seq.fa.flow_style():
        return Detached()
    old = list(seq)
    slot = _first_slot(parent, key)
    detached = Detached({id(old[0]): _indented(slot[KEY_BEFORE])}, entries=old)
    slot[KEY_BEFORE] = None
    if seq.ca.comment is not None and len(seq.ca.comment) > 1:
        seq.ca.comment[1] = None
    tails = [_detach_tail(item) for item in old]
    for item, lines in zip(old[1:], tails, strict=False):
        detached.leading[id(item)] = lines
    detached.after_last = tails[-1]
    return detached


def reattach_leading_comments(parent: CommentedMap, key: str, detached: Detached) -> None:
    """Put the lines back above the same entries of the (changed) ``parent[key]``; lines of
    entries that are gone go with them, and the lines after the last entry stay last."""
    seq = parent.get(key)
    if not isinstance(seq, CommentedSeq):
        return
    items = list(seq)
    for position, item in enumerate(items):
        lines = detached.leading.get(id(item), "")
        if not lines:
            continue
        if position == 0:
            _first_slot(parent, key)[KEY_BEFORE] = _tokens(lines)
        else:
            _attach_tail(items[position - 1], lines)
    if items:
        _attach_tail(items[-1], detached.after_last)
