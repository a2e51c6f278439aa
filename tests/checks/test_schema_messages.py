"""Schema problems read like advice: the field, what is wrong, and the usual fix."""

from __future__ import annotations

from mentorkit.checks.schema import check_document
from mentorkit.loading.yaml_reader import LoadedDocument, parse_yaml

PERSON = "id: kofi\nname: Kofi\ndepartment: Sales\nlevel: 2\ntimezone: Africa/Accra\n"


def messages(extra: str, base: str = PERSON) -> list[tuple[int, str]]:
    doc = parse_yaml((base + extra).encode(), "participants/kofi.yaml")
    assert isinstance(doc, LoadedDocument)
    return [(p.line, p.message) for p in check_document(doc, "participant")]


def test_quoted_number_suggests_removing_quotes() -> None:
    found = messages("", PERSON.replace("level: 2", 'level: "2"'))
    assert found == [(4, "level: '2' should be a whole number (remove the quotes)")]


def test_single_value_for_a_list_suggests_brackets() -> None:
    assert messages("cohorts: 2026-autumn\n") == [
        (6, "cohorts: '2026-autumn' should be a list (write [2026-autumn])")
    ]


def test_nested_typo_names_the_path_and_the_right_field() -> None:
    found = messages("mentor:\n  capacty: 2\n  skills: {python: 3}\n")
    assert (7, "mentor: unknown field 'capacty' (did you mean 'capacity'?)") in found
    assert any("the required field 'capacity' is missing" in m for _, m in found)


def test_list_items_are_numbered_from_zero_in_brackets() -> None:
    found = messages("formats: [one-on-one, mentoring]\n")
    assert found == [
        (6, "formats[1]: 'mentoring' is not one of one-on-one, circle, reverse, async, shadowing")
    ]


def test_yaml_11_boolean_word_gets_a_fix() -> None:
    assert messages("public: off\n") == [
        (6, "public: 'off' is not a boolean; write false (YAML 1.2 reads 'off' as text)")
    ]
