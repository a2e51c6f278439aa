"""The one home of Markdown escaping: participant text in comments, tables and code spans.

Every Markdown mentorkit writes for GitHub (the review comment, ``report --format
markdown``, problem and match tables) escapes through here, so a name, a message or a
skill cannot open a table cell, a link, an HTML tag or a mention.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from mentorkit.model.lookalike import without_invisible


def join_words(items: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def one_line(text: object, limit: int) -> str:
    """Whitespace collapsed, control and invisible characters dropped, cut to ``limit``.

    Invisible "padding" (fillers such as U+3164, zero-width and format characters) would
    push the rest of a name past the cut and out of the reviewer's sight; a cut says how
    long the text really was.
    """
    visible = without_invisible(str(text))
    value = "".join(ch for ch in " ".join(visible.split()) if ch.isprintable())
    if len(value) <= limit:
        return value
    return value[: limit - 1].rstrip() + f"… ({len(value):,} characters)"


_BACKSLASHES_BEFORE_PIPE = re.compile(r"(\\+)(?=\|)")


def code(text: str, limit: int = 100) -> str:
    """An inline code span that stays on one line and cannot be closed early, nor end a
    table cell (backslashes before a pipe are doubled, so the pipe stays escaped)."""
    shown = one_line(text, limit).replace("`", "'")
    shown = _BACKSLASHES_BEFORE_PIPE.sub(lambda m: m.group(1) * 2, shown)
    return "`" + shown.replace("|", "\\|") + "`"


# Backslash-escaped so participant text is shown as typed: no emphasis, links, headings,
# code spans or table cells. "<", ">" and "&" become entities (no HTML, no entity tricks)
# and "@" gets a zero-width space so nobody is mentioned.
_ESCAPED = {ch: "\\" + ch for ch in "\\`*_~[]|#"}
_ESCAPED.update({"<": "&lt;", ">": "&gt;", "&": "&amp;", "@": "@\u200b"})


def plain(text: object, limit: int = 120) -> str:
    """Data written by a participant, safe to put in Markdown: no HTML, no mentions, one line."""
    return "".join(_ESCAPED.get(ch, ch) for ch in one_line(text, limit))


def cell(text: object) -> str:
    """Text for a table cell that mentorkit composed (it may hold Markdown of its own):
    one line, no cell break, no HTML tag. A backslash is escaped too: GitHub splits cells
    before reading escapes, so ``\\|`` would otherwise end the cell."""
    escaped = str(text).replace("\\", "\\\\").replace("|", "\\|")
    return escaped.replace("\r", " ").replace("\n", " ").replace("<", "&lt;")


# A table cell: text, or several lines of text (shown one under the other).
Cell = str | tuple[str, ...]


def _cell_text(value: Cell) -> str:
    if isinstance(value, tuple):
        return "<br>".join(cell(line) for line in value)
    return cell(value)


def table(header: Sequence[str], rows: Sequence[Sequence[Cell]]) -> list[str]:
    """A GitHub Markdown table, every cell through ``cell``."""
    return [
        "| " + " | ".join(cell(h) for h in header) + " |",
        "|" + "---|" * len(header),
        *("| " + " | ".join(_cell_text(c) for c in row) + " |" for row in rows),
    ]
