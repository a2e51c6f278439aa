"""Sealing many files on every core gives what sealing them one by one gives."""

from __future__ import annotations

import pytest

from mentorkit.loading.repository import load_repository
from mentorkit.model.build import build_program
from mentorkit.sealing import service
from mentorkit.sealing.keys import parse_identities
from tests.sealing.conftest import SealedRepo


@pytest.mark.parametrize("in_workers", [False, True], ids=["one-by-one", "forked-workers"])
def test_seal_many_seals_every_file_the_same_way(
    sealed_repo: SealedRepo, monkeypatch: pytest.MonkeyPatch, in_workers: bool
) -> None:
    if in_workers:
        monkeypatch.setattr(service, "PARALLEL_THRESHOLD", 1)
        monkeypatch.setattr(service, "_workers", lambda: 2)  # also on a 1-core runner
    loaded = load_repository(sealed_repo.root)
    program = build_program(loaded)
    items = [(p, k, loaded.documents[p].text) for p, k in sorted(loaded.kinds.items())]
    outcomes = service.seal_many(program, items)
    assert [o.path for o in outcomes] == [p for p, _, _ in items]
    by_path = {o.path: o for o in outcomes}
    assert by_path["participants/eve.yaml"].note == "sealed email, avoid"
    assert by_path["participants/ivo.yaml"].note == "sealed manager"
    assert by_path["participants/ann.yaml"].text is None
    identities = parse_identities(sealed_repo.identity_file.read_text(encoding="utf-8"))
    eve = by_path["participants/eve.yaml"].text
    assert eve is not None and "eve@example.com" not in eve
    opened = service.unseal_text("eve.yaml", eve, identities)
    assert "email: eve@example.com" in opened and "- ann" in opened
