"""The last gate before generated pages are written: every one reads back as intended.

Each generated page's front matter is parsed with the very function MkDocs uses; MkDocs
treats a front matter it cannot parse as ordinary Markdown (where ``attr_list`` turns
text into live attributes), so a page whose front matter does not load into a mapping
must never be written. The feed must be well-formed XML for the same reason: a reader
that cannot parse it shows nothing, or worse, guesses. Emission already makes both
impossible (``text.yaml_string``, ``feed``); this check proves it for the whole output.
"""

from __future__ import annotations

from collections.abc import Mapping
from xml.etree import ElementTree

from mkdocs.utils.meta import get_data

FRONT_MATTER_START = "---\n"


def front_matter_problem(page: str, content: str) -> str | None:
    """Why ``content`` (a generated Markdown page) would not keep its front matter, if it would not."""
    if not content.startswith(FRONT_MATTER_START):
        return None
    body, data = get_data(content)
    if not data or body == content:
        return (
            f"{page}: the generated front matter does not parse as YAML; the page was not written"
        )
    return None


def feed_problem(page: str, content: str) -> str | None:
    try:
        ElementTree.fromstring(content.encode("utf-8"))
    except ElementTree.ParseError as error:
        return f"{page}: the generated feed is not well-formed XML ({error}); it was not written"
    return None


def unreadable_pages(files: Mapping[str, str | bytes]) -> list[str]:
    """A message for every generated page or feed that would not read back; empty when all do."""
    messages = []
    for page, content in sorted(files.items()):
        if not isinstance(content, str):
            continue
        if page.endswith(".md"):
            problem = front_matter_problem(page, content)
        elif page.endswith(".xml"):
            problem = feed_problem(page, content)
        else:
            problem = None
        if problem:
            messages.append(problem)
    return messages
