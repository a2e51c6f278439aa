"""Charts as inline SVG, drawn at build time: no chart library, no script, no CDN.

Colours come from Material's CSS custom properties (``--md-primary-fg-color`` and
friends, set in ``assets/mentorkit/site.css``) so a chart follows the program's palette
and the light/dark toggle. A value of ``None`` is a suppressed figure (fewer than five
people): it is drawn as a labelled gap, never as a bar.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

from mentorkit.site.text import html_text

SUPPRESSED_LABEL = "withheld"


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None
    display: str = ""  # the figure printed at the bar's end; derived from value when empty


def _fmt(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"


def _svg(width: int, height: int, title: str, body: list[str]) -> Markup:
    label = html_text(title)
    return Markup(
        f'<svg class="mk-chart" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-label="{label}" xmlns="http://www.w3.org/2000/svg"><title>{label}</title>'
        + "".join(body)
        + "</svg>"
    )


def _label_width(labels: Sequence[str]) -> int:
    longest = max((len(label) for label in labels), default=4)
    return min(260, max(90, 7 * longest + 16))


def bar_chart(title: str, bars: Sequence[Bar], *, maximum: float | None = None) -> Markup:
    """Horizontal bars, one row per label; ``maximum`` fixes the scale (100 for percentages)."""
    row, width = 28, 640
    left = _label_width([b.label for b in bars])
    right = 90
    scale_max = maximum or max((b.value or 0 for b in bars), default=0) or 1
    plot = width - left - right
    height = max(row * len(bars) + 8, 36)
    body: list[str] = []
    for index, bar in enumerate(bars):
        y = 4 + index * row
        body.append(
            f'<text class="mk-chart-label" x="{left - 8}" y="{y + 18}" text-anchor="end">'
            f"{html_text(bar.label)}</text>"
        )
        if bar.value is None:
            body.append(
                f'<text class="mk-chart-muted" x="{left + 4}" y="{y + 18}">{SUPPRESSED_LABEL}</text>'
            )
            continue
        length = max(plot * min(bar.value, scale_max) / scale_max, 1 if bar.value else 0)
        shown = bar.display or _fmt(bar.value)
        body.append(
            f'<rect class="mk-chart-bar" x="{left}" y="{y + 5}" width="{length:.1f}" '
            f'height="{row - 10}" rx="3"><title>{html_text(bar.label)}: {html_text(shown)}</title></rect>'
            f'<text class="mk-chart-value" x="{left + length + 6:.1f}" y="{y + 18}">'
            f"{html_text(shown)}</text>"
        )
    return _svg(width, height, title, body)


@dataclass(frozen=True)
class PairedBar:
    label: str
    first: int | None
    second: int | None


def paired_bar_chart(title: str, rows: Sequence[PairedBar], names: tuple[str, str]) -> Markup:
    """Two bars per row (e.g. mentors offering against mentees seeking), with a legend."""
    row, width, legend = 34, 640, 26
    left = _label_width([r.label for r in rows])
    plot = width - left - 60
    scale_max = max((v or 0 for r in rows for v in (r.first, r.second)), default=0) or 1
    height = legend + row * len(rows) + 6
    body = [
        f'<rect class="mk-chart-bar" x="{left}" y="6" width="12" height="12" rx="2"/>'
        f'<text class="mk-chart-label" x="{left + 18}" y="16">{html_text(names[0])}</text>'
        f'<rect class="mk-chart-bar-alt" x="{left + 150}" y="6" width="12" height="12" rx="2"/>'
        f'<text class="mk-chart-label" x="{left + 168}" y="16">{html_text(names[1])}</text>'
    ]
    for index, item in enumerate(rows):
        y = legend + index * row
        body.append(
            f'<text class="mk-chart-label" x="{left - 8}" y="{y + 20}" text-anchor="end">'
            f"{html_text(item.label)}</text>"
        )
        for offset, value, css in (
            (2, item.first, "mk-chart-bar"),
            (16, item.second, "mk-chart-bar-alt"),
        ):
            if value is None:
                body.append(
                    f'<text class="mk-chart-muted" x="{left + 4}" y="{y + offset + 10}" '
                    f'font-size="10">{SUPPRESSED_LABEL}</text>'
                )
                continue
            length = plot * value / scale_max
            body.append(
                f'<rect class="{css}" x="{left}" y="{y + offset}" width="{max(length, 1 if value else 0):.1f}" '
                f'height="12" rx="2"/><text class="mk-chart-value" x="{left + length + 5:.1f}" '
                f'y="{y + offset + 10}" font-size="11">{value}</text>'
            )
    return _svg(width, height, title, body)


def donut(title: str, share: float | None, caption: str) -> Markup:
    """One share (0-1) as a ring with the percentage in the middle; suppressed: an empty ring."""
    size, radius, stroke = 180, 70, 22
    centre = size / 2
    circumference = 2 * 3.141592653589793 * radius
    body = [
        f'<circle class="mk-chart-track" cx="{centre}" cy="{centre}" r="{radius}" '
        f'fill="none" stroke-width="{stroke}"/>'
    ]
    if share is None:
        middle = SUPPRESSED_LABEL
    else:
        filled = circumference * max(0.0, min(share, 1.0))
        body.append(
            f'<circle class="mk-chart-ring" cx="{centre}" cy="{centre}" r="{radius}" fill="none" '
            f'stroke-width="{stroke}" stroke-dasharray="{filled:.2f} {circumference:.2f}" '
            f'transform="rotate(-90 {centre} {centre})"/>'
        )
        middle = f"{share * 100:.0f}%"
    size_class = "mk-chart-big" if share is not None else "mk-chart-muted"
    body.append(
        f'<text class="{size_class}" x="{centre}" y="{centre + 8}" text-anchor="middle">'
        f"{html_text(middle)}</text>"
        f'<text class="mk-chart-label" x="{centre}" y="{size + 22}" text-anchor="middle">'
        f"{html_text(caption)}</text>"
    )
    return _svg(size, size + 32, title, body)


def column_chart(title: str, columns: Sequence[Bar]) -> Markup:
    """Vertical columns over time (e.g. lessons per month), labels under each column."""
    width, height, bottom, top = 640, 200, 40, 20
    count = max(len(columns), 1)
    slot = (width - 20) / count
    scale_max = max((c.value or 0 for c in columns), default=0) or 1
    plot = height - bottom - top
    body: list[str] = [
        f'<line class="mk-chart-axis" x1="10" x2="{width - 10}" y1="{height - bottom}" '
        f'y2="{height - bottom}"/>'
    ]
    every = max(1, count // 12)  # at most a dozen labels under the axis
    for index, column in enumerate(columns):
        x = 10 + index * slot
        value = column.value or 0
        bar_height = plot * value / scale_max
        y = height - bottom - bar_height
        body.append(
            f'<rect class="mk-chart-bar" x="{x + slot * 0.15:.1f}" y="{y:.1f}" '
            f'width="{slot * 0.7:.1f}" height="{bar_height:.1f}" rx="2">'
            f"<title>{html_text(column.label)}: {_fmt(value)}</title></rect>"
        )
        if value and count <= 24:
            body.append(
                f'<text class="mk-chart-value" x="{x + slot / 2:.1f}" y="{y - 4:.1f}" '
                f'text-anchor="middle" font-size="11">{_fmt(value)}</text>'
            )
        if index % every == 0:
            body.append(
                f'<text class="mk-chart-label" x="{x + slot / 2:.1f}" y="{height - bottom + 16}" '
                f'text-anchor="middle" font-size="11">{html_text(column.label)}</text>'
            )
    return _svg(width, height, title, body)
