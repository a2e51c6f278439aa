"""The public view (privacy by construction) and the department network."""

from __future__ import annotations

import dataclasses
import datetime as dt

from mentorkit.lifecycle.disclosure import Figure
from mentorkit.lifecycle.metrics import compute_metrics
from mentorkit.lifecycle.network import OTHER, department_pairs, network_specs
from mentorkit.lifecycle.published import public_program, published_figures
from mentorkit.model.entities import (
    Charter,
    Cohort,
    MatchFile,
    MentorOffer,
    Pair,
    Participant,
)
from mentorkit.model.program import Program
from mentorkit.site.network import DepartmentNetwork, department_network
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


def _network(program: Program) -> DepartmentNetwork:
    shared = public_program(program)
    figures = published_figures(compute_metrics(shared, TODAY), 5, extra=network_specs(shared))
    return department_network(department_pairs(shared), figures)


def test_network_joins_departments_folds_small_ones_and_draws_only_shown_links() -> None:
    people = [_person(f"e{i}", "Engineering", mentor=3) for i in range(6)]
    people += [_person(f"d{i}", "Data") for i in range(6)]
    people += [_person(f"p{i}", "Product") for i in range(6)]
    people += [_person("s0", "Sales")]  # a department of one, on her public profile
    pairs = [Pair(f"e{i}", f"d{i}", status="accepted") for i in range(6)]
    pairs += [Pair(f"e{i}", f"p{i}", status="ended", since="2026-01-01") for i in range(6)]
    pairs += [
        Pair("e0", "s0", status="ended", since="2026-01-01"),
        Pair("e1", "e2", status="ended"),
    ]
    pairs += [Pair("e3", "e4", status="proposed")]  # proposals connect nobody yet
    net = department_pairs(_program(people, pairs))
    assert set(net.people) == {"Engineering", "Data", "Product", OTHER}
    network = _network(_program(people, pairs))
    links = {(link.first, link.second): link.pairs for link in network.links}
    assert links[("Data", "Engineering")] == Figure(6)
    # One pair joins Engineering to the one person in "Other departments": never drawn.
    assert links[("Engineering", OTHER)].withheld
    within = {n.department: n.within for n in network.nodes}
    assert within["Engineering"].withheld  # one pair: the two hidden cells stay two
    assert network.pairs == Figure(14) and network.cross_share.withheld  # 13 of 14
    svg = str(network.svg)
    assert "Sales" not in svg and svg.count("<circle") == 4 and svg.count("<line") == 2
    other = next(n for n in network.nodes if n.department == OTHER)
    assert other.partners == 0  # measures count drawn links only


def test_hidden_people_count_in_nothing_on_the_network() -> None:
    people = [_person(f"h{i}", "Secret Team", public=False) for i in range(5)]
    people += [_person(f"e{i}", "Engineering") for i in range(5)]
    network = _network(_program(people, []))
    assert [n.department for n in network.nodes] == ["Engineering"]
    assert network.nodes[0].people == Figure(5)
    assert "H0" not in str(network.svg) and "Secret" not in str(network.svg)
