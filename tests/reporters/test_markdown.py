"""Markdown escaping has one home: no participant text can open a cell, a tag or a mention."""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from mentorkit.reporters.markdown import cell, code, plain, table


def cell_breaks(text: str) -> int:
    """The pipes GitHub would split a table row at: a backslash escapes the next character."""
    breaks, escaped = 0, False
    for ch in text:
        breaks += ch == "|" and not escaped
        escaped = ch == "\\" and not escaped
    return breaks


@given(st.text())
@example("a\\|b\r\n<i>")
def test_a_cell_stays_one_cell_on_one_line_without_tags(text: str) -> None:
    shown = cell(text)
    assert "\n" not in shown and "\r" not in shown and "<" not in shown
    assert cell_breaks(shown) == 0


@given(st.text())
def test_plain_text_is_one_line_with_no_html_and_no_mention(text: str) -> None:
    shown = plain(text, 500)
    assert "\n" not in shown and "<" not in shown and ">" not in shown
    assert cell_breaks(shown) == 0
    assert not re.search(r"@(?!\u200b)", shown)


@given(st.text())
@example("a\\|b`c")
def test_a_code_span_cannot_be_closed_early(text: str) -> None:
    shown = code(text)
    assert shown.startswith("`") and shown.endswith("`") and shown.count("`") == 2
    assert cell_breaks(shown) == 0


def test_a_table_has_as_many_cells_as_its_header() -> None:
    rows = table(["who", "why"], [["<b>a\\|b</b>", ("line one", "x | y")]])
    assert rows[2] == "| &lt;b>a\\\\\\|b&lt;/b> | line one<br>x \\| y |"
    assert cell_breaks(rows[2]) == 3
