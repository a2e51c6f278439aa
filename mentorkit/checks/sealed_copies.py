"""A sealed value belongs to the one file it was sealed for: a copy in another file is refused.

Code: ``sealed-copy``.

Nobody can read another person's sealed value, but anyone can copy it: pasted into
their own profile it would give them that person's email and avoid list, and pasted into
a check-in of their own pair it would report another pair's health as theirs. Every
sealing encrypts with a fresh random key, so two files never hold the same sealed value
unless one was copied. Checked without any secret (so in every pull request); both files
are named, since which one is the copy is for a coordinator to see in the change.

Passing: each file's ``sealed:`` value was made by sealing that file.

Failing: ``participants/kofi.yaml`` holds the very ``sealed:`` value of
``participants/ada.yaml`` (sealed-copy: the same sealed value is in participants/ada.yaml
too; ...).
"""

from __future__ import annotations

from collections.abc import Iterator

from mentorkit.checks.base import problem_in
from mentorkit.model.source import Documents
from mentorkit.problems import Problem
from mentorkit.sealing.fields import SEALED_KEY
from mentorkit.sealing.provenance import fingerprint

CODE = "sealed-copy"


def check_files(files: Documents) -> Iterator[Problem]:
    holders: dict[str, list[str]] = {}
    for path, doc in files.documents.items():
        armored = doc.data.get(SEALED_KEY)
        if isinstance(armored, str):
            digest = fingerprint(armored)
            if digest is not None:
                holders.setdefault(digest, []).append(path)
    for paths in holders.values():
        if len(paths) < 2:
            continue
        for path in sorted(paths):
            others = ", ".join(p for p in sorted(paths) if p != path)
            yield problem_in(
                files.documents[path],
                (SEALED_KEY,),
                CODE,
                f"the same sealed value is in {others} too: a sealed value belongs to the one "
                "file it was sealed for, and a copy would give this file another's private "
                f"fields; write this file's own and run `mentorkit seal {path}`",
                key=True,
            )
