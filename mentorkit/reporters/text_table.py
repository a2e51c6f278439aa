"""The terminal tables of the text reports: rich's layout, written directly for large ones.

rich lays a table out in about half a millisecond a row (measuring every cell, then
rendering it through segments), which makes a 20,000-pair match a minute of waiting.
Up to ``RICH_ROWS`` rows a table is rich's; beyond that the same layout is written here
in one pass: the same columns and headings, three spaces between columns, a rule under
the headings, the columns that may wrap narrowed widest first until the table fits the
width, and cells wrapped at word boundaries (folding a word longer than its column) with
rich's own cell-width measure, so wide characters line up. Text is never read as rich
markup either way: a reason written as ``[/notes]`` is shown as written.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass

from rich import box
from rich.cells import cell_len, chop_cells
from rich.console import Console
from rich.table import Table
from rich.text import Text

TEXT_WIDTH = 120
# Above this many rows a table is written directly (rich: ~0.1 s for 200 rows).
RICH_ROWS = 200
_GAP = "   "  # rich's SIMPLE_HEAD box without edges: padding, divider, padding
_WORD = re.compile(r"\s*\S+\s*")


@dataclass(frozen=True)
class TextColumn:
    name: str
    wrap: bool = False  # folded at word boundaries when the table is too wide


def console() -> tuple[Console, io.StringIO]:
    """A plain console of ``TEXT_WIDTH`` columns writing to a buffer: no colour, no
    markup, emoji codes or highlighting read into participants' text."""
    buffer = io.StringIO()
    plain = Console(
        file=buffer,
        width=TEXT_WIDTH,
        color_system=None,
        force_terminal=False,
        legacy_windows=False,
        emoji=False,
        highlight=False,
        markup=False,
    )
    return plain, buffer


def table_text(
    columns: Sequence[TextColumn], rows: Sequence[Sequence[str]], title: str | None = None
) -> str:
    """The table as lines of text (trailing spaces removed), each ending in a newline."""
    if len(rows) <= RICH_ROWS:
        return _with_rich(columns, rows, title)
    return "".join(line.rstrip() + "\n" for line in _plain_lines(columns, rows, title))


def _with_rich(
    columns: Sequence[TextColumn], rows: Sequence[Sequence[str]], title: str | None
) -> str:
    table = Table(
        title=title, box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, title_justify="left"
    )
    for column in columns:
        if column.wrap:
            table.add_column(column.name, overflow="fold")
        else:
            table.add_column(column.name, no_wrap=True)
    for row in rows:
        table.add_row(*(Text(cell) for cell in row))
    out, buffer = console()
    out.print(table)
    return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())


def _width(text: str) -> int:
    return len(text) if text.isascii() else cell_len(text)


def _widths(columns: Sequence[TextColumn], rows: Sequence[Sequence[str]]) -> list[int]:
    """Each column's text width: its widest line, or less when the table must fit.

    As rich does it (widths counted with the cells' padding, one divider between columns):
    the widest wrapping columns give way first, down to the next widest, while the table
    is too wide; if it still is, every column gives way evenly.
    """
    natural = [_width(column.name) for column in columns]
    for row in rows:
        for i, cell in enumerate(row):
            natural[i] = max(natural[i], *(_width(line) for line in cell.split("\n")))
    padding = [2] * len(columns)
    padding[0] = padding[-1] = 1 if len(columns) > 1 else 0
    room = TEXT_WIDTH - (len(columns) - 1)
    widths = [min(w + p, room) for w, p in zip(natural, padding, strict=True)]
    if sum(widths) > room:
        widths = _give_way(widths, [c.wrap for c in columns], room)
        if sum(widths) > room:
            widths = _reduce(sum(widths) - room, [1] * len(widths), widths, widths)
    return [max(w - p, 1) for w, p in zip(widths, padding, strict=True)]


def _give_way(widths: list[int], wraps: list[bool], room: int) -> list[int]:
    """The widest wrapping columns narrowed to the next widest, until the table fits."""
    excess = sum(widths) - room
    while excess > 0 and any(wraps):
        widest = max(w for w, can in zip(widths, wraps, strict=True) if can)
        second = max(w if can and w != widest else 0 for w, can in zip(widths, wraps, strict=True))
        if widest == second or not widest:
            break
        tied = [1 if can and w == widest else 0 for w, can in zip(widths, wraps, strict=True)]
        widths = _reduce(excess, tied, [min(excess, widest - second)] * len(widths), widths)
        excess = sum(widths) - room
    return widths


def _reduce(total: int, ratios: list[int], most: list[int], values: list[int]) -> list[int]:
    """``total`` taken from ``values`` in proportion to ``ratios``, at most ``most`` each."""
    ratios = [r if m else 0 for r, m in zip(ratios, most, strict=True)]
    left, weight, result = total, sum(ratios), []
    for ratio, cap, value in zip(ratios, most, values, strict=True):
        if ratio and weight > 0:
            cut = min(cap, round(ratio * left / weight))
            result.append(value - cut)
            left, weight = left - cut, weight - ratio
        else:
            result.append(value)
    return result


def wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` cells: broken between words, a word longer
    than a line folded, each given line break kept."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line, used = "", 0
        for word in _WORD.findall(paragraph):
            size = _width(word.rstrip())
            if used + size <= width:
                line, used = line + word, used + _width(word)
            else:
                # No room left: a new line, and a word wider than any line folded over several.
                pieces = chop_cells(word, width) if size > width else [word]
                if line:
                    lines.append(line)
                lines += pieces[:-1]
                line, used = pieces[-1], _width(pieces[-1])
        lines.append(line)
    return [line.rstrip() for line in lines]


def _crop(text: str, width: int) -> str:
    """A line of a column that may not wrap, cut with an ellipsis when it is too wide."""
    if _width(text) <= width:
        return text
    return chop_cells(text, max(width - 1, 1))[0] + "…"


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _plain_lines(
    columns: Sequence[TextColumn], rows: Sequence[Sequence[str]], title: str | None
) -> list[str]:
    widths = _widths(columns, rows)
    lines = [title] if title else []
    lines.append(_GAP.join(_pad(c.name, w) for c, w in zip(columns, widths, strict=True)))
    lines.append("─" * (sum(widths) + len(_GAP) * (len(columns) - 1)))
    for row in rows:
        cells = [
            wrap(cell, width) if column.wrap else [_crop(x, width) for x in cell.split("\n")]
            for column, cell, width in zip(columns, row, widths, strict=True)
        ]
        height = max(len(cell) for cell in cells)
        padded = [
            [_pad(line, width) for line in cell] + [" " * width] * (height - len(cell))
            for cell, width in zip(cells, widths, strict=True)
        ]
        lines.extend(_GAP.join(parts) for parts in zip(*padded, strict=True))
    return lines
