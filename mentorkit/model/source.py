"""Where a value was written: the model's view of a source file, without the reading of it.

``loading`` produces documents that fit these protocols; the model and the checks only
ever see them through here, so they never depend on how files are read.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

Location = tuple[int, int]  # line, column; (0, 0) when unknown
KeyPath = tuple[str | int, ...]  # the keys and indexes from the top of a document to a value


class Locator(Protocol):
    """Finds the line and column of a value (or of its key) in one file."""

    def locate(self, keypath: KeyPath, *, key: bool = False) -> Location: ...


class Document(Locator, Protocol):
    """A parsed data file: its repository-relative path and its data as written."""

    @property
    def path(self) -> str: ...

    @property
    def data(self) -> dict[str, Any]: ...

    def literal_text(self) -> str | None:
        """The file's text when every string of ``data`` is spelled in it literally."""
        ...


class Documents(Protocol):
    """Every parsed data file of a repository, and the kind of every data file found.

    ``kinds`` also lists files that could not be parsed, so a file that exists is never
    reported as missing because it is broken.
    """

    @property
    def documents(self) -> Mapping[str, Document]: ...

    @property
    def kinds(self) -> Mapping[str, str]: ...
