"""Where a participant's or a lesson's page lives on the site: one rule, shared.

The site, validation and the pull-request check all ask this module, so the address a
page is published at is the address the checks reason about. A slug folds case and
collapses runs of punctuation (``A--b``, ``a-b-`` and ``a_b`` all give ``a-b``); two
files whose slugs agree would publish at one address, which validation refuses and the
site never does (neither page is built).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from mentorkit.model.paths import stem

LESSON_FOLDER = "community/lessons"
SKILL_FOLDER = "community/skills"
# mentorkit's own CSS and JavaScript (the files of mentorkit/site/assets/) on the site.
ASSET_FOLDER = "assets/mentorkit"


def slug(text: str, fallback: str = "item") -> str:
    """A URL-safe file stem: lowercase letters, digits and single hyphens."""
    lowered = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return lowered or fallback


def lesson_page(source: str) -> str:
    """The docs-relative page of the lesson stored at ``source`` (a repository path)."""
    return f"{LESSON_FOLDER}/{slug(stem(source))}.md"


def skill_page(skill_id: str) -> str:
    return f"{SKILL_FOLDER}/{slug(skill_id)}.md"


def page_sharers(sources: Iterable[str]) -> dict[str, list[str]]:
    """Lesson sources grouped by the page they would publish at, for pages with two or more."""
    by_page: defaultdict[str, list[str]] = defaultdict(list)
    for source in sources:
        by_page[lesson_page(source)].append(source)
    return {page: sorted(group) for page, group in by_page.items() if len(group) > 1}


def shared_pages(sources: Iterable[str]) -> frozenset[str]:
    """The lesson sources that share their page with another: none of them is published."""
    return frozenset(s for group in page_sharers(sources).values() for s in group)
