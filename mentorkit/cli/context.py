"""What every command shares: the repository, verbosity, --today, errors, output and progress.

Conventions (one home each): ``--repo DIR`` is accepted before or after the command name;
``-q/--quiet`` and ``-v/--verbose`` exist on every command; ``--today`` is the one way to
set the date a command computes as of; errors go to stderr in red on a terminal (never when
``NO_COLOR`` is set); exit 1 means the data has problems or the command refused, exit 2
that the command was used wrongly (click's usage errors).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from mentorkit.loading.repository import RepositoryNotFound, find_repository_root
from mentorkit.reporters import FORMATS, default_format

FC = TypeVar("FC", bound=Callable[..., Any])

_REPO = "mentorkit.repo"
_VERBOSITY = "mentorkit.verbosity"
_STARTED = "mentorkit.started"


def _meta(ctx: click.Context | None = None) -> dict[str, Any]:
    current = ctx or click.get_current_context(silent=True)
    return current.meta if current is not None else {}


def _remember_repo(ctx: click.Context, _param: click.Parameter, value: Path | None) -> None:
    # ctx.meta is shared by the whole context chain, so `mentorkit --repo X validate` and
    # `mentorkit validate --repo X` end up in the same place; the later one wins.
    if value is not None:
        ctx.meta[_REPO] = value


def _remember_verbosity(level: int) -> Callable[[click.Context, click.Parameter, bool], None]:
    def callback(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
        if value:
            ctx.meta[_VERBOSITY] = level

    return callback


REPO_HELP = "The program repository (default: the nearest folder above with program/program.yaml)."


def common_params(*, envvar: bool = False) -> list[click.Parameter]:
    """--repo, -q/--quiet and -v/--verbose: the options every command takes."""
    return [
        click.Option(
            ["--repo"],
            type=click.Path(file_okay=False, path_type=Path),
            envvar="MENTORKIT_REPO" if envvar else None,
            expose_value=False,
            is_eager=True,
            callback=_remember_repo,
            help=REPO_HELP,
        ),
        click.Option(
            ["-q", "--quiet"],
            is_flag=True,
            expose_value=False,
            callback=_remember_verbosity(-1),
            help="Print only results and errors (no progress, no notes).",
        ),
        click.Option(
            ["-v", "--verbose"],
            is_flag=True,
            expose_value=False,
            callback=_remember_verbosity(1),
            help="Also print details: the repository used and how long the command took.",
        ),
    ]


def add_common_options(command: click.Command) -> click.Command:
    """Give ``command`` (and, for a group, every subcommand) the common options, once."""
    names = {name for param in command.params for name in param.opts}
    for param in common_params():
        if not names & set(param.opts):
            command.params.append(param)
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            add_common_options(sub)
    return command


def verbosity(ctx: click.Context | None = None) -> int:
    """-1 quiet, 0 normal, 1 verbose."""
    return int(_meta(ctx).get(_VERBOSITY, 0))


def start_clock(ctx: click.Context) -> None:
    ctx.meta.setdefault(_STARTED, time.perf_counter())

    def report_time() -> None:
        if verbosity(ctx) > 0:
            elapsed = time.perf_counter() - ctx.meta[_STARTED]
            click.echo(f"done in {elapsed:.2f} s", err=True)

    ctx.call_on_close(report_time)


def repository_root(ctx: click.Context) -> Path:
    """The program repository from --repo, or the nearest one above the working directory."""
    given: Path | None = ctx.meta.get(_REPO)
    try:
        root = find_repository_root(given or Path.cwd())
    except RepositoryNotFound as exc:
        raise click.UsageError(str(exc)) from None
    detail(f"program repository: {root}")
    return root


def completion_root(ctx: click.Context) -> Path | None:
    """The repository while completing a word in the shell: never an error, None if none."""
    given = ctx.meta.get(_REPO)
    try:
        return find_repository_root(given or Path.cwd())
    except (RepositoryNotFound, OSError):
        return None


# --- messages on stderr --------------------------------------------------------------


def use_color() -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    return not os.environ.get("NO_COLOR") and sys.stderr.isatty()


def paint(text: str, color: str) -> str:
    return click.style(text, fg=color, bold=True) if use_color() else text


def error(message: str) -> None:
    """An error or refusal: always shown, in red on a terminal."""
    click.echo(paint("error: ", "red") + message, err=True, color=use_color())


def refuse(ctx: click.Context, message: str) -> NoReturn:
    """Stop with exit 1: the data has problems or the command will not do what was asked."""
    error(message)
    ctx.exit(1)
    raise AssertionError("unreachable")  # pragma: no cover


def note(message: str) -> None:
    """Something worth knowing beside the result; silent under --quiet."""
    if verbosity() >= 0:
        click.echo(paint("note: ", "yellow") + message, err=True, color=use_color())


def info(message: str) -> None:
    """Plain progress text on stderr ("wrote …"); silent under --quiet."""
    if verbosity() >= 0:
        click.echo(message, err=True)


def detail(message: str) -> None:
    """Only under --verbose."""
    if verbosity() > 0:
        click.echo(message, err=True)


# --- --today: the one option that sets "now" ----------------------------------------

today_option = click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    envvar="MENTORKIT_TODAY",
    help="Compute as of this date, YYYY-MM-DD (default: today; or MENTORKIT_TODAY).",
)


def as_today(value: dt.datetime | None) -> dt.date:
    return value.date() if value else dt.date.today()


# --- formats and output --------------------------------------------------------------


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
    """A spinner on a terminal's stderr; nothing when piped, in CI or under --quiet."""
    if not sys.stderr.isatty() or verbosity() < 0:
        yield
        return
    from rich.console import Console

    with Console(stderr=True).status(message):
        yield


def emit(text: str) -> None:
    """Results go to stdout, and nothing else does."""
    click.echo(text, nl=False)
