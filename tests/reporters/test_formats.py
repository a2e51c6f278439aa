"""A command's --format choices are exactly the formats its reporter renders."""

from __future__ import annotations

from types import ModuleType

import click
import pytest

from mentorkit.cli.main import cli
from mentorkit.reporters import authorship, matching, problems

REPORTERS: dict[str, ModuleType] = {
    "validate": problems,
    "check-author": authorship,
    "match": matching,
}


@pytest.mark.parametrize("name", sorted(REPORTERS))
def test_format_choices_are_the_renderers(name: str) -> None:
    command = cli.get_command(click.Context(cli), name)
    assert command is not None
    option = next(p for p in command.params if p.name == "fmt")
    assert isinstance(option.type, click.Choice)
    assert sorted(option.type.choices) == sorted(REPORTERS[name].RENDERERS)
