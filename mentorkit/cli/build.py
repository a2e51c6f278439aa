"""``mentorkit build`` and ``mentorkit serve``: the handbook and community-of-practice site."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import click

from mentorkit.cli.context import (
    as_today,
    emit,
    info,
    note,
    repository_root,
    today_option,
    working,
)
from mentorkit.cli.identity import (
    identity_option,
    identity_text,
    note_set_aside,
    refuse_unopened,
    sealed_unopened,
)
from mentorkit.cli.report_exports import export_option, load_survey, refuse_survey_problems
from mentorkit.loading.watch import DataWatcher
from mentorkit.reporters.problems import render
from mentorkit.site.publish import SiteBuildError, assemble, run_mkdocs, serve_site
from mentorkit.validation import ValidationResult, validate_program

DEFAULT_OUT = "build"


def _out_folder(root: Path, out: Path | None) -> Path:
    return (out if out is not None else root / DEFAULT_OUT).resolve()


def _shown(path: Path) -> str:
    """A path relative to the working directory when it lies below it."""
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()


def _refuse(result: ValidationResult) -> None:
    click.echo(render(result.problems, result.files_checked, "text"), err=True, nl=False)
    click.echo("The site was not built: fix the problems above first.", err=True)


def _refuse_build(error: SiteBuildError) -> None:
    for message in error.messages:
        click.echo(message, err=True)
    reason = (
        "MkDocs reported the problems above" if error.by_mkdocs else "fix the problems above first"
    )
    click.echo(f"The site was not built: {reason}.", err=True)


out_option = click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help=f"Build folder (default: {DEFAULT_OUT}/ in the repository): docs/, mkdocs.yml, site/.",
)


def _opened(
    root: Path, identity_file: Path | None, without_sealed: bool = False
) -> ValidationResult:
    """The validated program with its sealed fields opened; exit 2 when they are needed."""
    result = validate_program(root, identity=identity_text(identity_file))
    # The dashboard counts goals and pairs' health from sealed agreements and check-ins;
    # without them its figures would be silently wrong, unless the build is only a check.
    unopened = sealed_unopened(result.program, ("agreement", "checkin"))
    if without_sealed and unopened:
        note(
            f"{len(unopened)} sealed agreement(s) and check-in(s) count as not reported: "
            "a check of the pages, never a site to publish"
        )
    else:
        refuse_unopened("build", unopened, "dashboard figures")
    if result.usable:
        note_set_aside(result.problems, result.program, SET_ASIDE)
    return result


# One participant's bad sealed value (unseen by the pull request's checks, which have no
# identity) must not take the site down for everyone.
SET_ASIDE = {
    "participant": "the site uses its plain fields only, as the pull-request checks read them",
    "agreement": "the dashboard counts its goals as not written",
    "checkin": "the dashboard counts its health as not reported",
    "rule": "the site is built as recorded; a coordinator decides (`mentorkit rematch`)",
}


@click.command()
@out_option
@today_option
@identity_option
@click.option(
    "--without-sealed",
    is_flag=True,
    help="Build without an identity even when agreements or check-ins are sealed (their goals "
    "and health count as not reported): for a pull request's check, never for publishing.",
)
@click.option(
    "--survey",
    "survey_path",
    type=export_option,
    help="A survey export (CSV, outside the repository): its disclosed figures join the dashboard.",
)
@click.pass_context
def build(
    ctx: click.Context,
    out: Path | None,
    today: dt.datetime | None,
    identity_file: Path | None,
    without_sealed: bool,
    survey_path: Path | None,
) -> None:
    """Validate the data, generate the site's pages and build the MkDocs Material site.

    Refuses (exit 1) when the data has errors or MkDocs reports any warning, and (exit 2)
    when agreements or check-ins are sealed and no identity opens them (unless
    --without-sealed, for a pull request's check). Sealed fields are
    opened in memory for the dashboard's aggregates and never reach a page. --survey adds
    NPS and satisfaction per cohort and role to the dashboard (only the disclosed figures;
    an export with a bad row is refused with its file and line).
    """
    root = repository_root(ctx)
    folder = _out_folder(root, out)
    with working("Validating the program…"):
        result = _opened(root, identity_file, without_sealed)
    if not result.usable:
        _refuse(result)
        ctx.exit(1)
    survey = None
    if survey_path is not None:
        survey = load_survey(ctx, survey_path, root, result.program, None)
        if refuse_survey_problems(survey):
            click.echo("The site was not built: fix the survey export first.", err=True)
            ctx.exit(1)
    try:
        with working("Building the site…"):
            assembled = assemble(root, folder, result.program, as_today(today), survey)
            site = run_mkdocs(assembled.config)
    except SiteBuildError as exc:
        _refuse_build(exc)
        ctx.exit(1)
    emit(f"Site built: {_shown(site / 'index.html')}\n")


@click.command()
@out_option
@today_option
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@identity_option
@click.pass_context
def serve(
    ctx: click.Context,
    out: Path | None,
    today: dt.datetime | None,
    port: int,
    identity_file: Path | None,
) -> None:
    """Preview the site on http://127.0.0.1:PORT with live reload.

    Edits to pages in site/, to mkdocs.yml or to the program's data regenerate the pages;
    while the data has errors the last good pages stay up and the problems are printed.
    """
    root = repository_root(ctx)
    folder = _out_folder(root, out)
    result = _opened(root, identity_file)
    if not result.usable:
        _refuse(result)
        ctx.exit(1)
    try:
        assembled = assemble(root, folder, result.program, as_today(today))
    except SiteBuildError as exc:
        _refuse_build(exc)
        ctx.exit(1)

    def regenerate() -> None:
        again = validate_program(root, identity=identity_text(identity_file))
        if not again.usable:
            _refuse(again)
            return
        try:
            done = assemble(root, folder, again.program, as_today(today))
        except SiteBuildError as exc:
            _refuse_build(exc)
            return
        info(f"Regenerated the pages ({done.written} files changed).")

    stop = threading.Event()
    watcher = DataWatcher(root, regenerate, stop)
    threading.Thread(target=watcher.run, name="mentorkit-watch", daemon=True).start()
    click.echo(f"Serving on http://127.0.0.1:{port}/ (Ctrl+C to stop)", err=True)
    try:
        serve_site(assembled.config, port)
    finally:
        stop.set()
