"""The files of the ``mentorkit init`` templates shipped in the package (``mentorkit/templates``)."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources
from importlib.resources.abc import Traversable


def template_root(name: str = "program") -> Traversable:
    return resources.files("mentorkit").joinpath("templates", name)


def _walk(node: Traversable, prefix: str = "") -> Iterator[tuple[str, Traversable]]:
    for child in sorted(node.iterdir(), key=lambda t: t.name):
        if child.name == "__pycache__":
            continue
        if child.is_dir():
            yield from _walk(child, f"{prefix}{child.name}/")
        else:
            yield f"{prefix}{child.name}", child


def template_files(name: str = "program") -> dict[str, str]:
    """Every file of template ``name``: its path inside the template to its text, in name order."""
    return {rel: node.read_text("utf-8") for rel, node in _walk(template_root(name))}
