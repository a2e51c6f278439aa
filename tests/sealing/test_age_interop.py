"""Sealed values are standard age files: Debian's `age` tool opens ours, and we open its."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from mentorkit.loading.repository import load_repository
from tests.sealing.conftest import SealedRepo

AGE = shutil.which("age")
pytestmark = pytest.mark.skipif(AGE is None, reason="the age command-line tool is not installed")


def test_the_age_tool_opens_what_mentorkit_sealed(sealed_repo: SealedRepo, tmp_path: Path) -> None:
    assert sealed_repo.run("seal")[0] == 0
    armored = load_repository(sealed_repo.root).documents["participants/eve.yaml"].data["sealed"]
    sealed_file = tmp_path / "eve.age"
    sealed_file.write_text(armored, encoding="ascii")
    done = subprocess.run(
        [str(AGE), "--decrypt", "-i", str(sealed_repo.identity_file), str(sealed_file)],
        capture_output=True,
        check=True,
    )
    assert yaml.safe_load(done.stdout) == {
        "sealed_for": "participants/eve.yaml",  # the file it belongs to, inside the encryption
        "email": "eve@example.com",
        "avoid": ["ann"],
    }


def test_mentorkit_opens_what_the_age_tool_sealed(sealed_repo: SealedRepo) -> None:
    done = subprocess.run(
        [str(AGE), "--encrypt", "--armor", "-r", sealed_repo.coordinator.public],
        input=b"email: eve@age.example\navoid: [ann]\n",
        capture_output=True,
        check=True,
    )
    armored = done.stdout.decode("ascii")
    eve = sealed_repo.root / "participants/eve.yaml"
    plain = eve.read_text(encoding="utf-8")
    plain = plain.replace("email: eve@example.com\navoid: [ann]\n", "")
    block = "".join(f"  {line}\n" for line in armored.strip().splitlines())
    eve.write_text(plain + "sealed: |\n" + block, encoding="utf-8")
    code, out, err = sealed_repo.run("unseal", str(eve), identity=True)
    assert code == 0, err
    assert "email: eve@age.example" in out
    # it names no file, so it is used with a warning until `rekey` binds it
    code, out, _ = sealed_repo.run("validate", identity=True)
    assert "participants/eve.yaml" in out and "does not name the file" in out
    # and matching reads the avoid rule inside it
    assert sealed_repo.run("seal")[0] == 0  # ivo's manager
    code, out, err = sealed_repo.run("match", "spring", "--format", "json", identity=True)
    assert code == 0, err
    pairs = {(p["mentor"], p["mentee"]) for p in json.loads(out)["pairs"]}
    assert ("ann", "eve") not in pairs and ("ann", "ivo") not in pairs
