"""Nothing private reaches any file the build writes: HTML, search index, sitemap, feed."""

from __future__ import annotations

import re

from tests.site.conftest import BuiltSite

# Values that exist only in private fields (email, location, goals, agreements,
# check-ins, match reasons) or belong to the person with public: false.
SENTINELS = (
    "sentinel-email",
    "SENTINEL-LOCATION",
    "SENTINEL-GOAL-NOTE",
    "SENTINEL-AGREEMENT",
    "SENTINEL-CHANNEL",
    "SENTINEL-CONFIDENTIALITY",
    "SENTINEL-BOUNDARY",
    "SENTINEL-CHECKIN-NOTE",
    "SENTINEL-REASON",
    "SENTINEL-UNMATCHED-REASON",
    "SENTINEL-HIDDEN",
    "SENTINEL-FUTURE-LESSON",
    "quentin-hidden",
    "Quentin",
    "Hiddenperson",
)


def _texts(site: BuiltSite) -> dict[str, str]:
    files = {}
    for path in site.output_files():
        if path.suffix == ".gz":
            continue  # sitemap.xml.gz repeats sitemap.xml, which is checked
        files[path.relative_to(site.out).as_posix()] = path.read_bytes().decode("utf-8", "replace")
    return files


def test_the_build_writes_a_search_index_sitemap_and_feed(built_site: BuiltSite) -> None:
    for name in ("search/search_index.json", "sitemap.xml", "feed.xml", "index.html"):
        assert (built_site.site / name).is_file(), name


def test_no_sentinel_or_hidden_person_appears_in_any_output_file(built_site: BuiltSite) -> None:
    texts = _texts(built_site)
    assert len(texts) > 40
    leaks = [
        (name, sentinel)
        for name, text in texts.items()
        for sentinel in SENTINELS
        if sentinel.casefold() in text.casefold()
    ]
    assert leaks == []


def test_public_people_do_appear(built_site: BuiltSite) -> None:
    # The filter must not pass by accident of an empty site.
    index = (built_site.site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "Ada Lovelace" in index
    assert (built_site.site / "people" / "ada-lovelace.html").is_file()
    assert (built_site.site / "people" / "bob-mentee.html").is_file()
    assert not (built_site.site / "people" / "quentin-hidden.html").exists()


def test_no_page_shows_who_is_paired_with_whom(built_site: BuiltSite) -> None:
    pairs = [
        ("ada-lovelace", "bob-mentee", "Bob Mentee"),
        ("xavier-xss", "dan-mentee", "Dan Mentee"),
    ]
    for mentor, mentee, mentee_name in pairs:
        mentor_page = (built_site.site / "people" / f"{mentor}.html").read_text(encoding="utf-8")
        assert mentee not in mentor_page and mentee_name not in mentor_page
        mentee_page = (built_site.site / "people" / f"{mentee}.html").read_text(encoding="utf-8")
        assert mentor not in mentee_page
    cohort = (built_site.site / "cohorts" / "2026-spring.html").read_text(encoding="utf-8")
    assert "Bob Mentee" not in cohort and "Ada Lovelace" not in cohort


def test_the_hidden_coordinator_is_counted_not_named(built_site: BuiltSite) -> None:
    charter = (built_site.site / "handbook" / "charter.html").read_text(encoding="utf-8")
    assert "Ada Lovelace" in charter
    assert "1 more coordinator, not listed on the site" in charter


def test_small_figures_are_suppressed_on_the_dashboard(built_site: BuiltSite) -> None:
    dashboard = (built_site.site / "dashboard" / "index.html").read_text(encoding="utf-8")
    # The fixture has 6 people on the site and 2 accepted pairs: small counts are withheld,
    # each with its reason on hover and in text.
    figures = dict(re.findall(r"<dt>([^<]*)</dt><dd>(.*?)</dd>", dashboard))
    assert figures["People on the site"] == "6"  # a page per person anyway
    assert figures["Lessons shared"] == "2"  # public lessons are listed by title anyway
    for label in (
        "Mentors in the cohorts running now",
        "Accepted pairs in the cohorts running now",
    ):
        assert figures[label].startswith('<span class="mk-withheld" title="Withheld: ')
        assert "fewer than 5 people" in figures[label]


def test_lessons_per_month_count_only_the_lessons_the_archive_lists(
    built_site: BuiltSite,
) -> None:
    # The hidden person's October lesson must not show up as an extra, unexplained lesson.
    dashboard = (built_site.site / "dashboard" / "index.html").read_text(encoding="utf-8")
    archive = (built_site.site / "community" / "archive.html").read_text(encoding="utf-8")
    in_october = archive.split('id="october-2026"')[1].split("</ul>")[0].count("<li")
    assert in_october == 2
    chart = dashboard.split("<caption>Lessons per month</caption>")[1].split("</table>")[0]
    rows = re.findall(r'<th scope="row">([^<]*)</th>.*?mk-bar-value">(\d+)<', chart)
    assert rows == [("October 2026", "2")]
