"""A value pasted from another file's Git history is never sealed again for the file it is in.

The attack: a participant pastes into their own profile another person's sealed value as
Git history keeps it. Nobody can read it and the pull request's checks pass. If a
coordinator then runs `rekey` (as the warning about a value naming no file advises) or
`edit` (as the message about a value naming another file advises), the value was sealed
again to the participant's own key: they could read that person's email and avoid list.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pyrage
import pytest

from mentorkit.loading.git import past_versions
from mentorkit.sealing.keys import NewIdentity, generate
from mentorkit.sealing.provenance import MARKER, holders
from tests.sealing.conftest import SealedRepo
from tests.sealing.test_binding import EVE, _block, _put_block

MAL = "participants/mal.yaml"
SENTINEL = "eve-SENTINEL@old.example"


def _git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@x", *args],
        check=True,
        capture_output=True,
    )


def _commit(root: Path, message: str) -> None:
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", message)


def _with_mal(sealed_repo: SealedRepo) -> NewIdentity:
    """Mal joins with a key of her own in her profile, so what is sealed for her she reads."""
    mal = generate()
    (sealed_repo.root / MAL).write_text(
        sealed_repo.text("participants/ivo.yaml")
        .replace("id: ivo", "id: mal")
        .replace("name: Ivo", "name: Mal")
        .replace("manager: ann\n", f"keys: [{mal.public}]\n"),
        encoding="utf-8",
    )
    return mal


def _paste(sealed_repo: SealedRepo, block: str) -> None:
    """``block`` as Mal's sealed value (she had none: nothing private to seal)."""
    path = sealed_repo.root / MAL
    text = path.read_text(encoding="utf-8")
    assert "sealed:" not in text
    path.write_text(text.replace("cohorts: [spring]\n", f"cohorts: [spring]\n{block}"), "utf-8")


def _legacy(sealed_repo: SealedRepo) -> str:
    """Eve's value as mentorkit before binding (or the age tool) sealed it: no file named."""
    recipient = pyrage.x25519.Recipient.from_str(sealed_repo.coordinator.public)
    plain = f"email: {SENTINEL}\navoid: [ann]\n".encode()
    armored = pyrage.encrypt(plain, [recipient], armored=True).decode()
    return "sealed: |\n" + "".join(f"  {line}\n" for line in armored.splitlines())


def _mal_reads(sealed_repo: SealedRepo, mal: NewIdentity, tmp_path: Path) -> str:
    key = tmp_path / "mal.key"
    key.write_text(mal.file_text("2026-01-01T00:00:00+00:00"), encoding="utf-8")
    _, out, err = sealed_repo.run("unseal", str(sealed_repo.root / MAL), "--identity", str(key))
    return out + err


def test_rekey_does_not_hand_a_pasted_unnamed_value_to_the_one_who_pasted_it(
    sealed_repo: SealedRepo, tmp_path: Path
) -> None:
    mal = _with_mal(sealed_repo)
    assert sealed_repo.run("seal")[0] == 0
    _put_block(sealed_repo, EVE, _legacy(sealed_repo))
    _git(sealed_repo.root, "init", "-q", "-b", "main")
    _commit(sealed_repo.root, "eve's value from before values named their file")
    old = _block(sealed_repo, EVE)
    assert sealed_repo.run("rekey", str(sealed_repo.root / EVE), identity=True)[0] == 0
    _commit(sealed_repo.root, "eve's value names her file (her own: sealed again)")
    # Mal's pull request: Eve's old value, out of Git history, in her own profile
    _paste(sealed_repo, old)
    _commit(sealed_repo.root, "mal's profile")
    before = sealed_repo.text(MAL)
    code, _, err = sealed_repo.run("rekey", identity=True)
    assert code == 1
    assert f"{MAL}: its sealed value does not name this file and was in {EVE} too" in err
    assert sealed_repo.text(MAL) == before
    assert SENTINEL not in _mal_reads(sealed_repo, mal, tmp_path)


def test_edit_does_not_seal_another_files_old_value_for_this_one(
    sealed_repo: SealedRepo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mal = _with_mal(sealed_repo)
    assert sealed_repo.run("seal")[0] == 0
    _git(sealed_repo.root, "init", "-q", "-b", "main")
    _commit(sealed_repo.root, "sealed")
    old = _block(sealed_repo, EVE)  # names participants/eve.yaml
    assert sealed_repo.run("rekey", str(sealed_repo.root / EVE), identity=True)[0] == 0
    _commit(sealed_repo.root, "eve's value sealed again")
    _paste(sealed_repo, old)
    _commit(sealed_repo.root, "mal's profile")
    # the set-aside message says "a file that was moved: `mentorkit edit` ..."; a
    # coordinator who follows it must not see Eve's fields nor seal them for Mal
    monkeypatch.setenv("EDITOR", "cat")
    monkeypatch.delenv("VISUAL", raising=False)
    before = sealed_repo.text(MAL)
    code, out, err = sealed_repo.run("edit", str(sealed_repo.root / MAL), identity=True)
    assert code == 1 and f"was in {EVE} too" in err
    assert "eve@example.com" not in out + err  # the editor never opened
    assert sealed_repo.text(MAL) == before
    assert "eve@example.com" not in _mal_reads(sealed_repo, mal, tmp_path)


def test_a_legacy_value_in_its_own_file_and_a_moved_file_are_still_sealed_again(
    sealed_repo: SealedRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert sealed_repo.run("seal")[0] == 0
    _put_block(sealed_repo, EVE, _legacy(sealed_repo))
    _git(sealed_repo.root, "init", "-q", "-b", "main")
    _commit(sealed_repo.root, "legacy")
    code, _, err = sealed_repo.run("rekey", identity=True)
    assert code == 0, err
    _commit(sealed_repo.root, "rekey")
    moved = sealed_repo.root / "participants/eva.yaml"
    moved.write_text(sealed_repo.text(EVE).replace("id: eve\n", "id: eva\n"), encoding="utf-8")
    (sealed_repo.root / EVE).unlink()
    _commit(sealed_repo.root, "eve is eva now")
    monkeypatch.setenv("EDITOR", "true")
    monkeypatch.delenv("VISUAL", raising=False)
    code, _, err = sealed_repo.run("edit", str(moved), identity=True)
    assert code == 0 and "sealed again" in err, err


def test_past_versions_finds_a_value_on_any_branch(sealed_repo: SealedRepo) -> None:
    assert sealed_repo.run("seal")[0] == 0
    _git(sealed_repo.root, "init", "-q", "-b", "main")
    _commit(sealed_repo.root, "sealed")
    _git(sealed_repo.root, "switch", "-q", "-c", "side")
    old = _block(sealed_repo, EVE)
    _put_block(sealed_repo, "participants/ivo.yaml", old)
    _commit(sealed_repo.root, "a copy on a side branch")
    _git(sealed_repo.root, "switch", "-q", "main")
    found = holders(past_versions(sealed_repo.root, MARKER))
    assert {EVE, "participants/ivo.yaml"} in found.values()
    assert past_versions(sealed_repo.root / "participants", MARKER) == []  # not the top


def test_with_require_named_no_command_seals_an_unnamed_value_again(
    sealed_repo: SealedRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The value's origin may be gone from history (rewritten to purge it, or copied from
    # an old clone): with every value named since, one naming no file is not trusted.
    charter = sealed_repo.root / "program/program.yaml"
    charter.write_text(
        sealed_repo.text("program/program.yaml").replace(
            "  require_sealed: true\n", "  require_sealed: true\n  require_named: true\n"
        ),
        encoding="utf-8",
    )
    _with_mal(sealed_repo)
    assert sealed_repo.run("seal")[0] == 0
    _paste(sealed_repo, _legacy(sealed_repo))  # no Git history at all
    before = sealed_repo.text(MAL)
    monkeypatch.setenv("EDITOR", "cat")
    monkeypatch.delenv("VISUAL", raising=False)
    code, out, err = sealed_repo.run("edit", str(sealed_repo.root / MAL), identity=True)
    assert code == 1 and "privacy.require_named" in err and SENTINEL not in out + err
    code, _, err = sealed_repo.run("rekey", identity=True)
    assert code == 1 and f"{MAL}: its sealed value does not name this file" in err
    assert sealed_repo.text(MAL) == before
