"""No two files publish at one address on the site.

Code: ``page-path``.

A lesson's page comes from its file name folded into a slug (``model.pages``), so
``2026-09-07-talk.yaml`` beside ``2026-09-07-talk.yml`` would share
``community/lessons/2026-09-07-talk.html``: one would take over the other's page, the
author's list of lessons and the feed item. The site publishes neither of the two;
this check says why. Skills get a page each the same way.

Passing: ``program/lessons/2026-09-07-first-talk.yaml`` alone.

Failing: ``program/lessons/2026-09-07-first-talk.yaml`` and
``program/lessons/2026-09-07-first-talk.yml`` (page-path: both would publish at
community/lessons/2026-09-07-first-talk.html).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from mentorkit.checks.base import problem_at
from mentorkit.model.pages import page_sharers, skill_page
from mentorkit.model.paths import SKILLS
from mentorkit.model.program import Program
from mentorkit.problems import Problem

CODE = "page-path"


def _html(page: str) -> str:
    return page.removesuffix(".md") + ".html"


def check(program: Program) -> Iterator[Problem]:
    lessons = [path for path, kind in program.kinds.items() if kind == "lesson"]
    for page, group in page_sharers(lessons).items():
        for path in group:
            others = ", ".join(other for other in group if other != path)
            yield problem_at(
                program,
                path,
                (),
                CODE,
                f"this lesson would publish at {_html(page)}, like {others}; neither is "
                "published until one is renamed",
            )
    by_page: defaultdict[str, list[str]] = defaultdict(list)
    for skill_id in program.skills:
        by_page[skill_page(skill_id)].append(skill_id)
    for page, ids in by_page.items():
        if len(ids) > 1:
            yield problem_at(
                program,
                SKILLS,
                (),
                CODE,
                f"the skills {', '.join(sorted(ids))} would share the page {_html(page)}; "
                "rename all but one",
            )
