"""The Markdown dialect of participant prose: one definition for the site and the checks.

The site renders bios, lessons and descriptions with exactly this set-up (then sanitises
the HTML, ``site.text``); the pull-request check renders every such field the same way
to prove that none of them can stall the site build (``checks.markdown_budget``). Both
go through ``render``, which renders a text once per process and remembers the HTML and
what the render cost, so the build never renders a field the check already rendered.

The dialect is GitHub's: cmark-gfm (through cmarkgfm, the binding PyPI renders project
descriptions with) with tables, strikethrough and autolinks, so a bio reads on the site
as it does in the pull request's preview. Python-Markdown (which MkDocs uses for the
hand-written pages) was the renderer before; it is quadratic on runs of ``[`` or ``![``
(2.2 s for 4,000 characters) and recursed until RecursionError on a bio of 500
``"  - "``. cmark-gfm is linear with a C constant (under 2 ms for any 4,000-character
pattern we tried). Two guards stay here rather than trusting that:

* raw HTML is off (cmark replaces it by a comment the sanitiser drops), so ``<b>`` in
  a bio never becomes an element;
* structure is bounded: text whose HTML would nest deeper than ``MAX_NESTING`` (a run
  of ``> `` is a 2,000-deep quote) or hold more than ``MAX_ELEMENTS`` elements (a run
  of ``a|b\n-|-\n`` is 500 tables, 33 KB of HTML from 4,000 characters) is shown as
  plain text, and the check reports it. Rendering is cheap; what costs the build is
  what comes after: the sanitiser, MkDocs' own Markdown pass over the page and its
  search indexer all pay per element and per level.
"""

from __future__ import annotations

import html
import re
import time
from dataclasses import dataclass
from functools import lru_cache

import cmarkgfm
from cmarkgfm.cmark import Options

from mentorkit.model.characters import carried

# Which fields of which kind of file are Markdown (key paths; "*" is every key or item).
# tests/model/test_markdown_fields.py proves this covers every field the site renders.
MARKDOWN_FIELDS: dict[str, tuple[tuple[str, ...], ...]] = {
    "participant": (("bio",),),
    "lesson": (("context",), ("action",), ("outcome",), ("takeaway",)),
    "cohort": (("description",),),
    "program": (
        ("purpose",),
        ("goals", "*"),
        ("governance", "oversight"),
        ("governance", "escalation_path", "*"),
        ("policies", "*"),
    ),
}

# Deeper quotes, lists or emphasis than this: no real prose needs them.
MAX_NESTING = 16
# Elements per field: rich prose of 4,000 characters (a link, code, bold and italics in
# every sentence) makes about 320; a table of 40 rows and 3 columns about 170.
MAX_ELEMENTS = 400
EXTENSIONS = ("table", "strikethrough", "autolink")
# Not CMARK_OPT_UNSAFE: raw HTML and javascript:/data: link targets are dropped by cmark
# already, before the sanitiser drops them again.
_OPTIONS = Options.CMARK_OPT_DEFAULT
# How many rendered texts one process remembers (a 20k-person program's bios fit).
_REMEMBERED = 65536

# cmark writes every tag itself (raw HTML is off), so its output is well formed: an
# opening tag that is not void raises the depth, a closing tag lowers it.
_TAG = re.compile(r"<(/?)([a-z][a-z0-9]*)[^>]*>")
_VOID = frozenset({"br", "hr", "img", "input"})
_TOP_HEADING = re.compile(r"<(/?)h[12]>")


@dataclass(frozen=True)
class Shape:
    """How much structure a text's HTML has."""

    elements: int
    depth: int  # deepest element nesting

    @property
    def too_complex(self) -> bool:
        return self.depth > MAX_NESTING or self.elements > MAX_ELEMENTS


@dataclass(frozen=True)
class Rendered:
    """A text's HTML (not yet sanitised), what its first render cost, and its shape.

    A text too complex to publish has as ``html`` its own characters in one paragraph.
    """

    html: str
    seconds: float  # CPU seconds of the render
    shape: Shape


def shape(html_text: str) -> Shape:
    """Element count and deepest nesting of well-formed HTML."""
    depth = deepest = elements = 0
    for closing, tag in _TAG.findall(html_text):
        if closing:
            depth -= 1
        else:
            elements += 1
            if tag not in _VOID:
                depth += 1
                deepest = max(deepest, depth)
    return Shape(elements, deepest)


@lru_cache(maxsize=_REMEMBERED)
def render(text: str) -> Rendered:
    """``text`` as HTML in the site's dialect, rendered once per process.

    Headings a participant writes are demoted below the page's own (``#`` and ``##``
    become h3). The cost is this thread's CPU time, not wall time: a loaded CI runner
    must not make an ordinary field look slow, nor an idle one hide a costly field.
    """
    started = time.thread_time()
    source = carried(text)
    rendered = cmarkgfm.markdown_to_html_with_extensions(
        source, options=_OPTIONS, extensions=list(EXTENSIONS)
    )
    measured = shape(rendered)
    if measured.too_complex:  # shown as the text it is, one paragraph
        rendered = f"<p>{html.escape(source, quote=False)}</p>\n"
    else:
        rendered = _TOP_HEADING.sub(r"<\1h3>", rendered)
    return Rendered(rendered, time.thread_time() - started, measured)
