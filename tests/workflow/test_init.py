from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
import yaml
from click.testing import CliRunner

from mentorkit.cli.main import cli
from mentorkit.loading.handbook import packaged_handbook
from mentorkit.loading.schemas import SCHEMA_KINDS, schema_text
from mentorkit.sealing.keys import generate
from mentorkit.workflow.initialize import InitOptions, codeowners, plan_init, substitutions
from tests.workflow.conftest import COHORT, TODAY, run

REPO = Path(__file__).resolve().parents[2]


def test_plan_holds_everything_a_program_repository_needs() -> None:
    files = plan_init(InitOptions("Acme Mentoring", "OctoCat", TODAY))
    for required in (
        "program/program.yaml",
        "program/skills.yaml",
        f"program/cohorts/{COHORT}.yaml",
        "mkdocs.yml",
        "site/index.md",
        ".github/workflows/mentorkit-pr.yml",
        ".github/workflows/mentorkit-comment.yml",
        ".github/workflows/mentorkit-pages.yml",
        ".github/CODEOWNERS",
        ".pre-commit-config.yaml",
        ".vscode/settings.json",
        "README.md",
        ".gitignore",
    ):
        assert required in files, required
    # Nobody but the coordinator, whose profile holds only what init was told.
    assert [p for p in files if p.startswith("participants/")] == ["participants/octocat.yaml"]
    profile = yaml.safe_load(files["participants/octocat.yaml"])
    assert profile["github"] == "OctoCat" and profile["name"] == "OctoCat"
    assert profile["public"] is False and "cohorts" not in profile and "mentor" not in profile
    assert files["participants/octocat.yaml"].count("TODO") >= 5
    assert not any(
        "__" in path or "__" in text.replace("__pycache__", "") for path, text in files.items()
    )
    for kind in SCHEMA_KINDS:
        assert files[f"schemas/{kind}.schema.json"] == schema_text(kind)
    owned = [line for line in files[".github/CODEOWNERS"].splitlines() if line[:1] not in "#"]
    assert owned == ["* @OctoCat"]  # the workflows too: a PR could edit check-author away
    assert "Acme Mentoring" in files["mkdocs.yml"]


def test_editor_settings_map_every_data_glob_to_its_schema() -> None:
    files = plan_init(InitOptions(today=TODAY))
    mapping = json.loads(files[".vscode/settings.json"])["yaml.schemas"]
    assert mapping["./schemas/participant.schema.json"] == ["participants/*.yaml"]
    assert mapping["./schemas/agreement.schema.json"] == ["program/agreements/*/*.yaml"]
    for schema in mapping:
        assert schema.removeprefix("./") in files
    # This repository uses the same mapping.
    assert (
        json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))["yaml.schemas"]
        == mapping
    )


def test_a_login_that_is_no_github_login_is_refused() -> None:
    with pytest.raises(ValueError, match="not a GitHub login"):
        substitutions(InitOptions(coordinator_login="bad login!"))


def test_codeowners_lists_every_coordinator() -> None:
    assert "* @a @b\n" in codeowners(["a", "b"])


def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    result = CliRunner().invoke(cli, ["init", str(tmp_path), "--coordinator", "lead"])
    assert result.exit_code == 2
    assert "not empty" in result.stderr
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"
    forced = CliRunner().invoke(cli, ["init", str(tmp_path), "--force", "--coordinator", "lead"])
    assert forced.exit_code == 0
    assert (tmp_path / "program" / "program.yaml").is_file() and (tmp_path / "notes.txt").exists()


def test_init_can_start_a_git_repository(tmp_path: Path) -> None:
    target = tmp_path / "new-program"
    result = CliRunner().invoke(
        cli, ["init", str(target), "--git", "--name", "Acme", "--coordinator", "acme-lead"]
    )
    assert result.exit_code == 0, result.output
    assert (target / ".git").is_dir()
    charter = yaml.safe_load((target / "program" / "program.yaml").read_text(encoding="utf-8"))
    assert charter["name"] == "Acme" and charter["coordinators"] == ["acme-lead"]


@pytest.mark.slow
def test_init_output_validates_matches_and_builds(tmp_path: Path) -> None:
    target = tmp_path / "fresh"
    done = CliRunner().invoke(cli, ["init", str(target), "--coordinator", "lead", "--example"])
    assert done.exit_code == 0, done.output
    assert "Demo people (--example), to delete before launch" in done.stdout
    code, out, _ = run(target, "validate")
    assert code == 0 and "no problems" in out, out
    cohort = next((target / "program" / "cohorts").glob("*.yaml")).stem
    code, out, _ = run(target, "match", cohort)
    assert code == 0, out
    assert "mira-chen" in out
    assert "build" in cli.list_commands(click.Context(cli))
    code, out, err = run(target, "build", "--out", str(tmp_path / "out"))
    assert code == 0, out + err
    assert (tmp_path / "out" / "site" / "index.html").is_file()
    # A new program's handbook has every page this repository's has.
    for page in packaged_handbook():
        assert (tmp_path / "out" / "site" / page.replace(".md", ".html")).is_file(), page


def test_init_ships_the_same_theme_override_as_this_repository() -> None:
    """The override is copied into the package for `init`; the two must not drift apart."""
    root = Path(__file__).resolve().parents[2]
    template = root / "mentorkit" / "templates" / "program" / "site" / "overrides" / "main.html"
    assert template.read_text() == (root / "site" / "overrides" / "main.html").read_text()


def test_the_charters_privacy_block_works_once_uncommented(tmp_path: Path) -> None:
    """A new program turns sealing on by uncommenting one block and pasting a key: the
    strict settings come with it, and a private field is then refused until sealed."""
    target = tmp_path / "fresh"
    done = CliRunner().invoke(cli, ["init", str(target), "--coordinator", "lead", "--example"])
    assert done.exit_code == 0, done.output
    charter = target / "program" / "program.yaml"
    text = charter.read_text(encoding="utf-8")
    block = [line for line in text.splitlines() if line.startswith("#   ") or line == "# privacy:"]
    assert block[0] == "# privacy:" and "#   require_named: true" in " ".join(block)
    key = generate()
    uncommented = "\n".join(line[2:] for line in block).replace("age1...", key.public)
    charter.write_text(text.replace("\n".join(block), uncommented), encoding="utf-8")
    settings = yaml.safe_load(charter.read_text(encoding="utf-8"))["privacy"]
    assert settings["recipients"] == [{"id": "lead", "key": key.public}]
    assert settings["require_sealed"] is settings["require_named"] is True
    profile = target / "participants" / "sam-okoro.yaml"
    profile.write_text(
        profile.read_text(encoding="utf-8") + "email: sam@example.com\n", encoding="utf-8"
    )
    code, out, _ = run(target, "validate")
    assert code == 1 and "mentorkit seal" in out, out  # require_sealed is on
    code, out, err = run(target, "seal")
    assert code == 0, out + err
    sealed = profile.read_text(encoding="utf-8")
    assert "sealed: |" in sealed and "sam@example.com" not in sealed
    identity = tmp_path / "lead.key"
    identity.write_text(key.file_text("2026-08-10T00:00:00+00:00"), encoding="utf-8")
    code, out, _ = run(target, "validate", "--identity", str(identity))
    assert code == 0 and "no problems" in out, out
