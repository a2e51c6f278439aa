"""``mentorkit report``: program metrics, pair health, or a cohort's retrospective."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from mentorkit.cli.completion import complete_cohort
from mentorkit.cli.context import emit, format_option, repository_root, resolve_format, working
from mentorkit.cli.identity import (
    identity_option,
    identity_text,
    refuse_unopened,
    sealed_unopened,
    show_sealed_option,
)
from mentorkit.cli.lifecycle_common import (
    as_today,
    load_checked,
    require_cohort,
    today_option,
    warn_problems,
)
from mentorkit.cli.report_exports import export_option, report_exports
from mentorkit.lifecycle.health import cohort_health
from mentorkit.lifecycle.metrics import compute_metrics
from mentorkit.lifecycle.published import publish, raw_figures
from mentorkit.lifecycle.recognition import mentor_contributions
from mentorkit.lifecycle.reflection import cohort_reflection, retrospective_path
from mentorkit.model.program import Program
from mentorkit.reporters import insight, insight_actions, insight_exports, reflection
from mentorkit.writing.files import write_text_atomic

# Every format one of report's modes renders (metrics, --health, --survey/--outcomes);
# a mode given another one falls back to text, as under GitHub Actions' default.
REPORT_FORMATS = tuple(
    dict.fromkeys(
        (*insight.METRICS_FORMATS, *insight_exports.FORMATS, *insight_actions.HEALTH_RENDERERS)
    )
)


@click.command()
@click.argument("cohort", required=False, shell_complete=complete_cohort)
@click.option("--health", is_flag=True, help="List the pairs of COHORT needing attention, and why.")
@click.option(
    "--reflection", is_flag=True, help="Draft COHORT's end-of-cycle retrospective (Markdown)."
)
@click.option(
    "--write", is_flag=True, help="With --reflection: write program/retrospectives/COHORT.md."
)
@click.option("--force", is_flag=True, help="With --write: replace an existing retrospective.")
@click.option(
    "--published",
    is_flag=True,
    help="Only what the site may show: people on it, no small groups (Markdown always).",
)
@click.option(
    "--survey",
    "survey_path",
    type=export_option,
    help="A survey export (CSV, outside the repository): NPS and satisfaction per cohort and role.",
)
@click.option(
    "--outcomes",
    "outcomes_path",
    type=export_option,
    help="An HR export (CSV, outside the repository): retention and promotion, mentored or not.",
)
@today_option
@format_option(*REPORT_FORMATS)
@identity_option
@show_sealed_option(
    "With --health or --reflection: quote sealed check-in notes and goals in full "
    "(on your own terminal; never with --write)."
)
@click.pass_context
def report(
    ctx: click.Context,
    cohort: str | None,
    health: bool,
    reflection: bool,
    write: bool,
    force: bool,
    published: bool,
    survey_path: Path | None,
    outcomes_path: Path | None,
    today: dt.datetime | None,
    fmt: str | None,
    identity_file: Path | None,
    show_sealed: bool,
) -> None:
    """Program metrics (participation, matching, mentor load, goals, health, skills,
    lessons, recognition), for the whole program or one COHORT.

    --health lists the pairs needing attention; --reflection drafts a retrospective.
    --survey and --outcomes report on private exports instead, with the same disclosure
    rules as the site. Exit 0 with a report, 1 when a file would be overwritten or an
    export has problems, 2 on misuse.
    """
    exports = survey_path is not None or outcomes_path is not None
    _refuse_misuse(cohort, health, reflection, exports or published, write or force, show_sealed)
    if exports and (health or reflection or published):
        raise click.UsageError(
            "--survey and --outcomes go alone (their figures are always published ones)"
        )
    root = repository_root(ctx)
    with working("Reading the program…"):
        program, errors = load_checked(root, identity_text(identity_file))
    if cohort:
        require_cohort(program, cohort)
    if exports:
        text, bad_rows = report_exports(
            ctx, root, program, cohort, survey_path, outcomes_path, fmt, as_today(today)
        )
        emit(text)
        warn_problems(errors)
        if errors or bad_rows:
            ctx.exit(1)
        return
    # Goals and health come from sealed agreements and check-ins: without them every
    # such figure would be silently wrong, so say so instead (exit 2).
    refuse_unopened(
        "report",
        sealed_unopened(program, ("agreement", "checkin"), cohort),
        "agreement goals or check-in health",
    )
    warn_problems(errors)
    day = as_today(today)
    # Sealed words (check-in notes, goals) are quoted only when asked for, or when the
    # program seals nothing (then they are plain text in the repository anyway).
    quote = show_sealed or not program.charter.sealing.recipients
    if health:
        emit(_health(program, cohort or "", day, fmt, quote))
    elif reflection:
        _reflection(ctx, root, program, cohort or "", day, write, force, quote)
    else:
        emit(_metrics(program, cohort, day, fmt, published))
    if errors:
        ctx.exit(1)  # the report is shown, but the data it was computed from has problems


def _metrics(
    program: Program, cohort: str | None, day: dt.date, fmt: str | None, published: bool
) -> str:
    chosen = resolve_format(fmt, insight.METRICS_FORMATS)
    published = published or chosen == "markdown"
    if published:
        # The same figures as the site: people on it only, through the disclosure rules.
        shown = publish(program, day, cohort=cohort)
        metrics, figures, people = shown.metrics, shown.figures, shown.public
    else:
        metrics = compute_metrics(program, day, cohort=cohort)
        figures, people = raw_figures(metrics), program
    recognition = mentor_contributions(people, public_only=published, cohort=cohort)
    if chosen == "json":
        return insight.metrics_json(metrics, figures, recognition, published)
    if chosen == "markdown":
        return insight.metrics_markdown(metrics, figures, recognition)
    return insight.metrics_text(metrics, figures, recognition, published)


def _refuse_misuse(
    cohort: str | None,
    health: bool,
    reflection: bool,
    alone: bool,
    writing: bool,
    show_sealed: bool,
) -> None:
    """Exit 2 for options that do not go together."""
    if health and reflection:
        raise click.UsageError("choose --health or --reflection, not both")
    if (health or reflection) and not cohort:
        raise click.UsageError("--health and --reflection need a COHORT")
    if writing and not reflection:
        raise click.UsageError("--write and --force go with --reflection")
    if show_sealed and (writing or not (health or reflection) or alone):
        raise click.UsageError(
            "--show-sealed goes with --health or --reflection, never with --write "
            "(a written retrospective is committed: sealed words stay out of it)"
        )


def _health(program: Program, cohort: str, day: dt.date, fmt: str | None, quote: bool) -> str:
    result = cohort_health(program, cohort, day, notes=quote)
    renderers = insight_actions.HEALTH_RENDERERS
    return renderers[resolve_format(fmt, tuple(renderers))](result)


def _reflection(
    ctx: click.Context,
    root: Path,
    program: Program,
    cohort: str,
    day: dt.date,
    write: bool,
    force: bool,
    quote: bool,
) -> None:
    text = reflection.reflection_markdown(
        cohort_reflection(program, cohort, day), quote_goals=quote
    )
    if not write:
        emit(text)
        return
    relative = retrospective_path(cohort)
    try:
        write_text_atomic(root / relative, text, overwrite=force)
    except FileExistsError:
        click.echo(
            f"{relative} exists and may hold edits; not overwritten (use --force to replace it)",
            err=True,
        )
        ctx.exit(1)
    emit(f"wrote {relative}\n")
