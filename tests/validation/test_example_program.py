"""The project's own example program is a working program repository."""

from __future__ import annotations

from mentorkit.loading.schemas import SCHEMA_KINDS, schema_text
from mentorkit.validation import validate_program
from tests.conftest import REPO_ROOT


def test_example_program_validates_clean() -> None:
    result = validate_program(REPO_ROOT)
    assert [str(p) for p in result.problems] == []
    program = result.program
    assert len(program.participants) >= 60
    assert len({p.department for p in program.participants.values()}) >= 6
    assert len({p.timezone for p in program.participants.values()}) >= 4
    assert len({lang for p in program.participants.values() for lang in p.languages}) >= 3
    assert {c.format for c in program.cohorts.values()} >= {"one-on-one", "reverse", "circles"}
    assert len(program.skills) >= 35
    assert len(program.lessons) >= 10


def test_repository_schemas_match_the_package() -> None:
    for kind in SCHEMA_KINDS:
        assert (REPO_ROOT / "schemas" / f"{kind}.schema.json").read_text() == schema_text(kind), (
            kind
        )


def test_example_files_point_editors_at_their_schema() -> None:
    for path in sorted((REPO_ROOT / "participants").glob("*.yaml"))[:20] + sorted(
        (REPO_ROOT / "program").rglob("*.yaml")
    ):
        first = path.read_text().splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        target = (path.parent / first.split("$schema=", 1)[1]).resolve()
        assert target.is_file() and target.parent == (REPO_ROOT / "schemas"), path


def test_schemas_are_strict_and_documented() -> None:
    import json

    for kind in SCHEMA_KINDS:
        schema = json.loads(schema_text(kind))
        assert schema["$schema"].endswith("2020-12/schema")
        assert schema["title"] and schema["description"]
        assert schema["additionalProperties"] is False, kind
