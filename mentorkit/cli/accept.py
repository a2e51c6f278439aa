"""``mentorkit accept``: accept proposed pairs and prefill their agreements."""

from __future__ import annotations

import datetime as dt

import click

from mentorkit.cli.completion import complete_cohort
from mentorkit.cli.context import as_today, emit, info, refuse, repository_root, today_option
from mentorkit.cli.lifecycle_common import load_checked, require_cohort
from mentorkit.cli.new_file import sealed_if_configured
from mentorkit.lifecycle.accept import AcceptError, AcceptPlan, UnknownPair, parse_pair, plan_accept
from mentorkit.lifecycle.file_edits import accept_edits
from mentorkit.lifecycle.yaml_edit import EditError
from mentorkit.workflow.scaffold import to_yaml
from mentorkit.writing.files import rewrite_files


def _summary(plan: AcceptPlan, paths: list[str], dry_run: bool) -> str:
    lines = []
    for mentor, mentee in plan.pairs:
        lines.append(f"accepted {mentor} -> {mentee} in {plan.cohort} (since {plan.today})")
    for mentor, mentee in plan.already:
        lines.append(f"already accepted: {mentor} -> {mentee}")
    if not plan.pairs and not plan.already:
        lines.append(f"no proposed pairs in {plan.cohort}")
    verb = "would write" if dry_run else "wrote"
    lines += [f"{verb} {path}" for path in paths]
    return "\n".join(lines) + "\n"


@click.command()
@click.argument("cohort", shell_complete=complete_cohort)
@click.argument("pairs", nargs=-1, metavar="[MENTOR--MENTEE]...")
@click.option("--all", "accept_all", is_flag=True, help="Accept every proposed pair of COHORT.")
@click.option("--dry-run", is_flag=True, help="Say what would change; write nothing.")
@today_option
@click.pass_context
def accept(
    ctx: click.Context,
    cohort: str,
    pairs: tuple[str, ...],
    accept_all: bool,
    dry_run: bool,
    today: dt.datetime | None,
) -> None:
    """Accept proposed pairs of COHORT (MENTOR--MENTEE, or --all) and draft their agreements.

    In program/matches/COHORT.yaml each pair becomes status: accepted with since: the date;
    comments and hand edits stay as written. Each newly accepted pair without an agreement
    gets program/agreements/COHORT/MENTOR--MENTEE.yaml as a draft, prefilled from the
    mentee's goals, the cohort and the program's policies. Refused (exit 1) when the data
    has errors or a mentee would get two mentors or a mentor more pairs than their capacity.
    """
    if bool(pairs) == accept_all:
        raise click.UsageError("name the pairs (MENTOR--MENTEE) or pass --all, not both")
    try:
        wanted = None if accept_all else [parse_pair(p) for p in pairs]
    except UnknownPair as exc:
        raise click.BadParameter(str(exc), param_hint="MENTOR--MENTEE") from None
    root = repository_root(ctx)
    program, errors = load_checked(root)
    require_cohort(program, cohort)
    if errors:
        refuse(ctx, f"the data has {errors} error(s); fix them first (mentorkit validate)")
    try:
        plan = plan_accept(program, cohort, wanted, as_today(today))
    except UnknownPair as exc:
        raise click.BadParameter(str(exc), param_hint="MENTOR--MENTEE") from None
    except AcceptError as exc:
        refuse(ctx, f"not accepted: {exc}")
    # Drafts hold goals and boundaries, which are private: sealed before they touch disk.
    texts = {
        path: sealed_if_configured(program, path, "agreement", to_yaml("agreement", fields))
        for path, fields in plan.agreements.items()
    }
    edits = accept_edits(plan, texts)
    try:
        paths = sorted(edits) if dry_run else sorted(rewrite_files(root, edits))
    except EditError as exc:
        refuse(ctx, f"not accepted: {exc}")
    emit(_summary(plan, paths, dry_run))
    if plan.agreements and not dry_run:
        info("next: each person signs their agreement by adding the date under signed: in a PR")
