"""The ``mentorkit`` command: parses options and hands work to the core."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import click

from mentorkit import __version__

# Command name -> "module:attribute". Modules load only when their command runs, so
# `mentorkit validate` does not pay for SciPy, MkDocs or git helpers at start-up.
COMMANDS = {
    "validate": "mentorkit.cli.validate:validate",
    "match": "mentorkit.cli.match:match",
    "review": "mentorkit.cli.review:review",
    "check-author": "mentorkit.cli.check_author:check_author",
    "build": "mentorkit.cli.build:build",
    "serve": "mentorkit.cli.build:serve",
    "report": "mentorkit.cli.report:report",
    "rematch": "mentorkit.cli.rematch:rematch",
    "new": "mentorkit.cli.new:new",
    "init": "mentorkit.cli.init:init",
    "export": "mentorkit.cli.export:export",
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return super().get_command(ctx, cmd_name)
        module_name, attribute = COMMANDS[cmd_name].split(":")
        command = getattr(importlib.import_module(module_name), attribute)
        assert isinstance(command, click.Command)
        return command


@click.group(
    cls=LazyGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(__version__, prog_name="mentorkit")
@click.option(
    "--repo",
    type=click.Path(file_okay=False, path_type=Path),
    envvar="MENTORKIT_REPO",
    help="The program repository (default: the nearest folder above with program/program.yaml).",
)
@click.pass_context
def cli(ctx: click.Context, repo: Path | None) -> None:
    """Run a peer-mentoring program as code: validate, match, review and publish."""
    ctx.ensure_object(dict)
    ctx.obj["repo"] = repo


def main() -> None:
    try:
        cli(prog_name="mentorkit")
    except KeyboardInterrupt:  # pragma: no cover
        sys.exit(130)
    except OSError as exc:
        # A path that cannot be written, a port already taken: the way the command was
        # used, not the data, so exit 2 with the system's reason instead of a traceback.
        where = f" ({exc.filename})" if exc.filename else ""
        click.echo(f"mentorkit: error: {exc.strerror or exc}{where}", err=True)
        sys.exit(2)
