"""``MARKDOWN_FIELDS`` names exactly the fields the site renders as Markdown.

The render-budget check only renders the fields listed there, so a field the site
renders as Markdown but the list forgets would reach the pages job unchecked. The list
is not trusted: every free-text string the schemas allow (no pattern, enum or format)
in every file of the site fixture program gets a Markdown sentinel of its own, the
site's pages are generated, and every sentinel that comes out as an ``<em>`` element
names a field that was rendered as Markdown. A new Markdown field in a template or a
view without registration fails here.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from mentorkit.loading.repository import load_repository
from mentorkit.loading.schemas import load_schema
from mentorkit.loading.site_sources import read_site_sources
from mentorkit.loading.templates import page_templates
from mentorkit.model.markdown_syntax import MARKDOWN_FIELDS
from mentorkit.site.generate import generate_docs
from mentorkit.validation import validate_program
from tests.site.conftest import FIXTURE_REPO, TODAY

Field = tuple[str, tuple[str, ...]]  # (kind, key path with "*" for any item or key)
_SENTINEL = re.compile(r"<em>mkem(\d+)</em>")


class _Sentinels:
    """Hands out one sentinel per filled field and remembers which field it went to."""

    def __init__(self) -> None:
        self.fields: list[Field] = []

    def new(self, field: Field) -> str:
        self.fields.append(field)
        number = len(self.fields) - 1
        return f"mk{number} *mkem{number}*"


def _types(spec: dict[str, Any]) -> set[str]:
    kind = spec.get("type", ())
    return {kind} if isinstance(kind, str) else set(kind)


def _free_text(spec: Any) -> bool:
    return (
        isinstance(spec, dict)
        and "string" in _types(spec)
        and not {"pattern", "enum", "format", "const"} & spec.keys()
    )


def _fill_object(
    data: dict[str, Any], spec: dict[str, Any], field: Field, sentinels: _Sentinels
) -> dict[str, Any]:
    kind, at = field
    properties: dict[str, Any] = spec.get("properties", {})
    extra = spec.get("additionalProperties")
    filled = dict(data)
    for key, sub in properties.items():
        if key in data:
            filled[key] = _fill(data[key], sub, (kind, (*at, key)), sentinels)
        elif _free_text(sub) and key != "sealed":  # absent optional text: add it
            filled[key] = sentinels.new((kind, (*at, key)))
    if isinstance(extra, dict):
        for key in data:
            if key not in properties:
                filled[key] = _fill(data[key], extra, (kind, (*at, "*")), sentinels)
    return filled


def _fill(data: Any, spec: dict[str, Any], field: Field, sentinels: _Sentinels) -> Any:
    """``data`` with every free-text string the schema allows replaced by a sentinel."""
    if isinstance(data, dict) and ("object" in _types(spec) or "properties" in spec):
        return _fill_object(data, spec, field, sentinels)
    if isinstance(data, list) and "array" in _types(spec):
        kind, at = field
        return [_fill(item, spec.get("items", {}), (kind, (*at, "*")), sentinels) for item in data]
    if isinstance(data, str) and _free_text(spec):
        return sentinels.new(field)
    return data


def _matches(pattern: tuple[str, ...], at: tuple[str, ...]) -> bool:
    return len(pattern) == len(at) and all(p in ("*", a) for p, a in zip(pattern, at, strict=True))


def _registered(field: Field) -> bool:
    kind, at = field
    return any(_matches(pattern, at) for pattern in MARKDOWN_FIELDS.get(kind, ()))


def _rendered_fields(root: Path) -> tuple[set[Field], set[Field]]:
    """(fields filled with a sentinel, fields whose sentinel the site rendered as Markdown)."""
    sentinels = _Sentinels()
    loaded = load_repository(root)
    for relpath, kind in sorted(loaded.kinds.items()):
        if not kind:
            continue
        path = root / relpath
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        filled = _fill(data, load_schema(kind), (kind, ()), sentinels)
        path.write_text(yaml.safe_dump(filled, allow_unicode=True, sort_keys=False), "utf-8")
    program = validate_program(root).program
    pages = generate_docs(
        program,
        TODAY_DATE,
        hand_written=frozenset(read_site_sources(root).pages),
        templates=page_templates(),
    )
    numbers = {
        int(number)
        for content in pages.values()
        if isinstance(content, str)
        for number in _SENTINEL.findall(content)
    }
    return set(sentinels.fields), {sentinels.fields[n] for n in numbers}


TODAY_DATE = dt.date.fromisoformat(TODAY)


def _fields(fields: set[Field]) -> Iterator[str]:
    for kind, at in sorted(fields):
        yield f"{kind}: {'.'.join(at)}"


@pytest.fixture(scope="module")
def fields(tmp_path_factory: pytest.TempPathFactory) -> tuple[set[Field], set[Field]]:
    root = tmp_path_factory.mktemp("sentinels") / "repo"
    shutil.copytree(FIXTURE_REPO, root)
    return _rendered_fields(root)


def test_every_field_the_site_renders_as_markdown_is_registered(
    fields: tuple[set[Field], set[Field]],
) -> None:
    _, rendered = fields
    assert rendered, "no sentinel came out as Markdown: the test no longer sees the site"
    missing = [field for field in rendered if not _registered(field)]
    assert not missing, (
        f"rendered as Markdown, not in MARKDOWN_FIELDS: {list(_fields(set(missing)))}"
    )


def test_every_registered_field_is_rendered_as_markdown(
    fields: tuple[set[Field], set[Field]],
) -> None:
    # A registered field the fixture fills must come out as Markdown: a stale entry
    # would have the check time text the site never renders.
    filled, rendered = fields
    stale = {field for field in filled if _registered(field)} - rendered
    assert not stale, f"in MARKDOWN_FIELDS but not rendered: {list(_fields(stale))}"
    unfilled = {
        (kind, pattern)
        for kind, patterns in MARKDOWN_FIELDS.items()
        for pattern in patterns
        if not any(k == kind and _matches(pattern, at) for k, at in filled)
    }
    assert not unfilled, f"not in the fixture, so not proved: {list(_fields(unfilled))}"
