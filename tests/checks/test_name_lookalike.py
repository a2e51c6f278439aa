"""``look-alike-name``: a name that begins with a coordinator's full name is flagged; a
shared first name is not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mentorkit.validation import validate_program


def _add(repo: Path, pid: str, name: str) -> None:
    (repo / "participants" / f"{pid}.yaml").write_text(
        f"id: {pid}\nname: {json.dumps(name)}\ngithub: {pid}\ndepartment: Sales\nlevel: 2\n"
        "timezone: UTC\nlanguages: [en]\n",
        encoding="utf-8",
    )


def _lookalikes(repo: Path) -> list[str]:
    return [
        f"{p.path}:{p.line} {p.message}"
        for p in validate_program(repo).problems
        if p.code == "look-alike-name"
    ]


@pytest.mark.parametrize(
    "name",
    [
        "Grace Hopper — Coordinator",
        "Grace Hopper (coordinator)",
        "GRACE  HOPPER, program lead",
        "Grace H\u043epper - mentoring team",  # a Cyrillic o
        "Grace Hopper Jones",
    ],
)
def test_a_name_beginning_with_a_coordinators_is_flagged(base_program: Path, name: str) -> None:
    _add(base_program, "mallory", name)
    found = _lookalikes(base_program)
    assert len(found) == 1, found
    assert found[0].startswith("participants/mallory.yaml:2 the name begins with grace's")
    assert "a coordinator of the program" in found[0]


@pytest.mark.parametrize(
    "name", ["Grace Kelly", "Grace", "Grace Hoppersmith", "Grace Hopper-Smith", "Ada Hopper"]
)
def test_sharing_a_first_name_or_a_beginning_is_not_flagged(base_program: Path, name: str) -> None:
    _add(base_program, "someone", name)
    assert _lookalikes(base_program) == []


def _one_word_coordinator(repo: Path) -> None:
    grace = repo / "participants" / "grace.yaml"
    grace.write_text(grace.read_text().replace("Grace Hopper", "Grace"))


@pytest.mark.parametrize(
    "name", ["Grace — coordinator", "GRACE (lead)", "Grace: team", "Grace - team"]
)
def test_a_one_word_coordinator_name_followed_by_a_mark_is_flagged(
    base_program: Path, name: str
) -> None:
    _one_word_coordinator(base_program)
    _add(base_program, "mallory", name)
    assert [x.split(" the ")[0] for x in _lookalikes(base_program)] == [
        "participants/mallory.yaml:2"
    ]


@pytest.mark.parametrize("name", ["Grace Kelly", "Gracefield", "Grace-Ann Smith", "Grace O'Neil"])
def test_a_one_word_coordinator_name_as_a_first_name_is_not_flagged(
    base_program: Path, name: str
) -> None:
    _one_word_coordinator(base_program)
    _add(base_program, "someone", name)
    assert _lookalikes(base_program) == []


def test_a_name_beginning_with_someone_elses_is_not_flagged(base_program: Path) -> None:
    # Only coordinators: "Ada Lovelace Smith" beside Ada Lovelace is a chance, not a claim.
    _add(base_program, "someone", "Ada Lovelace Smith")
    assert _lookalikes(base_program) == []
