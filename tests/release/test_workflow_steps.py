"""The generated workflows' install and run steps, run locally the way GitHub runs them.

The job's ``actions/setup-python`` Python is the fresh venv holding the built wheel;
``uses: <mentorkit action>`` runs this checkout's ``action.yml`` (a copy of the files a
commit of it would hold); every ``run:`` step runs with ``bash -e`` and its ``env:``,
with the ``${{ }}`` expressions GitHub would fill in. Steps that need GitHub itself
(checkout, artifacts, Pages) are skipped: the test starts in a clone of the program.
"""

from __future__ import annotations

import base64
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.release.conftest import PROJECT, Installed

pytestmark = pytest.mark.slow

SHA = "0123456789abcdef0123456789abcdef01234567"
ACTION = f"acme/mentorkit@{SHA}"
EXPRESSION = re.compile(r"\$\{\{\s*(.+?)\s*\}\}")
SURVEY_HEADINGS = (
    "Which cohort were you part of?,Your role in the program,"
    "How likely are you to recommend the mentoring program to a colleague?,"
    '"Overall, how satisfied are you with your mentoring experience?"'
)
SKIPPED = (
    "actions/checkout@",
    "actions/setup-python@",
    "actions/upload-artifact@",
    "actions/upload-pages-artifact@",
    "actions/deploy-pages@",
)


def _action_checkout(target: Path) -> Path:
    """The files a commit of this checkout holds (tracked and new, not ignored)."""
    listed = subprocess.run(
        ["git", "-C", str(PROJECT), "ls-files", "-co", "--exclude-standard", "-z"],
        capture_output=True, text=True, check=True,
    ).stdout.split("\0")  # fmt: skip
    for rel in filter(None, listed):
        source = PROJECT / rel
        if source.is_file():
            (target / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / rel)
    return target


class Runner:
    def __init__(self, installed: Installed, work: Path, action_path: Path, temp: Path) -> None:
        self.installed, self.work, self.action_path, self.temp = installed, work, action_path, temp
        self.context = {
            "github.base_ref": "main",
            "github.event.pull_request.user.login": "lead",
            "github.event.pull_request.number": "7",
            "github.action_path": str(action_path),
            "runner.temp": str(temp),
            "inputs.args": "",
            "inputs.python-version": "3.12",
            # A new program has nothing sealed yet: its pages build needs no identity.
            "secrets.MENTORKIT_IDENTITY": "",
            "secrets.MENTORKIT_SURVEY_CSV": "",
        }
        self.ran: list[str] = []

    def expand(self, text: str) -> str:
        def value(match: re.Match[str]) -> str:
            expr = match.group(1)
            assert expr in self.context, f"the local runner does not know ${{{{ {expr} }}}}"
            return self.context[expr]

        return EXPRESSION.sub(value, text)

    def run_step(self, step: dict[str, Any], cwd: Path) -> None:
        uses = str(step.get("uses", ""))
        if uses == ACTION:
            self.run_action()
            return
        if uses:
            assert uses.startswith(SKIPPED), f"unexpected action {uses}"
            return
        if step.get("if") == "inputs.args != ''" and not self.context["inputs.args"]:
            return
        env = {k: self.expand(str(v)) for k, v in (step.get("env") or {}).items()}
        env.update(RUNNER_TEMP=str(self.temp), GITHUB_ACTIONS="true", CI="true")
        script = self.expand(str(step["run"]))
        done = self.installed.run("bash", "-e", "-c", script, cwd=cwd, check=False, **env)
        assert done.returncode == 0, f"{step.get('name')}: {done.stdout}\n{done.stderr}"
        self.ran.append(str(step.get("name", script.splitlines()[0])))

    def run_action(self) -> None:
        action = yaml.safe_load((self.action_path / "action.yml").read_text(encoding="utf-8"))
        assert action["runs"]["using"] == "composite"
        for step in action["runs"]["steps"]:
            self.run_step(step, self.work)

    def run_workflow(self, path: Path) -> None:
        workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
        for job in workflow["jobs"].values():
            for step in job.get("steps", []):
                self.run_step(step, self.work)


def _git(repo: Path, *args: str) -> None:
    env = {"GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.org", "HOME": str(repo),
           "GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.org", "PATH": "/usr/bin:/bin"}  # fmt: skip
    subprocess.run(["git", "-C", str(repo), *args], env=env, check=True, capture_output=True)


def _pull_request(installed: Installed, root: Path, *init_args: str) -> Path:
    """A program made by the installed mentorkit, pushed to an origin, with a PR branch."""
    installed.run(
        "mentorkit", "init", "origin", "--coordinator", "lead", "--example", *init_args, cwd=root
    )
    origin = root / "origin"
    _git(origin, "init", "-q", "-b", "main")
    _git(origin, "add", "-A")
    _git(origin, "commit", "-q", "-m", "start the program")
    _git(root, "clone", "-q", str(origin), "work")
    work = root / "work"
    _git(work, "checkout", "-q", "-b", "join")
    mira = work / "participants" / "mira-chen.yaml"
    mira.write_text(mira.read_text(encoding="utf-8").replace("level: 2", "level: 3"), "utf-8")
    _git(work, "commit", "-q", "-am", "Mira's level")
    return work


def test_the_action_and_the_workflow_steps_run(installed: Installed, tmp_path: Path) -> None:
    work = _pull_request(installed, tmp_path, "--action", ACTION)
    action = _action_checkout(tmp_path / "action")
    temp = tmp_path / "runner-temp"
    temp.mkdir()
    runner = Runner(installed, work, action, temp)
    workflows = work / ".github" / "workflows"
    runner.run_workflow(workflows / "mentorkit-pr.yml")
    assert (
        (work / "review" / "review.md")
        .read_text(encoding="utf-8")
        .startswith("<!-- mentorkit-review -->")
    )
    assert (temp / "site-build" / "site" / "handbook" / "matching.html").is_file()
    runner.run_workflow(workflows / "mentorkit-pages.yml")
    assert (work / "build" / "site" / "index.html").is_file()
    # With the survey secret, its figures join the dashboard; the export never lands in
    # the checkout or stays in the runner's temp folder.
    cohort = next((work / "program" / "cohorts").glob("*.yaml")).stem
    rows = "".join(f"{cohort},Mentee,{9 if i % 2 else 6},4\n" for i in range(12))
    survey = f"{SURVEY_HEADINGS}\n{rows}"
    runner.context["secrets.MENTORKIT_SURVEY_CSV"] = base64.b64encode(survey.encode()).decode()
    runner.run_workflow(workflows / "mentorkit-pages.yml")
    page = (work / "build" / "site" / "dashboard" / "index.html").read_text(encoding="utf-8")
    assert "What participants say" in page and "<td>+0</td>" in page
    assert not list(temp.glob("*survey*"))
    assert not list(work.rglob("*.csv"))
    assert "Install mentorkit from the action's checkout" in runner.ran
    # The action installed mentorkit from its own checkout, not from a package index.
    origin = installed.run(
        "python", "-c",
        "from importlib.metadata import distribution as d; print(d('mentorkit').read_text('direct_url.json'))",
        cwd=tmp_path,
    ).stdout  # fmt: skip
    assert action.as_uri() in origin, origin
    # Its optional command input runs one command without a shell.
    runner.context["inputs.args"] = "validate --format text"
    runner.run_action()
    assert runner.ran[-1] == "Run mentorkit"


def test_a_pip_install_step_runs(installed: Installed, tmp_path: Path) -> None:
    wheel = next(installed.dist.glob("mentorkit-*.whl"))
    spec = f"mentorkit @ {wheel.as_uri()}"
    work = _pull_request(installed, tmp_path, "--mentorkit-requirement", spec)
    runner = Runner(installed, work, tmp_path, tmp_path)
    runner.run_workflow(work / ".github" / "workflows" / "mentorkit-pr.yml")
    assert "Install mentorkit" in runner.ran and "Validate" in runner.ran
