"""One address, one page: a lesson cannot take over another's URL (issue 9, finding 2)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from mentorkit.loading.repository import load_repository
from mentorkit.loading.templates import page_templates
from mentorkit.model.build import build_program
from mentorkit.model.pages import lesson_page, shared_pages
from mentorkit.site.generate import generate_docs
from tests.site.conftest import TODAY, prepare_fixture_repo

LESSON = "program/lessons/2026-10-05-zygomorphic-tests.yaml"


def test_slugs_fold_the_spellings_that_would_collide() -> None:
    pages = {
        lesson_page(p)
        for p in (LESSON, LESSON[:-5] + ".yml", LESSON.replace("zygomorphic-", "Zygomorphic--"))
    }
    assert pages == {"community/lessons/2026-10-05-zygomorphic-tests.md"}
    assert shared_pages([LESSON, "program/lessons/2026-10-05-other.yaml"]) == frozenset()


def test_two_lessons_sharing_a_page_publish_neither(tmp_path: Path) -> None:
    repo = prepare_fixture_repo(tmp_path / "repo")
    intruder = repo / "program" / "lessons" / "2026-10-05-zygomorphic-tests-.yaml"
    original = (repo / LESSON).read_text(encoding="utf-8")
    shutil.copyfile(repo / LESSON, intruder)
    intruder.write_text(
        original.replace("author: ada-lovelace", "author: xavier-xss").replace(
            "Tests that read like stories", "Hijacked"
        ),
        encoding="utf-8",
    )
    files = generate_docs(
        build_program(load_repository(repo)),
        dt.date.fromisoformat(TODAY),
        templates=page_templates(),
    )
    assert "community/lessons/2026-10-05-zygomorphic-tests.md" not in files
    feed = str(files["feed.xml"])
    assert "Hijacked" not in feed and "zygomorphic" not in feed
    assert "Hijacked" not in str(files["people/xavier-xss.md"])
