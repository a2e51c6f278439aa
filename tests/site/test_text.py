"""Sanitising participant Markdown and neutralising plain fields."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import markdown
import pytest

from mentorkit.model.pages import slug
from mentorkit.site.text import ALLOWED_TAGS, html_text, plain, render_markdown, yaml_string

VECTORS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '<svg onload="alert(1)"></svg>',
    '<iframe src="https://evil.example"></iframe>',
    '<a href="javascript:alert(1)">x</a>',
    "[x](javascript:alert(1))",
    '<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>',
    '<div style="color:red" onmouseover="alert(1)">x</div>',
    '<details open ontoggle="alert(1)"><summary>x</summary></details>',
    '<object data="javascript:alert(1)"></object>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    "<style>body{display:none}</style>",
    '<form action="javascript:alert(1)"><button>go</button></form>',
    '<input autofocus onfocus="alert(1)">',
]


class _Elements(HTMLParser):
    """Every element and attribute a browser would build from the HTML."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += [(name, value or "") for name, value in attrs]


def _elements(html_text: str) -> _Elements:
    parsed = _Elements()
    parsed.feed(html_text)
    parsed.close()
    return parsed


@pytest.mark.parametrize("vector", VECTORS)
def test_no_vector_survives_sanitising(vector: str) -> None:
    cleaned = str(render_markdown(f"Hello {vector} world"))
    parsed = _elements(cleaned)
    assert set(parsed.tags) <= ALLOWED_TAGS, (vector, cleaned)
    for name, value in parsed.attributes:
        assert not name.startswith("on") and name != "style", (vector, cleaned)
        assert not value.strip().lower().startswith(("javascript:", "data:", "vbscript:"))


def test_raw_html_never_becomes_an_element() -> None:
    # Raw HTML is off in the dialect: a participant's tags are dropped, their text stays.
    cleaned = str(render_markdown("a <b>bold</b> <sup>2</sup> <img src=x onerror=y> move"))
    assert _elements(cleaned).tags == ["p"]
    assert html.unescape(re.sub(r"<[^>]+>", "", cleaned)).split() == ["a", "bold", "2", "move"]


def test_ordinary_markdown_survives() -> None:
    cleaned = str(render_markdown("I like **bold** and [links](https://example.com/a)."))
    assert "<strong>bold</strong>" in cleaned
    assert 'href="https://example.com/a"' in cleaned
    assert 'rel="noopener noreferrer nofollow"' in cleaned


@pytest.mark.parametrize(
    "link",
    [
        "[the *guide*](javascript:alert(1))",
        "[the *guide*](data:text/html,x)",
        "[the *guide*](vbscript:x)",
        "[the *guide*](ftp://example.com/a)",
        "[the *guide*](file:///etc/passwd)",
    ],
)
def test_an_unsafe_link_is_its_text_without_an_anchor(link: str) -> None:
    # An anchor with an emptied address would link to the page itself: keep only its text.
    cleaned = str(render_markdown(f"Read {link} and [this](https://example.com/b)."))
    assert cleaned.count("<a ") == 1 and 'href=""' not in cleaned
    assert 'Read the <em>guide</em> and <a href="https://example.com/b"' in cleaned


def test_code_blocks_and_tables_render_and_stay_inert() -> None:
    story = (
        "```python\nif a < b:\n    print('<script>x</script>')\n```\n\n"
        "| before | after |\n|---|---:|\n| 900 ms | 170 ms |\n"
    )
    cleaned = str(render_markdown(story))
    assert "<pre><code>" in cleaned and "&lt;script&gt;" in cleaned and "<script" not in cleaned
    assert "<table>" in cleaned and '<td align="right">170 ms</td>' in cleaned
    assert "```" not in cleaned and "|---|" not in cleaned


def test_headings_are_demoted_below_the_page_outline() -> None:
    cleaned = str(render_markdown("# Big\n\n## Smaller\n\ntext"))
    assert "<h1" not in cleaned and "<h2" not in cleaned
    assert "<h3>Big</h3>" in cleaned


def test_markdown_characters_in_text_cannot_be_read_again() -> None:
    # A second Markdown pass (MkDocs) must find no syntax in the cleaned text.
    cleaned = str(render_markdown("`{: onclick=x}` and \\[a](b)"))
    again = markdown.markdown(f"<div>\n{cleaned}\n</div>", extensions=["attr_list", "md_in_html"])
    assert "onclick=" not in again.replace("onclick&#61;", "")
    assert "<a " not in again


@pytest.mark.parametrize(
    "text",
    ['Ada {: onclick="x"}', "*Bold* _it_ [l](javascript:x)", "<b>x</b> & 'q' \"d\"", "#1 | pipe !"],
)
def test_plain_fields_are_inert_but_read_the_same(text: str) -> None:
    escaped = str(plain(text))
    assert re.search(r"[<>\"'*_\[\]{}()#|!]", re.sub(r"&#\d+;", "", escaped)) is None
    assert html.unescape(escaped) == text
    rendered = markdown.markdown(f"# {escaped}", extensions=["attr_list"])
    assert html.unescape(re.sub(r"<[^>]+>", "", rendered)) == text


def test_plain_fields_cannot_start_a_block() -> None:
    assert "\n" not in str(plain("line one\n\n# heading\n    code"))


def test_titles_and_yaml_strings() -> None:
    assert html_text('<b a="1">') == "&lt;b a=&quot;1&quot;&gt;"
    assert yaml_string('say "hi"\nnow') == '"say \\"hi\\" now"'


def test_slug() -> None:
    assert slug("2026-09-07 First Talk!") == "2026-09-07-first-talk"
    assert slug("***") == "item"
