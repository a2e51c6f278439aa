"""What the site build reads from a program repository besides its data files.

The hand-written pages of ``site/`` (as bytes, symbolic links out of ``site/`` refused),
the parent ``mkdocs.yml``'s extra CSS and JavaScript lists, and the theme overrides folder.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import yaml

HAND_WRITTEN = "site"
OVERRIDES = "overrides"  # theme overrides inside site/: used as custom_dir, not copied as pages


class LinkOutsideSite(Exception):
    """A file under site/ is a symbolic link to a file outside it."""


@dataclass(frozen=True)
class SiteSources:
    pages: dict[str, bytes]  # docs-relative path -> content
    parent_config: Path  # the repository's mkdocs.yml (it may not exist)
    extra_css: list[str]
    extra_js: list[str]
    overrides: Path | None


def _hand_written(root: Path) -> dict[str, bytes]:
    base = root / HAND_WRITTEN
    files: dict[str, bytes] = {}
    if not base.is_dir():
        return files
    for dirpath, dirnames, filenames in os.walk(base):
        rel_dir = Path(dirpath).relative_to(base)
        dirnames[:] = sorted(
            d
            for d in dirnames
            if not d.startswith(".") and not (rel_dir == Path(".") and d == OVERRIDES)
        )
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            path = Path(dirpath) / name
            # MkDocs publishes every file of the docs folder: a link out of site/ (to an
            # agreement, say) would put a private file on the site.
            if path.is_symlink() and not path.resolve().is_relative_to(base.resolve()):
                raise LinkOutsideSite(
                    f"{path.relative_to(root).as_posix()} links to a file outside site/"
                )
            files[(rel_dir / name).as_posix()] = path.read_bytes()
    return files


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml for its lists even when it carries !!python or !ENV tags."""


_TolerantLoader.add_multi_constructor("", lambda *_: None)


def _parent_lists(parent: Path) -> tuple[list[str], list[str]]:
    try:
        data = yaml.load(parent.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
    except (OSError, yaml.YAMLError):
        return [], []
    css = [x for x in data.get("extra_css") or [] if isinstance(x, str)]
    js = [x for x in data.get("extra_javascript") or [] if isinstance(x, str)]
    return css, js


def read_site_sources(root: Path) -> SiteSources:
    """Everything under ``root`` the site build needs; LinkOutsideSite for a link out of site/."""
    pages = _hand_written(root)
    parent = (root / "mkdocs.yml").resolve()
    css, js = _parent_lists(parent)
    overrides = root / HAND_WRITTEN / OVERRIDES
    return SiteSources(pages, parent, css, js, overrides.resolve() if overrides.is_dir() else None)
