"""Hostile sizes and shapes stay cheap and never crash validation (issue 9, findings 3 and 5)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from mentorkit.cli.main import cli
from mentorkit.loading.schemas import load_schema


def _validate(repo: Path) -> tuple[int, list[dict[str, object]]]:
    result = CliRunner().invoke(cli, ["--repo", str(repo), "validate", "--format", "json"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, json.loads(result.output)["problems"]


def test_a_deep_time_zone_is_a_problem_not_a_crash(base_program: Path) -> None:
    # ZoneInfo imports one package per "/": thousands of them used to exhaust the stack.
    person = base_program / "participants" / "kofi.yaml"
    text = person.read_text(encoding="utf-8").replace("Africa/Accra", "Africa" + "/a" * 3000)
    person.write_text(text, encoding="utf-8")
    code, problems = _validate(base_program)
    assert code == 1
    assert {p["code"] for p in problems} >= {"schema"}


def test_a_profile_or_lesson_over_64_kib_is_refused_before_parsing(base_program: Path) -> None:
    person = base_program / "participants" / "kofi.yaml"
    person.write_text(person.read_text(encoding="utf-8") + "# " + "x" * 70_000 + "\n")
    code, problems = _validate(base_program)
    assert code == 1
    assert [p["code"] for p in problems] == ["file-too-large"]


def _checkin(repo: Path, padding: str) -> Path:
    path = repo / "program/checkins/2026-autumn/grace--ada/2026-10-01-ada.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(
        "cohort: 2026-autumn\nmentor: grace\nmentee: ada\ndate: 2026-10-01\nby: ada\n"
        f"health: on-track\n{padding}",
        encoding="utf-8",
    )
    return path


def test_a_check_in_over_96_kib_is_refused_before_parsing(base_program: Path) -> None:
    _checkin(base_program, "# " + "x" * 100_000 + "\n")
    code, problems = _validate(base_program)
    assert code == 1
    assert [(p["code"], p["path"]) for p in problems] == [
        ("file-too-large", "program/checkins/2026-autumn/grace--ada/2026-10-01-ada.yaml")
    ]


def test_a_check_in_holding_the_largest_sealed_value_is_read(base_program: Path) -> None:
    # 65,536 characters of armor (the schema's limit), written as `seal` writes it
    rows = [
        "-----BEGIN AGE ENCRYPTED FILE-----",
        *["A" * 64] * 1022,
        "-----END AGE ENCRYPTED FILE-----",
    ]
    sealed = "sealed: |\n" + "".join(f"  {row}\n" for row in rows)
    assert len(sealed) > 64 * 1024
    _checkin(base_program, sealed)
    _, problems = _validate(base_program)
    assert problems and "file-too-large" not in {p["code"] for p in problems}


def test_every_free_text_field_has_a_length_limit() -> None:
    unbounded = []
    for kind in ("participant", "lesson", "cohort", "agreement", "match", "program", "skills"):

        def walk(node: object, where: str) -> None:
            if isinstance(node, dict):
                # A pattern ending in a bounded repetition or a date bounds the length too.
                bounded = (
                    "maxLength" in node
                    or "enum" in node
                    or str(node.get("pattern", "")).endswith("}$")
                    or node.get("format") == "date"
                )
                if node.get("type") == "string" and not bounded:
                    unbounded.append(where)
                for key, value in node.items():
                    walk(value, f"{where}.{key}")
            elif isinstance(node, list):
                for item in node:
                    walk(item, where)

        walk(load_schema(kind), kind)
    assert unbounded == []


def test_the_email_pattern_accepts_addresses_and_refuses_junk() -> None:
    pattern = load_schema("participant")["properties"]["email"]["pattern"]
    for good in ("ada@example.com", "first.last+tag@mail.example.org"):
        assert re.search(pattern, good), good
    for bad in ("ada@example", "a@@b.c", "a@b..c", "a b@c.d", "a@.b.c", "a@b.c."):
        assert not re.search(pattern, bad), bad


def _string_limits(spec: object) -> list[int]:
    if isinstance(spec, dict):
        own = [spec["maxLength"]] if spec.get("type") == "string" else []
        return own + [n for value in spec.values() for n in _string_limits(value)]
    return []


def test_markdown_fields_fit_the_longest_length_the_render_check_renders() -> None:
    from mentorkit.checks.markdown_budget import LONGEST_FIELD
    from mentorkit.model.markdown_syntax import MARKDOWN_FIELDS

    for kind, patterns in MARKDOWN_FIELDS.items():
        properties = load_schema(kind)["properties"]
        for pattern in patterns:
            limits = _string_limits(properties[pattern[0]])
            assert limits and max(limits) <= LONGEST_FIELD, (kind, pattern)
