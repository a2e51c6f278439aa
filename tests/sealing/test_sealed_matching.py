"""Matching opens sealed avoid and manager rules in memory, and refuses without them."""

from __future__ import annotations

import json

from tests.sealing.conftest import SealedRepo


def pairs(out: str) -> set[tuple[str, str]]:
    return {(p["mentor"], p["mentee"]) for p in json.loads(out)["pairs"]}


def test_sealed_rules_are_respected_with_the_identity(sealed_repo: SealedRepo) -> None:
    assert sealed_repo.run("seal")[0] == 0
    code, out, err = sealed_repo.run("match", "spring", "--format", "json", identity=True)
    assert code == 0, err
    found = pairs(out)
    # eve avoids ann and ann manages ivo: both only ever with max
    assert ("ann", "eve") not in found and ("ann", "ivo") not in found
    assert len(found) == 1 and next(iter(found))[0] == "max"


def test_without_the_identity_match_exits_2_naming_it(sealed_repo: SealedRepo) -> None:
    assert sealed_repo.run("seal")[0] == 0
    code, out, err = sealed_repo.run("match", "spring")
    assert code == 2 and out == ""
    assert "--identity FILE or the MENTORKIT_IDENTITY environment variable" in err
    assert "avoid or manager" in err
