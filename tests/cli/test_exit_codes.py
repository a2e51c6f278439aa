"""One convention for every command: exit 2 and a message for misuse, exit 1 for bad data.

Every command the CLI lists must appear in MISUSE and, unless it reads no program data,
in BAD_DATA: a new command without its cases fails ``test_every_command_is_covered``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mentorkit.cli.main import cli
from tests.conftest import FIXTURES, copy_program
from tests.workflow.conftest import commit_all, git, run

# command path -> (arguments, words the error message holds)
MISUSE: dict[str, tuple[list[str], str]] = {
    "validate": (["validate", "--format", "nope"], "Invalid value for '--format'"),
    "match": (["match", "no-such-cohort"], "unknown cohort 'no-such-cohort'"),
    "review": (["review", "--base", "no-such-ref"], "no-such-ref"),
    "check-author": (["check-author", "--author", "ada"], "give the changed FILEs or --base"),
    "build": (["build", "--today", "soon"], "Invalid value for '--today'"),
    "serve": (["serve", "--port", "0"], "Invalid value for '--port'"),
    "report": (["report", "--health"], "--health and --reflection need a COHORT"),
    "rematch": (["rematch", "2026-autumn", "ada", "--reason", " "], "--reason must say why"),
    "accept": (["accept", "2026-autumn"], "name the pairs (MENTOR--MENTEE) or pass --all"),
    "leave": (["leave", "nobody-here"], "no participant 'nobody-here'"),
    "new participant": (["new", "participant", "--no-input"], "--id is required with --no-input"),
    "new lesson": (["new", "lesson", "--no-input"], "--title is required with --no-input"),
    "new cohort": (["new", "cohort", "--no-input"], "--id is required with --no-input"),
    "new agreement": (["new", "agreement", "no-such-cohort", "ada"], "unknown cohort"),
    "init": (["init", "{repo}", "--coordinator", "lead"], "not empty"),
    "export ics": (["export", "ics", "2026-autumn", "--pair", "grace"], "expected MENTOR--MENTEE"),
    "completion": (["completion", "tcsh"], "Invalid value for '{bash|zsh|fish}'"),
    "suggest": (["suggest", "nobody-here"], "unknown participant 'nobody-here'"),
    "new checkin": (["new", "checkin", "2026-autumn", "--no-input"], "--by is required"),
    "migrate-checkins": (["migrate-checkins", "--nope"], "No such option '--nope'"),
    "keygen": (["keygen", "--out", "{repo}"], "Invalid value for '--out'"),
    "seal": (["seal"], "lists no privacy.recipients"),
    "unseal": (["unseal", "{repo}/participants/ada.yaml"], "MENTORKIT_IDENTITY"),
    "edit": (["edit", "{repo}/participants/ada.yaml"], "MENTORKIT_IDENTITY"),
    "rekey": (["rekey"], "MENTORKIT_IDENTITY"),
}

# command path -> arguments that meet the broken program (kofi seeks an unknown skill)
BAD_DATA: dict[str, list[str]] = {
    "validate": ["validate"],
    "suggest": ["suggest", "kofi", "--cohort", "2026-autumn"],
    "match": ["match", "2026-autumn"],
    "review": ["review", "--base", "main"],
    "check-author": ["check-author", "--base", "main", "--author", "ada"],  # a refusal
    "build": ["build", "--out", "{tmp}/site"],
    "serve": ["serve", "--out", "{tmp}/site"],
    "report": ["report"],
    "rematch": ["rematch", "2026-autumn", "ada", "--reason", "moving teams"],
    "accept": ["accept", "2026-autumn", "--all"],
    "leave": ["leave", "kofi"],
    "new participant": [
        "new",
        "participant",
        "--no-input",
        "--id",
        "mo",
        "--name",
        "Mo",
        "--department",
        "Data",
        "--level",
        "3",
        "--timezone",
        "Europe/Paris",
        "--cohorts",
        "no-such-cohort",
        "--role",
        "mentee",
        "--goals",
        "python",
    ],
    "new lesson": [
        "new",
        "lesson",
        "--no-input",
        "--title",
        "T",
        "--author",
        "nobody-here",
        "--context",
        "c",
        "--action",
        "a",
        "--outcome",
        "o",
        "--takeaway",
        "t",
    ],
    "new cohort": [
        "new",
        "cohort",
        "--no-input",
        "--id",
        "2027-x",
        "--name",
        "X",
        "--format",
        "one-on-one",
        "--starts",
        "2027-05-01",
        "--ends",
        "2027-01-01",
        "--cadence",
        "weekly",
    ],
    "new agreement": ["new", "agreement", "2026-autumn", "kofi", "--mentor", "grace", "--no-input"],
    "export ics": ["export", "ics", "2026-autumn"],
    # grace and kofi have no agreement, so the check-in would not validate
    "new checkin": [
        "new",
        "checkin",
        "2026-autumn",
        "--by",
        "kofi",
        "--mentor",
        "grace",
        "--mentee",
        "kofi",
        "--health",
        "on-track",
        "--no-input",
    ],
    # the fixture's inline check-in names no author: it cannot move
    "migrate-checkins": ["migrate-checkins", "--dry-run"],
}
# Commands that read no program data, so no data of theirs can be bad.
NO_DATA = {
    "init": "creates a repository from the package's template",
    "completion": "prints a shell script",
    "keygen": "creates a key pair",
    # These work file by file with keys the fixture has none of; a file they cannot seal
    # or open exits 1, tested in tests/sealing.
    "seal": "needs the program's public keys",
    "unseal": "needs an identity",
    "edit": "needs an identity",
    "rekey": "needs an identity",
}


def _command_paths() -> set[str]:
    import click

    paths = set()
    ctx = click.Context(cli)
    for name in cli.list_commands(ctx):
        command = cli.get_command(ctx, name)
        if isinstance(command, click.Group):
            paths |= {f"{name} {sub}" for sub in command.list_commands(ctx)}
        else:
            paths.add(name)
    return paths


def test_every_command_is_covered() -> None:
    missing = _command_paths() - set(MISUSE)
    assert not missing, f"add a misuse case to MISUSE in {__file__} for: {sorted(missing)}"
    missing = _command_paths() - set(BAD_DATA) - set(NO_DATA)
    assert not missing, f"add a bad-data case to BAD_DATA in {__file__} for: {sorted(missing)}"


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """main: the fixture program, valid; checked out: a commit that breaks kofi's goal."""
    root = copy_program(FIXTURES / "validate" / "base", tmp_path_factory.mktemp("bad") / "repo")
    git(root, "init", "--quiet", "--initial-branch=main")
    commit_all(root, "valid program")
    git(root, "checkout", "--quiet", "-b", "broken")
    kofi = root / "participants" / "kofi.yaml"
    kofi.write_text(kofi.read_text().replace("skill: public-speaking", "skill: publik-speaking"))
    commit_all(root, "kofi's goal names a skill nobody has")
    return root


@pytest.mark.parametrize("command", sorted(MISUSE))
def test_misuse_exits_2_with_a_message(command: str, broken: Path) -> None:
    args, words = MISUSE[command]
    args = [a.replace("{repo}", str(broken)) for a in args]
    code, out, err = run(broken, *args)
    assert code == 2, (command, out, err)
    assert words in err, (command, err)
    assert "Traceback" not in out + err


@pytest.mark.parametrize("command", sorted(BAD_DATA))
def test_bad_data_exits_1(command: str, broken: Path, tmp_path: Path) -> None:
    args = [a.replace("{tmp}", str(tmp_path)) for a in BAD_DATA[command]]
    code, out, err = run(broken, *args)
    assert code == 1, (command, out, err)
    assert "Traceback" not in out + err
    assert not (broken / "participants" / "mo.yaml").exists()


@pytest.mark.parametrize("where", ["before", "after"])
def test_repo_quiet_and_verbose_work_before_or_after_the_command(where: str, broken: Path) -> None:
    from click.testing import CliRunner

    common = ["--repo", str(broken), "-v"]
    args = [*common, "validate"] if where == "before" else ["validate", *common]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1
    assert "publik-speaking" in result.stdout
    assert f"program repository: {broken}" in result.stderr
    quiet = ["report", "-q"] if where == "after" else ["-q", "report"]
    result = CliRunner().invoke(cli, ["--repo", str(broken), *quiet])
    assert result.exit_code == 1
    assert "note:" not in result.stderr


def test_every_command_takes_the_common_options() -> None:
    import click

    ctx = click.Context(cli)
    for path in _command_paths():
        group, _, sub = path.partition(" ")
        command = cli.get_command(ctx, group)
        assert command is not None
        if sub:
            assert isinstance(command, click.Group)
            command = command.get_command(ctx, sub)
            assert command is not None
        opts = {o for p in command.params for o in p.opts}
        assert {"--repo", "-q", "--quiet", "-v", "--verbose"} <= opts, path
