"""Every generated file of the site's docs folder, as a pure function of the program.

``generate_docs`` returns ``{docs-relative path: content}``: Markdown pages, the RSS
feed, cohort calendars, and the site's own CSS and JavaScript as handed in (read by
``mentorkit.loading.handbook``). Writing them, copying the hand-written pages and running
MkDocs happen in ``mentorkit.site.publish``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from mentorkit.lifecycle.calendar import cohort_calendar
from mentorkit.lifecycle.survey import SurveyResponses
from mentorkit.model.program import Program
from mentorkit.site.community import community_pages
from mentorkit.site.feed import FEED_PATH, render_feed
from mentorkit.site.handbook import handbook_pages
from mentorkit.site.program_pages import program_pages
from mentorkit.site.recognition_page import recognition_page
from mentorkit.site.render import make_environment
from mentorkit.site.view import public_view

# Sections whose many pages stay out of the navigation (they are linked from their index):
# a nav entry per person would repeat thousands of links on every page.
# Handbook pages added to the package after a program wrote its nav (metrics.md) are
# built and linked from the pages that need them even when mkdocs.yml does not list them.
NOT_IN_NAV = (
    "/people/",
    "/community/lessons/",
    "/community/skills/",
    "/cohorts/",
    "/handbook/metrics.md",
)


def _calendars(program: Program) -> dict[str, bytes]:
    return {f"cohorts/{cid}.ics": cohort_calendar(program, cid) for cid in sorted(program.cohorts)}


def generate_docs(
    program: Program,
    today: dt.date,
    *,
    templates: Mapping[str, str],
    base_url: str = "",
    hand_written: frozenset[str] = frozenset(),
    handbook: dict[str, str] | None = None,
    assets: Mapping[str, bytes] | None = None,
    survey: SurveyResponses | None = None,
) -> dict[str, str | bytes]:
    """The generated part of the docs folder for ``program`` as of ``today``, rendered
    from the page ``templates`` (``loading.templates.page_templates()``).

    ``hand_written`` names the pages of ``site/``: generated pages link to those and to
    ``handbook``, the packaged handbook templates (path to text) rendered here;
    ``assets`` (path to bytes) are added as they are; ``survey``, the answers of a
    survey export, adds its disclosed figures to the dashboard.
    """
    handbook = handbook or {}
    view = public_view(program, today)
    env = make_environment(templates, hand_written | frozenset(handbook))
    categories = {c.id: c.name for c in program.categories}
    calendars = _calendars(program)
    files: dict[str, str | bytes] = {}
    files.update(handbook_pages(env, handbook, program, view))
    files.update(community_pages(env, view, categories))
    files.update(program_pages(env, program, view, set(calendars), survey))
    files["community/thanks.md"] = recognition_page(env, program, view)
    files[FEED_PATH] = render_feed(view, base_url or program.charter.site.url)
    files.update(calendars)
    files.update(assets or {})
    return files
