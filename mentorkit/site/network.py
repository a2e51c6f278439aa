"""The mentoring network page: departments joined by mentoring, drawn as SVG with networkx.

The figures come from ``mentorkit.lifecycle.network`` and pass the disclosure rules with
the dashboard's: a link is drawn only when its pair count is shown, and the graph
measures (connected departments, bridging, density) are computed from the drawn links
only, so neither a line nor a measure tells of pairs that are withheld. Nobody is named
and no pair is shown.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import networkx as nx
from markupsafe import Markup

from mentorkit.lifecycle.disclosure import Figure
from mentorkit.lifecycle.network import OTHER, DepartmentPairs
from mentorkit.lifecycle.typed_figures import Figures
from mentorkit.site.text import html_text


@dataclass(frozen=True)
class DepartmentNode:
    department: str
    people: Figure
    partners: int  # departments it is drawn connected to
    within: Figure  # pairs inside the department
    bridging: float  # betweenness centrality over the drawn links, 0-1


@dataclass(frozen=True)
class DepartmentLink:
    first: str
    second: str
    pairs: Figure


@dataclass(frozen=True)
class DepartmentNetwork:
    nodes: tuple[DepartmentNode, ...]
    links: tuple[DepartmentLink, ...]  # the withheld ones too: the table says so
    pairs: Figure
    cross_share: Figure
    density: float
    svg: Markup


def _shown_graph(net: DepartmentPairs, figures: Figures) -> nx.Graph:
    graph = nx.Graph()
    graph.add_nodes_from(net.people)
    for link in net.links:
        figure = figures[link.key]
        if link.first != link.second and figure.value:
            graph.add_edge(link.first, link.second, pairs=int(figure.value))
    return graph


def department_network(net: DepartmentPairs, figures: Figures) -> DepartmentNetwork:
    graph = _shown_graph(net, figures)
    bridging = nx.betweenness_centrality(graph, weight=None, normalized=True)
    ordered = sorted(net.people, key=lambda n: (n == OTHER, n))
    within = {link.first: figures[link.key] for link in net.links if link.first == link.second}
    nodes = tuple(
        DepartmentNode(
            department=name,
            people=figures[f"network:people:{name}"],
            partners=graph.degree(name),
            within=within.get(name, Figure(0)),
            bridging=round(bridging.get(name, 0.0), 3),
        )
        for name in ordered
    )
    links = tuple(
        DepartmentLink(link.first, link.second, figures[link.key])
        for link in net.links
        if link.first != link.second
    )
    density = nx.density(graph) if graph.number_of_nodes() > 1 else 0.0
    return DepartmentNetwork(
        nodes,
        links,
        figures["network:pairs"],
        figures["network:cross_share"],
        round(density, 3),
        _draw(graph, ordered, {n.department: n.people for n in nodes}),
    )


def _draw(graph: nx.Graph, ordered: list[str], people: dict[str, Figure]) -> Markup:
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
        width = min(2 + math.sqrt(pairs) * 1.5, 14)
        body.append(
            f'<line class="mk-net-edge" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
            f'stroke-width="{width:.1f}"/>'
            f'<text class="mk-chart-value" x="{(x1 + x2) / 2:.1f}" y="{(y1 + y2) / 2 - 4:.1f}" '
            f'text-anchor="middle">{pairs}</text>'
        )
    for name in ordered:
        x, y = places[name]
        count = people[name].value or 0
        radius = 10 + min(math.sqrt(count) * 2.5, 26)
        anchor = "middle" if abs(x - centre) < 40 else ("start" if x > centre else "end")
        dx = 0 if anchor == "middle" else (radius + 6 if anchor == "start" else -radius - 6)
        dy = (radius + 16 if y > centre else -radius - 8) if anchor == "middle" else 5
        body.append(
            f'<circle class="mk-net-node" cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}"/>'
            f'<text class="mk-chart-label" x="{x + dx:.1f}" y="{y + dy:.1f}" '
            f'text-anchor="{anchor}">{html_text(name)}</text>'
        )
    label = "Departments connected by mentoring pairs; the tables below give every figure"
    return Markup(
        f'<svg class="mk-chart mk-network" viewBox="0 0 {size} {size}" width="100%" role="img" '
        f'aria-label="{label}" xmlns="http://www.w3.org/2000/svg">' + "".join(body) + "</svg>"
    )
