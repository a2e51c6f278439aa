"""The one HTML rendering of a disclosed figure, and of "withheld" with its reason.

A withheld figure reads "withheld"; the reason is in a tooltip for pointer users and in
visually hidden text for screen readers, so it is never conveyed by hovering alone.
"""

from __future__ import annotations

from markupsafe import Markup

from mentorkit.lifecycle.disclosure import PERCENT, WITHHELD, Figure
from mentorkit.site.text import html_text


def figure_html(figure: Figure, fmt: str = "{:,}") -> Markup:
    if figure.value is not None:
        return Markup(html_text(fmt.format(figure.value)))
    if figure.withheld:
        reason = html_text(figure.withheld)
        return Markup(
            f'<span class="mk-withheld" title="Withheld: {reason}">{WITHHELD}'
            f'<span class="mk-sr-only"> ({reason})</span></span>'
        )
    return Markup(f'<span class="mk-note">{html_text(figure.note or "none")}</span>')


def count_html(value: Figure | int) -> Markup | str:
    """A count for a page; a plain number stays text, for the page's own escaping."""
    if not isinstance(value, Figure):
        return f"{value:,}"
    return figure_html(value)


def percent_html(value: Figure | float) -> Markup | str:
    if not isinstance(value, Figure):
        return PERCENT.format(value)
    if value.value is not None:
        return PERCENT.format(value.value)
    return figure_html(value)
