"""A tiny sealed program: coordinators' key in program.yaml, private fields to seal."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from mentorkit.cli.main import cli
from mentorkit.sealing.keys import NewIdentity, generate

PROGRAM = """\
# yaml-language-server: $schema=../schemas/program.schema.json
name: Sealed Mentoring
purpose: Test sealing.
coordinators: [cora]
privacy:
  recipients:
    - id: cora
      key: {key}
  require_sealed: true
  seal_manager: true
"""
SKILLS = """\
skills:
  - id: python
    name: Python
"""
COHORT = """\
id: spring
name: Spring
format: one-on-one
status: matching
starts: 2026-03-01
ends: 2026-08-31
cadence: fortnightly
"""


def person(pid: str, *, level: int, role: str, extra: str = "") -> str:
    offer = (
        "mentor:\n  capacity: 1\n  skills:\n    python: 5\n"
        if role == "mentor"
        else "mentee:\n  goals:\n    - skill: python\n"
    )
    return (
        f"id: {pid}\nname: {pid.title()}\ndepartment: D{level}\nlevel: {level}\n"
        f"timezone: Europe/Berlin\ncohorts: [spring]\n{extra}{offer}"
    )


def mentorkit(repo: Path, *args: str, identity: Path | None = None) -> tuple[int, str, str]:
    """Run mentorkit on ``repo`` as a user would: (exit code, stdout, stderr). The identity
    is the one given, never one from the environment."""
    env = {"MENTORKIT_IDENTITY": str(identity) if identity else ""}
    result = CliRunner().invoke(cli, ["--repo", str(repo), *args], env=env, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def new_checkin(
    repo: Path,
    by: str,
    health: str,
    *,
    date: str | None = None,
    note: str | None = None,
    pair: tuple[str, str] | None = None,
    cohort: str = "2026-autumn",
) -> tuple[int, str, str]:
    """``mentorkit new checkin`` without prompts, as a participant records one."""
    args = ["new", "checkin", cohort, "--by", by, "--health", health, "--no-input"]
    args += ["--date", date] if date else []
    args += ["--note", note] if note else []
    args += ["--mentor", pair[0], "--mentee", pair[1]] if pair else []
    return mentorkit(repo, *args)


@dataclass(frozen=True)
class SealedRepo:
    root: Path
    coordinator: NewIdentity
    identity_file: Path

    def run(
        self, *args: str, identity: bool = False, env: dict[str, str] | None = None
    ) -> tuple[int, str, str]:
        extra = ["--identity", str(self.identity_file)] if identity else []
        result = CliRunner().invoke(
            cli,
            ["--repo", str(self.root), *args, *extra],
            env={"MENTORKIT_IDENTITY": "", **(env or {})},
            catch_exceptions=False,
        )
        return result.exit_code, result.stdout, result.stderr

    def text(self, relpath: str) -> str:
        return (self.root / relpath).read_text(encoding="utf-8")

    def add_coordinator_key(self, coordinator: str) -> NewIdentity:
        """A new key, listed last in privacy.recipients as ``coordinator``'s (a coordinator
        joining); its secret is the caller's to write where the test needs it."""
        key = generate()
        charter = self.root / "program/program.yaml"
        charter.write_text(
            self.text("program/program.yaml").replace(
                "  require_sealed",
                f"    - id: {coordinator}\n      key: {key.public}\n  require_sealed",
            ),
            encoding="utf-8",
        )
        return key


@pytest.fixture
def sealed_repo(tmp_path: Path) -> SealedRepo:
    """Mentors ann and max, mentees eve and ivo: eve avoids ann, ann manages ivo (plain text)."""
    coordinator = generate()
    root = tmp_path / "repo"
    files = {
        "program/program.yaml": PROGRAM.format(key=coordinator.public),
        "program/skills.yaml": SKILLS,
        "program/cohorts/spring.yaml": COHORT,
        "participants/cora.yaml": person("cora", level=9, role="mentee").replace(
            "cohorts: [spring]\n", ""
        ),
        "participants/ann.yaml": person("ann", level=8, role="mentor"),
        "participants/max.yaml": person("max", level=5, role="mentor"),
        "participants/eve.yaml": person(
            "eve", level=2, role="mentee", extra="email: eve@example.com\navoid: [ann]\n"
        ),
        "participants/ivo.yaml": person("ivo", level=2, role="mentee", extra="manager: ann\n"),
    }
    for relpath, text in files.items():
        (root / relpath).parent.mkdir(parents=True, exist_ok=True)
        (root / relpath).write_text(text, encoding="utf-8")
    identity_file = tmp_path / "cora.key"
    identity_file.write_text(coordinator.file_text("2026-01-01T00:00:00+00:00"), encoding="utf-8")
    return SealedRepo(root, coordinator, identity_file)
