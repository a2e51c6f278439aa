"""The plain layout of large text tables is rich's layout, written directly."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mentorkit.reporters import text_table
from mentorkit.reporters.text_table import TextColumn, table_text

# Words as reasons and names are made of: ASCII, accented and wide (CJK) letters, marks
# rich would read as markup, and (in the last column) now and then a word longer than a line.
_WORD = st.one_of(
    st.text(st.sampled_from("abcdefghij-;:,.()"), min_size=1, max_size=12),
    st.text(st.sampled_from("éøßĳ漢字かなカナ한국"), min_size=1, max_size=6),
    st.sampled_from(["[bold]", "[/notes]", ":smile:", "→"]),
)
_LONG = st.text(st.sampled_from("xyz"), min_size=40, max_size=140)
_CELL = st.lists(_WORD, max_size=30).map(" ".join)
_WHY = st.lists(st.one_of(_WORD, _LONG), max_size=30).map(" ".join)
_ID = st.text(st.sampled_from("abcdefghijklmnop-0123456789"), min_size=1, max_size=30)
Table = tuple[list[TextColumn], list[tuple[str, ...]]]


@st.composite
def _pairs_shape(draw: st.DrawFn) -> Table:
    """Pairs and unmatched tables: ids that never wrap, then the reasons."""
    fixed = draw(st.integers(2, 4))
    columns = [TextColumn(f"c{i}") for i in range(fixed)] + [TextColumn("why", wrap=True)]
    rows = draw(st.lists(st.tuples(*([_ID] * fixed), _WHY), min_size=1, max_size=6))
    return columns, rows


@st.composite
def _circles_shape(draw: st.DrawFn) -> Table:
    """Circles: every column may wrap."""
    width = draw(st.integers(3, 5))
    columns = [TextColumn(f"w{i}", wrap=True) for i in range(width)]
    rows = draw(st.lists(st.tuples(*([_CELL] * width)), min_size=1, max_size=4))
    return columns, rows


@settings(max_examples=80)
@given(st.one_of(_pairs_shape(), _circles_shape()), st.one_of(st.none(), st.just("Unmatched")))
def test_the_plain_layout_equals_richs(table: Table, title: str | None) -> None:
    columns, rows = table
    rich = table_text(columns, rows, title)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(text_table, "RICH_ROWS", -1)
        assert table_text(columns, rows, title) == rich


def test_text_is_never_read_as_markup() -> None:
    # A hand-written reason in the match file once crashed `match` (a closing tag) or lost
    # words (an opening one) in rich's table.
    rows = [("ada", "see [/notes] and [bold]this[/bold] :smile:")]
    columns = [TextColumn("who"), TextColumn("why", wrap=True)]
    for limit in (text_table.RICH_ROWS, -1):
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(text_table, "RICH_ROWS", limit)
            assert "see [/notes] and [bold]this[/bold] :smile:" in table_text(columns, rows)
