"""The handbook ships in the package: one source for this repository and every new program."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from mentorkit.loading.handbook import packaged_handbook
from mentorkit.loading.templates import page_templates
from mentorkit.model.entities import Weights
from mentorkit.model.program import Program
from mentorkit.site.generate import generate_docs
from mentorkit.site.publish import assemble
from mentorkit.site.text import plain
from mentorkit.validation import validate_program

PROJECT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 11, 24)


@pytest.fixture(scope="module")
def example() -> Program:
    result = validate_program(PROJECT)
    assert result.ok, result.problems
    return result.program


def _nav_pages(config: Path) -> list[str]:
    text = config.read_text(encoding="utf-8")
    return re.findall(r"(handbook/[a-z0-9-]+\.md)", text[text.index("\nnav:") :])


def test_this_repository_keeps_no_second_copy_of_the_handbook() -> None:
    assert not (PROJECT / "site" / "handbook").exists()
    assert len(packaged_handbook()) >= 15


def test_the_navigation_lists_every_packaged_page() -> None:
    listed = set(_nav_pages(PROJECT / "mkdocs.yml"))
    assert set(packaged_handbook()) <= listed
    # handbook/charter.md is generated from program.yaml; everything else is packaged.
    assert listed - set(packaged_handbook()) == {"handbook/charter.md"}


def test_init_writes_this_repositorys_mkdocs_yml_with_only_the_name_changed() -> None:
    ours = (PROJECT / "mkdocs.yml").read_text(encoding="utf-8")
    template = PROJECT / "mentorkit" / "templates" / "program" / "mkdocs.yml"
    theirs = template.read_text(encoding="utf-8")
    assert (
        theirs.replace("site_name: __PROGRAM_NAME_YAML__", "site_name: Mentoring program") == ours
    )


def test_every_page_renders_for_the_example_program(example: Program) -> None:
    files = generate_docs(example, TODAY, handbook=packaged_handbook(), templates=page_templates())
    for path, template in packaged_handbook().items():
        page = files[path]
        assert isinstance(page, str) and page.strip()
        assert "{{" not in page and "{%" not in page, path
        assert page.splitlines()[0] == template.splitlines()[0]  # the title stays


def test_pages_show_the_programs_own_settings(example: Program) -> None:
    weights = Weights(goals=2, seniority=1, timezone=1, language=0, cross_functional=0, format=0)
    matching = dataclasses.replace(example.charter.matching, weights=weights, circle_size=4)
    program = dataclasses.replace(
        example, charter=dataclasses.replace(example.charter, matching=matching)
    )
    matching_page = generate_docs(
        program, TODAY, handbook=packaged_handbook(), templates=page_templates()
    )["handbook/matching.md"]
    assert isinstance(matching_page, str)
    row = next(line for line in matching_page.splitlines() if line.startswith("| goals |"))
    assert "50&#37;" in row  # 2 of 4: weights are shares of their total
    assert "(four unless the cohort sets another" in matching_page


def test_a_page_the_program_writes_replaces_the_packaged_one(
    tmp_path: Path, example: Program
) -> None:
    root = tmp_path / "repo"
    (root / "site" / "handbook").mkdir(parents=True)
    own = "# Joining Acme's program\n\nAsk {{ nobody }} in #mentoring.\n"
    (root / "site" / "handbook" / "joining.md").write_text(own, encoding="utf-8")
    (root / "mkdocs.yml").write_text(yaml.safe_dump({"site_name": "x"}), encoding="utf-8")
    assemble(root, tmp_path / "out", example, TODAY)
    docs = tmp_path / "out" / "docs" / "handbook"
    assert (docs / "joining.md").read_text(encoding="utf-8") == own  # as written, not a template
    assert {p.name for p in docs.glob("*.md")} >= {Path(p).name for p in packaged_handbook()}


def test_pages_name_the_program_its_coordinators_and_cadences(example: Program) -> None:
    hostile = "Acme <script>alert(1)</script> *Mentoring*"
    program = dataclasses.replace(
        example, charter=dataclasses.replace(example.charter, name=hostile)
    )
    files = generate_docs(program, TODAY, handbook=packaged_handbook(), templates=page_templates())
    index, faq = str(files["handbook/index.md"]), str(files["handbook/faq.md"])
    assert "<script>" not in index and "*Mentoring*" not in index
    assert "Acme &#60;script&#62;" in index  # shown as text, inert
    names = [example.participants[c].name for c in example.charter.coordinators]
    assert names and all(str(plain(name)) in faq for name in names)
    open_cohorts = [c for c in example.cohorts.values() if c.status != "closed" and c.cadence]
    agreement = str(files["handbook/agreement-template.md"])
    assert all(f"{plain(c.name)}: {plain(c.cadence)}" in agreement for c in open_cohorts)


def test_a_coordinator_who_is_not_public_is_not_named(example: Program) -> None:
    first = example.charter.coordinators[0]
    hidden = dataclasses.replace(example.participants[first], public=False)
    program = dataclasses.replace(example, participants={**example.participants, first: hidden})
    faq = str(
        generate_docs(program, TODAY, handbook=packaged_handbook(), templates=page_templates())[
            "handbook/faq.md"
        ]
    )
    assert str(plain(hidden.name)) not in faq
