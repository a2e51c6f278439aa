"""Charts: HTML tables with CSS bars; withheld figures never drawn, scales from shown ones."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from mentorkit.lifecycle.disclosure import Figure
from mentorkit.site import charts

WITHHELD = Figure(None, withheld="it, or the rest of its group, is fewer than 5 people")


def _parse(html: str) -> ET.Element:
    return ET.fromstring(html)


def _widths(html: str) -> list[float]:
    return [float(w) for w in re.findall(r'style="width:([\d.]+)%"', html)]


def test_bar_chart_is_a_table_with_a_bar_per_shown_value_and_the_reason_for_others() -> None:
    html = str(
        charts.bar_chart(
            "Enrolled",
            [
                charts.Bar("A <b>", Figure(10)),
                charts.Bar("B", WITHHELD),
                charts.Bar("C", Figure(5)),
            ],
            header=("Cohort", "People"),
        )
    )
    root = _parse(html)
    assert root.tag == "table" and root.findtext("caption") == "Enrolled"
    assert [th.text for th in root.iter("th")] == ["Cohort", "People", "A <b>", "B", "C"]
    assert _widths(html) == [100.0, 50.0]  # the largest shown value sets the scale
    assert "withheld" in html and "fewer than 5 people" in html
    assert html.count('class="mk-bar"') == 2


def test_a_share_is_scaled_to_one_and_printed_as_a_percentage() -> None:
    html = str(
        charts.bar_chart("Rate", [charts.Bar("x", Figure(0.5), True)], header=("a", "b"), maximum=1)
    )
    assert _widths(html) == [50.0] and "50%" in html


def test_donut_shows_the_share_as_text_or_the_reason_and_no_ring() -> None:
    shown = str(charts.donut("Cross-functional", Figure(0.25)))
    assert "25%" in shown and "mk-chart-ring" in shown and 'aria-hidden="true"' in shown
    hidden = str(charts.donut("Cross-functional", WITHHELD))
    assert "mk-chart-ring" not in hidden and "withheld" in hidden
    _parse(shown)
    _parse(hidden)


def test_paired_chart_shows_supply_beside_withheld_demand() -> None:
    html = str(
        charts.paired_bar_chart(
            "Skills",
            [charts.PairedBar("Python", Figure(6), WITHHELD)],
            ("Skill", "Offering", "Seeking"),
        )
    )
    _parse(html)
    assert "withheld" in html and _widths(html) == [100.0]
