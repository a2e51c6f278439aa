from __future__ import annotations

from typing import Any

from mentorkit.workflow.authorship import Snapshot, check_authorship, owner_login
from mentorkit.workflow.gitrepo import Change

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
        bob={"id": "bob"},
    )
)


def decide(
    author: str,
    changes: list[Change],
    head_extra: dict[str, Any] | None = None,
    base: Snapshot = BASE,
):
    head = Snapshot({**base.files, **(head_extra or {})})
    return check_authorship(author, changes, base, head)


def test_owner_is_the_github_login_then_the_id_then_the_file_stem() -> None:
    assert owner_login({"id": "ada", "github": "Ada-GH"}, "participants/ada.yaml") == "Ada-GH"
    assert owner_login({"id": "ada"}, "participants/ada.yaml") == "ada"
    assert owner_login(None, "participants/zed.yaml") == "zed"


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
        "participants/eve.yaml": {"id": "eve"},
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
