"""How mentoring connects departments: a networkx graph of accepted pairs, drawn as SVG.

Nodes are departments, edges join the departments of a mentor and a mentee. Nobody is
named and no pair is shown. Departments of fewer than five people are folded into one
"Other departments" node, so an edge never points at one person, and a pair count
below five is drawn as a thin line without its number.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

import networkx as nx
from markupsafe import Markup

from mentorkit.lifecycle.relationships import pairs_in
from mentorkit.lifecycle.suppression import MINIMUM_GROUP, suppress_small
from mentorkit.model.program import Program
from mentorkit.site.text import html_text

OTHER = "Other departments"
# Pairs that mentored someone: accepted now, or accepted and since ended.
CONNECTING = ("accepted", "ended")


@dataclass(frozen=True)
class DepartmentNode:
    department: str
    people: int | None  # suppressed below five
    partners: int  # departments it is connected to
    within: int | None  # pairs inside the department, suppressed below five
    bridging: float  # betweenness centrality, 0-1


@dataclass(frozen=True)
class DepartmentLink:
    first: str
    second: str
    pairs: int | None  # suppressed below five


@dataclass(frozen=True)
class DepartmentNetwork:
    nodes: tuple[DepartmentNode, ...]
    links: tuple[DepartmentLink, ...]
    pairs: int
    cross_pairs: int
    density: float
    svg: Markup

    @property
    def cross_share(self) -> float | None:
        if self.pairs < MINIMUM_GROUP or suppress_small(self.cross_pairs) is None:
            return None
        return self.cross_pairs / self.pairs


def _department_of(program: Program) -> dict[str, str]:
    sizes = Counter(p.department for p in program.participants.values())
    return {
        pid: p.department if sizes[p.department] >= MINIMUM_GROUP else OTHER
        for pid, p in program.participants.items()
    }


def department_graph(program: Program) -> nx.Graph:
    """Departments joined by mentoring: edge ``pairs`` counts pairs, node ``within`` same-department ones."""
    department = _department_of(program)
    graph = nx.Graph()
    for name, size in Counter(department.values()).items():
        graph.add_node(name, people=size, within=0)
    for _, pair in pairs_in(program, sorted(program.cohorts)):
        if pair.status not in CONNECTING:
            continue
        first, second = department.get(pair.mentor), department.get(pair.mentee)
        if first is None or second is None:
            continue
        if first == second:
            graph.nodes[first]["within"] += 1
        elif graph.has_edge(first, second):
            graph.edges[first, second]["pairs"] += 1
        else:
            graph.add_edge(first, second, pairs=1)
    return graph


def department_network(program: Program) -> DepartmentNetwork:
    graph = department_graph(program)
    bridging = nx.betweenness_centrality(graph, weight=None, normalized=True)
    ordered = sorted(graph.nodes, key=lambda n: (n == OTHER, n))
    nodes = tuple(
        DepartmentNode(
            department=name,
            people=suppress_small(graph.nodes[name]["people"]),
            partners=graph.degree(name),
            within=suppress_small(graph.nodes[name]["within"]),
            bridging=round(bridging.get(name, 0.0), 3),
        )
        for name in ordered
    )
    links = tuple(
        DepartmentLink(a, b, suppress_small(graph.edges[a, b]["pairs"]))
        for a, b in sorted(tuple(sorted(edge)) for edge in graph.edges)
    )
    cross = sum(data["pairs"] for _, _, data in graph.edges(data=True))
    within = sum(data["within"] for _, data in graph.nodes(data=True))
    density = nx.density(graph) if graph.number_of_nodes() > 1 else 0.0
    return DepartmentNetwork(
        nodes, links, cross + within, cross, round(density, 3), _draw(graph, ordered)
    )


def _draw(graph: nx.Graph, ordered: list[str]) -> Markup:
    size = 640
    centre, ring = size / 2, size / 2 - 120
    # A circle keeps every department readable and the drawing identical build to build.
    places: dict[str, tuple[float, float]] = {}
    for index, name in enumerate(ordered):
        angle = 2 * math.pi * index / max(len(ordered), 1) - math.pi / 2
        places[name] = (centre + ring * math.cos(angle), centre + ring * math.sin(angle))
    body: list[str] = []
    for a, b, data in sorted(graph.edges(data=True)):
        (x1, y1), (x2, y2) = places[a], places[b]
        pairs = data["pairs"]
        shown = suppress_small(pairs)
        width = 2 if shown is None else min(2 + math.sqrt(pairs) * 1.5, 14)
        label = f"{a} and {b}: " + (f"{shown} pairs" if shown is not None else "fewer than 5 pairs")
        body.append(
            f'<line class="mk-net-edge" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
            f'stroke-width="{width:.1f}"><title>{html_text(label)}</title></line>'
        )
        if shown is not None:
            body.append(
                f'<text class="mk-chart-value" x="{(x1 + x2) / 2:.1f}" y="{(y1 + y2) / 2 - 4:.1f}" '
                f'text-anchor="middle">{shown}</text>'
            )
    for name in ordered:
        x, y = places[name]
        people = graph.nodes[name]["people"]
        radius = 10 + min(math.sqrt(people) * 2.5, 26)
        anchor = "middle" if abs(x - centre) < 40 else ("start" if x > centre else "end")
        dx = 0 if anchor == "middle" else (radius + 6 if anchor == "start" else -radius - 6)
        dy = (radius + 16 if y > centre else -radius - 8) if anchor == "middle" else 5
        shown = suppress_small(people)
        count = f"{shown} people" if shown is not None else "fewer than 5 people"
        body.append(
            f'<circle class="mk-net-node" cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}">'
            f"<title>{html_text(name)}: {count}</title></circle>"
            f'<text class="mk-chart-label" x="{x + dx:.1f}" y="{y + dy:.1f}" '
            f'text-anchor="{anchor}">{html_text(name)}</text>'
        )
    label = "Departments connected by mentoring pairs"
    return Markup(
        f'<svg class="mk-chart mk-network" viewBox="0 0 {size} {size}" width="100%" role="img" '
        f'aria-label="{label}" xmlns="http://www.w3.org/2000/svg"><title>{label}</title>'
        + "".join(body)
        + "</svg>"
    )
