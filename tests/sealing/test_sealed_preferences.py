"""A preference that only a sealed avoid or manager rule forbids: the warning is withheld
from shared output, and shown with --show-sealed."""

from __future__ import annotations

from tests.sealing.conftest import SealedRepo


def test_impossible_preference_never_tells_a_sealed_rule(sealed_repo: SealedRepo) -> None:
    eve = sealed_repo.root / "participants/eve.yaml"
    eve.write_text(eve.read_text() + "  preferences: [ann, max]\n")  # eve avoids ann
    assert sealed_repo.run("seal")[0] == 0
    code, out, _ = sealed_repo.run("validate", identity=True)
    assert code == 0  # a warning
    assert "impossible-preference" in out and "involves sealed avoid or manager rules" in out
    assert "ann cannot be paired" not in out
    code, out, _ = sealed_repo.run("validate", "--show-sealed", identity=True)
    assert code == 0 and "ann cannot be paired with you under the program's rules" in out
    assert "preference 'max'" not in out  # an allowed choice is no problem
