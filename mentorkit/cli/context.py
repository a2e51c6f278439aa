"""What every command shares: finding the repository, the output format, progress on stderr."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click

from mentorkit.loading.repository import RepositoryNotFound, find_repository_root
from mentorkit.reporters import FORMATS, default_format

FC = TypeVar("FC", bound=Callable[..., Any])


def repository_root(ctx: click.Context) -> Path:
    """The program repository from --repo, or the nearest one above the working directory."""
    given: Path | None = ctx.find_root().obj.get("repo") if ctx.find_root().obj else None
    try:
        return find_repository_root(given or Path.cwd())
    except RepositoryNotFound as exc:
        raise click.UsageError(str(exc)) from None


def format_option(*choices: str) -> Callable[[FC], FC]:
    allowed = choices or FORMATS
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(allowed),
        default=None,
        help=(
            "Output format (default: github under GitHub Actions, else text)."
            if "github" in allowed
            else "Output format (default: text)."
        ),
    )


def resolve_format(fmt: str | None, allowed: tuple[str, ...] = FORMATS) -> str:
    chosen = fmt or default_format()
    return chosen if chosen in allowed else "text"


@contextmanager
def working(message: str) -> Iterator[None]:
    """A spinner on a terminal's stderr; nothing at all when output is piped or in CI."""
    if not sys.stderr.isatty():
        yield
        return
    from rich.console import Console

    with Console(stderr=True).status(message):
        yield


def emit(text: str) -> None:
    """Results go to stdout, and nothing else does."""
    click.echo(text, nl=False)
