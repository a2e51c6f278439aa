"""How mentoring connects departments, as disclosure specs: nodes, edges and totals.

Nodes are departments (of people on the site: their department is on their page, so its
size is public); departments smaller than the threshold are folded into one
``OTHER`` node. An edge counts the pairs that joined a mentor in one department with a
mentee in the other, accepted or accepted and since ended. Every edge and every
"pairs within" count is a figure like any other: shown only when it counts no pair or at
least the threshold, *and* the people on each side of it reach the threshold too, so a
line can never point at one person, even one alone in a small department.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable
from dataclasses import dataclass

from mentorkit.lifecycle.disclosure import DEFAULT_MIN_GROUP, Count, Rate, Spec
from mentorkit.lifecycle.metric_values import person
from mentorkit.lifecycle.metrics import pair_id
from mentorkit.lifecycle.relationships import pairs_in
from mentorkit.model.program import Program

OTHER = "Other departments"
CONNECTING = ("accepted", "ended")  # pairs that mentored someone


@dataclass(frozen=True)
class Link:
    first: str
    second: str
    pairs: frozenset[Hashable]
    first_people: frozenset[Hashable]
    second_people: frozenset[Hashable]

    @property
    def key(self) -> str:
        if self.first == self.second:
            return f"network:within:{self.first}"
        return f"network:edge:{self.first}|{self.second}"


@dataclass(frozen=True)
class DepartmentPairs:
    """Departments with their people, and the pairs between (or within) them."""

    people: dict[str, frozenset[Hashable]]  # department (or OTHER) -> people on the site
    links: tuple[Link, ...]  # first <= second; first == second: pairs within

    @property
    def all_pairs(self) -> frozenset[Hashable]:
        return frozenset().union(*(link.pairs for link in self.links))

    @property
    def cross_pairs(self) -> frozenset[Hashable]:
        return frozenset().union(*(lk.pairs for lk in self.links if lk.first != lk.second))


def department_pairs(program: Program, min_group: int = DEFAULT_MIN_GROUP) -> DepartmentPairs:
    sizes = Counter(p.department for p in program.participants.values())
    department = {
        pid: p.department if sizes[p.department] >= min_group else OTHER
        for pid, p in program.participants.items()
    }
    people: dict[str, set[Hashable]] = defaultdict(set)
    for pid, dept in department.items():
        people[dept].add(person(pid))
    pairs: dict[tuple[str, str], set[Hashable]] = defaultdict(set)
    sides: dict[tuple[str, str], tuple[set[Hashable], set[Hashable]]] = {}
    for cid, pair in pairs_in(program, sorted(program.cohorts)):
        a, b = department.get(pair.mentor), department.get(pair.mentee)
        if pair.status not in CONNECTING or a is None or b is None:
            continue
        ends = sorted([(a, pair.mentor), (b, pair.mentee)])
        key = (ends[0][0], ends[1][0])
        pairs[key].add(pair_id(cid, pair))
        first, second = sides.setdefault(key, (set(), set()))
        first.add(person(ends[0][1]))
        (first if a == b else second).add(person(ends[1][1]))
    links = tuple(
        Link(a, b, frozenset(found), frozenset(sides[(a, b)][0]), frozenset(sides[(a, b)][1]))
        for (a, b), found in sorted(pairs.items())
    )
    return DepartmentPairs({d: frozenset(p) for d, p in people.items()}, links)


def network_specs(program: Program, min_group: int = DEFAULT_MIN_GROUP) -> list[Spec]:
    """The network page's figures, to be disclosed together with the dashboard's."""
    net = department_pairs(program, min_group)
    everyone = frozenset().union(*net.people.values())
    every_pair, cross = net.all_pairs, net.cross_pairs
    specs: list[Spec] = [
        Count("network:pairs", every_pair, keep=4),
        Count("network:cross", cross, every_pair),
        Rate("network:cross_share", cross, every_pair, keep=5),
    ]
    specs += [
        Count(f"network:people:{dept}", people, everyone, public=True)
        for dept, people in net.people.items()
    ]
    for link in net.links:
        behind = (
            (link.first_people,)
            if link.first == link.second
            else (
                link.first_people,
                link.second_people,
            )
        )
        specs.append(Count(link.key, link.pairs, every_pair, behind=behind))
    return specs
