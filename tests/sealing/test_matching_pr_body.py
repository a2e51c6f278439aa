"""The matching workflow's pull request says who was left out, by file, and nothing sealed.

When the identity cannot use a participant's sealed value, `match` leaves them out of new
proposals. The coordinator reviewing the proposed matches reads the pull request's body
(`match --format markdown`), not the job log, so the body must say it; the body is public
to members, so it names the file only.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pyrage
import yaml
from pyrage import x25519

from mentorkit.matching.result import MatchResult, MatchSummary
from mentorkit.reporters.matching import render
from mentorkit.workflow.initialize import InitOptions, plan_init
from mentorkit.workflow.install_source import requirement_source
from tests.sealing.conftest import SealedRepo
from tests.workflow.conftest import TODAY, git

EVE = "participants/eve.yaml"
SECRET = "SENTINEL-0xE7"
WORKFLOW = ".github/workflows/mentorkit-matching.yml"


def _seal_eve_to_someone_else(repo: SealedRepo) -> None:
    """Seal the program, then give eve a value the coordinators' identity cannot open."""
    assert repo.run("seal")[0] == 0
    stranger = x25519.Identity.generate().to_public()
    armored = bytes(pyrage.encrypt(f"avoid: [{SECRET}]\n".encode(), [stranger], armored=True))
    block = "sealed: |\n" + "".join(f"  {line}\n" for line in armored.decode().splitlines())
    path = repo.root / EVE
    path.write_text(
        re.sub(r"^sealed: \|\n(?:  .*\n)+", lambda _: block, path.read_text(), flags=re.M)
    )


def test_every_format_names_the_files_left_out(sealed_repo: SealedRepo) -> None:
    _seal_eve_to_someone_else(sealed_repo)
    code, out, err = sealed_repo.run("match", "spring", "--format", "markdown", identity=True)
    assert code == 0, err
    body = out.split("| mentor |")[0]  # said before the table, where a reviewer starts
    assert "#### Left out" in body and "1 person left out of these proposals" in body
    assert f"- `{EVE}`" in body and "avoid and manager rules are unknown" in body
    code, out, _ = sealed_repo.run("match", "spring", "--format", "json", identity=True)
    assert code == 0 and '"left_out": [\n    "participants/eve.yaml"\n  ]' in out
    code, out, _ = sealed_repo.run("match", "spring", "--format", "text", identity=True)
    assert code == 0 and "left out of these proposals" in out and EVE in out
    # nobody left out: nothing said
    (sealed_repo.root / EVE).unlink()
    code, out, _ = sealed_repo.run("match", "spring", "--format", "markdown", identity=True)
    assert code == 0 and "Left out" not in out


def test_rematch_names_the_files_left_out_too(sealed_repo: SealedRepo) -> None:
    _seal_eve_to_someone_else(sealed_repo)
    match = sealed_repo.root / "program/matches/spring.yaml"
    match.parent.mkdir(parents=True)
    match.write_text(
        "cohort: spring\npairs:\n  - mentor: max\n    mentee: ivo\n    status: accepted\n"
        "    since: 2026-03-02\n"
    )
    args = ("rematch", "spring", "ivo", "--reason", "moved team")
    code, out, err = sealed_repo.run(*args, "--format", "markdown", identity=True)
    assert code == 0, err
    assert "1 person left out of these proposals" in out and f"- `{EVE}`" in out
    code, out, _ = sealed_repo.run(*args, "--format", "json", identity=True)
    assert code == 0 and '"left_out": [\n    "participants/eve.yaml"\n  ]' in out
    assert SECRET not in out


def test_a_hostile_file_name_cannot_break_out_of_the_list() -> None:
    summary = MatchSummary("one-on-one", "coverage", 0, 0, None, None, None, 0, "x")
    result = MatchResult("c", "one-on-one", (), (), (), summary)
    body = render(result, "markdown", left_out=["participants/a`b\u202e|<img>@x.yaml"])
    line = next(line for line in body.splitlines() if line.startswith("- `participants"))
    assert line == "- `participants/a'b\\u202e\\|<img>@x.yaml`"  # one code span, shown as typed
    text = render(result, "text", left_out=["participants/a\u202eb.yaml"])
    assert "\u202e" not in text and "participants/a\\u202eb.yaml" in text


def _run_steps(repo: Path) -> list[dict[str, Any]]:
    """The workflow's `run:` steps as `mentorkit init` generates them (install steps aside:
    mentorkit is installed beside this Python)."""
    source = requirement_source("mentorkit")
    text = plan_init(InitOptions(today=TODAY, install=source))[WORKFLOW]
    (repo / WORKFLOW).parent.mkdir(parents=True, exist_ok=True)
    (repo / WORKFLOW).write_text(text, encoding="utf-8")
    steps = yaml.safe_load(text)["jobs"]["match"]["steps"]
    return [s for s in steps if s.get("name") in ("Match", "Open a pull request")]


def _run_workflow(repo: Path, identity: Path, tmp: Path) -> tuple[str, Path]:
    """Run the steps with their `env:` as a runner would; `gh` records the body it gets."""
    bin_dir, remote, posted = tmp / "bin", tmp / "remote.git", tmp / "body.md"
    bin_dir.mkdir(exist_ok=True)
    (bin_dir / "gh").write_text(
        '#!/bin/sh\nfor a in "$@"; do [ "$prev" = --body-file ] && cp "$a" "$POSTED"; prev="$a"; done\n',
        encoding="utf-8",
    )
    (bin_dir / "gh").chmod(0o755)
    if not remote.exists():
        subprocess.run(["git", "init", "--quiet", "--bare", str(remote)], check=True)
    runner = {
        "PATH": f"{bin_dir}:{Path(sys.executable).parent}:{os.environ['PATH']}",
        "HOME": str(tmp),
        "RUNNER_TEMP": str(tmp),
        "GITHUB_RUN_ID": "42",
        "GITHUB_REPOSITORY": "org/program",
        "POSTED": str(posted),
        # the push goes to a local bare repository instead of GitHub
        "GIT_CONFIG_COUNT": "1",
        "GIT_CONFIG_KEY_0": f"url.{remote}.insteadOf",
        "GIT_CONFIG_VALUE_0": "https://x-access-token:token@github.com/org/program.git",
    }
    secrets = {"inputs.cohort": "spring", "secrets.MENTORKIT_IDENTITY": str(identity)}
    secrets["github.token"] = "token"
    log = ""
    for step in _run_steps(repo):
        env = {k: secrets[v.strip("${} ")] for k, v in step["env"].items()}
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
            cwd=repo,
            env={**runner, **env},
            capture_output=True,
            text=True,
        )
        log += done.stdout + done.stderr
        assert done.returncode == 0, log
    return log, posted


def test_the_workflow_opens_a_pull_request_that_names_the_files_left_out(
    sealed_repo: SealedRepo, tmp_path: Path
) -> None:
    _seal_eve_to_someone_else(sealed_repo)
    root = sealed_repo.root
    git(root, "init", "--quiet", "--initial-branch=main")
    git(root, "add", "participants", "program")
    git(root, "commit", "--quiet", "-m", "program")
    log, posted = _run_workflow(root, sealed_repo.identity_file, tmp_path)
    body = posted.read_text(encoding="utf-8")
    assert f"{EVE}:" in log  # the job log said it before; now the body does too
    assert "#### Left out" in body and f"- `{EVE}`" in body
    assert SECRET not in body and SECRET not in log
    pushed = git(
        tmp_path / "remote.git", "show", "mentorkit/match-spring-42:program/matches/spring.yaml"
    )
    assert "mentee: ivo" in pushed and "mentee: eve" not in pushed
    # the pull request merged, run again: the proposals are unchanged, no second one
    git(root, "switch", "--quiet", "main")
    git(root, "merge", "--quiet", "--ff-only", "mentorkit/match-spring-42")
    posted.unlink()
    log, posted = _run_workflow(root, sealed_repo.identity_file, tmp_path)
    assert "unchanged: no pull request" in log and not posted.exists()
