"""Charts drawn at build time as HTML tables with CSS bars: no chart library, no script.

A bar chart *is* its data table: a ``<table>`` with a caption, a header row and one row
per label, where each value cell holds the number as text and a bar whose width is the
value against the scale. Text is page text, so it stays readable at any width (a phone
at 390 px included) and screen readers read a plain table. Donuts keep a small SVG ring,
hidden from assistive technology, next to the percentage as text.

Every value is a ``Figure`` from the disclosure rules: a figure that is not shown is
never drawn, not even as an empty bar; its cell reads "withheld" (with the reason) or the
note that replaces it ("not matched yet"). The scale is the largest *shown* value, so bar
lengths give nothing more away than the numbers beside them. Colours come from Material's
CSS custom properties through ``assets/mentorkit/site.css``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

from mentorkit.lifecycle.disclosure import PERCENT, Figure
from mentorkit.site.text import html_text
from mentorkit.site.withheld import figure_html


@dataclass(frozen=True)
class Bar:
    label: str
    value: Figure
    percent: bool = False  # a share from 0 to 1, printed as a percentage


def _fmt(value: float, percent: bool) -> str:
    if percent:
        return PERCENT.format(value)
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def _cell(value: Figure, scale: float, percent: bool, css: str = "mk-bar") -> str:
    if value.value is None:
        return f'<td class="mk-bar-cell">{figure_html(value)}</td>'
    share = 0.0 if scale <= 0 else max(0.0, min(value.value / scale, 1.0)) * 100
    return (
        f'<td class="mk-bar-cell"><span class="mk-bar-track" aria-hidden="true">'
        f'<span class="{css}" style="width:{share:.1f}%"></span></span>'
        f'<span class="mk-bar-value">{html_text(_fmt(value.value, percent))}</span></td>'
    )


def _scale(values: Sequence[Figure]) -> float:
    return max((v.value for v in values if v.value is not None), default=0.0) or 1.0


def _table(title: str, header: Sequence[str], rows: list[str], css: str = "") -> Markup:
    head = "".join(f'<th scope="col">{html_text(h)}</th>' for h in header)
    return Markup(
        f'<table class="mk-chart-table{(" " + css) if css else ""}">'
        f"<caption>{html_text(title)}</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
    )


def bar_chart(
    title: str, bars: Sequence[Bar], *, header: tuple[str, str], maximum: float | None = None
) -> Markup:
    """One row per label with a horizontal bar; ``maximum`` fixes the scale (1 for shares)."""
    scale = maximum or _scale([b.value for b in bars])
    rows = [
        f'<tr><th scope="row">{html_text(bar.label)}</th>'
        f"{_cell(bar.value, scale, bar.percent)}</tr>"
        for bar in bars
    ]
    return _table(title, header, rows)


@dataclass(frozen=True)
class PairedBar:
    label: str
    first: Figure
    second: Figure


def paired_bar_chart(title: str, rows: Sequence[PairedBar], header: tuple[str, str, str]) -> Markup:
    """Two bars per row (mentors offering against mentees seeking), on one scale."""
    scale = _scale([v for r in rows for v in (r.first, r.second)])
    body = [
        f'<tr><th scope="row">{html_text(r.label)}</th>'
        f"{_cell(r.first, scale, False)}{_cell(r.second, scale, False, 'mk-bar mk-bar-alt')}</tr>"
        for r in rows
    ]
    return _table(title, header, body, "mk-chart-paired")


def donut(title: str, share: Figure) -> Markup:
    """One share (0-1) as a ring beside the percentage; not shown: the reason, no ring."""
    size, radius, stroke = 64, 26, 10
    centre = size / 2
    circumference = 2 * 3.141592653589793 * radius
    ring = (
        f'<circle class="mk-chart-track" cx="{centre}" cy="{centre}" r="{radius}" '
        f'fill="none" stroke-width="{stroke}"/>'
    )
    if share.value is not None:
        filled = circumference * max(0.0, min(share.value, 1.0))
        ring += (
            f'<circle class="mk-chart-ring" cx="{centre}" cy="{centre}" r="{radius}" fill="none" '
            f'stroke-width="{stroke}" stroke-dasharray="{filled:.2f} {circumference:.2f}" '
            f'transform="rotate(-90 {centre} {centre})"/>'
        )
        value = Markup(f'<span class="mk-donut-value">{_fmt(share.value, True)}</span>')
    else:
        value = Markup(f'<span class="mk-donut-value mk-muted">{figure_html(share)}</span>')
    return Markup(
        f'<div class="mk-donut"><svg class="mk-chart" viewBox="0 0 {size} {size}" width="{size}" '
        f'height="{size}" aria-hidden="true" focusable="false" '
        f'xmlns="http://www.w3.org/2000/svg">{ring}</svg>'
        f'<p>{value}<span class="mk-donut-label">{html_text(title)}</span></p></div>'
    )
