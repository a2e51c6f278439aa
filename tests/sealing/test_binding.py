"""A sealed value names the file it was sealed for, and is used in that file only.

``sealed-copy`` catches a value that is in two files at once; these are the copies it
cannot see: a value taken out of Git history after its owner sealed theirs again.
"""

from __future__ import annotations

import json
import re

import pyrage
import pytest
import yaml

from mentorkit.loading.repository import load_repository
from mentorkit.sealing.keys import parse_identities
from mentorkit.sealing.opening import CODE
from mentorkit.validation import validate_program
from tests.sealing.conftest import SealedRepo

EVE, IVO = "participants/eve.yaml", "participants/ivo.yaml"
BLOCK = re.compile(r"^sealed: \|\n(?:  .*\n)+", flags=re.M)


def _block(sealed_repo: SealedRepo, relpath: str) -> str:
    found = BLOCK.search(sealed_repo.text(relpath))
    assert found is not None
    return found.group(0)


def _put_block(sealed_repo: SealedRepo, relpath: str, block: str) -> None:
    path = sealed_repo.root / relpath
    path.write_text(BLOCK.sub(lambda _: block, path.read_text(encoding="utf-8")), encoding="utf-8")


def _opened_plaintext(sealed_repo: SealedRepo, relpath: str) -> dict[str, object]:
    armored = load_repository(sealed_repo.root).documents[relpath].data["sealed"]
    identities = parse_identities(sealed_repo.identity_file.read_text(encoding="utf-8"))
    plaintext = pyrage.decrypt(armored.strip().encode("ascii"), list(identities))
    data = yaml.safe_load(plaintext)
    assert isinstance(data, dict)
    return data


def _old_value_of_eve_in_ivo(sealed_repo: SealedRepo) -> None:
    """Eve's value as Git history keeps it, pasted into Ivo's file after Eve re-sealed."""
    assert sealed_repo.run("seal")[0] == 0
    old = _block(sealed_repo, EVE)
    assert (
        sealed_repo.run("rekey", str(sealed_repo.root / EVE), identity=True)[0] == 0
    )  # a fresh value for Eve
    assert _block(sealed_repo, EVE) != old
    _put_block(sealed_repo, IVO, old)


def test_every_value_names_its_file_inside_the_encryption(sealed_repo: SealedRepo) -> None:
    assert sealed_repo.run("seal")[0] == 0
    assert _opened_plaintext(sealed_repo, EVE)["sealed_for"] == EVE
    assert _opened_plaintext(sealed_repo, IVO)["sealed_for"] == IVO
    # it is not a field of the document: unseal shows the fields only
    code, out, err = sealed_repo.run("unseal", str(sealed_repo.root / EVE), identity=True)
    assert code == 0, err
    assert "email: eve@example.com" in out and "sealed_for" not in out


def test_an_old_value_from_history_is_not_used_in_another_file(sealed_repo: SealedRepo) -> None:
    _old_value_of_eve_in_ivo(sealed_repo)
    # Without the identity nothing can tell: no file holds the same value twice.
    assert sealed_repo.run("validate")[0] == 0
    identity = sealed_repo.identity_file.read_text(encoding="utf-8")
    result = validate_program(sealed_repo.root, identity=identity)
    refused = [p for p in result.problems if p.path == IVO and p.code == CODE]
    assert len(refused) == 1 and refused[0].is_error
    assert f"sealed for {EVE}, not for this file" in refused[0].message
    # Ivo does not take on Eve's email or her avoid rule: the value is set aside.
    assert IVO in result.program.unusable
    assert result.program.participants["ivo"].email is None
    assert result.program.participants["ivo"].avoid == ()
    assert result.program.participants["eve"].email == "eve@example.com"
    # matching goes on for everyone else and leaves Ivo out
    code, out, err = sealed_repo.run("match", "spring", "--format", "json", identity=True)
    assert code == 0, err
    result_json = json.loads(out)
    assert "ivo" not in {p["mentee"] for p in result_json["pairs"]}
    assert IVO in json.dumps(result_json)  # named as left out


def test_rekey_does_not_seal_a_value_of_another_file_again(sealed_repo: SealedRepo) -> None:
    _old_value_of_eve_in_ivo(sealed_repo)
    before = sealed_repo.text(IVO)
    code, _, err = sealed_repo.run("rekey", str(sealed_repo.root / IVO), identity=True)
    assert code == 1
    assert f"sealed for {EVE}, not for this file" in err
    assert sealed_repo.text(IVO) == before


def test_a_value_that_names_no_file_is_used_with_a_warning_until_rekey(
    sealed_repo: SealedRepo,
) -> None:
    assert sealed_repo.run("seal")[0] == 0
    # sealed the way the age tool (or mentorkit before binding) does: no file named
    recipient = pyrage.x25519.Recipient.from_str(sealed_repo.coordinator.public)
    legacy = pyrage.encrypt(b"email: eve@old.example\navoid: [ann]\n", [recipient], armored=True)
    block = "sealed: |\n" + "".join(f"  {line}\n" for line in legacy.decode().splitlines())
    _put_block(sealed_repo, EVE, block)
    code, out, _ = sealed_repo.run("validate", identity=True)
    assert code == 0
    assert f"{EVE}:" in out and "does not name the file it was sealed for" in out
    identity = sealed_repo.identity_file.read_text(encoding="utf-8")
    assert validate_program(sealed_repo.root, identity=identity).program.participants[
        "eve"
    ].email == ("eve@old.example")
    assert sealed_repo.run("rekey", str(sealed_repo.root / EVE), identity=True)[0] == 0
    assert _opened_plaintext(sealed_repo, EVE)["sealed_for"] == EVE
    code, out, _ = sealed_repo.run("validate", identity=True)
    assert code == 0 and "does not name the file" not in out


def test_edit_seals_a_moved_file_for_its_new_place(
    sealed_repo: SealedRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert sealed_repo.run("seal")[0] == 0
    moved = sealed_repo.root / "participants/eva.yaml"
    moved.write_text(sealed_repo.text(EVE).replace("id: eve\n", "id: eva\n"), encoding="utf-8")
    (sealed_repo.root / EVE).unlink()
    code, out, _ = sealed_repo.run("validate", identity=True)
    assert code == 1 and f"sealed for {EVE}, not for this file" in out
    # the owner (or a coordinator) opens it and saves it unchanged: it is sealed for eva.yaml
    monkeypatch.setenv("EDITOR", "true")
    monkeypatch.delenv("VISUAL", raising=False)
    code, _, err = sealed_repo.run("edit", str(moved), identity=True)
    assert code == 0 and "sealed again" in err, err
    assert _opened_plaintext(sealed_repo, "participants/eva.yaml")["sealed_for"] == (
        "participants/eva.yaml"
    )
    code, out, _ = sealed_repo.run("validate", identity=True)
    assert code == 0 and "sealed-open" not in out
    # and a second unchanged edit changes nothing
    before = moved.read_text(encoding="utf-8")
    code, _, err = sealed_repo.run("edit", str(moved), identity=True)
    assert code == 0 and "no change" in err and moved.read_text(encoding="utf-8") == before


def test_a_program_that_requires_named_values_refuses_an_unnamed_one(
    sealed_repo: SealedRepo,
) -> None:
    assert sealed_repo.run("seal")[0] == 0
    program = sealed_repo.root / "program/program.yaml"
    program.write_text(
        program.read_text(encoding="utf-8").replace(
            "  require_sealed: true\n", "  require_sealed: true\n  require_named: true\n"
        ),
        encoding="utf-8",
    )
    assert sealed_repo.run("validate", identity=True)[0] == 0  # every value names its file
    # an unnamed value (as the age tool, or history from before naming, would hold)
    recipient = pyrage.x25519.Recipient.from_str(sealed_repo.coordinator.public)
    legacy = pyrage.encrypt(b"email: eve@old.example\navoid: [ann]\n", [recipient], armored=True)
    _put_block(
        sealed_repo,
        EVE,
        "sealed: |\n" + "".join(f"  {line}\n" for line in legacy.decode().splitlines()),
    )
    identity = sealed_repo.identity_file.read_text(encoding="utf-8")
    result = validate_program(sealed_repo.root, identity=identity)
    refused = [p for p in result.problems if p.path == EVE and p.code == CODE]
    assert len(refused) == 1 and refused[0].is_error
    assert "privacy.require_named" in refused[0].message
    assert EVE in result.program.unusable
    assert result.program.participants["eve"].email is None  # not used
    # It may be a copy of another file's value (taken before history was rewritten, so
    # nothing shows where it came from): no command seals it for this file and its reader.
    before = sealed_repo.text(EVE)
    code, _, err = sealed_repo.run("rekey", str(sealed_repo.root / EVE), identity=True)
    assert code == 1 and "privacy.require_named" in err
    assert sealed_repo.text(EVE) == before
    # its owner writes the fields again and seals them
    _put_block(sealed_repo, EVE, "email: eve@example.com\navoid: [ann]\n")
    assert sealed_repo.run("seal")[0] == 0
    assert sealed_repo.run("validate", identity=True)[0] == 0
