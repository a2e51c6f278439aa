"""A command's --format choices are exactly the formats its reporter renders."""

from __future__ import annotations

from collections.abc import Collection

import click
import pytest

from mentorkit.cli.main import cli
from mentorkit.reporters import (
    authorship,
    insight,
    insight_actions,
    insight_exports,
    matching,
    problems,
    suggest,
)

RENDERED: dict[str, Collection[str]] = {
    "validate": problems.RENDERERS,
    "check-author": authorship.RENDERERS,
    "match": matching.RENDERERS,
    "suggest": suggest.FORMATS,
    "rematch": insight_actions.REMATCH_RENDERERS,
    # report's modes: metrics, --health, --survey/--outcomes
    "report": {
        *insight.METRICS_FORMATS,
        *insight_actions.HEALTH_RENDERERS,
        *insight_exports.FORMATS,
    },
}


def _format_option(name: str) -> click.Parameter | None:
    command = cli.get_command(click.Context(cli), name)
    assert command is not None
    return next((p for p in command.params if p.name == "fmt"), None)


@pytest.mark.parametrize("name", sorted(RENDERED))
def test_format_choices_are_the_renderers(name: str) -> None:
    option = _format_option(name)
    assert option is not None
    assert isinstance(option.type, click.Choice)
    assert sorted(option.type.choices) == sorted(RENDERED[name])


def test_every_command_with_a_format_is_held_here() -> None:
    """A new command's --format must be listed above, so its choices come from a reporter."""
    commands = cli.list_commands(click.Context(cli))
    assert {name for name in commands if _format_option(name) is not None} == set(RENDERED)
