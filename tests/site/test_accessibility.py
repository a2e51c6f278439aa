"""WCAG 2.2 AA on the built fixture site, in headless chromium (issue 15).

axe-core comes from the npm registry into ``tools/npm`` (``./dev test`` installs it) and is
injected into each page from that file: nothing is loaded from a CDN. One browser, one
page per colour scheme, reused for every page of the site.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.site.conftest import PROJECT, BuiltSite

pytestmark = [pytest.mark.browser, pytest.mark.slow]

AXE = PROJECT / "tools" / "npm" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Findings that come from the theme itself (Material for MkDocs), not from mentorkit's
# templates or CSS: listed with the feature that causes them, and left to the theme.
THEME_ONLY: dict[str, str] = {}


def _axe_source() -> str:
    if not AXE.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"{AXE} is missing: ./dev test installs axe-core from npm")
        pytest.skip("axe-core is not installed (./dev test installs it with npm)")
    return AXE.read_text(encoding="utf-8")


def all_pages(site: BuiltSite) -> list[str]:
    """Every HTML page of the built site except the 404 page."""
    return sorted(
        p.relative_to(site.site).as_posix()
        for p in site.site.rglob("*.html")
        if p.name != "404.html" and "assets" not in p.parts
    )


@pytest.fixture(scope="module", params=["light", "dark"])
def scheme_page(request: pytest.FixtureRequest, browser: Any) -> Iterator[tuple[str, Any]]:
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, color_scheme=request.param
    )
    page = context.new_page()
    yield request.param, page
    context.close()


def _serious(page: Any, source: str) -> list[dict[str, Any]]:
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=source)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    return [
        {"rule": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"][:5]]}
        for v in result["violations"]
        if v["impact"] in ("serious", "critical") and v["id"] not in THEME_ONLY
    ]


def test_every_page_passes_axe_in_light_and_dark_mode(
    built_site: BuiltSite, site_url: str, scheme_page: tuple[str, Any]
) -> None:
    scheme, page = scheme_page
    source = _axe_source()
    found: dict[str, list[dict[str, Any]]] = {}
    pages = all_pages(built_site)
    assert len(pages) > 20
    for path in pages:
        page.goto(site_url + path, wait_until="load")
        serious = _serious(page, source)
        if serious:
            found[path] = serious
    assert found == {}, f"{scheme} mode"


# Text of every chart on a phone, in CSS pixels as drawn (SVG text scaled by its viewBox).
CHART_TEXT_SIZES = """
() => [...document.querySelectorAll('.md-content figure, .md-content .mk-donut')].flatMap(f =>
  [...f.querySelectorAll('*')].filter(e =>
    [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())
  ).filter(e => e.getClientRects().length || e instanceof SVGElement).map(e => {
    const size = parseFloat(getComputedStyle(e).fontSize);
    const scale = e instanceof SVGElement && e.ownerSVGElement
      ? e.ownerSVGElement.getScreenCTM().a : 1;
    return [e.textContent.trim().slice(0, 30), size * scale];
  }))
"""


def test_chart_text_is_at_least_12px_on_a_390px_phone(site_url: str, browser: Any) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    for path in ("dashboard/index.html", "dashboard/network.html"):
        page.goto(site_url + path, wait_until="load")
        sizes = page.evaluate(CHART_TEXT_SIZES)
        assert sizes, path
        small = [(text, round(size, 1)) for text, size in sizes if size < 12]
        assert small == [], path
        # Nothing sticks out of the page sideways except the scrollable network drawing.
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, path
    context.close()


FOCUS_STYLE = """
() => {
  const e = document.activeElement;
  const s = getComputedStyle(e);
  const ring = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
  const shadow = s.boxShadow && s.boxShadow !== 'none';
  return {
    tag: e.tagName.toLowerCase(),
    name: (e.getAttribute('data-filter') || e.textContent || '').trim().slice(0, 40),
    inside: !!e.closest('[data-mk-directory]'),
    visible: ring || shadow,
  };
}
"""


def test_keyboard_walk_of_the_directory_shows_focus_at_every_stop(
    site_url: str, browser: Any
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(site_url + "mentors/index.html", wait_until="load")
    page.focus('[data-filter="text"]')
    stops = [page.evaluate(FOCUS_STYLE)]
    for _ in range(40):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUS_STYLE)
        if not stop["inside"]:
            break
        stops.append(stop)
    names = [s["name"] for s in stops]
    assert names[:6] == ["text", "skill", "department", "language", "offset", "open"]
    assert any(s["tag"] == "a" for s in stops)  # the cards' links come next
    assert [s for s in stops if not s["visible"]] == []
    context.close()


def test_a_page_view_requests_only_its_own_assets_and_the_search_index(
    built_site: BuiltSite, site_url: str, browser: Any
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    own = {p.relative_to(built_site.site).as_posix() for p in built_site.site.rglob("*")}
    for path in (
        "index.html",
        "mentors/index.html",
        "dashboard/index.html",
        "people/ada-lovelace.html",
    ):
        requested.clear()
        page.goto(site_url + path, wait_until="load")
        page.wait_for_timeout(500)  # the theme's scripts run after load
        host = urlsplit(site_url).netloc
        foreign = [u for u in requested if urlsplit(u).netloc != host and not u.startswith("data:")]
        assert foreign == [], path
        paths = [urlsplit(u).path.lstrip("/") for u in requested if not u.startswith("data:")]
        assert "sitemap.xml" not in paths, path
        unexpected = [p for p in paths if p not in own]
        assert unexpected == [], path
        allowed_data = {"search/search_index.json"}
        fetched = [p for p in paths if p.endswith((".json", ".xml"))]
        assert set(fetched) <= allowed_data, path
    context.close()
