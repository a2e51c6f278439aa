"""``mentorkit leave``: leave the program; pairs, agreements and circles end, history stays."""

from __future__ import annotations

import datetime as dt

import click

from mentorkit.cli.completion import complete_participant
from mentorkit.cli.context import as_today, emit, note, refuse, repository_root
from mentorkit.cli.lifecycle_common import load_checked
from mentorkit.lifecycle.file_edits import leave_edits
from mentorkit.lifecycle.leave import LeaveError, LeavePlan, plan_leave
from mentorkit.lifecycle.yaml_edit import EditError
from mentorkit.writing.files import remove_files, rewrite_files


def _summary(plan: LeavePlan, paths: list[str], dry_run: bool) -> str:
    lines = [f"{plan.person} leaves the program on {plan.today.isoformat()}:"]
    lines += [f"- ends the pair {m} -> {e} in {c}" for c, m, e in plan.pairs]
    lines += [f"- leaves circle {cid} of {c}" for c, cid in plan.circles]
    lines += [f"- completes {path}" for path in plan.agreements]
    if plan.profile == "departed":
        lines.append(
            f"- {plan.profile_path} becomes a departed record (id, name, login, departed date), "
            f"because history names them: {', '.join(plan.history)}"
        )
    else:
        lines.append(f"- {plan.profile_path} is removed: nothing in the history names them")
    write, remove = ("would write", "would remove") if dry_run else ("wrote", "removed")
    gone = plan.profile_path if plan.profile == "removed" else None
    lines += [f"{remove if path == gone else write} {path}" for path in paths]
    return "\n".join(lines) + "\n"


@click.command()
@click.argument("person", metavar="ID", shell_complete=complete_participant)
@click.option(
    "--reason",
    default=None,
    help="Why, in a few words; kept with the ended pairs and agreements (default: "
    "'left the program'). Never published on the site.",
)
@click.option(
    "--date",
    "day",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="The day they leave, YYYY-MM-DD (default: today).",
)
@click.option("--dry-run", is_flag=True, help="Say what would change; write nothing.")
@click.pass_context
def leave(
    ctx: click.Context,
    person: str,
    reason: str | None,
    day: dt.datetime | None,
    dry_run: bool,
) -> None:
    """ID leaves the program, with the history kept.

    Their current pairs end (status: ended, ended, end_reason), their open agreements are
    completed (ended, status_reason), they move to former_members of their circles, and
    their profile becomes a departed record (or is removed when nothing names them).
    Closed cohorts stay as they are. A participant may open this pull request themselves.
    Exit 0 done, 1 refused (already left, or the data has errors), 2 misuse.
    """
    root = repository_root(ctx)
    program, errors = load_checked(root)
    if not program.knows_participant(person):
        raise click.BadParameter(f"no participant {person!r}", param_hint="ID")
    if errors:
        refuse(ctx, f"the data has {errors} error(s); fix them first (mentorkit validate)")
    try:
        plan = plan_leave(program, person, as_today(day), reason)
    except LeaveError as exc:
        refuse(ctx, f"cannot leave: {exc}")
    edits = leave_edits(plan)
    removed = [plan.profile_path] if plan.profile == "removed" else []
    if person in program.charter.coordinators:
        note(
            f"{person} is a coordinator: a coordinator removes them from program/program.yaml "
            "(someone who left keeps no coordinator rights)"
        )
    try:
        paths = sorted([*edits, *removed])
        if not dry_run:
            rewrite_files(root, edits)
            remove_files(root, removed)
    except EditError as exc:
        refuse(ctx, f"cannot leave: {exc}")
    emit(_summary(plan, paths, dry_run))
