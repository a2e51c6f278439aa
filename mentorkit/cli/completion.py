"""Shell completion: ``mentorkit completion SHELL`` prints the script; ids complete from files.

Completion runs on every Tab press, so the completers only list file names (cohorts from
``program/cohorts/``, people from ``participants/``); they never parse the program and
never fail: outside a program repository they offer nothing.
"""

from __future__ import annotations

from pathlib import Path

import click
from click.shell_completion import CompletionItem, get_completion_class

from mentorkit.cli.context import completion_root
from mentorkit.loading.names import file_stems

SHELLS = ("bash", "zsh", "fish")


def _stems(folder: Path, incomplete: str) -> list[CompletionItem]:
    return [CompletionItem(name) for name in file_stems(folder) if name.startswith(incomplete)]


def complete_cohort(
    ctx: click.Context, _param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    root = completion_root(ctx)
    return _stems(root / "program" / "cohorts", incomplete) if root else []


def complete_participant(
    ctx: click.Context, _param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    root = completion_root(ctx)
    return _stems(root / "participants", incomplete) if root else []


def complete_pair(
    ctx: click.Context, _param: click.Parameter, incomplete: str
) -> list[CompletionItem]:
    """MENTOR--MENTEE of the cohort's agreements, which are named that way."""
    root = completion_root(ctx)
    cohort = ctx.params.get("cohort") or ctx.params.get("cohort_id")
    if root is None or not isinstance(cohort, str) or "/" in cohort:
        return []
    return _stems(root / "program" / "agreements" / cohort, incomplete)


@click.command()
@click.argument("shell", type=click.Choice(SHELLS))
def completion(shell: str) -> None:
    """Print the completion script for SHELL (bash, zsh or fish).

    \b
    bash:  eval "$(mentorkit completion bash)"     (add to ~/.bashrc)
    zsh:   eval "$(mentorkit completion zsh)"      (add to ~/.zshrc)
    fish:  mentorkit completion fish > ~/.config/fish/completions/mentorkit.fish

    Commands, options, cohort ids and participant ids complete with Tab.
    """
    from mentorkit.cli.main import cli

    shell_class = get_completion_class(shell)
    assert shell_class is not None  # every name in SHELLS is one click ships
    script = shell_class(cli, {}, "mentorkit", "_MENTORKIT_COMPLETE").source()
    click.echo(script)
