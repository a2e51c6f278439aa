"""The project's own example program is a working program repository."""

from __future__ import annotations

from mentorkit.loading.schemas import SCHEMA_KINDS, schema_text
from mentorkit.validation import validate_program
from tests.conftest import DEMO_IDENTITY, REPO_ROOT

DEMO_WARNING = "the key of amara-okafor is mentorkit's public demo key"


def test_example_program_validates_clean() -> None:
    result = validate_program(REPO_ROOT, identity=DEMO_IDENTITY.read_text(encoding="utf-8"))
    # The one warning says the example is sealed to the public demo key, as it should.
    assert [p.message[: len(DEMO_WARNING)] for p in result.problems] == [DEMO_WARNING]
    program = result.program
    assert program.unopened == frozenset()
    sealed = [path for path, kind in program.kinds.items() if kind in ("agreement", "checkin")]
    assert len(sealed) >= 100
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
