"""Text carries no character that YAML, XML or a reader's eyes cannot be trusted with.

Code: ``text-chars``.

Every string of every file (keys included) is checked against the one rule in
``mentorkit.model.characters``: no control characters other than tab and newline, no DEL,
no C1 control, no surrogate, no noncharacter (U+FFFE, U+FFFF, U+FDD0-U+FDEF, ...) and
no bidirectional embedding/override/isolate control. Such characters break the page
front matter and the RSS feed the site is built from, or make text display differently
from what it is.

Passing (participants/ada.yaml)::

    name: Ada Lovelace

Failing: an escaped C1 control and a right-to-left override::

    name: "Ada\\x85"           # text-chars: name contains U+0085 (a control character)
    bio: "see \\u202Egnp.exe"  # text-chars: bio contains U+202E (a bidirectional control ...)
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from mentorkit.checks.base import problem_in
from mentorkit.model.characters import describe, first_uncarried
from mentorkit.model.source import Documents, KeyPath
from mentorkit.problems import Problem
from mentorkit.sealing.fields import SEALED_KEY

CODE = "text-chars"
_ARMOR = (SEALED_KEY,)


def _field(keypath: KeyPath) -> str:
    text = ""
    for part in keypath:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "the file"


def _strings(value: Any, keypath: KeyPath) -> Iterator[tuple[KeyPath, bool, str]]:
    """(key path, is it the key?, text) for every string in a loaded document."""
    if isinstance(value, str):
        yield keypath, False, value
    elif isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, str):
                yield (*keypath, key), True, key
            yield from _strings(item, (*keypath, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*keypath, index))


def check_files(files: Documents) -> Iterator[Problem]:
    for doc in files.documents.values():
        text = doc.literal_text()
        if text is not None and first_uncarried(text) is None:
            continue  # every string is made of the text's characters, and it has none
        for keypath, is_key, text in _strings(doc.data, ()):
            if keypath == _ARMOR:
                continue  # base64 armor: the sealed check refuses any other character
            bad = first_uncarried(text)
            if bad is None:
                continue
            what = f"the key {_field(keypath)}" if is_key else _field(keypath)
            yield problem_in(
                doc,
                keypath,
                CODE,
                f"{what} contains {describe(bad)}, which YAML, XML or the site cannot "
                "carry safely; remove it (retype the text if you cannot see it)",
                key=is_key,
            )
