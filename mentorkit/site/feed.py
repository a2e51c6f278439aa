"""The lesson-of-the-week RSS 2.0 feed: public lessons only, newest first."""

from __future__ import annotations

import datetime as dt
from email.utils import format_datetime
from xml.sax.saxutils import escape as _escape

from mentorkit.model.characters import carried
from mentorkit.site.view import PublicLesson, PublicView

FEED_PATH = "feed.xml"  # at the root: the theme resolves sitemap.xml next to any rel=alternate link
FEED_ITEMS = 50


def escape(text: str) -> str:
    """Text for an XML element: characters XML 1.0 cannot carry never reach the feed."""
    return _escape(carried(text))


def _page_url(base: str, page: str) -> str:
    """Absolute when the site's URL is known, else relative to the feed's own folder."""
    html = page.removesuffix(".md") + ".html"
    if base:
        return base.rstrip("/") + "/" + html
    return html


def _pub_date(lesson: PublicLesson) -> str:
    day = dt.date.fromisoformat(lesson.date)
    return format_datetime(dt.datetime(day.year, day.month, day.day, 9, tzinfo=dt.UTC))


def render_feed(view: PublicView, base_url: str) -> str:
    """RSS 2.0 XML. Descriptions carry the already-sanitised takeaway as escaped HTML."""
    home = _page_url(base_url, "community/index.md")
    items = []
    for lesson in view.lessons[:FEED_ITEMS]:
        author = view.people[lesson.author].name
        link = _page_url(base_url, lesson.page)
        categories = "".join(
            f"\n      <category>{escape(view.skill_name(s))}</category>" for s in lesson.skills
        )
        items.append(
            "    <item>\n"
            f"      <title>{escape(lesson.title)}</title>\n"
            f"      <link>{escape(link)}</link>\n"
            f'      <guid isPermaLink="false">{escape(lesson.slug)}</guid>\n'
            f"      <pubDate>{_pub_date(lesson)}</pubDate>\n"
            f"      <dc:creator>{escape(author)}</dc:creator>{categories}\n"
            f"      <description>{escape(str(lesson.takeaway_html))}</description>\n"
            "    </item>\n"
        )
    latest = _pub_date(view.lessons[0]) if view.lessons else None
    built = f"    <lastBuildDate>{latest}</lastBuildDate>\n" if latest else ""
    description = f"Lessons of the week from {view.name}"
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
        "  <channel>\n"
        f"    <title>{escape(view.title)}: lessons of the week</title>\n"
        f"    <link>{escape(home)}</link>\n"
        f"    <description>{escape(description)}</description>\n"
        "    <language>en</language>\n"
        f"{built}" + "".join(items) + "  </channel>\n</rss>\n"
    )
