from __future__ import annotations

from typing import Any

from mentorkit.model.changes import Change
from mentorkit.problems import Problem
from mentorkit.workflow.authorship import AuthorshipResult, check_authorship
from mentorkit.workflow.authorship_owners import Snapshot, owner_login

CHARTER = {"name": "P", "purpose": "x", "coordinators": ["cora"]}


def snap(**people: dict[str, Any] | None) -> dict[str, Any]:
    files: dict[str, Any] = {"program/program.yaml": CHARTER}
    for pid, data in people.items():
        files[f"participants/{pid}.yaml"] = data
    return files


BASE = Snapshot(
    snap(
        cora={"id": "cora", "github": "CoraGH"},
        ada={"id": "ada", "github": "ada-gh"},
        bob={"id": "bob", "github": "bob"},
    )
)


def decide(
    author: str,
    changes: list[Change],
    head_extra: dict[str, Any] | None = None,
    base: Snapshot = BASE,
) -> AuthorshipResult:
    head = Snapshot({**base.files, **(head_extra or {})})
    return check_authorship(author, changes, base, head)


def test_owner_is_the_github_login_and_nothing_else() -> None:
    assert owner_login({"id": "ada", "github": "Ada-GH"}) == "Ada-GH"
    # Neither the id nor the file name is a login: someone else may hold that name on GitHub.
    assert owner_login({"id": "ada"}) == ""
    assert owner_login(None) == ""


def test_a_profile_without_a_login_is_for_coordinators_only() -> None:
    edit = {"participants/nolo.yaml": {"id": "nolo", "name": "changed"}}
    base = Snapshot({**BASE.files, "participants/nolo.yaml": {"id": "nolo"}})
    for status in ("modified", "deleted"):
        result = decide("nolo", [Change("participants/nolo.yaml", status)], edit, base)
        assert [d.code for d in result.refused] == ["not-own-file"]
        assert "coordinators" in result.refused[0].message
    assert decide("CoraGH", [Change("participants/nolo.yaml", "modified")], edit, base).ok
    new = {"participants/eve.yaml": {"id": "eve"}}
    result = decide("eve", [Change("participants/eve.yaml", "added")], new)
    assert [d.code for d in result.refused] == ["no-login"]
    assert "github: eve" in result.refused[0].message


def test_a_newcomer_may_add_their_own_file() -> None:
    new = {"participants/eve.yaml": {"id": "eve", "github": "Eve99"}}
    result = decide("eve99", [Change("participants/eve.yaml", "added")], new)
    assert result.ok and not result.is_coordinator
    assert result.decisions[0].code == "own-file"


def test_adding_a_file_that_names_someone_else_is_refused() -> None:
    new = {"participants/eve.yaml": {"id": "eve", "github": "someone"}}
    result = decide("eve", [Change("participants/eve.yaml", "added")], new)
    assert not result.ok
    assert "@someone" in result.refused[0].message


def test_claiming_an_id_that_exists_on_the_base_is_refused() -> None:
    # The file name is new but the id inside belongs to ada.
    new = {"participants/ada2.yaml": {"id": "ada", "github": "mallory"}}
    result = decide("mallory", [Change("participants/ada2.yaml", "added")], new)
    assert [d.code for d in result.refused] == ["id-taken"]


def test_editing_another_persons_file_is_refused_even_when_it_now_names_the_author() -> None:
    hijack = {"participants/ada.yaml": {"id": "ada", "github": "mallory"}}
    result = decide("mallory", [Change("participants/ada.yaml", "modified")], hijack)
    assert not result.ok
    assert result.refused[0].code == "not-own-file"
    assert "belongs to @ada-gh" in result.refused[0].message


def test_the_owner_may_edit_with_any_letter_case() -> None:
    result = decide("ADA-GH", [Change("participants/ada.yaml", "modified")])
    assert result.ok


def test_handing_ones_file_to_someone_else_is_refused() -> None:
    given = {"participants/ada.yaml": {"id": "ada", "github": "bob"}}
    assert not decide("ada-gh", [Change("participants/ada.yaml", "modified")], given).ok


def test_deleting_or_renaming_another_persons_file_is_refused() -> None:
    assert not decide("ada-gh", [Change("participants/bob.yaml", "deleted")]).ok
    renamed = {"participants/bobby.yaml": {"id": "bobby", "github": "ada-gh"}}
    assert not decide(
        "ada-gh", [Change("participants/bobby.yaml", "renamed", "participants/bob.yaml")], renamed
    ).ok


def test_one_may_delete_or_rename_ones_own_file() -> None:
    assert decide("bob", [Change("participants/bob.yaml", "deleted")]).ok
    renamed = {"participants/robert.yaml": {"id": "robert", "github": "bob"}}
    assert decide(
        "bob", [Change("participants/robert.yaml", "renamed", "participants/bob.yaml")], renamed
    ).ok


def test_program_material_is_for_coordinators_only() -> None:
    changes = [
        Change("program/cohorts/c.yaml", "modified"),
        Change(".github/workflows/x.yml", "modified"),
    ]
    result = decide("bob", changes)
    assert [d.code for d in result.refused] == ["coordinator-only", "coordinator-only"]
    assert "only a coordinator may edit" in result.refused[0].message


def test_a_coordinator_is_found_by_their_login_and_may_change_anything() -> None:
    changes = [
        Change("program/cohorts/c.yaml", "modified"),
        Change("participants/ada.yaml", "deleted"),
    ]
    result = decide("coragh", changes)
    assert result.ok and result.is_coordinator


def test_making_oneself_coordinator_in_the_pr_grants_nothing() -> None:
    head = {"program/program.yaml": {**CHARTER, "coordinators": ["cora", "bob"]}}
    result = decide("bob", [Change("program/program.yaml", "modified")], head)
    assert not result.ok and not result.is_coordinator


def test_a_participant_may_add_a_lesson_they_wrote_but_not_someone_elses() -> None:
    own = {"program/lessons/2026-01-01-x.yaml": {"author": "bob", "title": "x"}}
    assert decide("bob", [Change("program/lessons/2026-01-01-x.yaml", "added")], own).ok
    other = {"program/lessons/2026-01-01-x.yaml": {"author": "ada", "title": "x"}}
    result = decide("bob", [Change("program/lessons/2026-01-01-x.yaml", "added")], other)
    assert [d.code for d in result.refused] == ["not-own-lesson"]


def test_a_newcomer_may_add_their_profile_and_a_lesson_together() -> None:
    head = {
        "participants/eve.yaml": {"id": "eve", "github": "eve"},
        "program/lessons/2026-01-01-y.yaml": {"author": "eve", "title": "y"},
    }
    changes = [
        Change("participants/eve.yaml", "added"),
        Change("program/lessons/2026-01-01-y.yaml", "added"),
    ]
    assert decide("eve", changes, head).ok


def test_editing_someone_elses_lesson_is_refused() -> None:
    base = Snapshot({**BASE.files, "program/lessons/l.yaml": {"author": "ada"}})
    head_edit = {"program/lessons/l.yaml": {"author": "bob"}}
    assert not decide("bob", [Change("program/lessons/l.yaml", "modified")], head_edit, base).ok


def test_coordinators_without_a_participant_file_log_in_with_their_id() -> None:
    base = Snapshot({"program/program.yaml": {"coordinators": ["solo"]}})
    assert check_authorship("solo", [Change("program/skills.yaml", "modified")], base, base).ok


def test_changing_ones_id_to_a_taken_one_is_refused() -> None:
    # Editing one's own file must not let it claim ada's id (two files, one id).
    claimed = {"participants/bob.yaml": {"id": "ada", "github": "bob"}}
    result = decide("bob", [Change("participants/bob.yaml", "modified")], claimed)
    assert [d.code for d in result.refused] == ["id-taken"]
    assert "@ada-gh (participants/ada.yaml)" in result.refused[0].message


def test_the_id_of_a_coordinator_without_a_file_cannot_be_claimed() -> None:
    # Coordinators without a participant file log in with their id: taking that id
    # would make the taker a coordinator once merged.
    base = Snapshot({**BASE.files, "program/program.yaml": {"coordinators": ["cora", "kim"]}})
    new = {"participants/kim.yaml": {"id": "kim", "github": "mallory"}}
    added = decide("mallory", [Change("participants/kim.yaml", "added")], new, base)
    assert [d.code for d in added.refused] == ["id-taken"]
    assert "coordinator" in added.refused[0].message
    renamed_id = {"participants/bob.yaml": {"id": "kim", "github": "bob"}}
    edited = decide("bob", [Change("participants/bob.yaml", "modified")], renamed_id, base)
    assert [d.code for d in edited.refused] == ["id-taken"]


def test_ids_and_file_names_are_taken_whatever_their_letter_case() -> None:
    new = {"participants/ADA.yaml": {"id": "ADA", "github": "mallory"}}
    result = decide("mallory", [Change("participants/ADA.yaml", "added")], new)
    assert [d.code for d in result.refused] == ["id-taken"]


def test_one_may_keep_or_recase_ones_own_id_when_editing() -> None:
    same = {"participants/bob.yaml": {"id": "bob", "github": "bob", "name": "Bob B"}}
    assert decide("bob", [Change("participants/bob.yaml", "modified")], same).ok


def test_a_symlink_or_submodule_is_refused_even_when_it_would_name_the_author() -> None:
    # Git reports the head's mode; the loader would follow the link to another file.
    linked = {"participants/eve.yaml": {"id": "eve"}}
    for mode in ("120000", "160000"):
        change = Change("participants/eve.yaml", "added", None, mode)
        result = decide("eve", [change], linked)
        assert [d.code for d in result.refused] == ["not-a-plain-file"]
    lesson = Change("program/lessons/l.yaml", "added", None, "120000")
    assert not decide("bob", [lesson], {"program/lessons/l.yaml": {"author": "bob"}}).ok


def test_look_alike_logins_match_nobody() -> None:
    # U+212A KELVIN SIGN lower-cases to "k"; GitHub logins are ASCII.
    base = Snapshot(snap(kim={"id": "kim", "github": "kim"}))
    head = Snapshot({**base.files, "participants/kim.yaml": {"id": "kim", "github": "kim"}})
    change = [Change("participants/kim.yaml", "modified")]
    assert not check_authorship("\u212aim", change, base, head).ok
    assert check_authorship("KIM", change, base, head).ok


def test_a_duplicate_of_a_coordinators_id_in_another_file_grants_nothing() -> None:
    # participants/aaa.yaml sorts first and claims cora's id: cora's own file decides.
    base = Snapshot({"participants/aaa.yaml": {"id": "cora", "github": "mallory"}, **BASE.files})
    result = check_authorship("mallory", [Change("program/skills.yaml", "modified")], base, base)
    assert not result.is_coordinator and not result.ok
    assert check_authorship("coragh", [Change("program/skills.yaml", "modified")], base, base).ok


def test_a_lesson_that_would_take_over_anothers_page_is_refused() -> None:
    theirs = "program/lessons/2026-01-01-talk.yaml"
    base = Snapshot({**BASE.files, theirs: {"author": "ada", "title": "ada's"}})
    for path in (
        "program/lessons/2026-01-01-talk.yml",
        "program/lessons/2026-01-01-Talk.yaml",
        "program/lessons/2026-01-01--talk-.yaml",
    ):
        head = {path: {"author": "bob", "title": "bob's"}}
        result = decide("bob", [Change(path, "added")], head, base)
        assert [d.code for d in result.refused] == ["page-taken"], path
        assert theirs in result.refused[0].message
    renamed = Change("program/lessons/2026-01-01-talk.yml", "renamed", old_path=theirs)
    head = {renamed.path: {"author": "ada", "title": "ada's"}}
    assert decide("ada-gh", [renamed], head, base).ok  # moving one's own lesson is fine


def test_an_unreadable_file_is_refused_for_what_it_is_not_for_its_contents() -> None:
    too_large = Problem(
        "x", 0, 0, "error", "file-too-large", "the file is 70,000 bytes; the limit is 65,536"
    )
    paths = ("participants/eve.yaml", "participants/ada.yaml", "program/lessons/2026-01-01-x.yaml")
    head = Snapshot({**BASE.files, **dict.fromkeys(paths)}, dict.fromkeys(paths, too_large))
    changes = [Change(paths[0], "added"), Change(paths[1], "modified"), Change(paths[2], "added")]
    result = check_authorship("eve", changes, BASE, head)
    codes = {d.path: (d.code, d.message) for d in result.refused}
    assert codes[paths[0]] == (
        "file-too-large",
        "the file is 70,000 bytes; the limit is 65,536: mentorkit cannot read it, "
        "so cannot tell whose it is",
    )
    assert codes[paths[2]][0] == "file-too-large"
    assert codes[paths[1]][0] == "not-own-file"  # whose it was is known from the base
