"""The text edits of sealing and unsealing, round-trip: comments, order and quoting survive.

The ``sealed:`` value takes the place of the first private field it replaces, so a
diff stays local; unsealing puts the opened fields back where ``sealed:`` was.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString

from mentorkit.sealing.fields import SEALED_KEY
from mentorkit.writing.yaml_round_trip import dump_text, round_trip_yaml


class RewriteError(ValueError):
    """The file cannot be edited round-trip (it is not a YAML mapping)."""


def _load(yaml: YAML, text: str) -> CommentedMap:
    doc = yaml.load(text)
    if not isinstance(doc, CommentedMap):
        raise RewriteError("the file is not a YAML mapping")
    return doc


def load_round_trip(text: str) -> CommentedMap:
    """``text`` loaded for a round-trip edit: one load serves reading and rewriting it."""
    return _load(round_trip_yaml(), text)


def plain_values(source: str | CommentedMap, fields: Sequence[str]) -> dict[str, Any]:
    """The fields written in plain text, as plain Python values (for sealing)."""
    doc = source if isinstance(source, CommentedMap) else load_round_trip(source)
    return {field: _plain(doc[field]) for field in fields if field in doc}


def _plain(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, str):
        return str(value)
    if isinstance(value, bool | int | float) or value is None:
        return value
    return str(value)  # a date object from ruamel: written as it reads


def _last_token(node: Any) -> tuple[dict[Any, Any], Any, int] | None:
    """Where ruamel keeps the comment lines written after ``node``'s last line.

    They hang on the deepest last item: a sequence's last entry, a mapping's last value.
    """
    if isinstance(node, CommentedSeq) and len(node):
        inner = _last_token(node[-1])
        return inner or (
            (node.ca.items, len(node) - 1, 0) if len(node) - 1 in node.ca.items else None
        )
    if isinstance(node, CommentedMap) and len(node):
        last = list(node)[-1]
        inner = _last_token(node[last])
        return inner or ((node.ca.items, last, 2) if last in node.ca.items else None)
    return None


def _comment_lines(token: Any, private: bool = False) -> list[str]:
    """The whole-line comments of a trailing comment token ('' for a blank line).

    The token starts with the comment at the end of the value's own line when there is
    one: that one speaks about the private value and goes with it. So do, for a
    ``private`` value, the comment lines indented under its field before the first one
    at the left margin: they are inside its block, and kept they would stay in plain
    text next to the sealed value (``avoid:`` / ``  - bob`` / ``  # why``).
    """
    value = getattr(token, "value", "") or ""
    if value and not value.startswith("\n") and getattr(token, "column", 0) > 0:
        value = value.split("\n", 1)[1] if "\n" in value else ""
    raw = value.lstrip("\n").splitlines()
    while private and raw and raw[0][:1] in (" ", "\t", ""):
        raw.pop(0)
    lines = [line.strip() for line in raw]
    comments = [line[1:].strip() if line.startswith("#") else "" for line in lines]
    while comments and not comments[-1]:
        comments.pop()
    return comments


def _pop(doc: CommentedMap, field: str, private: bool = False) -> list[str]:
    """Remove ``field``, keeping the whole-line comments written after its value.

    ruamel stores the comment lines after a value with that value (with its last item
    for a list or mapping); they usually introduce the next field, so they move there
    (not those indented inside a ``private`` field's block: see ``_comment_lines``).
    Returns them when no field follows: the caller puts them back at the end.
    """
    if field not in doc:
        return []
    keys = list(doc)
    where = _last_token(doc[field])
    if where is not None:
        table, key, slot = where
        token = table[key][slot]
    else:
        token = (doc.ca.items.get(field) or [None, None, None])[2]
    doc.ca.items.pop(field, None)
    doc.pop(field)
    comments = _comment_lines(token, private)
    following = [k for k in keys[keys.index(field) + 1 :] if k in doc]
    if not any(comments):
        return []
    if following:
        doc.yaml_set_comment_before_after_key(following[0], before="\n".join(comments))
        return []
    return comments


def _with_end(text: str, comments: Sequence[str]) -> str:
    """``text`` with comment lines (from fields removed at the end) after it."""
    if not comments:
        return text
    return text + "".join(f"# {c}\n" if c else "\n" for c in comments)


def sealed_text(source: str | CommentedMap, armored: str, replaced: Sequence[str]) -> str:
    """``source`` with the ``replaced`` fields removed and ``sealed:`` holding ``armored``.

    A loaded ``source`` (``load_round_trip``) is edited in place.
    """
    yaml = round_trip_yaml()
    doc = source if isinstance(source, CommentedMap) else _load(yaml, source)
    keys = list(doc)
    position = min((keys.index(f) for f in replaced if f in doc), default=None)
    if SEALED_KEY in doc:
        position = keys.index(SEALED_KEY)
    end: list[str] = []
    for field in [*replaced, SEALED_KEY]:
        end += _pop(doc, field, private=field != SEALED_KEY)
    value = LiteralScalarString(armored)
    if position is None or position >= len(doc):
        doc[SEALED_KEY] = value
    else:
        doc.insert(position, SEALED_KEY, value)
    return _with_end(dump_text(doc, yaml), end)


def opened_text(text: str, values: Mapping[str, Any]) -> str:
    """``text`` with ``sealed:`` replaced by the opened fields, in their plain form."""
    yaml = round_trip_yaml()
    doc = _load(yaml, text)
    keys = list(doc)
    position = keys.index(SEALED_KEY) if SEALED_KEY in doc else len(keys)
    end = _pop(doc, SEALED_KEY)
    for offset, (field, value) in enumerate(values.items()):
        if field in doc:
            continue
        if position + offset >= len(doc):
            doc[field] = value
        else:
            doc.insert(position + offset, field, value)
    return _with_end(dump_text(doc, yaml), end)
