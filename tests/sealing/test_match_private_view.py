"""``match --show-sealed``: a coordinator with the identity learns why, privately.

In the sealed fixture eve avoids ann and ann manages ivo (both sealed), and each mentor
has one place: whichever of eve and ivo gets max, the other is unmatched, and ann is
left without a mentee. The shared reasons say none of that; the private view does, and
it never reaches the match file, Markdown or the output without the flag.
"""

from __future__ import annotations

import json

from mentorkit.matching.explain import NO_MENTOR_CAN_TAKE
from tests.sealing.conftest import SealedRepo

MATCH_FILE = "program/matches/spring.yaml"


def _unmatched(out: str) -> dict[str, dict[str, object]]:
    return {u["id"]: u for u in json.loads(out)["unmatched"]}


def test_the_private_view_names_the_sealed_rule_and_the_full_mentor(
    sealed_repo: SealedRepo,
) -> None:
    assert sealed_repo.run("seal")[0] == 0
    code, out, err = sealed_repo.run(
        "match", "spring", "--show-sealed", "--format", "json", identity=True
    )
    assert code == 0, err
    people = _unmatched(out)
    mentee = next(pid for pid in ("eve", "ivo") if pid in people)
    rule = "avoid" if mentee == "eve" else "reporting"
    assert people[mentee]["reason"] == NO_MENTOR_CAN_TAKE  # the shared text, unchanged
    assert people[mentee]["private"] == {
        "compatible": 2,
        "reporting": ["ann"] if rule == "reporting" else [],
        "avoid": ["ann"] if rule == "avoid" else [],
        "earlier": [],
        "taken": ["max"],
        "free": [],
    }
    # ann, left without a mentee: one mentee avoids her, she manages the other
    assert people["ann"]["private"] == {
        "compatible": 2,
        "reporting": ["ivo"],
        "avoid": ["eve"],
        "earlier": [],
        "taken": [],
        "free": [],
    }
    code, text, err = sealed_repo.run("match", "spring", "--show-sealed", identity=True)
    assert code == 0, err
    assert "keep it to yourself" in text
    assert "1 ruled out by a reporting line (ivo); 1 ruled out by an avoid request (eve)" in (
        " ".join(text.split())
    )
    assert not (sealed_repo.root / MATCH_FILE).exists()


def test_without_the_flag_nothing_private_is_shown(sealed_repo: SealedRepo) -> None:
    assert sealed_repo.run("seal")[0] == 0
    for fmt in ("text", "json", "markdown"):
        code, out, err = sealed_repo.run("match", "spring", "--format", fmt, identity=True)
        assert code == 0, err
        assert "private" not in out and "avoid request" not in out and "reporting" not in out
    code, out, _ = sealed_repo.run("match", "spring", "--format", "json", identity=True)
    assert all("private" not in u for u in _unmatched(out).values())


def test_the_flag_is_refused_with_write_markdown_or_no_identity(sealed_repo: SealedRepo) -> None:
    assert sealed_repo.run("seal")[0] == 0
    refusals = [
        (("--write",), True, "--show-sealed never goes with --write"),
        (("--format", "markdown"), True, "--show-sealed gives text or json, never markdown"),
        (
            (),
            False,
            "--show-sealed names sealed rules, so it needs the identity: give the identity",
        ),
    ]
    for extra, identity, message in refusals:
        code, out, err = sealed_repo.run(
            "match", "spring", "--show-sealed", *extra, identity=identity
        )
        assert code == 2, (extra, err)
        assert out == "" and message in err, (extra, err)
        assert not (sealed_repo.root / MATCH_FILE).exists()
