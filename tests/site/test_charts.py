"""SVG charts: well-formed, escaped, suppressed figures never drawn as bars."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from mentorkit.site import charts

SVG = "{http://www.w3.org/2000/svg}"


def _parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def test_bar_chart_draws_a_bar_per_value_and_labels_suppressed_ones() -> None:
    svg = charts.bar_chart(
        "Enrolled", [charts.Bar("A <b>", 10), charts.Bar("B", None), charts.Bar("C", 5)]
    )
    root = _parse(str(svg))
    bars = root.findall(f"{SVG}rect")
    assert len(bars) == 2
    widths = [float(b.get("width", "0")) for b in bars]
    assert widths[0] == 2 * widths[1]
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "A <b>" in texts and "withheld" in texts


def test_percent_scale_is_fixed_by_maximum() -> None:
    root = _parse(str(charts.bar_chart("Rate", [charts.Bar("x", 50, "50%")], maximum=100)))
    bar = root.find(f"{SVG}rect")
    assert bar is not None
    assert 0 < float(bar.get("width", "0")) < 300


def test_donut_shows_the_share_or_the_suppression() -> None:
    shown = _parse(str(charts.donut("Share", 0.25, "Cross-functional")))
    assert "25%" in [t.text for t in shown.iter(f"{SVG}text")]
    hidden = _parse(str(charts.donut("Share", None, "Cross-functional")))
    assert len(hidden.findall(f"{SVG}circle")) == 1


def test_paired_and_column_charts_are_well_formed() -> None:
    paired = charts.paired_bar_chart(
        "Skills", [charts.PairedBar("Python", 6, None)], ("Offering", "Seeking")
    )
    assert "withheld" in str(paired)
    _parse(str(paired))
    column = charts.column_chart("Lessons", [charts.Bar("2026-09", 4), charts.Bar("2026-10", 0)])
    assert len(_parse(str(column)).findall(f"{SVG}rect")) == 2
