"""Every Markdown field renders within a time budget, so no file can stall the site build.

Code: ``render-budget``.

Python-Markdown needs quadratic or worse time on some inputs (a long run of ``[`` or
``![``): a 4,000-character lesson part can take many seconds, in the pages job and in
every later pull request that builds the site. Lessons dated in the future are only
published later, so this check renders *every* Markdown field of every file, whatever
its date, with the site's own dialect (``model.markdown_syntax``), and reports a field
that takes longer than ``BUDGET_SECONDS``.

A field with fewer than ``TRIGGERS`` characters that start inline syntax (``[``, ``<``,
``(``, ``*``, ``_``, backtick, ``!``) is not timed: the renderer's work grows with the
number of such characters times the length, which the field's ``maxLength`` bounds, so
ordinary prose costs microseconds and validating a large program stays fast.

Passing (program/lessons/2026-09-07-talk.yaml)::

    context: See [the RFC](https://example.org/rfc) and *why* it matters.

Failing: ``context: "![![![![..."`` with two thousand of them (render-budget: context took
3.1 s to render; the budget is 0.25 s per field).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

from mentorkit.checks.base import problem_in
from mentorkit.model.markdown_syntax import MARKDOWN_FIELDS, demote_headings, new_renderer
from mentorkit.model.source import Documents, KeyPath
from mentorkit.problems import Problem

CODE = "render-budget"
BUDGET_SECONDS = 0.25
TRIGGERS = 48
# The longest Markdown field any schema allows: longer text is already a schema error,
# and rendering it here would cost the very time this check guards against.
LONGEST_FIELD = 4000
_SYNTAX = frozenset("[<(*_`!")


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


def render_seconds(text: str) -> float:
    """How long the site's renderer takes over ``text``."""
    renderer = new_renderer()
    started = time.perf_counter()
    renderer.convert(demote_headings(text))
    return time.perf_counter() - started


def check_files(files: Documents) -> Iterator[Problem]:
    for path, doc in files.documents.items():
        for pattern in MARKDOWN_FIELDS.get(files.kinds.get(path, ""), ()):
            for keypath, text in _values(doc.data, pattern):
                if len(text) > LONGEST_FIELD or sum(map(text.count, _SYNTAX)) < TRIGGERS:
                    continue
                seconds = render_seconds(text)
                if seconds > BUDGET_SECONDS:
                    yield problem_in(
                        doc,
                        keypath,
                        CODE,
                        f"{_field(keypath)} took {seconds:.1f} s to render; the budget is "
                        f"{BUDGET_SECONDS} s per field (long runs of '[', '![' or '<' are the "
                        "usual cause: write them as code or shorten them)",
                    )
