"""The built fixture site in headless chromium: filters, search, console and XSS."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest

from tests.site.conftest import BuiltSite

pytestmark = [pytest.mark.browser, pytest.mark.slow]

XSS_GLOBALS = "Object.keys(window).filter(k => k.startsWith('__xss'))"


@dataclass
class Visit:
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    globals: list[str] = field(default_factory=list)


def generated_pages(site: BuiltSite) -> list[str]:
    """Output paths of every page the build generated (not the hand-written ones)."""
    hand_written = {
        p.relative_to(site.repo / "site").as_posix() for p in (site.repo / "site").rglob("*.md")
    }
    pages = [
        p.relative_to(site.docs).as_posix()
        for p in site.docs.rglob("*.md")
        if p.relative_to(site.docs).as_posix() not in hand_written
    ]
    return sorted(page[:-3] + ".html" for page in pages)


@pytest.fixture(scope="session")
def context(browser: Any) -> Iterator[Any]:
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    yield ctx
    ctx.close()


def _watch(page: Any, visit: Visit) -> None:
    page.on("console", lambda m: visit.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: visit.errors.append(str(e)))
    page.on(
        "response",
        lambda r: visit.errors.append(f"HTTP {r.status} {r.url}") if r.status >= 400 else None,
    )

    def on_dialog(dialog: Any) -> None:
        visit.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)


@pytest.fixture(scope="session")
def visits(built_site: BuiltSite, site_url: str, context: Any) -> dict[str, Visit]:
    """Every generated page loaded once; what each did is recorded for the tests below."""
    seen: dict[str, Visit] = {}
    page = context.new_page()
    current = Visit()
    _watch(page, current)
    for path in generated_pages(built_site):
        current.errors.clear()
        current.dialogs.clear()
        page.goto(site_url + path, wait_until="load")
        # Hover and focus everything a payload could hang a handler on.
        page.mouse.move(300, 300)
        page.keyboard.press("Tab")
        page.wait_for_timeout(50)
        seen[path] = Visit(list(current.errors), list(current.dialogs), page.evaluate(XSS_GLOBALS))
    page.close()
    return seen


def test_every_generated_page_is_visited(visits: dict[str, Visit]) -> None:
    for expected in ("mentors/index.html", "people/xavier-xss.html", "dashboard/network.html"):
        assert expected in visits
    assert len(visits) > 20


def test_every_generated_page_loads_without_console_errors(visits: dict[str, Visit]) -> None:
    assert {path: v.errors for path, v in visits.items() if v.errors} == {}


def test_the_xss_fixture_fires_no_dialog_and_sets_no_global(visits: dict[str, Visit]) -> None:
    assert {path: v.dialogs for path, v in visits.items() if v.dialogs} == {}
    assert {path: v.globals for path, v in visits.items() if v.globals} == {}


def _visible_mentors(page: Any) -> list[str]:
    names: list[str] = page.eval_on_selector_all(
        "[data-mentor]:not([hidden]) .mk-card-name a", "els => els.map(e => e.textContent)"
    )
    return names


def test_the_directory_filters_narrow_the_list(site_url: str, context: Any) -> None:
    page = context.new_page()
    page.goto(site_url + "mentors/index.html")
    everyone = _visible_mentors(page)
    assert len(everyone) == 2 and "Ada Lovelace" in everyone
    page.select_option('[data-filter="skill"]', "python")
    assert _visible_mentors(page) == ["Ada Lovelace"]
    # The count is a live region: it changes once typing or choosing pauses.
    page.wait_for_function(
        "document.querySelector('[data-mk-count]').textContent === '1 of 2 mentors'"
    )
    page.select_option('[data-filter="skill"]', "")
    page.select_option('[data-filter="language"]', "hi")
    assert [name.startswith("Xavier") for name in _visible_mentors(page)] == [True]
    page.select_option('[data-filter="language"]', "")
    page.select_option('[data-filter="offset"]', "0")  # Europe/London in November
    assert _visible_mentors(page) == ["Ada Lovelace"]
    page.select_option('[data-filter="department"]', "Engineering")
    page.fill('[data-filter="text"]', "nobody by this name")
    assert _visible_mentors(page) == []
    assert page.is_visible("[data-mk-empty]")
    page.fill('[data-filter="text"]', "")
    page.check('[data-filter="open"]')
    assert _visible_mentors(page) == ["Ada Lovelace"]
    page.close()


def test_search_finds_a_lesson_by_a_word_in_its_story(site_url: str, context: Any) -> None:
    page = context.new_page()
    visit = Visit()
    _watch(page, visit)
    page.goto(site_url + "index.html")
    page.click("input.md-search__input")
    page.keyboard.type("zygomorphic")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    links = page.eval_on_selector_all(
        ".md-search-result a", "els => els.map(e => e.getAttribute('href'))"
    )
    assert any("2026-10-05-zygomorphic-tests" in link for link in links)
    # Searching for the XSS participant renders their name in results: still inert.
    page.fill("input.md-search__input", "")
    page.keyboard.type("Xavier")
    page.wait_for_selector(".md-search-result__item >> text=Xavier", timeout=10_000)
    assert page.evaluate(XSS_GLOBALS) == []
    assert visit.dialogs == [] and visit.errors == []
    page.close()


def test_search_matches_word_starts_and_announces_each_change_once(
    site_url: str, context: Any
) -> None:
    page = context.new_page()
    page.goto(site_url + "mentors/index.html")
    page.evaluate(
        """() => { window.__changes = [];
        new MutationObserver(() => window.__changes.push(
          document.querySelector('[data-mk-count]').textContent)
        ).observe(document.querySelector('[data-mk-count]'),
          {childList: true, characterData: true, subtree: true}); }"""
    )
    page.click('[data-filter="text"]')
    page.keyboard.type("love", delay=30)  # the start of "Lovelace"
    page.wait_for_timeout(700)
    assert _visible_mentors(page) == ["Ada Lovelace"]
    page.fill('[data-filter="text"]', "ovel")  # inside a word: no match
    page.wait_for_timeout(700)
    assert _visible_mentors(page) == []
    page.fill('[data-filter="text"]', "")
    page.wait_for_timeout(700)
    page.keyboard.press("Tab")  # leaving the field announces nothing new
    page.wait_for_timeout(700)
    assert page.evaluate("window.__changes") == ["1 of 2 mentors", "0 of 2 mentors", "2 mentors"]
    page.close()
