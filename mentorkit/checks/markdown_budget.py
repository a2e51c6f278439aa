"""Every Markdown field renders cheaply and simply enough, so no file can stall the site build.

Code: ``render-budget``.

Lessons dated in the future are only published later, so this check renders *every*
Markdown field of every file, whatever its date, with the site's own dialect
(``model.markdown_syntax``), and reports a field that

* nests deeper than ``MAX_NESTING`` or renders to more than ``MAX_ELEMENTS`` HTML
  elements (the build's cost after rendering grows with both; the site shows such a
  field as plain text), or
* takes more than ``BUDGET_SECONDS`` of CPU time to render. The renderer is linear
  (under 2 ms for any 4,000 characters we tried); the budget guards against a
  construct nobody has found yet.

The render is remembered, so the site build (which validates first) reuses it.

A field with fewer than ``TRIGGERS`` punctuation characters or line breaks is not
rendered here: every element and every level of nesting needs at least one, so such a
field is cheap and simple by construction (a list marker opens two levels, hence half), and validating a large program stays fast.

Passing (program/lessons/2026-09-07-talk.yaml)::

    context: See [the RFC](https://example.org/rfc) and *why* it matters.

Failing: ``context`` made of 500 one-row tables (render-budget: context renders to 4,000
HTML elements; at most 400 per field).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from mentorkit.checks.base import problem_in
from mentorkit.model.markdown_syntax import (
    MARKDOWN_FIELDS,
    MAX_ELEMENTS,
    MAX_NESTING,
    Rendered,
    render,
)
from mentorkit.model.source import Documents, KeyPath
from mentorkit.problems import Problem

CODE = "render-budget"
BUDGET_SECONDS = 0.05
TRIGGERS = MAX_NESTING // 2  # a list level takes two (ul, li) per marker
# The longest Markdown field any schema allows: longer text is already a schema error,
# and rendering it here would cost the very time this check guards against.
LONGEST_FIELD = 4000
_SYNTAX = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~\n")


def _values(data: Any, pattern: tuple[str, ...], at: KeyPath = ()) -> Iterator[tuple[KeyPath, str]]:
    if not pattern:
        if isinstance(data, str):
            yield at, data
        return
    head, rest = pattern[0], pattern[1:]
    if head == "*":
        items = (
            data.items()
            if isinstance(data, dict)
            else enumerate(data)
            if isinstance(data, list)
            else ()
        )
        for key, value in items:
            yield from _values(value, rest, (*at, key))
    elif isinstance(data, dict) and head in data:
        yield from _values(data[head], rest, (*at, head))


def _field(keypath: KeyPath) -> str:
    return ".".join(str(part) for part in keypath)


def _overrun(field: str, rendered: Rendered) -> str | None:
    """Why ``rendered`` would cost the build too much, or None."""
    advice = "split it up or write it as a code block"
    if rendered.shape.depth > MAX_NESTING:
        return (
            f"{field} nests {rendered.shape.depth} levels deep when rendered; at most "
            f"{MAX_NESTING} (lists, quotes and emphasis inside each other): {advice}"
        )
    if rendered.shape.elements > MAX_ELEMENTS:
        return (
            f"{field} renders to {rendered.shape.elements:,} HTML elements; at most "
            f"{MAX_ELEMENTS} per field: {advice}"
        )
    if rendered.seconds > BUDGET_SECONDS:
        return (
            f"{field} took {rendered.seconds:.2f} s of CPU to render; the budget is "
            f"{BUDGET_SECONDS} s per field: {advice}"
        )
    return None


def check_files(files: Documents) -> Iterator[Problem]:
    for path, doc in files.documents.items():
        for pattern in MARKDOWN_FIELDS.get(files.kinds.get(path, ""), ()):
            for keypath, text in _values(doc.data, pattern):
                if len(text) > LONGEST_FIELD or sum(map(text.count, _SYNTAX)) < TRIGGERS:
                    continue
                message = _overrun(_field(keypath), render(text))
                if message:
                    yield problem_in(doc, keypath, CODE, message)
