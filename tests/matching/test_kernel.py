"""The scoring kernel's building blocks: seeds are exactly each person's best pairs,
bitsets agree with plain set arithmetic past one 64-bit word, and parallel blocks come
back in order."""

from __future__ import annotations

import random
import time

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from mentorkit.matching import allowed
from mentorkit.matching.allowed import collect
from mentorkit.matching.candidates import forbidden_columns
from mentorkit.matching.matrix import encode, score_block
from mentorkit.matching.parallel import in_order
from mentorkit.matching.preferences import choice_table
from mentorkit.matching.score import score_with, scoring_for
from mentorkit.matching.sides import bitset, common, level_sum, meets, take
from mentorkit.model.entities import Participant
from tests.matching.builders import people_strategy, person, program


def _brute_best(
    owner: list[int], other: list[int], points: list[int], k: int
) -> set[tuple[int, int, int]]:
    by_owner: dict[int, list[tuple[int, int]]] = {}
    for o, t, p in zip(owner, other, points, strict=True):
        by_owner.setdefault(o, []).append((-p, t))
    return {(o, t, -p) for o, items in by_owner.items() for p, t in sorted(items)[:k]}


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 6), st.integers(0, 40), st.integers(0, 10_000)),
        unique_by=lambda x: (x[0], x[1]),
        max_size=120,
    ),
    st.integers(1, 8),
)
def test_seeds_are_each_owners_best_with_ties_to_the_lower_index(
    cells: list[tuple[int, int, int]], k: int
) -> None:
    # scores crowd into few bands (and often tie) so the band cut-off is exercised
    owner = np.array([o for o, _, _ in cells], dtype=np.int64)
    other = np.array([t for _, t, _ in cells], dtype=np.int64)
    points = np.array([p if p % 3 else p // 1000 * 1000 for *_, p in cells], dtype=np.int64)
    rows, cols, got = allowed.best_pairs(owner, other, points, k, 41)
    found = set(zip(rows.tolist(), cols.tolist(), got.tolist(), strict=True))
    assert found == _brute_best(owner.tolist(), other.tolist(), points.tolist(), k)


def test_bitsets_past_one_word_match_set_arithmetic() -> None:
    rng = random.Random(4)
    width = 150  # three 64-bit words
    sets_a = [set(rng.sample(range(width), rng.randint(0, 6))) for _ in range(30)]
    sets_b = [set(rng.sample(range(width), rng.randint(0, 6))) for _ in range(20)]
    a = bitset(30, width, ((i, j) for i, s in enumerate(sets_a) for j in s))
    b = bitset(20, width, ((i, j) for i, s in enumerate(sets_b) for j in s))
    shared = meets(a, b)
    assert shared.tolist() == [[bool(x & y) for y in sets_b] for x in sets_a]
    g = np.repeat(np.arange(30), 20)
    c = np.tile(np.arange(20), 30)
    assert common(a[g], b[c]).tolist() == [
        len(sets_a[i] & sets_b[j]) for i, j in zip(g, c, strict=True)
    ]
    levels = [{j: rng.randint(1, 5) for j in s} for s in sets_b]
    planes = np.stack(
        [
            bitset(
                20,
                width,
                ((i, j) for i, lv in enumerate(levels) for j, x in lv.items() if x >> p & 1),
            )
            for p in range(3)
        ]
    )
    expected = [sum(levels[j].get(s, 0) for s in sets_a[i]) for i, j in zip(g, c, strict=True)]
    assert level_sum(a, planes, g, c).tolist() == expected


def test_points_agree_with_the_scalar_score_with_many_skills() -> None:
    """More than 64 skills: the bitsets span several words and still score like score_with."""
    rng = random.Random(9)
    skills = [f"s{i:03d}" for i in range(140)]
    people = [
        person(
            f"m{i:02d}",
            mentor={s: rng.randint(1, 5) for s in rng.sample(skills, 6)},
            capacity=2,
            level=rng.randint(3, 9),
            department=rng.choice(["a", "b"]),
        )
        for i in range(12)
    ]
    people += [
        person(
            f"e{i:02d}",
            goals=tuple(rng.sample(skills, 3)),
            prefer=rng.random() < 0.5,
            level=rng.randint(1, 6),
            department=rng.choice(["a", "b"]),
        )
        for i in range(20)
    ]
    prog = program(people)
    scoring = scoring_for(prog.cohorts["c1"])
    mentors, mentees = prog.mentors_in("c1"), prog.mentees_in("c1")
    rows, cols = encode([mentees, mentors])
    edges = collect(scoring, rows, cols, forbidden_columns(mentees, mentors)).edges
    found = dict(
        zip(
            zip(edges.rows.tolist(), edges.cols.tolist(), strict=True),
            edges.points.tolist(),
            strict=True,
        )
    )
    for i, mentee in enumerate(mentees):
        for j, mentor in enumerate(mentors):
            scored = score_with(scoring, mentor, mentee)
            assert found.get((i, j)) == (None if scored is None else scored.points)


def test_parallel_results_come_back_in_input_order() -> None:
    def slow_first(n: int) -> int:
        time.sleep(0.02 if n % 3 == 0 else 0)
        return n * n

    assert list(in_order(slow_first, range(20), threads=2)) == [n * n for n in range(20)]
    assert list(in_order(slow_first, [], threads=2)) == []


@settings(max_examples=40, deadline=None)
@given(people_strategy())
def test_seeds_hold_each_mentees_best_mentors(people: list[Participant]) -> None:
    prog = program(people)
    scoring = scoring_for(prog.cohorts["c1"])
    mentors, mentees = prog.mentors_in("c1"), prog.mentees_in("c1")
    rows, cols = encode([mentees, mentors])
    forbidden = forbidden_columns(mentees, mentors)
    every = collect(scoring, rows, cols, forbidden).edges
    seeds = collect(scoring, rows, cols, forbidden, 2).edges
    seed_set = set(zip(seeds.rows.tolist(), seeds.cols.tolist(), strict=True))
    expected = _brute_best(every.rows.tolist(), every.cols.tolist(), every.points.tolist(), 2)
    assert {(r, c) for r, c, _ in expected} <= seed_set
    by_col = _brute_best(every.cols.tolist(), every.rows.tolist(), every.points.tolist(), 1)
    assert {(r, c) for c, r, _ in by_col} <= seed_set


def test_a_block_of_sub_sides_scores_like_the_whole() -> None:
    """``take`` and ``score_block`` (what a peer triangle uses) agree with the full grid."""
    rng = random.Random(2)
    skills = ["a", "b", "c", "d"]
    people = [
        person(
            f"p{i:02d}",
            mentor={s: rng.randint(1, 5) for s in rng.sample(skills, 2)},
            goals=tuple(rng.sample(skills, 2)),
            level=rng.randint(1, 9),
            timezone=rng.choice(["Europe/London", "Asia/Tokyo", "America/New_York"]),
        )
        for i in range(30)
    ]
    prog = program(people, fmt="peer")
    scoring = scoring_for(prog.cohorts["c1"])
    pool = sorted(prog.enrolled("c1"), key=lambda p: p.id)
    (side,) = encode([pool])
    forbidden = forbidden_columns(pool, pool)
    every = collect(scoring, side, side, forbidden).edges
    full = dict(
        zip(
            zip(every.rows.tolist(), every.cols.tolist(), strict=True),
            every.points.tolist(),
            strict=True,
        )
    )
    upper = np.arange(10, 30)
    sub_forbidden = {r: [c - 10 for c in cols if c >= 10] for r, cols in forbidden.items()}
    table = choice_table(0, True, (side.ids, side.choices), (side.ids[10:], side.choices))
    block = score_block(scoring, side, take(side, upper), sub_forbidden, (0, 10), table)
    got = dict(
        zip(
            zip(block.rows.tolist(), (block.cols + 10).tolist(), strict=True),
            block.points.tolist(),
            strict=True,
        )
    )
    assert got == {(r, c): p for (r, c), p in full.items() if r < 10 and c >= 10}
