"""Ranked preferences: a documented bonus within the score, honoured by the solver,
identical on the scalar and vectorised paths, and never stronger than a hard rule."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mentorkit.matching.allowed import collect
from mentorkit.matching.candidates import forbidden_columns
from mentorkit.matching.engine import match_cohort
from mentorkit.matching.matrix import encode
from mentorkit.matching.preferences import ordinal, rank_points
from mentorkit.matching.score import SCALE, score_with, scoring_for
from mentorkit.model.entities import MatchingSettings, Participant
from tests.matching.builders import people_strategy, person, program, settings_strategy


def prefer(p: Participant, *ids: str, as_mentor: bool = False) -> Participant:
    if as_mentor:
        assert p.mentor is not None
        return replace(p, mentor=replace(p.mentor, preferences=ids))
    assert p.mentee is not None
    return replace(p, mentee=replace(p.mentee, preferences=ids))


def test_rank_bonus_is_a_fifth_less_per_rank() -> None:
    assert [rank_points(1000, r) for r in range(1, 6)] == [1000, 800, 600, 400, 200]
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 22)] == [
        "1st",
        "2nd",
        "3rd",
        "4th",
        "11th",
        "22nd",
    ]


def test_a_ranked_mentor_scores_higher_and_the_reason_says_whose_choice() -> None:
    mentor = person("m1", mentor={"python": 3})
    mentee = person("e1", goals=("python",))
    cohort = program([mentor, mentee]).cohorts["c1"]
    plain = score_with(scoring_for(cohort), mentor, mentee)
    chosen = score_with(scoring_for(cohort), mentor, prefer(mentee, "m9", "m1"))
    assert plain is not None and chosen is not None
    assert round((chosen.total - plain.total) * SCALE) == 800  # a 2nd choice: 0.08
    assert "the mentee's 2nd choice" in chosen.reasons


def test_the_solver_gives_each_mentee_their_first_choice_when_it_can() -> None:
    mentors = [person(f"m{i}", mentor={"python": 5 - i}) for i in range(3)]
    mentees = [
        prefer(person("e0", goals=("python",)), "m2"),
        prefer(person("e1", goals=("python",)), "m1"),
        prefer(person("e2", goals=("python",)), "m0"),
    ]
    result = match_cohort(program([*mentors, *mentees]), "c1")
    assert {(p.mentee, p.mentor) for p in result.pairs} == {
        ("e0", "m2"),
        ("e1", "m1"),
        ("e2", "m0"),
    }


def test_hard_rules_win_over_a_first_choice() -> None:
    mentor = person("m1", mentor={"python": 5}, languages=("de",))
    other = person("m2", mentor={"python": 1})
    mentee = prefer(person("e1", goals=("python",)), "m1")
    result = match_cohort(program([mentor, other, mentee]), "c1")
    assert [(p.mentor, p.mentee) for p in result.pairs] == [("m2", "e1")]


def test_zero_bonus_ignores_preferences() -> None:
    mentor = person("m1", mentor={"python": 3})
    mentee = prefer(person("e1", goals=("python",)), "m1")
    cohort = program([mentor, mentee], settings=MatchingSettings(preference_bonus=0)).cohorts["c1"]
    scored = score_with(scoring_for(cohort), mentor, mentee)
    assert scored is not None and not any("choice" in r for r in scored.reasons)


@pytest.mark.slow
@settings(max_examples=60, deadline=None)
@given(people_strategy(max_mentors=5, max_mentees=6), settings_strategy(), st.integers(0, 999))
def test_scalar_and_vectorised_scores_agree_with_preferences(
    people: list[Participant], chosen: MatchingSettings, seed: int
) -> None:
    rng = random.Random(seed)
    ids = [p.id for p in people]
    people = [
        replace(
            p,
            mentee=replace(p.mentee, preferences=tuple(rng.sample(ids, min(3, len(ids)))))
            if p.mentee
            else None,
            mentor=replace(p.mentor, preferences=tuple(rng.sample(ids, min(2, len(ids)))))
            if p.mentor
            else None,
        )
        for p in people
    ]
    for fmt in ("one-on-one", "peer"):
        cohort = program(people, fmt=fmt, settings=chosen).cohorts["c1"]
        scoring = scoring_for(cohort)
        rows = [p for p in people if p.mentee] if fmt == "one-on-one" else people
        cols = [p for p in people if p.mentor] if fmt == "one-on-one" else people
        row_side, col_side = encode([rows, cols])
        edges = collect(scoring, row_side, col_side, forbidden_columns(rows, cols)).edges
        vectorised = {
            (rows[r].id, cols[c].id): p
            for r, c, p in zip(
                edges.rows.tolist(), edges.cols.tolist(), edges.points.tolist(), strict=True
            )
        }
        for mentee in rows:
            for mentor in cols:
                scored = score_with(scoring, mentor, mentee)
                expected = None if scored is None else scored.points
                assert vectorised.get((mentee.id, mentor.id)) == expected, (
                    fmt,
                    mentor.id,
                    mentee.id,
                )
