"""A sealing program through its generated workflows: drafts are sealed, the PR build runs.

Found by trying it as a new organisation: `accept` wrote agreement drafts with plain goals
and boundaries in a program that requires sealing, and the pull-request workflow's strict
site build (no identity, by design) exited 2 as soon as one agreement was sealed.
"""

from __future__ import annotations

import json
import shlex
import shutil
from pathlib import Path

import yaml

from tests.conftest import REPO_ROOT
from tests.sealing.conftest import SealedRepo

AGREEMENT = "program/agreements/spring/max--eve.yaml"
TEMPLATES = REPO_ROOT / "mentorkit" / "templates" / "program"


def _accepted(repo: SealedRepo) -> None:
    assert repo.run("seal")[0] == 0
    match = repo.root / "program/matches/spring.yaml"
    match.parent.mkdir(parents=True)
    match.write_text("cohort: spring\npairs:\n  - mentor: max\n    mentee: eve\n")
    code, _, err = repo.run("accept", "spring", "max--eve")
    assert code == 0, err


def test_accept_seals_the_agreement_drafts(sealed_repo: SealedRepo) -> None:
    _accepted(sealed_repo)
    draft = yaml.safe_load(sealed_repo.text(AGREEMENT))
    assert "sealed" in draft and not {"goals", "boundaries"} & set(draft)
    assert sealed_repo.run("validate")[0] == 0
    code, out, _ = sealed_repo.run("unseal", str(sealed_repo.root / AGREEMENT), identity=True)
    assert code == 0 and "skill: python" in out


def _pr_build_args() -> list[str]:
    """The strict site build of the generated pull-request workflow, as its YAML runs it."""
    text = (TEMPLATES / "github" / "workflows" / "mentorkit-pr.yml").read_text(encoding="utf-8")
    workflow = yaml.safe_load(text.replace("__INSTALL_STEPS__\n", ""))  # init fills it in
    (run,) = [
        step["run"]
        for step in workflow["jobs"]["check"]["steps"]
        if step.get("name", "").startswith("Build the site")
    ]
    args = shlex.split(run)
    assert args[:2] == ["mentorkit", "build"]
    return args[1:]


def test_the_pull_request_build_runs_without_the_identity(
    sealed_repo: SealedRepo, tmp_path: Path
) -> None:
    shutil.copy(REPO_ROOT / "mkdocs.yml", sealed_repo.root / "mkdocs.yml")
    shutil.copytree(REPO_ROOT / "site", sealed_repo.root / "site")
    _accepted(sealed_repo)
    out = str(tmp_path / "runner-temp" / "site-build")
    code, _, err = sealed_repo.run("build", "--out", out)
    assert code == 2 and "no identity opened them" in err  # publishing needs the identity
    args = [a.replace("$RUNNER_TEMP", str(tmp_path / "runner-temp")) for a in _pr_build_args()]
    code, stdout, err = sealed_repo.run(*args)
    assert code == 0, err
    assert "Site built" in stdout and "never a site to publish" in err


def test_new_participant_seals_the_private_fields_it_is_given(sealed_repo: SealedRepo) -> None:
    args = ["new", "participant", "--no-input", "--id", "zoe", "--name", "Zoe", "--level", "2"]
    args += ["--department", "Ops", "--timezone", "Europe/Berlin", "--cohorts", "spring"]
    args += ["--role", "mentee", "--goals", "python", "--email", "zoe@example.com"]
    code, _, err = sealed_repo.run(*args, "--avoid", "ann", "--manager", "max")
    assert code == 0, err
    written = yaml.safe_load(sealed_repo.text("participants/zoe.yaml"))
    assert written["github"] == "zoe" and "sealed" in written
    assert not {"email", "avoid", "manager"} & set(written)
    zoe = str(sealed_repo.root / "participants/zoe.yaml")
    code, out, _ = sealed_repo.run("unseal", zoe, identity=True)
    assert "email: zoe@example.com" in out and "manager: max" in out and "- ann" in out
    assert sealed_repo.run("seal")[0] == 0
    code, out, err = sealed_repo.run("match", "spring", "--format", "json", identity=True)
    assert code == 0, err
    pairs = {(p["mentor"], p["mentee"]) for p in json.loads(out)["pairs"]}
    assert ("ann", "zoe") not in pairs and ("max", "zoe") not in pairs
