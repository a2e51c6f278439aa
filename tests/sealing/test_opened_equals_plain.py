"""Opened sealed values become exactly the model a plain twin of the program gives.

The example program is sealed; its plain twin is made by unsealing every file. Both are
validated and matched in process: participants, agreements (with their check-ins) and
every cohort's match must be equal, whether the values are opened by the reading
processes (a big repository) or one by one (a small one).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mentorkit.loading import repository
from mentorkit.matching.engine import match_cohort
from mentorkit.sealing.keys import parse_identities
from mentorkit.sealing.service import unseal_text
from mentorkit.validation import ValidationResult, validate_program
from tests.conftest import DEMO_IDENTITY, REPO_ROOT


def _copy_example(target: Path) -> Path:
    for folder in ("participants", "program"):
        shutil.copytree(REPO_ROOT / folder, target / folder)
    return target


def _plain_twin(sealed: Path, target: Path) -> Path:
    identities = parse_identities(DEMO_IDENTITY.read_text(encoding="utf-8"))
    shutil.copytree(sealed, target)
    unsealed = 0
    for path in target.rglob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        if "\nsealed:" in text:
            path.write_text(unseal_text(path.name, text, identities), encoding="utf-8")
            unsealed += 1
    assert unsealed > 100  # profiles, agreements and check-ins
    return target


def _same_model(plain: ValidationResult, opened: ValidationResult) -> None:
    assert opened.program.unopened == frozenset()
    assert opened.program.participants == plain.program.participants
    assert opened.program.agreements == plain.program.agreements
    assert any(a.checkins for a in opened.program.agreements)
    assert any(p.avoid or p.manager for p in opened.program.participants.values())
    for cohort in opened.program.cohorts:
        assert match_cohort(opened.program, cohort) == match_cohort(plain.program, cohort)


@pytest.mark.parametrize("in_workers", [False, True], ids=["one-by-one", "reading-workers"])
def test_opened_program_equals_its_plain_twin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, in_workers: bool
) -> None:
    sealed = _copy_example(tmp_path / "sealed")
    plain = _plain_twin(sealed, tmp_path / "plain")
    identity = DEMO_IDENTITY.read_text(encoding="utf-8")
    if in_workers:
        monkeypatch.setattr(repository, "PARALLEL_THRESHOLD", 1)
    _same_model(validate_program(plain), validate_program(sealed, identity=identity))
