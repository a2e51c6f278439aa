"""The ``mentorkit`` command: parses options and hands work to the core."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from mentorkit import __version__
from mentorkit.cli.build import build, serve
from mentorkit.cli.check_author import check_author
from mentorkit.cli.export import export
from mentorkit.cli.init import init
from mentorkit.cli.match import match
from mentorkit.cli.new import new
from mentorkit.cli.rematch import rematch
from mentorkit.cli.report import report
from mentorkit.cli.review import review
from mentorkit.cli.validate import validate


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
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


cli.add_command(validate)
cli.add_command(match)

# Commands of other areas register here, one line each.
cli.add_command(check_author)
cli.add_command(review)
cli.add_command(init)
cli.add_command(new)
cli.add_command(build)
cli.add_command(serve)
cli.add_command(report)
cli.add_command(rematch)
cli.add_command(export)


def main() -> None:
    try:
        cli(prog_name="mentorkit")
    except KeyboardInterrupt:  # pragma: no cover
        sys.exit(130)
