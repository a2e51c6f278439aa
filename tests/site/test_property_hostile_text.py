"""Arbitrary text in every participant-controlled string cannot put script on a built page.

Hypothesis fills every string a participant writes (their profile, a goal's note, a
lesson, and the agreement and check-in notes a pair writes, which must never reach the
site at all) with arbitrary Unicode, known payloads or both, and the site is built the
way the pages workflow builds it, *without* validation first: the site layer must hold
on its own.
Every built page must then be free of event-handler attributes, script URLs and any
``<script>`` other than the theme's own; every generated front matter and the feed must
parse. One build per example, so the examples are few (marked slow).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from mentorkit.loading.repository import load_repository
from mentorkit.model.build import build_program
from mentorkit.site.publish import assemble, run_mkdocs
from mentorkit.site.verify import unreadable_pages
from tests.site.conftest import TODAY, prepare_fixture_repo

pytestmark = pytest.mark.slow

ATTACK = "Eve\x9f*x*{: autofocus onfocus=window.__pwn=1}"  # the reported front-matter XSS
PAYLOADS = [
    ATTACK,
    "*x*{: autofocus onfocus=window.__pwn=1}",
    "\x85\x7f\ufffe\uffff\x9f",
    '<img src=x onerror="window.__pwn=1">',
    "<script>window.__pwn=1</script>",
    "[a](javascript:window.__pwn=1)",
    "<a href='jav&#x09;ascript:window.__pwn=1'>a</a>",
    '"><svg onload=window.__pwn=1>',
    "---\ntitle: x\n---",
    "{{ 7*7 }} {% raw %}",
    "![" * 30,
    "\u202egnp.exe",
    "` ``` <!-- -->",
    "&lt;script&gt;",
    "<details open ontoggle=window.__pwn=1>",
    "javascript:window.__pwn=1",
    "#",
    "\\",
    # GitHub-flavoured Markdown's own ways in: autolinks, angle links, references, tables
    "[a](<javascript:window.__pwn=1>)",
    'www.example.com/"onmouseover="window.__pwn=1',
    "[r]\n\n[r]: javascript:window.__pwn=1",
    "| a |\n|---|\n| <img src=x onerror=window.__pwn=1> |",
    "> " * 30 + "deep",
    "1. " * 30 + "deep",
    "a|b\n-|-\n" * 70,
]
TEXT = st.one_of(
    st.text(max_size=40),
    st.sampled_from(PAYLOADS),
    st.tuples(st.text(max_size=8), st.sampled_from(PAYLOADS), st.text(max_size=8)).map("".join),
)
PERSON_FIELDS = ("name", "pronouns", "title", "department", "location", "bio")
LESSON_FIELDS = ("title", "context", "action", "outcome", "takeaway")
PERSON = "participants/xavier-xss.yaml"
LESSON = "program/lessons/2026-10-19-xss-lesson.yaml"
# Written by a mentee and a pair; private, so on no page, whatever they hold.
NESTED = {
    "participants/bob-mentee.yaml": (("mentee", "goals", 0, "note"),),
    "program/agreements/2026-spring/ada-lovelace--bob-mentee.yaml": (
        ("goals", 0, "goal"),
        ("goals", 0, "measure"),
        ("channels", 0),
        ("confidentiality",),
        ("boundaries", 0),
        ("checkins", 0, "note"),
    ),
}
NESTED_COUNT = sum(len(paths) for paths in NESTED.values())
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href", "srcdoc", "poster"}
THEME_SCRIPTS = ("__md_scope=", "var palette=", "var target=")
_NOT_IN_SCHEME = re.compile(r"[\x00-\x20\x7f]+")


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.bad: list[str] = []
        self._script: dict[str, str | None] | None = None
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on"):
                self.bad.append(f"<{tag} {name}>")
            scheme = _NOT_IN_SCHEME.sub("", value or "").lower()
            if name in URL_ATTRIBUTES and scheme.startswith(("javascript:", "vbscript:", "data:")):
                self.bad.append(f"<{tag} {name}={value!r}>")
        if tag == "script":
            self._script, self._text = dict(attrs), ""

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._text += data

    def handle_endtag(self, tag: str) -> None:
        if tag != "script" or self._script is None:
            return
        script, text = self._script, self._text.strip()
        self._script = None
        src = script.get("src")
        if src is not None:
            if not (src.endswith(".js") and "://" not in src and ":" not in src.split("/")[0]):
                self.bad.append(f"<script src={src!r}>")
        elif script.get("type") == "application/json":
            json.loads(text)
        elif not text.startswith(THEME_SCRIPTS):
            self.bad.append(f"<script>{text[:60]!r}")


def _write(repo: Path, relpath: str, values: dict[str, str]) -> None:
    path = repo / relpath
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    data.update(values)
    path.write_text(yaml.safe_dump(data, allow_unicode=False, sort_keys=False), encoding="utf-8")


def _write_nested(repo: Path, texts: list[str]) -> None:
    """Put one text at each of ``NESTED``'s key paths, in order."""
    remaining = iter(texts)
    for relpath, keypaths in NESTED.items():
        path = repo / relpath
        data: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
        for keypath in keypaths:
            parent = data
            for key in keypath[:-1]:
                parent = parent[key]
            parent[keypath[-1]] = next(remaining)
        path.write_text(yaml.safe_dump(data, allow_unicode=False, sort_keys=False), "utf-8")


@settings(
    max_examples=4,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    person=st.fixed_dictionaries(dict.fromkeys(PERSON_FIELDS, TEXT)),
    lesson=st.fixed_dictionaries(dict.fromkeys(LESSON_FIELDS, TEXT)),
    nested=st.lists(TEXT, min_size=NESTED_COUNT, max_size=NESTED_COUNT),
)
@example(
    person=dict.fromkeys(PERSON_FIELDS, ATTACK),
    lesson=dict.fromkeys(LESSON_FIELDS, ATTACK),
    nested=[ATTACK] * NESTED_COUNT,
)
def test_no_participant_text_reaches_a_page_as_script(
    tmp_path_factory: pytest.TempPathFactory,
    person: dict[str, str],
    lesson: dict[str, str],
    nested: list[str],
) -> None:
    repo = prepare_fixture_repo(tmp_path_factory.mktemp("hostile-repo"))
    _write(repo, PERSON, person)
    _write(repo, LESSON, lesson)
    _write_nested(repo, nested)
    out = tmp_path_factory.mktemp("hostile-build")
    program = build_program(load_repository(repo))
    assembled = assemble(repo, out, program, dt.date.fromisoformat(TODAY))
    site = run_mkdocs(assembled.config)
    docs = {
        p.relative_to(out / "docs").as_posix(): p.read_text(encoding="utf-8")
        for p in (out / "docs").rglob("*")
        if p.suffix in (".md", ".xml")
    }
    assert unreadable_pages(docs) == []
    ElementTree.fromstring((site / "feed.xml").read_bytes())
    bad = {}
    for page in site.rglob("*.html"):
        parser = _Page()
        parser.feed(page.read_text(encoding="utf-8"))
        if parser.bad:
            bad[page.relative_to(site).as_posix()] = parser.bad
    assert bad == {}
