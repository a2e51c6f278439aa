"""The Markdown dialect of participant prose: one definition for the site and the checks.

The site renders bios, lessons and descriptions with exactly this Python-Markdown set-up
(then sanitises the HTML); the pull-request check renders every such field the same way
to prove that none of them can stall the site build (``checks.markdown_budget``).
"""

from __future__ import annotations

import re

import markdown

# Lessons are often about code and numbers: fenced code blocks and tables render as they
# do on GitHub. Nothing that adds attributes (attr_list) or raw HTML is enabled.
EXTENSIONS = ("sane_lists", "fenced_code", "tables")
# Column alignment as align="", which the allow-list keeps; style="" never passes.
EXTENSION_CONFIGS = {"tables": {"use_align_attribute": True}}

# Which fields of which kind of file are Markdown (key paths; "*" is every key or item).
MARKDOWN_FIELDS: dict[str, tuple[tuple[str, ...], ...]] = {
    "participant": (("bio",),),
    "lesson": (("context",), ("action",), ("outcome",), ("takeaway",)),
    "cohort": (("description",),),
    "program": (("purpose",), ("goals", "*"), ("governance", "oversight"), ("policies", "*")),
}

_HEADING = re.compile(r"^(#{1,2})(?=\s)", re.MULTILINE)


def new_renderer() -> markdown.Markdown:
    return markdown.Markdown(
        extensions=list(EXTENSIONS), extension_configs=EXTENSION_CONFIGS, output_format="html"
    )


def demote_headings(text: str) -> str:
    """``#`` and ``##`` lines become ``###``: a participant's headings sit below the page's."""
    return _HEADING.sub("###", text)
