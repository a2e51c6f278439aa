"""Safe, fast YAML reading with a position for every value.

libyaml (PyYAML's C parser) builds the node graph; this module turns nodes into
plain Python data itself so that it controls every decision a stock loader
would make silently:

* YAML 1.2 core scalars: only ``true``/``false`` are booleans, ``no`` and ``on``
  stay text, dates stay text (the schema checks them as real dates);
* duplicate keys, anchors and aliases, explicit tags such as
  ``!!python/object``, absurd nesting, oversized files, non-UTF-8 bytes,
  empty files and a top level that is not a mapping are problems, not crashes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.scanner import Scanner

from mentorkit.loading.yaml_scalars import SPECIAL_FIRST, plain_scalar
from mentorkit.loading.yaml_text import (
    ODD_CHARACTER_NAMES,
    ODD_CHARACTERS,
    decode,
    line_col,
    syntax_message,
)
from mentorkit.model.source import KeyPath, Location
from mentorkit.problems import Problem

_CParser: Any
# libyaml's parser is ~10x faster. PyYAML built without libyaml (a source build on a
# platform with no wheel) has no CParser: the pure Python parser then reads the same
# values and positions (a test holds it), only slower.
try:
    from yaml._yaml import CParser as _CParser
except ImportError:  # pragma: no cover - depends on the PyYAML build
    _CParser = None

DEFAULT_MAX_BYTES = 1024 * 1024
MAX_DEPTH = 32

PLAIN_TAG = "mentorkit:plain"
QUOTED_TAG = "mentorkit:quoted"
SEQ_TAG = "mentorkit:seq"
MAP_TAG = "mentorkit:map"
STR_TAG = "tag:yaml.org,2002:str"


@dataclass(frozen=True)
class LoadedDocument:
    """A YAML file turned into plain data; lines and columns are worked out when asked for.

    Positions are needed only when a problem is reported, which is rare, so they
    come from a second parse of ``text`` on first use rather than slowing every load.
    """

    path: str
    data: dict[str, Any]
    text: str = field(repr=False, compare=False)
    # Where the top-level mapping and each of its values and keys start, from the first
    # parse: most problems point at a top-level field, and these answer them without
    # parsing the file again (a warning on every one of 20,000 files stays cheap).
    top: tuple[Location, dict[str, tuple[Location, Location]]] | None = field(
        default=None, repr=False, compare=False
    )

    @cached_property
    def _tables(self) -> tuple[dict[KeyPath, Location], dict[KeyPath, Location]]:
        loader = _PositionedLoader(self.text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
        builder = _Builder(record=True)
        builder.build(node, (), 0)
        return builder.positions, builder.key_positions

    @property
    def positions(self) -> dict[KeyPath, Location]:
        return self._tables[0]

    @property
    def key_positions(self) -> dict[KeyPath, Location]:
        return self._tables[1]

    def literal_text(self) -> str | None:
        """The file's text when every string in ``data`` is spelled in it character for
        character (no backslash escape anywhere); None otherwise. A check on characters
        can then search the text once instead of every string."""
        return None if "\\" in self.text else self.text

    def locate(self, keypath: KeyPath, *, key: bool = False) -> Location:
        """The position of ``keypath``, or of its nearest ancestor that has one."""
        if len(keypath) <= 1 and self.top is not None:
            root, fields = self.top
            first = keypath[0] if keypath else None
            found = fields.get(first) if isinstance(first, str) else None
            return root if found is None else found[1 if key else 0]
        positions, key_positions = self._tables
        table = key_positions if key else positions
        path = tuple(keypath)
        while path:
            if path in table:
                return table[path]
            if not key and path in key_positions:
                return key_positions[path]
            path = path[:-1]
        return positions.get((), (1, 1))


class _TagPassThrough:
    """Tags are resolved by this module, not by PyYAML: mark what was written."""

    # The signatures are PyYAML's resolver interface; unused arguments start with "_".
    def resolve(self, kind: type, _value: Any, implicit: Any) -> str:
        if kind is ScalarNode:
            return PLAIN_TAG if implicit[0] else QUOTED_TAG
        return SEQ_TAG if kind is SequenceNode else MAP_TAG

    def descend_resolver(self, _current_node: Any, _current_index: Any) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None


class _PurePythonLoader(_TagPassThrough, Reader, Scanner, Parser, Composer):
    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)


if _CParser is not None:

    class _CLoader(_TagPassThrough, _CParser):  # type: ignore[misc]  # _CParser is Any
        pass

    _PositionedLoader: type = _CLoader
else:  # pragma: no cover
    _PositionedLoader = _PurePythonLoader


class _Invalid(Exception):
    def __init__(self, node: Node, code: str, message: str) -> None:
        super().__init__(message)
        self.node = node
        self.code = code
        self.message = message


def _mark(node: Node) -> Location:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Builder:
    def __init__(self, *, record: bool = False) -> None:
        self.record = record
        self.positions: dict[KeyPath, Location] = {}
        self.key_positions: dict[KeyPath, Location] = {}
        self.seen: set[int] = set()

    def build(self, node: Node, path: KeyPath, depth: int) -> Any:
        if id(node) in self.seen:
            raise _Invalid(
                node, "yaml-alias", "anchors and aliases (&name / *name) are not allowed"
            )
        self.seen.add(id(node))
        if depth > MAX_DEPTH:
            raise _Invalid(node, "yaml-depth", f"nesting deeper than {MAX_DEPTH} levels")
        if self.record:
            self.positions[path] = _mark(node)
        tag = node.tag
        if tag == PLAIN_TAG:
            value = node.value
            # Most values are words: skip the number and keyword tests for them.
            if value and value[0] not in SPECIAL_FIRST:
                return value
            return plain_scalar(value)
        if tag == QUOTED_TAG or (tag == STR_TAG and isinstance(node, ScalarNode)):
            return node.value
        if tag == SEQ_TAG:
            if self.record:
                return [
                    self.build(item, (*path, i), depth + 1) for i, item in enumerate(node.value)
                ]
            return [self.build(item, path, depth + 1) for item in node.value]
        if tag != MAP_TAG:
            raise _Invalid(node, "yaml-tag", f"the tag {tag!r} is not allowed; write plain values")
        return self._mapping(node, path, depth)

    def _mapping(self, node: Node, path: KeyPath, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise _Invalid(key_node, "yaml-key", "mapping keys must be plain text")
            key = key_node.value
            if key == "<<" and key_node.tag == PLAIN_TAG:
                raise _Invalid(key_node, "yaml-alias", "merge keys (<<) are not allowed")
            if key in result:
                raise _Invalid(key_node, "duplicate-key", f"duplicate key {key!r}")
            if self.record:
                self.key_positions[(*path, key)] = _mark(key_node)
                result[key] = self.build(value_node, (*path, key), depth + 1)
            else:
                result[key] = self.build(value_node, path, depth + 1)
        return result


def _first_definition(text: str, duplicate: Node) -> str:
    """Where the first copy of a duplicated key was written (a rare path: parse again)."""
    loader = _PositionedLoader(text)
    try:
        root = loader.get_single_node()
    finally:
        loader.dispose()
    stack = [root]
    target = duplicate.start_mark.index
    while stack:
        node = stack.pop()
        if isinstance(node, MappingNode):
            keys = [k for k, _ in node.value]
            if any(k.start_mark.index == target for k in keys):
                first = next(k for k in keys if k.value == duplicate.value)
                return f" (first defined on line {_mark(first)[0]})"
            stack.extend(v for _, v in node.value)
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)
    return ""


def _checked_text(raw: bytes, path: str, max_bytes: int) -> str | Problem:
    """The file's text, or why it cannot be YAML at all (size, encoding, odd characters)."""
    if len(raw) > max_bytes:
        return Problem(
            path,
            0,
            0,
            "error",
            "file-too-large",
            f"the file is {len(raw):,} bytes; the limit for this kind of file is {max_bytes:,}",
        )
    text = decode(raw, path)
    if isinstance(text, Problem):
        return text
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        return Problem(path, line, 1, "error", "encoding", "the file contains a NUL character")
    odd = ODD_CHARACTERS.search(text)
    if odd is not None:
        line, col = line_col(text, odd.start())
        name = ODD_CHARACTER_NAMES[odd.group()]
        return Problem(
            path,
            line,
            col,
            "error",
            "encoding",
            f"the file contains {name}, which YAML tools disagree about; delete it",
        )
    return text


def _compose(text: str, path: str) -> Node | Problem | None:
    """libyaml's node graph of the text; a Problem for a syntax error."""
    loader = _PositionedLoader(text)
    try:
        node: Node | None = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return Problem(path, line, col, "error", "yaml-syntax", syntax_message(exc, text))
    except yaml.reader.ReaderError as exc:
        line, col = line_col(text, exc.position)
        return Problem(
            path,
            line,
            col,
            "error",
            "yaml-syntax",
            f"YAML syntax error: the control character U+{exc.character:04X} is not allowed; "
            "delete it",
        )
    except yaml.YAMLError as exc:
        first_line = str(exc).splitlines()[0] if str(exc) else "invalid YAML"
        return Problem(path, 1, 1, "error", "yaml-syntax", f"YAML syntax error: {first_line}")
    except RecursionError:
        return Problem(path, 1, 1, "error", "yaml-depth", f"nesting deeper than {MAX_DEPTH} levels")
    finally:
        loader.dispose()
    return node


def _data(node: Node, text: str, path: str) -> Any:
    """Plain data from the node graph; a Problem for what this reader refuses."""
    try:
        return _Builder().build(node, (), 0)
    except _Invalid as exc:
        line, col = _mark(exc.node)
        message = exc.message
        if exc.code == "duplicate-key":
            message += _first_definition(text, exc.node)
        return Problem(path, line, col, "error", exc.code, message)
    except RecursionError:
        return Problem(path, 1, 1, "error", "yaml-depth", f"nesting deeper than {MAX_DEPTH} levels")


def parse_yaml(
    raw: bytes, path: str, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> LoadedDocument | Problem:
    """Parse one YAML document from bytes; a Problem instead of an exception on bad input."""
    text = _checked_text(raw, path, max_bytes)
    if isinstance(text, Problem):
        return text
    node = _compose(text, path)
    if isinstance(node, Problem):
        return node
    data = None if node is None else _data(node, text, path)
    if isinstance(data, Problem):
        return data
    if data is None or node is None:
        return Problem(
            path, 1, 1, "error", "empty-file", "the file is empty; it needs a mapping of fields"
        )
    if not isinstance(data, dict):
        line, col = _mark(node)
        kind = "a list" if isinstance(data, list) else "a single value"
        return Problem(
            path,
            line,
            col,
            "error",
            "not-a-mapping",
            f"the top level is {kind}; it must be a mapping of fields",
        )
    top = (_mark(node), {k.value: (_mark(v), _mark(k)) for k, v in node.value})
    return LoadedDocument(path, data, text, top)
