"""Property: whatever text a participant file holds, validation reports problems, never crashes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mentorkit.validation import validate_program
from tests.conftest import FIXTURES

YAML_BITS = st.sampled_from(
    [
        "id: kofi\n",
        "name: K\n",
        "level: ",
        "no",
        "on",
        "&a ",
        "*a",
        "!!str ",
        "!!python/object ",
        "[",
        "]",
        "{",
        "}",
        "- ",
        ": ",
        "\n",
        "  ",
        "'",
        '"',
        "#",
        "2026-02-30",
        "~",
        "<<: ",
        "? ",
        "|\n",
        ">-\n",
        "\t",
        ",",
        "cohorts: ",
        "mentor:\n  capacity: ",
        "skills: {python: ",
        "timezone: Mars/Base\n",
        "\ufeff",
        "---\n",
        "...\n",
        "%YAML 1.1\n",
    ]
)


@pytest.mark.slow
@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.one_of(
        st.text(max_size=300),
        st.lists(YAML_BITS, max_size=40).map("".join),
        st.binary(max_size=200),
    )
)
def test_arbitrary_participant_file_never_crashes(
    tmp_path_factory: object, content: str | bytes
) -> None:
    root = Path(tmp_path_factory.mktemp("repo"))  # type: ignore[attr-defined]
    shutil.copytree(FIXTURES / "validate" / "base", root, dirs_exist_ok=True)
    target = root / "participants" / "kofi.yaml"
    raw = content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content
    target.write_bytes(raw)
    result = validate_program(root)
    for problem in result.problems:
        assert problem.path and problem.code and problem.message
        assert problem.line >= 0 and problem.col >= 0
