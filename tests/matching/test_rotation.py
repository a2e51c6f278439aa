"""Rotation cohorts: rounds of pairs that never repeat, within the cohort or from earlier
cohorts, balanced across departments, kept on a re-run; and their calendar."""

from __future__ import annotations

import random
import shutil
from collections import Counter
from dataclasses import replace
from itertools import combinations
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import mentorkit.matching.rotation as rotation_module
from mentorkit.cli.main import cli
from mentorkit.lifecycle.calendar import rounds_calendar
from mentorkit.matching.engine import match_cohort
from mentorkit.matching.result import MatchResult
from mentorkit.matching.score import score_with, scoring_for
from mentorkit.model.entities import Cohort, MatchFile, Pair, Participant
from mentorkit.model.program import Program
from tests.matching.builders import DEPARTMENTS, SKILLS, people_strategy, person, program

FIXTURE = Path(__file__).parents[1] / "fixtures" / "matching" / "repo"


def rotation(people: list[Participant], rounds: int = 3, match: MatchFile | None = None) -> Program:
    prog = program(people, fmt="rotation", match=match)
    cohort = replace(prog.cohorts["c1"], rounds=rounds, round_length=7)
    return replace(prog, cohorts={"c1": cohort})


def _file(result: MatchResult) -> MatchFile:
    return MatchFile(
        "c1",
        "x",
        pairs=tuple(
            Pair(p.mentor, p.mentee, p.score, reasons=p.reasons, round=p.round)
            for p in result.pairs
        ),
    )


def _everyone_meets(count: int, seed: int = 1) -> list[Participant]:
    rng = random.Random(seed)
    return [
        person(
            f"p{i:02d}",
            mentor=dict.fromkeys(SKILLS, 3),
            goals=tuple(rng.sample(SKILLS, 2)),
            department=DEPARTMENTS[i % len(DEPARTMENTS)],
            level=rng.randint(1, 10),
        )
        for i in range(count)
    ]


@pytest.mark.slow
@settings(max_examples=80, deadline=None)
@given(people_strategy(max_mentors=5, max_mentees=7, peer=True), st.integers(1, 5))
def test_no_pair_repeats_and_every_pair_keeps_the_rules(
    people: list[Participant], rounds: int
) -> None:
    prog = rotation(people, rounds)
    result = match_cohort(prog, "c1")
    keys = [frozenset((p.mentor, p.mentee)) for p in result.pairs]
    assert len(keys) == len(set(keys))
    scoring = scoring_for(prog.cohorts["c1"])
    by_id = {p.id: p for p in people}
    for number in range(1, rounds + 1):
        met = [x for p in result.pairs if p.round == number for x in (p.mentor, p.mentee)]
        assert len(met) == len(set(met))  # one partner per round
    for pair in result.pairs:
        assert 1 <= (pair.round or 0) <= rounds
        assert score_with(scoring, by_id[pair.mentor], by_id[pair.mentee]) is not None
    # the reasons for sitting out are true: in each round, no two people who sat out
    # could have met (allowed, and not met in an earlier round)
    met_before: set[frozenset[str]] = set()
    for number in range(1, rounds + 1):
        this = [p for p in result.pairs if p.round == number]
        busy = {x for p in this for x in (p.mentor, p.mentee)}
        free = [p for p in people if p.id not in busy]
        for a, b in combinations(free, 2):
            if frozenset((a.id, b.id)) not in met_before:
                assert score_with(scoring, a, b) is None, (number, a.id, b.id)
        met_before |= {frozenset((p.mentor, p.mentee)) for p in this}
    sitting = {u.id for u in result.unmatched}
    assert sitting == {
        p.id
        for p in people
        for number in range(1, rounds + 1)
        if p.id not in {x for q in result.pairs if q.round == number for x in (q.mentor, q.mentee)}
    }


def test_a_full_rotation_pairs_everyone_each_round_and_mixes_departments() -> None:
    people = _everyone_meets(12)
    result = match_cohort(rotation(people, rounds=4), "c1")
    assert Counter(p.round for p in result.pairs) == {1: 6, 2: 6, 3: 6, 4: 6}
    assert not result.unmatched
    met: dict[str, Counter[str]] = {p.id: Counter() for p in people}
    by_id = {p.id: p for p in people}
    for pair in result.pairs:
        met[pair.mentor][by_id[pair.mentee].department] += 1
        met[pair.mentee][by_id[pair.mentor].department] += 1
    # three departments, four rounds: nobody meets one department more than twice
    assert max(max(c.values()) for c in met.values()) <= 2
    assert result.pairs[0].reasons[0] == "round 1 of 4: 2026-01-01 to 2026-01-07"


def test_pairs_from_earlier_cohorts_are_never_repeated() -> None:
    people = _everyone_meets(6)
    earlier_pairs = tuple(Pair(a.id, b.id, status="ended") for a, b in combinations(people[:4], 2))
    prog = rotation(people, rounds=2)
    before = Cohort(
        "c0", "Earlier", "peer", "closed", "2025-01-01", "2025-06-30", "program/cohorts/c0.yaml"
    )
    prog = replace(
        prog,
        cohorts={**prog.cohorts, "c0": before},
        matches={"c0": MatchFile("c0", "program/matches/c0.yaml", earlier_pairs)},
    )
    result = match_cohort(prog, "c1")
    seen = {frozenset((p.mentor, p.mentee)) for p in result.pairs}
    assert not seen & {frozenset((p.mentor, p.mentee)) for p in earlier_pairs}
    assert result.pairs  # p04 and p05 still meet the others


def test_a_rerun_keeps_every_round_and_one_joiner_moves_few_pairs() -> None:
    people = _everyone_meets(20)
    first = match_cohort(rotation(people, rounds=3), "c1")
    again = match_cohort(rotation(people, rounds=3, match=_file(first)), "c1")
    assert [(p.round, p.mentor, p.mentee) for p in again.pairs] == [
        (p.round, p.mentor, p.mentee) for p in first.pairs
    ]
    joiner = replace(_everyone_meets(21)[20], id="zz-joiner")
    after = match_cohort(rotation([*people, joiner], rounds=3, match=_file(first)), "c1")
    before_set = {(p.round, p.mentor, p.mentee) for p in first.pairs}
    changed = len(before_set - {(p.round, p.mentor, p.mentee) for p in after.pairs})
    assert changed <= 4, changed  # of 30 pairs


def test_rounds_calendar_lists_each_round_and_a_persons_partners() -> None:
    people = _everyone_meets(4)
    prog = rotation(people, rounds=2)
    result = match_cohort(prog, "c1")
    prog = replace(prog, matches={"c1": _file(result)})
    everyone = rounds_calendar(prog, "c1").decode()
    assert everyone.count("BEGIN:VEVENT") == 2
    assert "DTSTART;VALUE=DATE:20260108" in everyone and "DTEND;VALUE=DATE:20260115" in everyone
    mine = rounds_calendar(prog, "c1", "p00").decode()
    partner = next(
        p.mentee if p.mentor == "p00" else p.mentor
        for p in result.pairs
        if p.round == 1 and "p00" in (p.mentor, p.mentee)
    )
    assert f"round 1: {partner.title()}" in mine
    assert rounds_calendar(prog, "c1") == rounds_calendar(prog, "c1")


def test_large_pools_use_each_persons_best_pairs_and_leave_no_two_free_who_could_meet(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(rotation_module, "FULL_GRAPH_PEOPLE", 4)
    monkeypatch.setattr(rotation_module, "ROUND_TOP_K", 1)
    people = _everyone_meets(15, seed=4)
    prog = rotation(people, rounds=5)
    result = match_cohort(prog, "c1")
    scoring = scoring_for(prog.cohorts["c1"])
    met: set[frozenset[str]] = set()
    for number in range(1, 6):
        this = [p for p in result.pairs if p.round == number]
        busy = {x for p in this for x in (p.mentor, p.mentee)}
        free = [p for p in people if p.id not in busy]
        for a, b in combinations(free, 2):
            assert frozenset((a.id, b.id)) in met or score_with(scoring, a, b) is None
        met |= {frozenset((p.mentor, p.mentee)) for p in this}
    assert len(met) == len(result.pairs)  # never twice


def test_export_ics_rounds_through_the_cli(tmp_path: Path) -> None:
    repo = Path(shutil.copytree(FIXTURE, tmp_path / "repo"))
    peers = (repo / "program" / "cohorts" / "peers.yaml").read_text()
    (repo / "program" / "cohorts" / "rot.yaml").write_text(
        peers.replace("id: peers", "id: rot").replace("format: peer", "format: rotation")
        + "rounds: 2\nround_length: 7\n"
    )
    for path in (repo / "participants").glob("*.yaml"):
        path.write_text(path.read_text().replace("circles]", "circles, rot]"))
    runner = CliRunner()
    assert runner.invoke(cli, ["--repo", str(repo), "match", "rot", "--write"]).exit_code == 0
    written = (repo / "program" / "matches" / "rot.yaml").read_text()
    assert "    round: 1\n" in written and "    round: 2\n" in written
    assert runner.invoke(cli, ["--repo", str(repo), "validate"]).exit_code == 0
    out = runner.invoke(cli, ["--repo", str(repo), "export", "ics", "rot", "--rounds"])
    assert out.exit_code == 0 and out.stdout.count("BEGIN:VEVENT") == 2
    mine = runner.invoke(
        cli, ["--repo", str(repo), "export", "ics", "rot", "--rounds", "--person", "lin"]
    )
    assert mine.exit_code == 0 and "round 1: " in mine.stdout
    misuse = runner.invoke(cli, ["--repo", str(repo), "export", "ics", "rot", "--person", "lin"])
    assert misuse.exit_code == 2
