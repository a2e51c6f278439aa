"""``surveys:`` and ``outcomes:`` in program.yaml: how to read the private exports.

The exports themselves (a survey tool's CSV, an HR CSV) stay outside the repository;
program.yaml only says which column holds what, so a coordinator can feed mentorkit the
file their tool produces as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SPACES = re.compile(r"\s+")


def heading(name: str) -> str:
    """A column heading as compared: case and runs of spaces do not matter."""
    return _SPACES.sub(" ", name.replace("\ufeff", "")).strip().casefold()


@dataclass(frozen=True)
class ExportRow:
    line: int  # the line the row starts on (a quoted answer may run over several)
    values: dict[str, str]  # heading (as compared) -> answer, stripped


@dataclass(frozen=True)
class ExportTable:
    """A private CSV export as read by ``mentorkit.loading.exports``."""

    name: str  # the file as named to the user
    headings: tuple[str, ...]  # as compared
    rows: tuple[ExportRow, ...]

    def has(self, column: str) -> bool:
        return heading(column) in self.headings

    def get(self, row: ExportRow, column: str) -> str:
        return row.values.get(heading(column), "") if column else ""


@dataclass(frozen=True)
class SurveySettings:
    """Column headings of a survey export, and how satisfaction is answered."""

    recommend: str = "How likely are you to recommend the mentoring program to a colleague?"
    satisfaction: str = ""  # no satisfaction question unless named
    cohort: str = ""  # empty: the report names the cohort
    role: str = ""
    satisfaction_scale: int = 5
    satisfied_from: int = 0  # 0: the top two answers of the scale

    @property
    def satisfied_at(self) -> int:
        """The lowest answer that counts as satisfied."""
        return self.satisfied_from or max(self.satisfaction_scale - 1, 1)


@dataclass(frozen=True)
class OutcomeSettings:
    """Column headings of an HR export: who, still employed, promoted, as of when."""

    id: str = "id"
    employed: str = "employed"
    promoted: str = "promoted"
    as_of: str = "as_of"
