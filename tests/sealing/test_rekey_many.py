"""`rekey` on every core gives what re-sealing the files one by one gives.

Every value is sealed again with fresh randomness, so the armor differs from run to
run; what must be the same is everything a reader relies on: the opened contents, the
text around the value (comments, order), who can open it, and which files are refused.
"""

from __future__ import annotations

import re
import shutil
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from mentorkit.sealing import service
from mentorkit.sealing.keys import parse_identities
from tests.sealing.conftest import SealedRepo

ARMOR = re.compile(r"^sealed: \|\n(?:  .*\n)+", re.M)
COMMENTED = "participants/eve.yaml"


def _prepare(repo: SealedRepo, tmp_path: Path) -> Path:
    """Seal the program, comment one file, copy one value, then add a coordinator."""
    for pid in ("ann", "cora"):
        path = repo.root / f"participants/{pid}.yaml"
        path.write_text(path.read_text() + f"email: {pid}@example.com\n")
    assert repo.run("seal")[0] == 0
    eve = repo.root / COMMENTED
    eve.write_text("# Eve's profile: keep this line\n" + eve.read_text() + "# and this one\n")
    # max pastes ivo's sealed value into his own file: a copy, refused and left as it is
    ivo_value = ARMOR.search(repo.text("participants/ivo.yaml"))
    assert ivo_value is not None
    (repo.root / "participants/max.yaml").write_text(
        repo.text("participants/max.yaml") + ivo_value.group(0)
    )
    newcomer = repo.add_coordinator_key("max")
    key = tmp_path / "newcomer.key"
    key.write_text(newcomer.secret + "\n")
    return key


def _opened(repo: SealedRepo, root: Path) -> dict[str, str]:
    """Every participant file with its sealed value opened (the identity's view)."""
    identities = parse_identities(repo.identity_file.read_text(encoding="utf-8"))
    return {
        path.name: service.unseal_text(path.name, path.read_text(encoding="utf-8"), identities)
        for path in sorted((root / "participants").glob("*.yaml"))
    }


def _around_the_armor(root: Path) -> dict[str, str]:
    return {
        p.name: ARMOR.sub("sealed: <value>\n", p.read_text(encoding="utf-8"))
        for p in sorted((root / "participants").glob("*.yaml"))
    }


@pytest.fixture
def pools(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the worker pools rekey starts (a 1-core runner would otherwise start none)."""
    started: list[int] = []

    class Counted(ProcessPoolExecutor):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            started.append(kwargs.get("max_workers", 0))
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(service, "ProcessPoolExecutor", Counted)
    monkeypatch.setattr(service, "_workers", lambda: 2)
    return started


def test_rekey_in_workers_gives_what_rekey_one_by_one_gives(
    sealed_repo: SealedRepo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pools: list[int]
) -> None:
    newcomer = _prepare(sealed_repo, tmp_path)
    before = _opened(sealed_repo, sealed_repo.root)
    serial = tmp_path / "serial"
    shutil.copytree(sealed_repo.root, serial)
    one_by_one = SealedRepo(serial, sealed_repo.coordinator, sealed_repo.identity_file)

    code, _, serial_err = one_by_one.run("rekey", identity=True)
    assert code == 1 and not pools  # under the threshold: one by one, no processes
    monkeypatch.setattr(service, "PARALLEL_THRESHOLD", 1)
    code, _, parallel_err = sealed_repo.run("rekey", identity=True)
    assert code == 1 and pools == [2]

    # the same verdicts, in the same order: the copy refused, the others sealed again
    assert parallel_err == serial_err
    assert "participants/max.yaml: a copy of another file's sealed value" in parallel_err
    assert "participants/ivo.yaml: a copy" in parallel_err  # both files of a copy
    assert parallel_err.count(": sealed again") == 3  # ann, cora, eve
    # the same contents once opened, and as before: nothing lost, nothing added
    assert _opened(sealed_repo, sealed_repo.root) == _opened(one_by_one, serial) == before
    # the same text around the value: comments and order kept
    assert _around_the_armor(sealed_repo.root) == _around_the_armor(serial)
    eve = sealed_repo.text(COMMENTED)
    assert eve.startswith("# Eve's profile: keep this line\n") and "# and this one" in eve
    # sealed to the new coordinator too (the copy left as it was)
    newcomer_keys = parse_identities(newcomer.read_text(encoding="utf-8"))
    assert "email: eve@example.com" in service.unseal_text("eve", eve, newcomer_keys)

    # again: every value sealed afresh, the opened contents unchanged (idempotent)
    armor = ARMOR.search(eve)
    assert sealed_repo.run("rekey", identity=True)[0] == 1 and pools == [2, 2]
    assert ARMOR.search(sealed_repo.text(COMMENTED)) != armor
    assert _opened(sealed_repo, sealed_repo.root) == before
