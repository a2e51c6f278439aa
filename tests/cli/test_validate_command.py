"""``mentorkit validate`` through the CLI: formats, exit codes, paths, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from mentorkit.cli.main import cli


def run(root: Path, *args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(
        cli, ["--repo", str(root), "validate", *args], env=env or {"GITHUB_ACTIONS": ""}
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


BAD_PERSON = "id: kofi\nname: Kofi\ndepartment: Sales\nlevel: 2\ntimezone: Africa/Accra\npublic: no\ngithub: kofi\n"


def test_clean_program_exits_zero(base_program: Path) -> None:
    code, out = run(base_program)
    assert code == 0
    assert "no problems" in out


def test_text_format_is_file_line_col(base_program: Path) -> None:
    (base_program / "participants" / "kofi.yaml").write_text(BAD_PERSON)
    code, out = run(base_program, "--format", "text")
    assert code == 1
    assert "participants/kofi.yaml:6:9: error schema public: 'no' is not a boolean" in out


def test_json_format(base_program: Path) -> None:
    (base_program / "participants" / "kofi.yaml").write_text(BAD_PERSON)
    code, out = run(base_program, "--format", "json")
    payload = json.loads(out)
    assert code == 1 and payload["ok"] is False
    assert {
        "path": "participants/kofi.yaml",
        "line": 6,
        "col": 9,
        "level": "error",
        "code": "schema",
    }.items() <= payload["problems"][0].items()


def test_github_format_is_chosen_under_actions(base_program: Path) -> None:
    (base_program / "participants" / "kofi.yaml").write_text(BAD_PERSON)
    code, out = run(base_program, env={"GITHUB_ACTIONS": "true"})
    assert code == 1
    assert out.startswith(
        "::error file=participants/kofi.yaml,line=6,col=9,title=mentorkit schema::"
    )


def test_markdown_format(base_program: Path) -> None:
    (base_program / "participants" / "kofi.yaml").write_text(BAD_PERSON)
    code, out = run(base_program, "--format", "markdown")
    assert code == 1
    assert "| `participants/kofi.yaml:6:9` | error | `schema` |" in out


def test_paths_limit_the_report(base_program: Path) -> None:
    (base_program / "participants" / "kofi.yaml").write_text(BAD_PERSON)
    assert run(base_program, str(base_program / "participants" / "ada.yaml"))[0] == 0
    assert run(base_program, str(base_program / "participants"))[0] == 1


def test_warnings_fail_only_when_strict(base_program: Path) -> None:
    person = base_program / "participants" / "ada.yaml"
    person.write_text(
        person.read_text().replace("cohorts: [2026-autumn]", "cohorts: [2026-autumn, 2025-spring]")
    )
    code, out = run(base_program)
    assert code == 0 and "warning closed-cohort" in out
    assert run(base_program, "--strict")[0] == 1


def test_misuse_exits_two(tmp_path: Path, base_program: Path) -> None:
    assert run(tmp_path)[0] == 2  # not a program repository
    assert run(base_program, "--format", "yaml")[0] == 2
    assert run(base_program, str(tmp_path))[0] == 2  # a path outside the repository
    assert run(base_program, str(base_program / "participants" / "nobody.yaml"))[0] == 2


def test_every_problem_is_reported_sorted(base_program: Path) -> None:
    (base_program / "participants" / "kofi.yaml").write_text("id: kofi\nname: [\n")
    (base_program / "participants" / "ada.yaml").write_text("level: 1\nlevel: 2\n")
    code, out = run(base_program)
    lines = [line for line in out.splitlines() if ": error " in line]
    assert code == 1
    assert [line.split(":")[0] for line in lines] == [
        "participants/ada.yaml",
        "participants/kofi.yaml",
    ]


def test_malformed_inputs_never_traceback(base_program: Path) -> None:
    people = base_program / "participants"
    (people / "bomb.yaml").write_text(
        "a: &a [x,x,x,x,x,x,x,x]\n"
        + "".join(
            f"b{i}: &b{i} [*{'a' if i == 0 else f'b{i - 1}'}, *{'a' if i == 0 else f'b{i - 1}'}]\n"
            for i in range(30)
        )
    )
    (people / "tag.yaml").write_text("id: !!python/object/apply:os.system [echo pwned]\n")
    (people / "latin1.yaml").write_bytes(b"id: latin1\nname: J\xe9r\xf4me\n")
    (people / "huge.yaml").write_text("bio: " + "x" * (2 * 1024 * 1024) + "\n")
    (people / "deep.yaml").write_text("a: " + "[" * 5000 + "]" * 5000 + "\n")
    (people / "empty.yaml").write_text("")
    (people / "list.yaml").write_text("- 1\n")
    (people / "date.yaml").write_text(
        "id: date\nname: D\ndepartment: X\nlevel: 1\ntimezone: UTC\njoined: 2026-02-30\n"
    )
    env = {**os.environ, "GITHUB_ACTIONS": ""}
    done = subprocess.run(
        [sys.executable, "-m", "mentorkit", "--repo", str(base_program), "validate"],
        capture_output=True,
        text=True,
        timeout=30,
        env=env,
        check=False,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stdout + done.stderr
    for name, code in [
        ("bomb", "yaml-alias"),
        ("tag", "yaml-tag"),
        ("latin1", "encoding"),
        ("huge", "file-too-large"),
        ("deep", "yaml-"),
        ("empty", "empty-file"),
        ("list", "not-a-mapping"),
        ("date", "schema"),
    ]:
        assert any(
            line.startswith(f"participants/{name}.yaml:") and f" {code}" in line
            for line in done.stdout.splitlines()
        ), name


@pytest.mark.parametrize("args", [["--help"], ["validate", "--help"], ["--version"]])
def test_help_and_version(args: list[str]) -> None:
    assert CliRunner().invoke(cli, args).exit_code == 0


def test_validate_loads_no_matching_or_site_code(base_program: Path) -> None:
    """Start-up stays fast for pre-commit hooks: validate imports neither SciPy nor MkDocs."""
    script = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from mentorkit.cli.main import cli\n"
        f"result = CliRunner().invoke(cli, ['--repo', {str(base_program)!r}, 'validate'])\n"
        "assert result.exit_code == 0, result.output\n"
        "print(sorted(m for m in ('scipy', 'mkdocs', 'networkx') if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"


def test_github_annotation_without_a_line_still_lands_on_the_file(base_program: Path) -> None:
    (base_program / "participants" / "kofi.yaml").write_bytes(b"\xff\xfe")
    (base_program / "participants" / "stray.YAML").write_text("id: stray\n")
    code, out = run(base_program, "--format", "github")
    assert code == 1
    assert "::warning file=participants/stray.YAML,line=1,title=mentorkit unknown-file::" in out


def test_github_escapes_data_and_properties() -> None:
    from mentorkit.problems import Problem
    from mentorkit.reporters.problems import as_github

    problem = Problem("participants/a,b:c%.yaml", 0, 0, "error", "x", "50% off\nline: two, ok")
    assert as_github([problem], 1) == (
        "::error file=participants/a%2Cb%3Ac%25.yaml,line=1,title=mentorkit x"
        "::50%25 off%0Aline: two, ok\n"
    )
