"""Sealed values opened by the reading processes give what opening them one by one gives.

``load_repository`` hands each parsed document to the opener in the worker processes
that read it (decrypting, parsing and merging there); a small repository is read in
the main process with the same opener. Both must agree for every hostile value too:
the document, or the problems that keep its value from being used, cross the process
boundary intact.
"""

from __future__ import annotations

import pytest

from mentorkit.loading import repository
from mentorkit.validation import validate_program
from tests.sealing.conftest import SealedRepo
from tests.sealing.test_set_aside import HOSTILE, _plant


@pytest.mark.parametrize("case", ["usable", *sorted(HOSTILE)])
def test_reading_workers_open_sealed_values_as_the_main_process_does(
    sealed_repo: SealedRepo, monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    if case == "usable":
        assert sealed_repo.run("seal")[0] == 0
    else:
        _plant(sealed_repo, HOSTILE[case](sealed_repo))
    identity = sealed_repo.identity_file.read_text()
    serial = validate_program(sealed_repo.root, identity=identity)
    monkeypatch.setattr(repository, "PARALLEL_THRESHOLD", 1)
    in_workers = validate_program(sealed_repo.root, identity=identity)
    assert in_workers.problems == serial.problems
    assert in_workers.program.participants == serial.program.participants
    assert (in_workers.program.unopened, in_workers.program.unusable) == (
        serial.program.unopened,
        serial.program.unusable,
    )
    assert serial.program.participants["eve"].avoid == (("ann",) if case == "usable" else ())
