"""keygen, seal, unseal, edit and rekey as a coordinator uses them."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from mentorkit.loading.repository import load_repository
from mentorkit.sealing.keys import generate, parse_identities
from mentorkit.sealing.service import open_values
from tests.sealing.conftest import SealedRepo

EVE = "participants/eve.yaml"


def test_keygen_prints_an_identity_and_writes_one_only_once(
    tmp_path: Path, sealed_repo: SealedRepo
) -> None:
    code, out, err = sealed_repo.run("keygen")
    assert code == 0 and "AGE-SECRET-KEY-1" in out and err.startswith("Public key: age1")
    assert len(parse_identities(out)) == 1
    target = tmp_path / "id.txt"
    code, out, _ = sealed_repo.run("keygen", "--out", str(target))
    assert code == 0 and out.startswith("age1") and oct(target.stat().st_mode)[-3:] == "600"
    assert sealed_repo.run("keygen", "--out", str(target))[0] == 2  # never overwritten


def test_require_sealed_names_the_fixing_command(sealed_repo: SealedRepo) -> None:
    code, out, _ = sealed_repo.run("validate")
    assert code == 1
    assert (
        "participants/eve.yaml:7:1: error sealed email is private and this program requires it "
        "sealed; run `mentorkit seal participants/eve.yaml`"
    ) in out


def test_seal_needs_no_secret_keeps_comments_and_is_idempotent(sealed_repo: SealedRepo) -> None:
    eve = sealed_repo.root / EVE
    eve.write_text("# Eve's profile\n" + eve.read_text() + "# the end\n", encoding="utf-8")
    code, _, err = sealed_repo.run("seal")
    assert code == 0, err
    text = sealed_repo.text(EVE)
    assert "eve@example.com" not in text and "avoid" not in text
    assert text.startswith("# Eve's profile\nid: eve\n") and text.endswith("# the end\n")
    assert "sealed: |\n  -----BEGIN AGE ENCRYPTED FILE-----\n" in text
    assert "manager" not in sealed_repo.text("participants/ivo.yaml")  # seal_manager: true
    code, _, _ = sealed_repo.run("seal")
    assert code == 0 and sealed_repo.text(EVE) == text  # nothing to do: unchanged
    assert sealed_repo.run("validate")[0] == 0
    opened = open_values(
        load_repository(sealed_repo.root).documents[EVE].data["sealed"],
        parse_identities(sealed_repo.identity_file.read_text()),
        EVE,
    )
    assert opened == {"email": "eve@example.com", "avoid": ["ann"]}


def test_unseal_prints_and_writes_only_when_asked(sealed_repo: SealedRepo) -> None:
    sealed_repo.run("seal")
    before = sealed_repo.text(EVE)
    code, _, err = sealed_repo.run("unseal", str(sealed_repo.root / EVE))
    assert code == 2 and "--identity FILE or the MENTORKIT_IDENTITY" in err
    code, out, _ = sealed_repo.run("unseal", str(sealed_repo.root / EVE), identity=True)
    assert code == 0 and "email: eve@example.com" in out and "sealed" not in out
    assert sealed_repo.text(EVE) == before
    # the identity as a CI secret holds it: in the environment variable itself
    secret = sealed_repo.identity_file.read_text()
    code, out, _ = sealed_repo.run(
        "unseal", str(sealed_repo.root / EVE), env={"MENTORKIT_IDENTITY": secret}
    )
    assert code == 0 and "eve@example.com" in out
    code, _, _ = sealed_repo.run("unseal", str(sealed_repo.root / EVE), "--write", identity=True)
    assert code == 0 and "email: eve@example.com" in sealed_repo.text(EVE)


def test_a_wrong_identity_opens_nothing_and_says_so(
    sealed_repo: SealedRepo, tmp_path: Path
) -> None:
    sealed_repo.run("seal")
    other = tmp_path / "other.key"
    other.write_text(generate().secret + "\n")
    code, out, _ = sealed_repo.run("validate", "--identity", str(other))
    assert code == 1 and "sealed-open the identity given cannot open this sealed value" in out
    bad = tmp_path / "bad.key"
    bad.write_text("AGE-SECRET-KEY-1NOTAKEY\n")
    code, _, err = sealed_repo.run("validate", "--identity", str(bad))
    assert code == 2 and "NOTAKEY" not in err  # a secret's text is never echoed


def test_validate_with_identity_checks_sealed_contents_at_the_sealed_line(
    sealed_repo: SealedRepo,
) -> None:
    eve = sealed_repo.root / EVE
    eve.write_text(eve.read_text().replace("email: eve@example.com", "email: nobody-known"))
    sealed_repo.run("seal")
    assert sealed_repo.run("validate")[0] == 0  # without the identity: armor only
    code, out, _ = sealed_repo.run("validate", identity=True)
    sealed_line = sealed_repo.text(EVE).splitlines().index("sealed: |") + 1
    assert code == 1 and f"participants/eve.yaml:{sealed_line}:" in out
    assert "schema" in out and "nobody-known" not in out  # details stay sealed
    # (An avoid naming nobody is another person's doing: see test_rule_problems.)


def test_rekey_adds_a_new_coordinator(sealed_repo: SealedRepo, tmp_path: Path) -> None:
    sealed_repo.run("seal")
    newcomer = sealed_repo.add_coordinator_key("max")
    newcomer_file = tmp_path / "max.key"
    newcomer_file.write_text(newcomer.secret + "\n")
    assert sealed_repo.run("validate", "--identity", str(newcomer_file))[0] == 1
    assert sealed_repo.run("rekey")[0] == 2  # needs the identity
    code, _, err = sealed_repo.run("rekey", identity=True)
    assert code == 0, err
    assert sealed_repo.run("validate", "--identity", str(newcomer_file))[0] == 0


def test_edit_validates_and_seals_again(
    sealed_repo: SealedRepo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sealed_repo.run("seal")
    editor = tmp_path / "editor.py"
    editor.write_text(
        "import sys, pathlib\np = pathlib.Path(sys.argv[1])\n"
        "p.write_text(p.read_text().replace('eve@example.com', 'eve@new.example'))\n"
    )
    monkeypatch.setenv("EDITOR", f"{sys.executable} {editor}")
    monkeypatch.delenv("VISUAL", raising=False)
    code, _, err = sealed_repo.run("edit", str(sealed_repo.root / EVE), identity=True)
    assert code == 0, err
    assert "eve@new.example" not in sealed_repo.text(EVE)
    code, out, _ = sealed_repo.run("unseal", str(sealed_repo.root / EVE), identity=True)
    assert "email: eve@new.example" in out
    # an edit that breaks the file is refused and the file stays as it was
    editor.write_text(
        "import sys, pathlib\np = pathlib.Path(sys.argv[1])\n"
        "p.write_text(p.read_text().replace('level: 2', 'level: twelve'))\n"
    )
    before = sealed_repo.text(EVE)
    code, _, err = sealed_repo.run("edit", str(sealed_repo.root / EVE), identity=True)
    assert code == 1 and "level" in err and sealed_repo.text(EVE) == before


@pytest.mark.parametrize("command", ["seal", "rekey", "edit"])
def test_a_file_outside_the_repository_is_a_usage_error(
    sealed_repo: SealedRepo, tmp_path: Path, command: str
) -> None:
    """Paths go through the one repository-relative helper: misuse (exit 2), no traceback."""
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text("id: nobody\n")
    code, _, err = sealed_repo.run(command, str(outside), identity=True)
    assert code == 2 and "is outside the program repository" in err


def test_a_problem_that_tells_a_sealed_rule_is_withheld_unless_asked(
    sealed_repo: SealedRepo,
) -> None:
    sealed_repo.run("seal")
    match = sealed_repo.root / "program/matches/spring.yaml"
    match.parent.mkdir()
    match.write_text("cohort: spring\npairs:\n  - mentor: ann\n    mentee: ivo\n")
    code, out, _ = sealed_repo.run("validate", identity=True)
    assert code == 1 and "involves sealed avoid or manager rules" in out
    assert "manager and direct report" not in out
    # The line would point at the pair in a shared log: the file alone is named.
    assert "spring.yaml:3" not in out and "spring.yaml:4" not in out
    code, out, _ = sealed_repo.run("validate", "--format", "github", identity=True)
    assert code == 1 and "file=program/matches/spring.yaml,line=1,title=mentorkit match-pair" in out
    code, out, _ = sealed_repo.run("validate", "--show-sealed", identity=True)
    assert code == 1 and "ann and ivo are manager and direct report" in out
