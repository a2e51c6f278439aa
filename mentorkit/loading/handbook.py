"""What the package ships for the site: the handbook pages (``mentorkit/handbook/*.md``)
and mentorkit's own CSS and JavaScript (``mentorkit/site/assets/``).

The handbook pages are the one source of the handbook for this repository's site and for every
program made with ``mentorkit init``: programs do not get a copy that could drift.
The pages are Jinja templates; ``mentorkit.site.handbook`` fills in the program's values.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from mentorkit.model.pages import ASSET_FOLDER

HANDBOOK_FOLDER = "handbook"


@cache
def packaged_handbook() -> dict[str, str]:
    """Every packaged handbook page: docs-relative path (``handbook/joining.md``) to its text."""
    folder = resources.files("mentorkit").joinpath(HANDBOOK_FOLDER)
    return {
        f"{HANDBOOK_FOLDER}/{node.name}": node.read_text("utf-8")
        for node in sorted(folder.iterdir(), key=lambda n: n.name)
        if node.is_file() and node.name.endswith(".md")
    }


@cache
def packaged_assets() -> dict[str, bytes]:
    """The site's own CSS and JavaScript (``mentorkit/site/assets/``): docs-relative path to bytes."""
    folder = resources.files("mentorkit.site").joinpath("assets")
    return {
        f"{ASSET_FOLDER}/{node.name}": node.read_bytes()
        for node in sorted(folder.iterdir(), key=lambda n: n.name)
        if node.is_file()
    }
