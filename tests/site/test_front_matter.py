"""Participant text cannot break out of a page's front matter or the feed (issue 9, finding 1).

The attack: a character YAML refuses (a C1 control, DEL, U+FFFE...) in a name or title
made MkDocs fail to parse the page's front matter without a warning; MkDocs then read the
whole block as Markdown, where ``attr_list`` turned ``*x*{: autofocus onfocus=...}`` into
a live event handler. These tests attack the mechanism: the emitter, the read-back gate
before pages are written, the feed, and validation.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from xml.etree import ElementTree

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data

from mentorkit.cli.main import cli
from mentorkit.loading.repository import load_repository
from mentorkit.loading.templates import page_templates
from mentorkit.model.build import build_program
from mentorkit.model.characters import BIDI_CONTROLS, carried, first_uncarried
from mentorkit.site.generate import generate_docs
from mentorkit.site.publish import SiteBuildError, assemble
from mentorkit.site.text import title_yaml, yaml_string
from mentorkit.site.verify import front_matter_problem, unreadable_pages
from tests.site.conftest import TODAY, prepare_fixture_repo

PAYLOAD = "*x*{: autofocus onfocus=window.__fm=1}"
# One of each kind YAML or XML cannot carry, and a bidi override.
HOSTILE = ["\x85", "\x7f", "\x9f", "\x00", "\x1b", "\r", "\ufffe", "\uffff", "\ufdd0", "\U0010ffff"]
HOSTILE += ["\ud800", *BIDI_CONTROLS]


@pytest.mark.parametrize("char", HOSTILE, ids=lambda c: f"U+{ord(c):04X}")
def test_a_title_with_an_uncarried_character_keeps_its_front_matter(char: str) -> None:
    page = f"---\ntitle: {title_yaml(f'Eve{char}{PAYLOAD}')}\n---\n\n# Eve\n"
    body, meta = get_data(page)  # exactly what MkDocs does with the page
    assert meta["title"].startswith("Eve\ufffd")
    assert "autofocus" not in body


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_every_string_loads_back_from_the_front_matter_unchanged(text: str) -> None:
    scalar = yaml_string(text)
    assert "\n" not in scalar  # one line: the front matter's end cannot be forged
    expected = " ".join(carried(text).split())
    assert yaml.safe_load(scalar) == expected
    _, meta = get_data(f"---\ntitle: {scalar}\nhide:\n  - navigation\n---\nbody\n")
    assert meta == {"title": expected, "hide": ["navigation"]}


def test_the_gate_refuses_a_front_matter_mkdocs_cannot_parse() -> None:
    # The old emission (a JSON string with the raw character) is what the gate must catch.
    broken = f"---\ntitle: {json.dumps('Eve' + chr(0x9F), ensure_ascii=False)}\n---\n{PAYLOAD}\n"
    assert front_matter_problem("people/eve.md", broken) is not None
    assert front_matter_problem("people/eve.md", "---\ntitle: ok\n---\nbody\n") is None
    assert unreadable_pages({"feed.xml": "<rss><title>\x01</title></rss>"})


def _hostile_program(tmp_path: Path, name: str, title: str) -> Path:
    repo = prepare_fixture_repo(tmp_path / "repo")
    person = repo / "participants" / "ada-lovelace.yaml"
    text = person.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    text = text.replace(f"name: {data['name']}", f"name: {json.dumps(name)}", 1)
    person.write_text(text, encoding="utf-8")
    lesson = repo / "program" / "lessons" / "2026-10-05-zygomorphic-tests.yaml"
    ltext = lesson.read_text(encoding="utf-8")
    ldata = yaml.safe_load(ltext)
    ltext = ltext.replace(f"title: {ldata['title']}", f"title: {json.dumps(title)}", 1)
    lesson.write_text(ltext, encoding="utf-8")
    return repo


def test_validation_names_file_line_and_field(tmp_path: Path) -> None:
    repo = _hostile_program(tmp_path, "Ada\x85" + PAYLOAD, "Tests\u202egnp.exe")
    result = CliRunner().invoke(cli, ["--repo", str(repo), "validate", "--format", "json"])
    assert result.exit_code == 1
    found = [p for p in json.loads(result.output)["problems"] if p["code"] == "text-chars"]
    by_path = {p["path"]: p for p in found}
    person = by_path["participants/ada-lovelace.yaml"]
    assert person["line"] > 0 and person["message"].startswith("name contains U+0085")
    lesson = by_path["program/lessons/2026-10-05-zygomorphic-tests.yaml"]
    assert lesson["message"].startswith("title contains U+202E")


def test_the_site_layer_holds_even_when_validation_is_bypassed(tmp_path: Path) -> None:
    repo = _hostile_program(tmp_path, "Ada\x85\ufffe" + PAYLOAD, "Tests\x7f\x01" + PAYLOAD)
    program = build_program(load_repository(repo))
    files = generate_docs(program, dt.date.fromisoformat(TODAY), templates=page_templates())
    assert unreadable_pages(files) == []
    for page, content in files.items():
        if isinstance(content, str) and page.endswith(".md"):
            assert first_uncarried(content) is None, page
    person = str(files["people/ada-lovelace.md"])
    assert get_data(person)[1]["title"].startswith("Ada\ufffd\ufffd")
    ElementTree.fromstring(str(files["feed.xml"]).encode())
    out = tmp_path / "out"
    assemble(repo, out, program, dt.date.fromisoformat(TODAY))
    assert (out / "docs" / "people" / "ada-lovelace.md").is_file()


def test_assemble_writes_nothing_when_a_page_would_not_read_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = prepare_fixture_repo(tmp_path / "repo")
    program = build_program(load_repository(repo))
    broken = {"people/eve.md": '---\ntitle: "Eve\x9f"\n---\n' + PAYLOAD}
    monkeypatch.setattr("mentorkit.site.publish.generate_docs", lambda *_, **__: broken)
    out = tmp_path / "out"
    with pytest.raises(SiteBuildError, match=r"people/eve\.md"):
        assemble(repo, out, program, dt.date.fromisoformat(TODAY))
    assert not (out / "docs").exists()
