"""A sealed value whose age header is larger than mentorkit ever writes is refused unread.

pyrage 1.4's `decrypt` parses an age header in time quadratic in its size, and every
stanza costs a reader a key agreement, so a participant could make every run holding the
identity (or the age tool) spend seconds on one file; the pull-request checks, which hold
no secret, refuse it, and opening refuses it before pyrage sees it.
"""

from __future__ import annotations

import base64
import re

import pyrage
import pytest
from pyrage import x25519

from mentorkit.sealing import crypto
from mentorkit.sealing.crypto import MAX_HEADER_BYTES, MAX_STANZAS, armor_problem
from mentorkit.sealing.keys import parse_recipients
from tests.conftest import DEMO_IDENTITY, REPO_ROOT
from tests.sealing.conftest import SealedRepo, mentorkit

PATH = "participants/max.yaml"
PLAIN = "sealed_for: participants/max.yaml\nemail: x@example.com\n"


def _seal(keys: list[object]) -> str:
    armored: bytes = pyrage.encrypt(PLAIN.encode(), keys, armored=True)
    return armored.decode("ascii").replace("\r\n", "\n")


def _with_sealed(repo: SealedRepo, armored: str, extra: str = "") -> int:
    """Writes ``armored`` as max's sealed value; the line of its ``sealed:`` key."""
    text = (
        repo.text(PATH)
        + extra
        + "sealed: |\n"
        + "".join(f"  {line}\n" for line in armored.strip().splitlines())
    )
    (repo.root / PATH).write_text(text, encoding="utf-8")
    return text.splitlines().index("sealed: |") + 1


def _many(repo: SealedRepo, count: int) -> str:
    strangers = [x25519.Identity.generate().to_public() for _ in range(count)]
    return _seal([*parse_recipients([repo.coordinator.public]), *strangers])


def _armor(raw: bytes) -> str:
    body = base64.b64encode(raw).decode("ascii")
    lines = [body[i : i + 64] for i in range(0, len(body), 64)]
    return "\n".join([crypto.BEGIN, *lines, crypto.END]) + "\n"


def _problems(out: str, code: str) -> list[str]:
    return [line for line in out.splitlines() if line.startswith(PATH) and f" {code} " in line]


def test_a_value_with_hundreds_of_stanzas_is_refused_without_the_identity(
    sealed_repo: SealedRepo,
) -> None:
    line = _with_sealed(sealed_repo, _many(sealed_repo, 300))
    code, err, _ = sealed_repo.run("validate")
    assert code == 1
    [problem] = _problems(err, "sealed")
    assert problem.startswith(f"{PATH}:{line}:")
    # 300 strangers, the coordinator and age's grease stanza
    assert f"holds 302 keys, more than the {MAX_STANZAS}" in problem
    assert "`mentorkit rekey`" in problem and "`mentorkit seal`" in problem


def test_with_the_identity_it_is_refused_before_decrypting(
    sealed_repo: SealedRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    line = _with_sealed(sealed_repo, _many(sealed_repo, 300))
    calls: list[object] = []

    def spy(*args: object, **kwargs: object) -> bytes:
        calls.append((args, kwargs))
        raise AssertionError("pyrage called on an oversized header")

    monkeypatch.setattr(pyrage, "decrypt", spy)
    monkeypatch.setattr(pyrage, "decrypt_io", spy)
    code, err, _ = sealed_repo.run("validate", identity=True)
    assert code == 1 and calls == []
    [refused] = _problems(err, "sealed-open")
    assert refused.startswith(f"{PATH}:{line}:") and "holds 302 keys" in refused
    with pytest.raises(crypto.SealError, match="holds 302 keys"):
        crypto.open_bytes(_many(sealed_repo, 300), [])


def test_a_header_of_few_but_huge_stanzas_is_refused(sealed_repo: SealedRepo) -> None:
    # the cost is in the header's size, not only its stanza count: one stanza whose
    # body is 20 KiB takes pyrage over a second
    armored = _seal(parse_recipients([sealed_repo.coordinator.public]))
    raw = base64.b64decode("".join(armored.strip().splitlines()[1:-1]))
    stanza = b"-> x-grease\n" + b"A" * 64 * 320 + b"\nAA\n"
    bloated = raw.replace(b"\n---", b"\n" + stanza.rstrip(b"\n") + b"\n---", 1)
    reason = armor_problem(_armor(bloated))
    assert reason is not None and f"more than the {MAX_HEADER_BYTES} any" in reason


def test_a_value_sealed_to_three_coordinators_and_its_owner_passes(
    sealed_repo: SealedRepo,
) -> None:
    coordinators = [x25519.Identity.generate() for _ in range(2)]
    owner = x25519.Identity.generate()
    program = sealed_repo.root / "program/program.yaml"
    program.write_text(
        program.read_text(encoding="utf-8").replace(
            "  require_sealed",
            "".join(
                f"    - id: c{n}\n      key: {c.to_public()}\n" for n, c in enumerate(coordinators)
            )
            + "  require_sealed",
        ),
        encoding="utf-8",
    )
    keys = [*parse_recipients([sealed_repo.coordinator.public])]
    keys += [c.to_public() for c in coordinators] + [owner.to_public()]
    _with_sealed(sealed_repo, _seal(keys), extra=f"keys: [{owner.to_public()}]\n")
    for identity in (False, True):
        _, err, _ = sealed_repo.run("validate", identity=identity)
        assert _problems(err, "sealed") == [] and _problems(err, "sealed-open") == []


def test_the_largest_header_mentorkit_can_write_passes() -> None:
    # every coordinator the schema allows, two people with five keys each, and grease
    keys = [x25519.Identity.generate().to_public() for _ in range(50 + 2 * 5)]
    assert armor_problem(pyrage.encrypt(b"x", keys, armored=True).decode()) is None


def test_the_example_program_still_opens_cleanly() -> None:
    for identity in (None, DEMO_IDENTITY):
        code, err, _ = mentorkit(REPO_ROOT, "validate", identity=identity)
        assert code == 0, err
        assert "0 error(s)" in err
        assert not re.search(r" (sealed|sealed-open) .*header", err)
