"""Making participant text safe for a page that MkDocs renders as Markdown a second time.

Two kinds of text reach a page. Prose people write (bios, lessons) is Markdown: it is
rendered in the dialect of ``model.markdown_syntax`` (cmark-gfm, raw HTML off),
then cleaned by nh3 against an allow-list, and placed in the generated page inside an
HTML block so that MkDocs passes it through untouched.
Plain fields (names, titles, skills, departments) are never markup: ``plain`` turns
every character that HTML *or* Markdown treats specially into a numeric character
reference, so neither the browser nor MkDocs' Markdown (attr_list, emphasis, links)
can read anything into them, and the browser still shows the original characters.
"""

from __future__ import annotations

import re

import nh3
import yaml
from markupsafe import Markup

from mentorkit.model.characters import carried
from mentorkit.model.markdown_syntax import render

try:  # the loader MkDocs reads front matter with
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

_NO_WRAP = 2**31  # a wrapped scalar would put a line break inside the front matter

ALLOWED_TAGS = frozenset(
    {
        "p", "br", "hr", "strong", "em", "b", "i", "code", "pre", "blockquote",
        "ul", "ol", "li", "a", "h3", "h4", "h5", "h6", "del", "sup", "sub",
        "table", "thead", "tbody", "tr", "th", "td",
    }
)  # fmt: skip
# Only links carry attributes; nh3 adds rel="noopener noreferrer" to each.
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}}
# No javascript:, data:, vbscript: or anything else: only ordinary links.
URL_SCHEMES = frozenset({"http", "https", "mailto"})
# script/style content is dropped with the tag, not kept as text.
DROPPED_WITH_CONTENT = frozenset({"script", "style", "iframe", "object", "embed", "template"})

# Every ASCII character with a meaning in HTML, Markdown or its extensions
# (attr_list braces, tables' pipes, admonition bangs, Jinja-looking braces).
_SPECIAL = re.compile(r"[&<>\"'`*_\[\]{}()#+\-.!|\\~^=:$%@/]")
_WHITESPACE = re.compile(r"\s+")


def _entity(match: re.Match[str]) -> str:
    return f"&#{ord(match.group(0))};"


def plain(text: object) -> Markup:
    """A plain field as inert text for an HTML element, an attribute value or a Markdown line.

    Newlines collapse to spaces so a field can never start a Markdown block of its own.
    """
    collapsed = _WHITESPACE.sub(" ", carried(str(text)))
    return Markup(_SPECIAL.sub(_entity, collapsed))


def html_text(text: object) -> str:
    """Plain text escaped for HTML only: for titles MkDocs' theme inserts unescaped."""
    collapsed = _WHITESPACE.sub(" ", carried(str(text))).strip()
    return (
        collapsed.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#39;")
    )


def sanitize_html(html: str) -> str:
    """Untrusted HTML reduced to the allow-list: no script, handler, style, iframe or odd URL."""
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes={tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        strip_comments=True,
        link_rel="noopener noreferrer nofollow",
    )


def render_markdown(text: str) -> Markup:
    """Participant Markdown as sanitised HTML, safe to place in an HTML block of a page.

    The dialect (and its one render per process) is ``model.markdown_syntax``: headings
    a participant writes are demoted below the page's own there (h1/h2 are not in the
    allow-list either), so they cannot hijack the page outline.
    """
    cleaned = _unlink_unsafe(sanitize_html(render(text or "").html).rstrip("\n"))
    # MkDocs' Markdown would otherwise read a line of cleaned text such as "[x](y)"
    # (left as text because its brackets sat inside a tag) as a link: escape the
    # characters Markdown reacts to in text nodes. Tags themselves are already clean.
    return Markup(_escape_text_nodes(cleaned))


# cmark-gfm empties an unsafe link's address (javascript:, data:, file:) and nh3 drops
# one with a scheme not allowed: either way an anchor that leads nowhere (an empty href
# links to the page itself). Its text is kept, without the anchor. Cleaned HTML has no
# nested anchors, so the first closing tag ends the one opened.
_ANCHOR = re.compile(r"<a\b([^>]*)>(.*?)</a>", re.DOTALL)
_REAL_HREF = re.compile(r'\shref="[^"]+"')


def _unlink_unsafe(html: str) -> str:
    return _ANCHOR.sub(lambda m: m.group(0) if _REAL_HREF.search(m.group(1)) else m.group(2), html)


_MARKDOWN_IN_TEXT = re.compile(r"[`*_\[\]{}#|\\~^=:]")


def _escape_text_nodes(html: str) -> str:
    # Split on tags and escape only the text between them; entities stay as they are.
    parts = re.split(r"(<[^>]*>)", html)
    return "".join(
        part if part.startswith("<") else _MARKDOWN_IN_TEXT.sub(_entity, part) for part in parts
    )


class UnsafeFrontMatter(ValueError):
    """A front-matter value did not read back as written: the page must not be built."""


def yaml_string(text: str) -> str:
    """A YAML scalar for a page's front matter, written by PyYAML's emitter.

    Double-quoted style escapes every character YAML cannot carry raw, and the scalar is
    read back (with the C loader MkDocs uses) and compared before it may be used: a value
    that would not load back unchanged never reaches a page, because MkDocs renders a
    front matter it cannot parse as Markdown.
    """
    value = _WHITESPACE.sub(" ", carried(text)).strip()
    emitted = yaml.safe_dump(value, default_style='"', allow_unicode=True, width=_NO_WRAP)
    scalar = emitted.removesuffix("\n")
    if "\n" in scalar or yaml.load(scalar, Loader=_Loader) != value:
        raise UnsafeFrontMatter(f"front matter value {value[:60]!r} does not read back")
    return scalar


def title_yaml(text: str) -> Markup:
    """A page title for front matter: HTML-escaped, because the theme prints titles unescaped."""
    return Markup(yaml_string(html_text(text)))
