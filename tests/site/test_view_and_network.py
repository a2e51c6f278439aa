"""The public view (privacy by construction) and the department network."""

from __future__ import annotations

import dataclasses
import datetime as dt

from mentorkit.model.entities import (
    Charter,
    Cohort,
    MatchFile,
    MentorOffer,
    Pair,
    Participant,
)
from mentorkit.model.program import Program
from mentorkit.site.network import OTHER, department_graph, department_network
from mentorkit.site.view import PublicPerson, public_view
from mentorkit.validation import validate_program
from tests.site.conftest import FIXTURE_REPO

TODAY = dt.date(2026, 11, 24)


def _person(pid: str, department: str, *, mentor: int = 0, public: bool = True) -> Participant:
    return Participant(
        id=pid,
        name=pid.title(),
        department=department,
        level=3,
        timezone="Europe/Berlin",
        source=f"participants/{pid}.yaml",
        public=public,
        cohorts=("c1",),
        mentor=MentorOffer(mentor, {"python": 3}) if mentor else None,
    )


def _program(people: list[Participant], pairs: list[Pair]) -> Program:
    cohort = Cohort(
        "c1", "Cohort one", "one-on-one", "active", "2026-09-01", "2027-02-26", "c1.yaml"
    )
    return Program(
        charter=Charter(name="P", purpose="p", coordinators=()),
        participants={p.id: p for p in people},
        cohorts={"c1": cohort},
        matches={"c1": MatchFile("c1", "m.yaml", tuple(pairs))},
    )


def test_public_person_carries_no_private_field() -> None:
    private = {
        "email",
        "manager",
        "avoid",
        "location",
        "mentee",
        "level",
        "hours_per_month",
        "github",
    }
    assert not private & {f.name for f in dataclasses.fields(PublicPerson)}


def test_view_of_the_fixture_leaves_out_hidden_people_and_their_lessons() -> None:
    view = public_view(validate_program(FIXTURE_REPO).program, TODAY)
    assert "quentin-hidden" not in view.people
    assert [lesson.author for lesson in view.lessons] == ["xavier-xss", "ada-lovelace"]
    assert all(lesson.date <= TODAY.isoformat() for lesson in view.lessons)


def test_free_capacity_counts_accepted_pairs_of_current_cohorts_only() -> None:
    people = [_person("full", "Eng", mentor=1), _person("free", "Eng", mentor=2), _person("m1", "Data"),
              _person("m2", "Data"), _person("m3", "Data")]  # fmt: skip
    pairs = [
        Pair("full", "m1", status="accepted"),
        Pair("free", "m2", status="accepted"),
        Pair("free", "m3", status="proposed"),
    ]
    view = public_view(_program(people, pairs), TODAY)
    assert not view.people["full"].open_to_mentees
    assert view.people["free"].open_to_mentees


def test_network_joins_departments_and_folds_small_ones() -> None:
    people = [_person(f"e{i}", "Engineering", mentor=3) for i in range(6)]
    people += [_person(f"d{i}", "Data") for i in range(6)]
    people += [_person("s0", "Sales")]  # a department of one
    pairs = [Pair(f"e{i}", f"d{i}", status="accepted") for i in range(6)]
    pairs += [Pair("e0", "s0", status="accepted"), Pair("e1", "e2", status="ended")]
    pairs += [Pair("e3", "e4", status="proposed")]  # proposals connect nobody yet
    graph = department_graph(_program(people, pairs))
    assert set(graph.nodes) == {"Engineering", "Data", OTHER}
    assert graph.edges["Engineering", "Data"]["pairs"] == 6
    assert graph.nodes["Engineering"]["within"] == 1
    network = department_network(_program(people, pairs))
    links = {(link.first, link.second): link.pairs for link in network.links}
    assert links == {("Data", "Engineering"): 6, ("Engineering", OTHER): None}
    assert network.pairs == 8 and network.cross_pairs == 7
    assert "Sales" not in str(network.svg)
    assert str(network.svg).count("<circle") == 3


def test_hidden_people_still_count_but_are_never_named_in_the_network() -> None:
    people = [_person(f"h{i}", "Secret Team", public=False) for i in range(5)]
    network = department_network(_program(people, []))
    assert network.nodes[0].people == 5
    assert "H0" not in str(network.svg)
