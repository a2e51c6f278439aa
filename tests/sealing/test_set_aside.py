"""A sealed value the identity cannot use is a problem for its own file, never for everyone.

Pull-request checks have no identity, so such a value reaches the main branch unseen; the
jobs with the identity (pages build, matching, reports) then read that one file as the
pull request did (plain fields only), report it at its `sealed:` line without naming a
private value, and go on for everyone else. `validate` with the identity still fails.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pyrage
import pytest
from pyrage import x25519

from mentorkit.sealing.keys import generate
from mentorkit.sealing.opening import CODE
from mentorkit.validation import validate_program
from tests.conftest import REPO_ROOT
from tests.sealing.conftest import SealedRepo

EVE = "participants/eve.yaml"
SECRET = "SENTINEL-0xE5"
BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{b}: &{b} [{', '.join([f'*{a}'] * 9)}]\n" for a, b in zip("abcdefgh", "bcdefghi", strict=True)
)


def _armor(text: str, recipients: list[x25519.Recipient]) -> str:
    return bytes(pyrage.encrypt(text.encode(), recipients, armored=True)).decode()


def _to_program(repo: SealedRepo, text: str) -> str:
    return _armor(text, [x25519.Recipient.from_str(repo.coordinator.public)])


HOSTILE: dict[str, Callable[[SealedRepo], str]] = {
    # a field that may not be sealed: the PR checks cannot see it, the site must not get it
    "not-a-private-field": lambda r: _to_program(r, f"bio: {SECRET}\nemail: e@example.com\n"),
    "private-word-as-key": lambda r: _to_program(r, f"{SECRET}: 1\n"),
    "sealed-to-someone-else": lambda _r: _armor(
        f"email: {SECRET}@example.com\n", [x25519.Identity.generate().to_public()]
    ),
    "truncated-armor": lambda r: "\n".join(
        [*_to_program(r, f"email: {SECRET}\n").splitlines()[:2], "-----END AGE ENCRYPTED FILE-----"]
    ),
    "not-a-mapping": lambda r: _to_program(r, f"- {SECRET}\n"),
    "alias-bomb": lambda r: _to_program(r, BOMB),
    "bad-yaml": lambda r: _to_program(r, f"email: [{SECRET}\n"),
    "invalid-private-fields": lambda r: _to_program(r, f"avoid: [{SECRET.lower()}]\nemail: 7\n"),
    "plain-and-sealed": lambda r: _to_program(r, "department: Sales\n"),
}


def _plant(repo: SealedRepo, armored: str) -> int:
    """Put ``armored`` as eve's sealed value after sealing; the `sealed:` line number."""
    assert repo.run("seal")[0] == 0
    path = repo.root / EVE
    block = "sealed: |\n" + "".join(f"  {line}\n" for line in armored.strip().splitlines())
    text = re.sub(r"^sealed: \|\n(?:  .*\n)+", lambda _: block, path.read_text(), flags=re.M)
    path.write_text(text)
    return text.splitlines().index("sealed: |") + 1


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_an_unusable_sealed_value_is_one_problem_for_its_file(
    sealed_repo: SealedRepo, case: str
) -> None:
    line = _plant(sealed_repo, HOSTILE[case](sealed_repo))
    assert validate_program(sealed_repo.root).ok  # what the pull request's checks see
    result = validate_program(sealed_repo.root, identity=sealed_repo.identity_file.read_text())
    errors = [p for p in result.problems if p.is_error]
    assert [(p.path, p.line, p.code) for p in errors] == [(EVE, line, CODE)]
    assert not result.ok and result.usable
    assert SECRET.lower() not in errors[0].message.lower()
    program = result.program
    assert program.unusable == {EVE} and EVE in program.unopened
    # read as the pull request read it: plain fields only, nothing from the sealed value
    eve = program.participants["eve"]
    assert (eve.email, eve.avoid, eve.bio, eve.department) == (None, (), "", "D2")
    assert program.participants["ivo"].manager == "ann"  # everyone else is opened


def test_other_errors_still_stop_everything(sealed_repo: SealedRepo) -> None:
    _plant(sealed_repo, HOSTILE["sealed-to-someone-else"](sealed_repo))
    ivo = sealed_repo.root / "participants/ivo.yaml"
    ivo.write_text(ivo.read_text().replace("level: 2", "level: two"))
    result = validate_program(sealed_repo.root, identity=sealed_repo.identity_file.read_text())
    assert not result.usable


def test_show_sealed_keeps_the_details_of_invalid_private_fields(sealed_repo: SealedRepo) -> None:
    _plant(sealed_repo, HOSTILE["invalid-private-fields"](sealed_repo))
    code, out, _ = sealed_repo.run("validate", identity=True)
    # The unknown id in its avoid is a warning (another's rename could cause it); the
    # schema error sets the file aside.
    assert code == 1 and "have schema problems" in out
    assert SECRET.lower() not in out.lower()
    code, out, _ = sealed_repo.run("validate", "--show-sealed", identity=True)
    assert code == 1 and SECRET.lower() in out.lower()


def test_the_cli_goes_on_for_everyone_else(sealed_repo: SealedRepo) -> None:
    shutil.copy(REPO_ROOT / "mkdocs.yml", sealed_repo.root / "mkdocs.yml")
    shutil.copytree(REPO_ROOT / "site", sealed_repo.root / "site")
    line = _plant(sealed_repo, HOSTILE["not-a-private-field"](sealed_repo))
    code, out, _ = sealed_repo.run("validate", "--format", "text", identity=True)
    assert code == 1 and f"{EVE}:{line}:1: error sealed-open" in out and "'bio'" in out
    # matching: eve is left out (her avoid rule is unknown), the others are matched
    code, out, err = sealed_repo.run("match", "spring", "--format", "json", identity=True)
    assert code == 0, err
    assert f"{EVE}:{line}" in err and "left out of this matching" in err
    assert '"eve"' not in out and '"ivo"' in out
    # without any identity, matching still refuses: it cannot know anyone's rules
    assert sealed_repo.run("match", "spring")[0] == 2
    code, out, err = sealed_repo.run("build", "--out", str(sealed_repo.root / "out"), identity=True)
    assert code == 0, err
    assert "Site built" in out and f"{EVE}:{line}" in err and SECRET not in err
    site = sealed_repo.root / "out" / "site"
    assert not any(SECRET in p.read_text(errors="ignore") for p in site.rglob("*.html"))


def test_report_goes_on_and_rematch_refuses_a_set_aside_mentee(sealed_repo: SealedRepo) -> None:
    line = _plant(sealed_repo, HOSTILE["sealed-to-someone-else"](sealed_repo))
    match = sealed_repo.root / "program/matches/spring.yaml"
    match.parent.mkdir(parents=True)
    match.write_text(
        "cohort: spring\npairs:\n  - mentor: max\n    mentee: eve\n    status: accepted\n"
        "    since: 2026-03-02\n"
    )
    code, out, err = sealed_repo.run("report", "--format", "json", identity=True)
    assert code == 0, err
    assert f"{EVE}:{line}: the identity given cannot open" in err and SECRET not in out + err
    code, _, err = sealed_repo.run("rematch", "spring", "eve", "--reason", "x", identity=True)
    assert code == 1 and "cannot rematch: participants/eve.yaml's sealed value" in err


def test_rekey_never_seals_a_bad_or_copied_value_again(sealed_repo: SealedRepo) -> None:
    _plant(sealed_repo, HOSTILE["not-a-private-field"](sealed_repo))
    before = sealed_repo.text(EVE)
    code, _, err = sealed_repo.run("rekey", identity=True)
    assert code == 1 and "may not be sealed; not sealed again" in err
    assert sealed_repo.text(EVE) == before
    ivo = sealed_repo.root / "participants/ivo.yaml"
    sealed = re.search(r"^sealed: \|\n(?:  .*\n)+", before, flags=re.M)
    assert sealed is not None
    ivo.write_text(
        re.sub(r"^sealed: \|\n(?:  .*\n)+", sealed.group(0), ivo.read_text(), flags=re.M)
    )
    code, out, _ = sealed_repo.run("validate")  # no identity: caught in the pull request
    assert code == 1 and "sealed-copy" in out
    code, _, err = sealed_repo.run("rekey", str(ivo), identity=True)
    assert code == 1 and "a copy of another file's sealed value: not sealed again" in err


def test_rekey_for_one_participant_touches_only_what_they_read(
    sealed_repo: SealedRepo, tmp_path: Path
) -> None:
    assert sealed_repo.run("seal")[0] == 0
    own = generate()
    eve = sealed_repo.root / EVE
    eve.write_text(eve.read_text().replace("cohorts:", f"keys: [{own.public}]\ncohorts:"))
    ivo_before = sealed_repo.text("participants/ivo.yaml")
    code, _, err = sealed_repo.run("rekey", "--participant", "eve", identity=True)
    assert code == 0, err
    assert "participants/eve.yaml: sealed again" in err and "ivo" not in err
    assert sealed_repo.text("participants/ivo.yaml") == ivo_before
    key = tmp_path / "eve.key"
    key.write_text(own.secret + "\n")
    code, out, _ = sealed_repo.run("unseal", str(eve), "--identity", str(key))
    assert code == 0 and "email: eve@example.com" in out
    assert sealed_repo.run("rekey", "--participant", "nobody", identity=True)[0] == 2


def test_a_sealed_rule_against_a_recorded_pair_stops_nobody(sealed_repo: SealedRepo) -> None:
    """eve seals `avoid: [max]` while paired with max: the PR cannot see it."""
    shutil.copy(REPO_ROOT / "mkdocs.yml", sealed_repo.root / "mkdocs.yml")
    shutil.copytree(REPO_ROOT / "site", sealed_repo.root / "site")
    eve = sealed_repo.root / EVE
    eve.write_text(eve.read_text().replace("avoid: [ann]", "avoid: [max]"))
    match = sealed_repo.root / "program/matches/spring.yaml"
    match.parent.mkdir(parents=True)
    match.write_text(
        "cohort: spring\npairs:\n  - mentor: max\n    mentee: eve\n    status: accepted\n"
        "    since: 2026-03-02\n"
    )
    assert sealed_repo.run("seal")[0] == 0
    assert sealed_repo.run("validate")[0] == 0  # what the pull request's checks see
    code, out, _ = sealed_repo.run("validate", identity=True)
    assert code == 1 and "match-pair" in out and "asked not to be paired" not in out
    out_dir = str(sealed_repo.root / "out")
    code, _, err = sealed_repo.run("build", "--out", out_dir, identity=True)
    assert code == 0, err
    # named by file only: a line would point at the pair in the pages job's shared log
    assert "program/matches/spring.yaml: a match-pair problem involves sealed" in err
    assert "spring.yaml:" not in err.replace("spring.yaml: a match-pair", "")
    code, out, err = sealed_repo.run("match", "spring", "--format", "json", identity=True)
    assert code == 0, err
    assert ["max", "eve"] in [[p["mentor"], p["mentee"]] for p in json.loads(out)["pairs"]]
    assert sealed_repo.run("report", identity=True)[0] == 0


def test_a_copied_value_is_reported_as_a_copy_also_with_the_identity(
    sealed_repo: SealedRepo,
) -> None:
    assert sealed_repo.run("seal")[0] == 0
    eve, ivo = sealed_repo.root / EVE, sealed_repo.root / "participants/ivo.yaml"
    sealed = re.search(r"^sealed: \|\n(?:  .*\n)+", eve.read_text(), flags=re.M)
    assert sealed is not None
    ivo.write_text(
        re.sub(r"^sealed: \|\n(?:  .*\n)+", sealed.group(0), ivo.read_text(), flags=re.M)
    )
    result = validate_program(sealed_repo.root, identity=sealed_repo.identity_file.read_text())
    errors = sorted((p.path, p.code) for p in result.problems if p.is_error)
    ivo_path = "participants/ivo.yaml"
    # and the copy names eve's file inside, so with the identity it is not used either
    assert errors == [(EVE, "sealed-copy"), (ivo_path, "sealed-copy"), (ivo_path, CODE)]
    assert result.program.unusable == frozenset({ivo_path})
