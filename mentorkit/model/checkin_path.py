"""Where a check-in lives: ``program/checkins/<cohort>/<mentor>--<mentee>/<date>-<author>.yaml``.

One small file per check-in, written by one person, so a participant adds their own
by pull request without touching anyone else's file, and check-author can judge the
change from the path and the plain fields alone (the private ones are sealed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ID = r"[a-z0-9][a-z0-9-]{1,38}"
_PATH = re.compile(
    rf"^program/checkins/(?P<cohort>{_ID})/(?P<mentor>{_ID})--(?P<mentee>{_ID})/"
    rf"(?P<date>\d{{4}}-\d{{2}}-\d{{2}})-(?P<by>{_ID})\.yaml$"
)


@dataclass(frozen=True)
class CheckinPath:
    """The parts a check-in's path names; the file's plain fields must say the same."""

    cohort: str
    mentor: str
    mentee: str
    date: str
    by: str

    @property
    def path(self) -> str:
        return f"program/checkins/{self.cohort}/{self.mentor}--{self.mentee}/{self.date}-{self.by}.yaml"

    def fields(self) -> dict[str, str]:
        return {
            "cohort": self.cohort,
            "mentor": self.mentor,
            "mentee": self.mentee,
            "date": self.date,
            "by": self.by,
        }


def parse_checkin_path(relpath: str) -> CheckinPath | None:
    """The parts of a well-formed check-in path, or None."""
    found = _PATH.match(relpath)
    if found is None:
        return None
    return CheckinPath(**found.groupdict())
