"""The built site as files: what `build` prints, links, third-party hosts, the feed."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urlparse

from tests.site.conftest import BuiltSite


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.urls.append((tag, value))


def _links(page: Path) -> list[tuple[str, str]]:
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.urls


def test_build_prints_where_the_site_is(built_site: BuiltSite) -> None:
    assert built_site.output.strip() == f"Site built: {built_site.site / 'index.html'}"


def test_every_internal_link_and_asset_exists(built_site: BuiltSite) -> None:
    broken = []
    for page in built_site.site.rglob("*.html"):
        for _, url in _links(page):
            target, _ = urldefrag(url)
            parsed = urlparse(target)
            if parsed.scheme or not target or target.startswith(("mailto:", "/")):
                continue
            resolved = (page.parent / target).resolve()
            if resolved.is_dir():
                resolved = resolved / "index.html"
            if not resolved.exists():
                broken.append((page.relative_to(built_site.site).as_posix(), url))
    assert broken == []


def test_nothing_is_loaded_from_another_host(built_site: BuiltSite) -> None:
    external = []
    for page in built_site.site.rglob("*.html"):
        for tag, url in _links(page):
            # Links people click are fine; what a page loads by itself is not. A host
            # without a scheme ("//feed.xml") is another host too.
            host = urlparse(url).netloc
            if tag in ("script", "link", "img", "iframe", "source") and host:
                if tag == "link" and host == "example.com":  # the site's own canonical URL
                    continue
                external.append((page.name, tag, url))
    assert external == []
    for css in built_site.site.rglob("*.css"):
        assert "fonts.googleapis" not in css.read_text(encoding="utf-8")


def test_program_name_and_colours_come_from_program_yaml(built_site: BuiltSite) -> None:
    home = (built_site.site / "index.html").read_text(encoding="utf-8")
    assert "Fixture Mentoring Site" in home
    assert 'data-md-color-primary="teal"' in home
    assert 'data-md-color-accent="deep-orange"' in home
    assert "md-tabs" in home  # navigation tabs
    assert 'data-md-color-scheme="slate"' in home  # the dark half of the palette toggle


def test_the_feed_is_rss_2_with_public_lessons_newest_first(built_site: BuiltSite) -> None:
    feed = ET.parse(built_site.site / "feed.xml").getroot()
    assert feed.tag == "rss" and feed.get("version") == "2.0"
    titles = [item.findtext("title") for item in feed.iter("item")]
    assert titles == [
        "Lesson <script>window.__xss_lesson=1</script> title",
        "Tests that read like stories",
    ]
    description = next(feed.iter("item")).findtext("description") or ""
    assert "<script" not in description


def test_cohort_calendar_is_published_and_linked(built_site: BuiltSite) -> None:
    calendar = built_site.site / "cohorts" / "2026-spring.ics"
    assert calendar.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
    page = (built_site.site / "cohorts" / "2026-spring.html").read_text(encoding="utf-8")
    assert 'href="2026-spring.ics"' in page


def test_generated_pages_stay_out_of_the_navigation(built_site: BuiltSite) -> None:
    home = (built_site.site / "index.html").read_text(encoding="utf-8")
    assert "people/ada-lovelace.html" not in home
    assert len(re.findall(r'class="md-nav__link', home)) < 40
