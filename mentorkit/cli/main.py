"""The ``mentorkit`` command: parses options and hands work to the core."""

from __future__ import annotations

import importlib
import sys
from typing import Any

import click

from mentorkit import __version__
from mentorkit.cli.context import add_common_options, common_params, paint, start_clock, use_color

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
    "accept": "mentorkit.cli.accept:accept",
    "leave": "mentorkit.cli.leave:leave",
    "new": "mentorkit.cli.new:new",
    "init": "mentorkit.cli.init:init",
    "export": "mentorkit.cli.export:export",
    "completion": "mentorkit.cli.completion:completion",
    "suggest": "mentorkit.cli.suggest:suggest",
    "migrate-checkins": "mentorkit.cli.checkins:migrate_checkins",
    "keygen": "mentorkit.cli.sealing:keygen",
    "seal": "mentorkit.cli.sealing:seal",
    "unseal": "mentorkit.cli.sealing:unseal",
    "edit": "mentorkit.cli.sealing:edit",
    "rekey": "mentorkit.cli.sealing:rekey",
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported on first use, each given the common options."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            found = super().get_command(ctx, cmd_name)
            return add_common_options(found) if found is not None else None
        module_name, attribute = COMMANDS[cmd_name].split(":")
        command = getattr(importlib.import_module(module_name), attribute)
        assert isinstance(command, click.Command)
        return add_common_options(command)


@click.group(
    cls=LazyGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    params=common_params(envvar=True),
)
@click.version_option(__version__, prog_name="mentorkit")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Run a peer-mentoring program as code: validate, match, review and publish.

    --repo, -q/--quiet and -v/--verbose work before or after the command name.
    Exit codes: 0 clean, 1 the data has problems or the command refused, 2 misuse.
    """
    ctx.ensure_object(dict)
    start_clock(ctx)


def _show_usage_error(exc: click.UsageError) -> None:
    if exc.ctx is not None:
        click.echo(exc.ctx.get_usage(), err=True)
        option = exc.ctx.help_option_names[0] if exc.ctx.help_option_names else "--help"
        click.echo(f"Try '{exc.ctx.command_path} {option}' for help.\n", err=True)
    click.echo(paint("Error: ", "red") + exc.format_message(), err=True, color=use_color())


def _run(args: Any = None) -> int:
    """Run the CLI and return the exit code; errors are printed, coloured on a terminal."""
    try:
        outcome = cli.main(args=args, prog_name="mentorkit", standalone_mode=False)
    except click.UsageError as exc:
        _show_usage_error(exc)
        return exc.exit_code
    except click.ClickException as exc:
        click.echo(paint("Error: ", "red") + exc.format_message(), err=True, color=use_color())
        return exc.exit_code
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.Abort as exc:
        if isinstance(exc.__cause__ or exc.__context__, EOFError):
            # A prompt with nothing left to read: say how to run without prompts.
            click.echo(
                "\nError: no more input; pass the values as options with --no-input", err=True
            )
            return 2
        click.echo("Aborted!", err=True)
        return 130
    return outcome if isinstance(outcome, int) else 0


def main() -> None:
    try:
        code = _run()
    except KeyboardInterrupt:  # pragma: no cover
        sys.exit(130)
    except OSError as exc:
        # A path that cannot be written, a port already taken: the way the command was
        # used, not the data, so exit 2 with the system's reason instead of a traceback.
        where = f" ({exc.filename})" if exc.filename else ""
        click.echo(
            paint("mentorkit: error: ", "red") + f"{exc.strerror or exc}{where}",
            err=True,
            color=use_color(),
        )
        sys.exit(2)
    sys.exit(code)
