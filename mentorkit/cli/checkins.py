"""``mentorkit migrate-checkins``: one file per check-in instead of a list in the agreement."""

from __future__ import annotations

import click

from mentorkit.cli.context import repository_root
from mentorkit.loading.repository import load_repository
from mentorkit.model.build import build_program
from mentorkit.workflow.checkin_migration import plan_migration
from mentorkit.writing.files import write_text_atomic


@click.command(name="migrate-checkins")
@click.option("--dry-run", is_flag=True, help="List what would move; write nothing.")
@click.pass_context
def migrate_checkins(ctx: click.Context, dry_run: bool) -> None:
    """Move each agreement's `checkins:` list to program/checkins/, one file per check-in.

    The new files are sealed as they are written when program.yaml lists recipients.
    A check-in that cannot move (no `by:`, or another file at its path) stays in its
    agreement and is reported. Exit 1 if any could not move.
    """
    root = repository_root(ctx)
    loaded = load_repository(root)
    plan = plan_migration(loaded, build_program(loaded))
    # Check-in files first: an interrupted run leaves copies, never a lost check-in.
    for path, text in sorted(plan.files.items()):
        if not dry_run:
            write_text_atomic(root / path, text)
        click.echo(f"{'would write' if dry_run else 'wrote'} {path}", err=True)
    for path, text in sorted(plan.agreements.items()):
        if not dry_run:
            write_text_atomic(root / path, text)
        click.echo(f"{'would update' if dry_run else 'updated'} {path}", err=True)
    for message in (*plan.skipped, *plan.failed):
        click.echo(f"not moved: {message}", err=True)
    if not plan.files and not plan.agreements:
        click.echo("no check-ins to migrate", err=True)
    if plan.skipped or plan.failed:
        ctx.exit(1)
