"""Someone with a sealed value who leaves keeps their path taken by a departed record.

A sealed value names the file it was sealed for, and Git keeps it after the file is
deleted. Were the path free, a newcomer could add a profile there with that old value:
it would open as theirs, with the leaver's email, avoid list and manager.
"""

from __future__ import annotations

import yaml

from tests.sealing.conftest import SealedRepo

EVE = "participants/eve.yaml"


def test_a_leaver_with_a_sealed_value_becomes_a_departed_record(sealed_repo: SealedRepo) -> None:
    assert sealed_repo.run("seal")[0] == 0
    assert "sealed: |" in sealed_repo.text(EVE)
    code, out, err = sealed_repo.run("leave", "eve", "--date", "2026-11-01")
    assert code == 0, out + err
    assert "becomes a departed record" in out and "a sealed value, kept in Git history" in out
    record = yaml.safe_load(sealed_repo.text(EVE))
    assert str(record["departed"]) == "2026-11-01" and "sealed" not in record
    code, out, _ = sealed_repo.run("validate", identity=True)
    assert code == 0, out


def test_a_leaver_without_one_is_removed_when_nothing_names_them(sealed_repo: SealedRepo) -> None:
    assert sealed_repo.run("seal")[0] == 0
    code, out, err = sealed_repo.run("leave", "max", "--date", "2026-11-01")
    assert code == 0, out + err
    assert "removed participants/max.yaml" in out
    assert not (sealed_repo.root / "participants/max.yaml").exists()
