"""The fairness audit: figures per group, small groups withheld, gaps flagged, private files parsed."""

from __future__ import annotations

import pytest

from mentorkit.loading.private_groups import PrivateDataError, parse_private_groups
from mentorkit.matching.fairness import audit
from mentorkit.matching.result import (
    MatchResult,
    MatchSummary,
    PersonOptions,
    ProposedPair,
    UnmatchedPerson,
)

SUMMARY = MatchSummary("one-on-one", "coverage", 0, 0, None, None, None, 0, "dense")


def result(matched: dict[str, float], unmatched: list[str], best: dict[str, float]) -> MatchResult:
    pairs = tuple(ProposedPair("m", person, score) for person, score in matched.items())
    lonely = tuple(
        UnmatchedPerson(person, "all 2 compatible mentors are at capacity") for person in unmatched
    )
    lonely += (UnmatchedPerson("idle", "mentor without a mentee", "mentor"),)
    options = tuple(PersonOptions(p, 1, s) for p, s in best.items())
    return MatchResult("c1", "one-on-one", pairs, (), lonely, SUMMARY, options)


def test_groups_get_figures_and_gaps_are_flagged() -> None:
    a = [f"a{i}" for i in range(6)]
    b = [f"b{i}" for i in range(6)]
    matched = {**dict.fromkeys(a, 0.8), **dict.fromkeys(b[:3], 0.5)}
    best = {**dict.fromkeys(a, 0.8), **dict.fromkeys(b, 0.7)}
    groups = {**dict.fromkeys(a, ("group-a",)), **dict.fromkeys(b, ("group-b",))}
    found = audit(result(matched, b[3:], best), groups)
    by_name = {g.group: g for g in found.groups}
    assert found.overall.people == 12 and found.overall.matched == 9
    assert by_name["group-a"].match_rate == 1.0 and by_name["group-a"].first_choice_share == 1.0
    assert by_name["group-a"].flags == ()
    b_fig = by_name["group-b"]
    assert b_fig.match_rate == 0.5 and b_fig.mean_score == 0.5 and b_fig.first_choice_share == 0.0
    assert any(f == "match rate 25 points below overall" for f in b_fig.flags)
    assert any(f.startswith("mean score") for f in b_fig.flags)


def test_groups_smaller_than_five_are_never_shown() -> None:
    people = [f"p{i}" for i in range(13)]
    groups = dict.fromkeys(people[:8], ("big",)) | dict.fromkeys(people[8:11], ("tiny",))
    found = audit(result(dict.fromkeys(people, 0.6), [], {}), groups)
    assert [g.group for g in found.groups] == ["big"]
    assert found.hidden_groups == 1
    assert found.without_group == 2


def test_the_threshold_is_the_one_given() -> None:
    people = [f"p{i}" for i in range(11)]
    groups = dict.fromkeys(people[:8], ("big",)) | dict.fromkeys(people[8:11], ("tiny",))
    outcome = result(dict.fromkeys(people, 0.6), [], {})
    assert [g.group for g in audit(outcome, groups, min_group=3).groups] == ["big", "tiny"]
    stricter = audit(outcome, groups, min_group=9)
    assert stricter.groups == () and stricter.min_group == 9


def test_mentors_without_mentees_are_not_counted() -> None:
    found = audit(result({"x": 0.5}, [], {}), {"idle": ("g",)})
    assert found.overall.people == 1


def test_parse_yaml_and_csv() -> None:
    assert parse_private_groups("ada: women-in-tech\nlin: [lgbtq, first-gen]\n", "groups.yaml") == {
        "ada": ("women-in-tech",),
        "lin": ("lgbtq", "first-gen"),
    }
    assert parse_private_groups("id,group\nada,x\nada,y\nlin,x\n", "g.csv") == {
        "ada": ("x", "y"),
        "lin": ("x",),
    }


@pytest.mark.parametrize(
    ("text", "name", "message"),
    [
        ("participant,label\nada,x\n", "g.csv", "needs the columns id and group"),
        ("- ada\n", "g.yaml", "must be a mapping"),
        ("ada: {nested: true}\n", "g.yaml", "must be text"),
        ("ada: x\nada: y\n", "g.yaml", "duplicate"),
    ],
)
def test_bad_private_files_give_clear_errors(text: str, name: str, message: str) -> None:
    with pytest.raises(PrivateDataError, match=message):
        parse_private_groups(text, name)


def test_a_small_group_cannot_be_recovered_by_subtraction() -> None:
    alpha = [f"a{i}" for i in range(9)]
    beta = [f"b{i}" for i in range(7)]
    tiny = ["t0", "t1", "t2", "t3"]
    everyone = alpha + beta + tiny
    matched = {p: 0.7 for p in everyone if p not in ("t2", "t3")}
    groups = {
        **dict.fromkeys(alpha, ("alpha",)),
        **dict.fromkeys(beta, ("beta",)),
        **dict.fromkeys(tiny, ("tiny",)),
    }
    found = audit(result(matched, ["t2", "t3"], dict.fromkeys(everyone, 0.7)), groups)
    shown = {g.group for g in found.groups}
    # "everyone" minus alpha and beta would be the four people of "tiny": beta goes too.
    assert shown == {"alpha"}
    assert found.hidden_groups == 2
    outside = found.overall.people - sum(g.people for g in found.groups)
    assert outside >= 5
