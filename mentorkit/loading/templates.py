"""Templates shipped in the package: the ``mentorkit init`` program templates
(``mentorkit/templates``) and the site's Jinja page templates (``mentorkit/site/templates``)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from types import MappingProxyType


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


@cache
def page_templates() -> Mapping[str, str]:
    """The site's Jinja page templates: file name (``cohort.md.j2``) to text, read once.

    Read here rather than by a Jinja ``PackageLoader`` inside ``site/``, which stays pure:
    it renders from this mapping.
    """
    folder = resources.files("mentorkit.site").joinpath("templates")
    return MappingProxyType(
        {
            node.name: node.read_text("utf-8")
            for node in sorted(folder.iterdir(), key=lambda n: n.name)
            if node.is_file() and node.name.endswith(".j2")
        }
    )
