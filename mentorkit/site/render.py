"""The Jinja2 environment the page templates share, with escaping on by default.

Every ``{{ value }}`` in a template passes through ``_finalize``: plain strings become
inert text (``text.plain``), numbers print as they are, and only values already marked
safe (sanitised Markdown, SVG drawn here, URLs computed here) pass unchanged. A
template therefore cannot forget to escape a participant's name.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Mapping
from typing import Any

from jinja2 import DictLoader, Environment, StrictUndefined
from markupsafe import Markup

from mentorkit.model.entities import CohortFormat
from mentorkit.site.text import plain, title_yaml
from mentorkit.site.withheld import count_html, percent_html

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

LANGUAGE_NAMES = {
    "ar": "Arabic", "bn": "Bengali", "cs": "Czech", "da": "Danish", "de": "German",
    "el": "Greek", "en": "English", "es": "Spanish", "fa": "Persian", "fi": "Finnish",
    "fr": "French", "ga": "Irish", "ca": "Catalan", "ig": "Igbo", "ha": "Hausa",
    "am": "Amharic", "mr": "Marathi", "gu": "Gujarati", "pa": "Punjabi", "kn": "Kannada",
    "ml": "Malayalam", "et": "Estonian", "lt": "Lithuanian", "lv": "Latvian", "sk": "Slovak",
    "sl": "Slovenian", "hr": "Croatian", "sr": "Serbian", "bg": "Bulgarian", "is": "Icelandic", "he": "Hebrew", "hi": "Hindi", "hu": "Hungarian", "id": "Indonesian",
    "it": "Italian", "ja": "Japanese", "ko": "Korean", "ms": "Malay", "nl": "Dutch",
    "no": "Norwegian", "pl": "Polish", "pt": "Portuguese", "ro": "Romanian", "ru": "Russian",
    "sv": "Swedish", "sw": "Swahili", "ta": "Tamil", "te": "Telugu", "th": "Thai",
    "tl": "Tagalog", "tr": "Turkish", "uk": "Ukrainian", "ur": "Urdu", "vi": "Vietnamese",
    "yo": "Yoruba", "zh": "Chinese", "zu": "Zulu",
}  # fmt: skip

FORMAT_LABELS: dict[CohortFormat, str] = {
    "one-on-one": "One-on-one mentoring",
    "reverse": "Reverse mentoring",
    "peer": "Peer mentoring",
    "circles": "Mentoring circles",
    "rotation": "Rotating pairs",
    "swap": "Skill swaps",
}


def _finalize(value: Any) -> Any:
    if isinstance(value, Markup):
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return plain(value)
    if isinstance(value, int | float):
        return value
    return plain(value)


def page_html(page: str) -> str:
    """The output file of a docs-folder page (the site builds with use_directory_urls off)."""
    return page[:-3] + ".html" if page.endswith(".md") else page


def relative_url(target: str, current: str) -> Markup:
    """A link from page ``current`` to ``target`` (both docs-relative), valid in raw HTML."""
    here = posixpath.dirname(current) or "."
    return Markup(posixpath.relpath(page_html(target), here))


def long_date(value: str) -> str:
    day = dt.date.fromisoformat(value)
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def short_date(value: str) -> str:
    day = dt.date.fromisoformat(value)
    return f"{day.day} {MONTHS[day.month - 1][:3]}"


def month_name(year_month: str) -> str:
    return f"{MONTHS[int(year_month[5:7]) - 1]} {year_month[:4]}"


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)


def language_list(codes: tuple[str, ...]) -> str:
    return ", ".join(language_name(code) for code in codes)


def offset_key(offset: float | None) -> str:
    """A time-zone filter value: the UTC offset in minutes (``"60"``), empty when unknown."""
    return "" if offset is None else str(round(offset * 60))


def offset_label(key: str) -> str:
    if key == "":
        return "Time zone unknown"
    minutes = int(key)
    sign = "+" if minutes >= 0 else "−"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def level_dots(level: int) -> Markup:
    filled = max(0, min(level, 5))
    dots = "●" * filled + "○" * (5 - filled)
    return Markup(
        f'<span class="mk-level"><span class="mk-dots" aria-hidden="true">{dots}</span> '
        f'<span class="mk-level-text">level {filled} of 5</span></span>'
    )


DESCRIPTION_LENGTH = 160


def describe(text: str) -> Markup:
    """A page's meta description for its front matter: one line, cut at a word, escaped."""
    line = " ".join(str(text).split())
    if len(line) > DESCRIPTION_LENGTH:
        line = line[: DESCRIPTION_LENGTH - 1].rsplit(" ", 1)[0] + "…"
    return title_yaml(line)


def make_environment(
    templates: Mapping[str, str], hand_written: frozenset[str] = frozenset()
) -> Environment:
    """The page environment over ``templates`` (name to text, read by
    ``loading.templates.page_templates``); ``hand_written`` lists the docs folder's
    hand-written pages, so generated pages link to a handbook page only when the program
    has it."""
    env = Environment(
        loader=DictLoader(dict(templates)),
        # _finalize escapes for HTML and Markdown both; autoescape keeps macro output safe.
        autoescape=True,
        finalize=_finalize,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        url=relative_url,
        long_date=long_date,
        short_date=short_date,
        month_name=month_name,
    )
    env.globals.update(
        language_name=language_name,
        language_list=language_list,
        offset_key=offset_key,
        offset_label=offset_label,
        level_dots=level_dots,
        format_label=lambda key: FORMAT_LABELS.get(key, key),
        describe=describe,
        count=count_html,
        percent=percent_html,
        doc_link=lambda target, text, page: _doc_link(hand_written, target, text, page),
    )
    return env


def _doc_link(hand_written: frozenset[str], target: str, text: str, page: str) -> Markup:
    label = plain(text)
    if target.partition("#")[0] not in hand_written:
        return label
    path, _, anchor = target.partition("#")
    href = relative_url(path, page) + (f"#{anchor}" if anchor else "")
    return Markup(f'<a href="{href}">{label}</a>')
