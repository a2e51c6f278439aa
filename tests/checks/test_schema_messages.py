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


def one_message(extra: str) -> str:
    found = messages(extra)
    assert len(found) == 1, found
    return found[0][1]


def test_octal_looking_number_is_explained() -> None:
    message = one_message("hours_per_month: 010\n")
    assert "leading zero" in message and "octal" in message


def test_nan_and_infinity_are_not_numbers() -> None:
    assert "NaN are not allowed" in one_message("hours_per_month: .nan\n")
    assert "NaN are not allowed" in one_message("hours_per_month: .inf\n")


def test_sexagesimal_is_explained() -> None:
    assert "base-60" in one_message("hours_per_month: 1:30\n")


def test_huge_value_is_cut_short_in_the_message() -> None:
    message = one_message("bio: " + "a" * 100_000 + "\n")
    assert message == "bio: 100,000 characters; at most 2000 fit here"
    message = one_message("pronouns: [" + "x, " * 5000 + "y]\n")
    assert len(message) < 200


def test_date_that_is_not_a_date_is_reported_once() -> None:
    assert "not a real date" in one_message("joined: 2026-02-03T10:00:00\n")
