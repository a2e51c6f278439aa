"""Asking for answers in ``mentorkit new``: checked one by one, re-asked with the reason."""

from __future__ import annotations

from typing import Any

import click

from mentorkit.cli.context import paint, use_color
from mentorkit.workflow import answers


def _typed(kind: Any) -> answers.Checker:
    """A click type (IntRange, Choice) as an answer checker."""

    def check(answer: str) -> Any:
        try:
            return kind.convert(answer.strip(), None, None)
        except click.BadParameter as exc:
            raise answers.Rejected(exc.format_message()) from None

    return check


class Asker:
    """Fills missing values by prompting, or refuses with a usage error under --no-input.

    Each prompted answer is checked as soon as it is given; a rejected one is asked again
    with the reason, and ``?`` shows the question's help and choices. Values given as
    options are not prompted for; the whole file is validated before it is written.
    """

    def __init__(self, no_input: bool) -> None:
        self.no_input = no_input
        self.shown: set[str] = set()

    def __call__(
        self,
        value: Any,
        flag: str,
        text: str,
        default: Any = None,
        kind: Any = str,
        check: answers.Checker | None = None,
        help_text: str = "",
    ) -> Any:
        if value not in (None, ""):
            return value
        if self.no_input:
            if default is not None:
                return default
            raise click.UsageError(f"{flag} is required with --no-input")
        if check is None:
            check = _typed(kind) if isinstance(kind, click.ParamType) else answers.text
            if default == "":
                inner = check
                check = lambda answer: inner(answer) if answer.strip() else ""  # noqa: E731
        return self._ask(text, default, check, help_text)

    def show_once(self, key: str, text: str) -> None:
        """Print a list of choices before the first question that needs it."""
        if not self.no_input and key not in self.shown:
            self.shown.add(key)
            click.echo(text, err=True)

    def _ask(self, text: str, default: Any, check: answers.Checker, help_text: str) -> Any:
        hint = " (? for help)" if help_text else ""
        while True:
            answer = click.prompt(
                text + hint,
                default="" if default is None else str(default),
                show_default=default not in (None, ""),
                err=True,
            )
            if answer.strip() == "?":
                click.echo(help_text or "No help for this question.", err=True)
                continue
            try:
                return check(answer)
            except answers.Rejected as exc:
                click.echo(paint("  ✗ ", "red") + f"{exc}; try again", err=True, color=use_color())


def split_list(text: str | None) -> list[str]:
    return [part.strip() for part in (text or "").split(",") if part.strip()]


def as_list(value: str | list[str]) -> list[str]:
    """A flag's comma-separated text, or the list a checked answer already is."""
    return split_list(value) if isinstance(value, str) else value


def levels(text: str) -> dict[str, int]:
    skills: dict[str, int] = {}
    for part in split_list(text):
        name, _, level = part.partition(":")
        try:
            skills[name.strip()] = int(level) if level else 3
        except ValueError:
            raise click.BadParameter(
                f"{part!r}: write skill:level, e.g. sql:4", param_hint="--skills"
            ) from None
    return skills
