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

CODE = "sealed-copy"
_BEGIN, _END = "-----BEGINAGEENCRYPTEDFILE-----", "-----ENDAGEENCRYPTEDFILE-----"


def fingerprint(armored: str) -> str | None:
    """The armor without its whitespace; None when it is not age armor at all.

    Two copies of one value differ at most in whitespace (indentation, line breaks,
    trailing spaces), which this drops. Any other change to the base64 text either
    decodes to other bytes or is a non-canonical encoding that age refuses to open, so
    it cannot lend anyone another file's private fields. Comparing the text, rather than
    decoding it, keeps this check cheap in every pull request (1 µs a value, not 5).
    """
    compact = "".join(armored.split())
    if compact.startswith(_BEGIN) and compact.endswith(_END) and len(compact) > len(_BEGIN + _END):
        return compact
    return None  # the ``sealed`` check reports malformed armor


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
