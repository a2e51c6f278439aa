"""Every participant file names the GitHub login that may change it.

Code: ``no-login`` (a warning).

The pull-request check gives a participant file to the login in its ``github`` field
and to nobody else: an id is not a login, and whoever registered a GitHub account
with that name could otherwise edit, or publish, the profile. A file without one can
still be changed, but only by a coordinator.

Passing (participants/ada.yaml)::

    id: ada
    github: ada-l

Failing: no ``github`` field (no-login: only a coordinator can change this file).
"""

from __future__ import annotations

from collections.abc import Iterator

from mentorkit.checks.base import problem_in
from mentorkit.model.source import Documents
from mentorkit.problems import Problem

CODE = "no-login"


def check_files(files: Documents) -> Iterator[Problem]:
    for path, kind in files.kinds.items():
        doc = files.documents.get(path)
        if kind != "participant" or doc is None:
            continue
        login = doc.data.get("github")
        if (isinstance(login, str) and login.strip()) or doc.data.get("departed"):
            continue  # a departed record (history) needs nobody to edit it
        yield problem_in(
            doc,
            ("id",),
            CODE,
            "no github login: only a coordinator can change this file in a pull request; "
            "add `github: <your GitHub login>`",
            level="warning",
        )
