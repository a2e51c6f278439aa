"""The search field shows a keyboard user where the focus is, as every other control does.

The theme draws no ring on its search field: on a wide screen only the opened search box
hints at it, and on a phone (where the field fills the top bar) nothing does. Judged as a
keyboard user meets it: tabbing from the top of the page to the field, in both colour
schemes, on a desktop and a phone, with a ring of at least 3:1 against the search box
(WCAG 2.2, 1.4.11 and 2.4.7).
"""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
# Transitions off: the field is judged as it ends up, not halfway through opening.
STILL = "*, *::before, *::after { transition: none !important; animation: none !important; }"
# The focused element's ring (outline, or a box shadow's colour) and the contrast of its
# colour against the first opaque background behind the field.
RING = """
() => {
  const e = document.activeElement;
  const s = getComputedStyle(e);
  const rgb = c => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  let bg = null;
  for (let p = e; p && !bg; p = p.parentElement) {
    const c = rgb(getComputedStyle(p).backgroundColor);
    if (c.length === 3 || (c.length === 4 && c[3] === 1)) bg = c.slice(0, 3);
  }
  bg = bg || [255, 255, 255];
  const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
  const colour = outline ? rgb(s.outlineColor).slice(0, 3)
    : s.boxShadow !== 'none' ? rgb(s.boxShadow).slice(0, 3) : null;
  const [hi, lo] = colour ? [lum(colour), lum(bg)].sort((a, b) => b - a) : [0, 0];
  return {
    field: e.classList.contains('md-search__input'),
    ring: outline || s.boxShadow !== 'none',
    contrast: colour ? Math.round((hi + 0.05) / (lo + 0.05) * 100) / 100 : 0,
    background: bg.join(),
  };
}
"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("device", sorted(VIEWPORTS))
def test_the_search_field_shows_its_focus(
    site_url: str, browser: Any, device: str, scheme: str
) -> None:
    context = browser.new_context(viewport=VIEWPORTS[device], color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url + "index.html", wait_until="load")
    page.add_style_tag(content=STILL)
    for _ in range(10):  # the skip link, the logo, the colour switch, then the field
        page.keyboard.press("Tab")
        found = page.evaluate(RING)
        if found["field"]:
            # the theme opens the search box on focus, from its script: judge it open
            page.wait_for_function("() => document.getElementById('__search').checked")
            found = page.evaluate(RING)
            break
    context.close()
    assert found["field"], "the keyboard never reached the search field"
    assert found["ring"] and found["contrast"] >= 3, found
