"""Peer cohorts: the sparse candidate graph must not pair fewer people than the full one."""

from __future__ import annotations

import pytest

import mentorkit.matching.peer as peer
from mentorkit.matching.engine import match_cohort
from tests.matching.builders import person, program


def test_people_with_one_option_are_paired_through_an_augmenting_path(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # u1 and u2 each speak one language only their v shares. a and b are the vs'
    # favourites, so the best-candidates graph pairs a-v1 and b-v2 and strands u1 and
    # u2; the optimum pairs a with b, which neither lists first.
    people = [
        person("u1", mentor={"design": 2}, goals=("python",), languages=("fr",), level=2),
        person(
            "v1", mentor={"python": 5}, goals=("sql",), languages=("en", "fr"), department="data"
        ),
        person("a", mentor={"sql": 5}, goals=("python",), department="design"),
        person("u2", mentor={"design": 2}, goals=("sql",), languages=("de",), level=2),
        person(
            "v2", mentor={"sql": 5}, goals=("python",), languages=("en", "de"), department="data"
        ),
        person("b", mentor={"testing": 1}, goals=("sql",), department="design"),
    ]
    prog = program(people, fmt="peer")
    full = match_cohort(prog, "c1", solver="dense")
    assert full.summary.matched == 6
    monkeypatch.setattr(peer, "PEER_TOP_K", 1)
    sparse = match_cohort(prog, "c1", solver="sparse")
    assert sparse.summary.solver == "sparse graph"
    assert {(p.mentor, p.mentee) for p in sparse.pairs} == {
        (p.mentor, p.mentee) for p in full.pairs
    }
