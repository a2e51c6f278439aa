"""A sealed value that does not name this file is made this file's own only if it is no copy.

``rekey``, ``edit`` and ``seal --identity`` seal an opened value again, naming the file
it is in and sealed to the people that file concerns. For a value that named no file
(sealed before values did, or by the age tool), or one that names a file it was moved
from, that is how it comes to name its file. But a participant can paste into their own
profile another person's value taken out of Git history: nobody could read it, the pull
request's checks cannot tell (``sealed-copy`` sees only today's files), and sealing it
again would hand that person's email and avoid list to the one who pasted it, readable
with their own key. So before such a value is sealed again, Git history is asked which
files ever held it: when one of them still exists (another person's profile, a check-in
of another pair), it is a copy and is left as it is. A file that really moved left its
old path behind, so it is sealed for its new place as before. A program that set
``privacy.require_named`` bound every value already: one that names no file after that
is never sealed again (a copy taken before Git history was rewritten would not show).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping

from mentorkit.loading.yaml_reader import parse_yaml
from mentorkit.problems import shown_path
from mentorkit.sealing.fields import SEALED_KEY

MARKER = b"-----BEGIN AGE ENCRYPTED FILE-----"
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


def holders(versions: Iterable[tuple[str, bytes]]) -> dict[str, set[str]]:
    """For each sealed value (by its armor without whitespace), the files that held it."""
    found: dict[str, set[str]] = {}
    for path, content in versions:
        parsed = parse_yaml(content, path)
        armored = getattr(parsed, "data", {}).get(SEALED_KEY)
        digest = fingerprint(armored) if isinstance(armored, str) else None
        if digest is not None:
            found.setdefault(digest, set()).add(path)
    return found


def other_holders(
    path: str,
    armored: str,
    named: str | None,
    history: Mapping[str, Collection[str]],
    present: Collection[str],
) -> list[str]:
    """The files that exist today, other than ``path``, that held this value or that it
    names (``named``, None for a value naming no file)."""
    digest = fingerprint(armored)
    others = set(history.get(digest, ())) if digest is not None else set()
    if named is not None:
        others.add(named)
    others.discard(path)
    return sorted(other for other in others if other in present)


def copy_refused(path: str, others: Collection[str]) -> str:
    where = ", ".join(shown_path(o) for o in sorted(others))
    return (
        f"its sealed value does not name this file and was in {where} too (Git history): "
        "a copy is not sealed again, since that would give this file's readers another's "
        f"private fields; write this file's own private fields and run `mentorkit seal {path}`"
    )


def unnamed_refused(path: str) -> str:
    return (
        "its sealed value does not name this file, and this program requires values to "
        "(privacy.require_named): one that names none now may be a copy of another file's, "
        "so it is not sealed again; write this file's private fields again and run "
        f"`mentorkit seal {path}`"
    )
