"""The site build's orchestration: assemble the docs folder and run MkDocs.

Reading goes through ``loading`` and writing through ``writing``; this module only
decides what the docs folder holds (the layer test allows it both, and nothing else in
``site/``).

``assemble`` makes ``OUT/docs`` hold the hand-written pages of ``site/``, the packaged
handbook (``mentorkit/handbook/``; a page of the same name in ``site/`` wins) and every
generated file, writing only what changed and removing what is no longer generated
(so ``serve`` reloads just the pages that moved), and writes ``OUT/mkdocs.yml``.
``run_mkdocs`` builds ``OUT/site`` in strict mode and fails on any MkDocs warning;
``serve_site`` runs MkDocs' development server on the assembled docs.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mentorkit.lifecycle.survey import SurveyResponses
from mentorkit.loading.handbook import packaged_assets, packaged_handbook
from mentorkit.loading.site_sources import LinkOutsideSite, read_site_sources
from mentorkit.loading.templates import page_templates
from mentorkit.model.program import Program
from mentorkit.site.config import derived_config, url_problems
from mentorkit.site.generate import NOT_IN_NAV, generate_docs
from mentorkit.site.text import UnsafeFrontMatter
from mentorkit.site.verify import unreadable_pages
from mentorkit.writing.folders import sync_folder, write_if_changed


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


def assemble(
    root: Path,
    out: Path,
    program: Program,
    today: dt.date,
    survey: SurveyResponses | None = None,
) -> AssembledDocs:
    """Write OUT/docs (hand-written + generated pages) and OUT/mkdocs.yml.

    Raises ``SiteBuildError`` before writing anything when program.yaml's site URLs are
    unsafe or a generated page's front matter or the feed would not parse back.
    """
    refused = url_problems(program.charter.site)
    if refused:
        raise SiteBuildError(refused, by_mkdocs=False)
    try:
        sources = read_site_sources(root)
    except LinkOutsideSite as exc:
        raise SiteBuildError([str(exc)], by_mkdocs=False) from None
    wanted = dict(sources.pages)
    # The packaged handbook, minus any page the program wrote itself under site/.
    handbook = {path: text for path, text in packaged_handbook().items() if path not in wanted}
    try:
        generated = generate_docs(
            program,
            today,
            templates=page_templates(),
            hand_written=frozenset(wanted),
            handbook=handbook,
            assets=packaged_assets(),
            survey=survey,
        )
    except UnsafeFrontMatter as error:
        raise SiteBuildError([str(error)], by_mkdocs=False) from None
    unreadable = unreadable_pages(generated)
    if unreadable:  # nothing is written: MkDocs would render a broken front matter as Markdown
        raise SiteBuildError(unreadable, by_mkdocs=False)
    for rel, content in generated.items():
        # Generated pages win: charter.md, for one, must follow program.yaml.
        wanted[rel] = content.encode("utf-8") if isinstance(content, str) else content
    written = sync_folder(out / "docs", wanted)
    site = program.charter.site
    config_text = derived_config(
        parent=sources.parent_config,
        parent_extra_css=sources.extra_css,
        parent_extra_js=sources.extra_js,
        title=site.title or program.charter.name,
        site=site,
        overrides=sources.overrides,
        not_in_nav=NOT_IN_NAV,
    )
    config = out / "mkdocs.yml"
    write_if_changed(config, config_text)
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


def serve_site(config: Path, port: int) -> None:
    """MkDocs' development server on 127.0.0.1 for OUT/mkdocs.yml, reloading on change."""
    from mkdocs.commands.serve import serve

    serve(config_file=str(config), livereload=True, dev_addr=f"127.0.0.1:{port}")
