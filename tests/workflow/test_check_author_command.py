from __future__ import annotations

import json
from pathlib import Path

from tests.workflow.conftest import commit_all, git, run


def test_files_mode_checks_the_named_files_as_they_are(program_repo: Path) -> None:
    mira = str(program_repo / "participants" / "mira-chen.yaml")
    code, out, _ = run(program_repo, "check-author", "--author", "mira-chen", mira)
    assert code == 0, out
    code, out, _ = run(
        program_repo, "check-author", "--author", "sam-okoro", mira, "--format", "markdown"
    )
    assert code == 1
    assert out.startswith("❌ @sam-okoro may not make 1 of 1 change(s)")


def test_github_format_annotates_the_refused_file(program_repo: Path) -> None:
    cohort = next((program_repo / "program" / "cohorts").glob("*.yaml"))
    code, out, _ = run(
        program_repo, "check-author", "--author", "mira-chen", str(cohort), "--format", "github"
    )
    assert code == 1
    assert out.startswith(
        f"::error file=program/cohorts/{cohort.name},line=1,title=mentorkit coordinator-only::"
    )


def test_json_lists_every_decision(program_repo: Path) -> None:
    cohort = next((program_repo / "program" / "cohorts").glob("*.yaml"))
    code, out, _ = run(
        program_repo, "check-author", "--author", "octo-coord", str(cohort), "--format", "json"
    )
    payload = json.loads(out)
    assert (
        code == 0 and payload["coordinator"] is True and payload["files"][0]["verdict"] == "allowed"
    )


def test_misuse_exits_2(program_repo: Path) -> None:
    assert run(program_repo, "check-author", "--author", "x")[0] == 2
    code, _, err = run(program_repo, "check-author", "--author", "x", "--base", "no-such-branch")
    assert code == 2 and "unknown git ref" in err
    assert run(program_repo, "check-author", "--author", "x", "/etc/passwd")[0] == 2


def test_files_mode_reads_owners_from_the_last_commit_not_the_edited_file(
    program_repo: Path,
) -> None:
    # sam rewrites mira's file to name himself: the working tree would say he owns it.
    mira = program_repo / "participants" / "mira-chen.yaml"
    mira.write_text(
        mira.read_text(encoding="utf-8").replace(
            "id: mira-chen", "id: mira-chen\ngithub: sam-okoro"
        ),
        encoding="utf-8",
    )
    code, out, _ = run(program_repo, "check-author", "--author", "sam-okoro", str(mira))
    assert code == 1, out
    assert "belongs to @mira-chen" in out


def test_a_committed_symlink_to_program_material_is_refused(program_repo: Path) -> None:
    git(program_repo, "checkout", "--quiet", "-b", "link")
    (program_repo / "participants" / "mallory.yaml").symlink_to("../program/program.yaml")
    commit_all(program_repo, "a profile that is a link")
    code, out, _ = run(program_repo, "check-author", "--author", "mallory", "--base", "main")
    assert code == 1, out
    assert "participants/mallory.yaml: refused: participants/mallory.yaml is a symbolic link" in out
    link = str(program_repo / "participants" / "mallory.yaml")
    code, out, _ = run(program_repo, "check-author", "--author", "mallory", link)
    assert code == 1 and "symbolic link" in out, out


def test_a_file_too_large_to_read_is_refused_saying_so(program_repo: Path) -> None:
    # Mira's own profile, with her login, grown past the limit: its owner cannot be read.
    git(program_repo, "checkout", "--quiet", "-b", "large")
    mira = program_repo / "participants" / "mira-chen.yaml"
    text = mira.read_text(encoding="utf-8") + "\n" + "# padding\n" * 8000
    mira.write_text(text, encoding="utf-8")
    commit_all(program_repo, "a very long profile")
    size = len(text.encode("utf-8"))
    code, out, _ = run(program_repo, "check-author", "--author", "mira-chen", "--base", "main")
    assert code == 1, out
    assert f"the file is {size:,} bytes; the limit for a participant file is 65,536" in out
    assert "no-login" not in out and "names no github login" not in out
    code, out, _ = run(
        program_repo, "check-author", "--author", "mira-chen", "--base", "main", "--format", "json"
    )
    assert code == 1 and json.loads(out)["files"][0]["code"] == "file-too-large"
