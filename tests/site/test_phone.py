"""The site as readers use it on a 390 px phone: nothing sticks out of the page sideways
(a wide table scrolls in its own box), axe finds nothing serious, and a keyboard user
sees where the focus is at every stop (issue: output, site trials).

The example program is built as its pages job builds it, with the survey table on the
dashboard, and one page of every type is opened.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.site.conftest import BuiltSite
from tests.site.test_accessibility import _axe_source, _serious

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PHONE = {"width": 390, "height": 844}
PAGE_TYPES = {
    "home": "index.html",
    "dashboard, with the survey table": "dashboard/index.html",
    "network": "dashboard/network.html",
    "person": "people/amara-okafor.html",
    "directory": "mentors/index.html",
    "cohorts": "cohorts/index.html",
    "cohort": "cohorts/2026-autumn.html",
    "community": "community/index.html",
    "lesson archive": "community/archive.html",
    "skills": "community/skills/index.html",
    "thank-you": "community/thanks.html",
    "handbook": "handbook/metrics.html",
}
# Elements wider than the page that are not inside a box that scrolls them.
STICKING_OUT = """
() => [...document.querySelectorAll('.md-content *')].filter(e => {
  if (e.getBoundingClientRect().right <= document.documentElement.clientWidth + 1) return false;
  for (let p = e.parentElement; p; p = p.parentElement) {
    if (['auto', 'scroll'].includes(getComputedStyle(p).overflowX)) return false;
  }
  return true;
}).map(e => e.tagName.toLowerCase() + '.' + e.className).slice(0, 5)
"""


@pytest.fixture(scope="module")
def phone(browser: Any) -> Any:
    context = browser.new_context(viewport=PHONE)
    yield context.new_page()
    context.close()


def _pages(site: BuiltSite) -> dict[str, str]:
    lesson = sorted((site.site / "community" / "lessons").glob("*.html"))[0]
    skill = sorted((site.site / "community" / "skills").glob("*.html"))[-1]
    return {
        **PAGE_TYPES,
        "lesson": lesson.relative_to(site.site).as_posix(),
        "skill": skill.relative_to(site.site).as_posix(),
    }


def test_no_page_type_is_wider_than_a_phone(
    example_site: BuiltSite, example_url: str, phone: Any
) -> None:
    wide = {}
    for kind, path in _pages(example_site).items():
        phone.goto(example_url + path, wait_until="load")
        overflow = phone.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        if overflow > 0 or phone.evaluate(STICKING_OUT):
            wide[kind] = (overflow, phone.evaluate(STICKING_OUT))
    assert wide == {}


def test_every_page_type_passes_axe_on_a_phone(
    example_site: BuiltSite, example_url: str, phone: Any
) -> None:
    source = _axe_source()
    found = {}
    for kind, path in _pages(example_site).items():
        phone.goto(example_url + path, wait_until="load")
        serious = _serious(phone, source)
        if serious:
            found[kind] = serious
    assert found == {}


# What a sighted keyboard user sees of the focused element. The theme's colour switch is
# a hidden radio button whose focus shows on the label drawn after it; past the last stop
# the focus leaves the page (the body), which is the browser's business.
FOCUSED = """
() => {
  const e = document.activeElement;
  if (e === document.body) return {name: '(past the last stop)', seen: true, ring: true};
  // Left to the theme: its search closes when the focus moves from the field on to the
  // (empty) results list, which then holds the focus for one stop unseen. The field's
  // own ring is judged once the theme has opened the search (test_search_focus.py).
  if (e.closest('.md-search')) return {name: "(the theme's search)", seen: true, ring: true};
  const labels = [e.nextElementSibling, ...(e.labels || [])];
  const hidden = !e.getBoundingClientRect().width || getComputedStyle(e).opacity === '0';
  const drawn = e.tagName === 'INPUT' && hidden
    ? labels.find(l => l && l.tagName === 'LABEL' && l.getClientRects().length) || e : e;
  const s = getComputedStyle(drawn);
  const r = drawn.getBoundingClientRect();
  let seen = r.width > 0 && r.right > 0 && r.left < innerWidth && r.bottom > 0 && r.top < innerHeight;
  for (let p = drawn; p && seen; p = p.parentElement) {  // transparent, or cut off by a box
    const ps = getComputedStyle(p), pr = p.getBoundingClientRect();
    seen = ps.opacity !== '0' && ps.visibility === 'visible'
      && (ps.overflowX === 'visible' || (r.right > pr.left && r.left < pr.right));
  }
  return {
    name: (e.getAttribute('aria-label') || e.textContent || e.tagName).trim().slice(0, 40),
    seen,
    ring: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)
      || (s.boxShadow && s.boxShadow !== 'none'),
  };
}
"""


# Transitions off: each stop is judged as it ends up, not halfway through a slide.
STILL = "*, *::before, *::after { transition: none !important; animation: none !important; }"


@pytest.mark.parametrize(
    "path", ["cohorts/2026-autumn.html", "dashboard/index.html", "mentors/index.html"]
)
def test_a_keyboard_walk_on_a_phone_can_see_every_stop(
    example_url: str, phone: Any, path: str
) -> None:
    # From the top, through the navigation drawer (off the screen until opened) and its
    # sections' panels, into the page and past its end.
    phone.goto(example_url + path, wait_until="load")
    phone.add_style_tag(content=STILL)
    stops = []
    for _ in range(50):
        phone.keyboard.press("Tab")
        stops.append(phone.evaluate(FOCUSED))
    names = [s["name"] for s in stops]
    assert "Home" in names and "Program charter" in names  # the drawer and a section
    assert [s for s in stops if not s["seen"]] == []
    assert [s for s in stops if not s["ring"]] == []
