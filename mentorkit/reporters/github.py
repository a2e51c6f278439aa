"""GitHub Actions workflow commands (annotations): the one place they are built and escaped.

Every ``::error``/``::warning``/``::notice`` line mentorkit prints comes from
``annotation``. Participant-written text ends up in messages and file names, so the
escaping GitHub documents (``%``, CR and LF in the message; also ``:`` and ``,`` in
properties) is applied to every part, and a message can never start a second command.
"""

from __future__ import annotations

from typing import Literal

from mentorkit.problems import shown_text

Level = Literal["error", "warning", "notice"]


def escape_data(text: str) -> str:
    """Text GitHub shows as written: line breaks escaped as GitHub documents, any other
    character that does not print (a right-to-left override in a repeated file name) as
    a visible escape."""
    shown = shown_text(text, keep="\r\n")
    return shown.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(
    level: Level,
    message: str,
    *,
    file: str | None = None,
    line: int = 0,
    col: int = 0,
    title: str | None = None,
) -> str:
    """One workflow command line (no newline). ``line`` 0 means the whole file."""
    props = []
    if file is not None:
        props.append(f"file={escape_property(file)}")
        # GitHub shows an annotation without a line only in the run summary, not on the file.
        props += [f"line={line}", f"col={col}"] if line else ["line=1"]
    if title is not None:
        props.append(f"title={escape_property(title)}")
    head = f"::{level} {','.join(props)}" if props else f"::{level}"
    return f"{head}::{escape_data(message)}"
