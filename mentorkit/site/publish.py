"""The site's one edge with the file system: assemble the docs folder and run MkDocs.

``assemble`` makes ``OUT/docs`` hold the hand-written pages of ``site/``, the packaged
handbook (``mentorkit/handbook/``; a page of the same name in ``site/`` wins) and every
generated file, writing only what changed and removing what is no longer generated
(so ``serve`` reloads just the pages that moved), and writes ``OUT/mkdocs.yml``.
``run_mkdocs`` builds ``OUT/site`` in strict mode and fails on any MkDocs warning.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from mentorkit.loading.handbook import packaged_handbook
from mentorkit.model.program import Program
from mentorkit.site.config import derived_config, url_problems
from mentorkit.site.generate import NOT_IN_NAV, generate_docs
from mentorkit.site.text import UnsafeFrontMatter
from mentorkit.site.verify import unreadable_pages

HAND_WRITTEN = "site"
OVERRIDES = "overrides"  # theme overrides inside site/: used as custom_dir, not copied as pages


class SiteBuildError(Exception):
    """The site cannot be built; ``messages`` say why, in order.

    ``by_mkdocs`` tells MkDocs' own warnings and errors from mentorkit's refusals.
    """

    def __init__(self, messages: list[str], *, by_mkdocs: bool = True) -> None:
        super().__init__("\n".join(messages) or "MkDocs failed")
        self.messages = messages
        self.by_mkdocs = by_mkdocs


@dataclass(frozen=True)
class AssembledDocs:
    out: Path
    config: Path
    generated: int
    written: int


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
                raise SiteBuildError(
                    [f"{path.relative_to(root).as_posix()} links to a file outside site/"],
                    by_mkdocs=False,
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


def _sync(folder: Path, wanted: dict[str, bytes]) -> int:
    """Make ``folder`` hold exactly ``wanted``; returns how many files were (re)written."""
    folder.mkdir(parents=True, exist_ok=True)
    for dirpath, _, filenames in os.walk(folder):
        for name in filenames:
            path = Path(dirpath) / name
            if path.relative_to(folder).as_posix() not in wanted:
                path.unlink()
    written = 0
    for rel, data in wanted.items():
        path = folder / rel
        if path.is_file() and path.read_bytes() == data:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written += 1
    for dirpath, dirnames, filenames in os.walk(folder, topdown=False):
        if not dirnames and not filenames and Path(dirpath) != folder:
            Path(dirpath).rmdir()
    return written


def assemble(root: Path, out: Path, program: Program, today: dt.date) -> AssembledDocs:
    """Write OUT/docs (hand-written + generated pages) and OUT/mkdocs.yml.

    Raises ``SiteBuildError`` before writing anything when program.yaml's site URLs are
    unsafe or a generated page's front matter or the feed would not parse back.
    """
    refused = url_problems(program.charter.site)
    if refused:
        raise SiteBuildError(refused, by_mkdocs=False)
    wanted = _hand_written(root)
    # The packaged handbook, minus any page the program wrote itself under site/.
    handbook = {path: text for path, text in packaged_handbook().items() if path not in wanted}
    try:
        generated = generate_docs(program, today, hand_written=frozenset(wanted), handbook=handbook)
    except UnsafeFrontMatter as error:
        raise SiteBuildError([str(error)], by_mkdocs=False) from None
    unreadable = unreadable_pages(generated)
    if unreadable:  # nothing is written: MkDocs would render a broken front matter as Markdown
        raise SiteBuildError(unreadable, by_mkdocs=False)
    for rel, content in generated.items():
        # Generated pages win: charter.md, for one, must follow program.yaml.
        wanted[rel] = content.encode("utf-8") if isinstance(content, str) else content
    written = _sync(out / "docs", wanted)
    parent = (root / "mkdocs.yml").resolve()
    css, js = _parent_lists(parent)
    overrides = root / HAND_WRITTEN / OVERRIDES
    site = program.charter.site
    config_text = derived_config(
        parent=parent,
        parent_extra_css=css,
        parent_extra_js=js,
        title=site.title or program.charter.name,
        site=site,
        overrides=overrides.resolve() if overrides.is_dir() else None,
        not_in_nav=NOT_IN_NAV,
    )
    config = out / "mkdocs.yml"
    if not config.is_file() or config.read_text(encoding="utf-8") != config_text:
        config.write_text(config_text, encoding="utf-8")
    return AssembledDocs(out, config, len(generated), written)


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(f"{record.levelname}: {record.getMessage()}")


@contextmanager
def mkdocs_logging() -> Iterator[_Collect]:
    """MkDocs' warnings collected instead of printed; its info chatter dropped."""
    logger = logging.getLogger("mkdocs")
    collector = _Collect()
    saved = (logger.handlers[:], logger.propagate, logger.level)
    logger.handlers = [collector]
    logger.propagate = False
    logger.setLevel(logging.INFO)
    try:
        yield collector
    finally:
        logger.handlers, logger.propagate = saved[0], saved[1]
        logger.setLevel(saved[2])


def run_mkdocs(config: Path) -> Path:
    """Build the site in strict mode; returns the site folder. Any warning is a failure."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    with mkdocs_logging() as collected:
        try:
            mkdocs_config: Any = load_config(config_file=str(config), strict=True)
            build(mkdocs_config)
        except MkDocsException as exc:
            raise SiteBuildError([*collected.messages, str(exc)]) from None
        if collected.messages:  # strict mode already aborts; this guards other engines' logs
            raise SiteBuildError(collected.messages)
    return Path(mkdocs_config["site_dir"])
