"""Who owns what on one side of a pull request: the files' logins, ids and coordinators.

Read from the *base* for every verdict (a pull request cannot make its author a
coordinator, nor take over a file by rewriting it); the head only tells what a new
or edited file claims.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from mentorkit.model.paths import CHARTER, kind_of, stem
from mentorkit.problems import Problem


def owner_login(data: Mapping[str, Any] | None) -> str:
    """The GitHub login that owns a participant file: its ``github`` field; "" when it has none.

    "" matches no author (``same_login``), so such a file is the coordinators' alone.
    """
    value = (data or {}).get("github")
    return value.strip() if isinstance(value, str) else ""


def owner_phrase(login: str) -> str:
    """Who owns a file, in words, for messages."""
    return f"@{login}" if login else "the coordinators (it names no github login)"


def participant_id(data: Mapping[str, Any] | None, path: str) -> str:
    value = (data or {}).get("id")
    return value if isinstance(value, str) and value else stem(path)


def same_login(a: str, b: str) -> bool:
    """GitHub logins compare without case, and only ASCII ones can match.

    ``casefold`` or ``lower`` would let a look-alike such as the Kelvin sign (U+212A)
    stand for ``k``; no real login holds one, so such a value matches nobody.
    """
    return a.isascii() and b.isascii() and a.lower() == b.lower()


@dataclass(frozen=True)
class Snapshot:
    """The parsed data files of one side of the change: path to mapping (None when unreadable).

    ``unreadable``: why a file that is there could not be read (too large, not YAML...),
    so a verdict can say that rather than judge a file it never saw.
    """

    files: Mapping[str, Mapping[str, Any] | None]
    unreadable: Mapping[str, Problem] = field(default_factory=dict)

    def participants(self) -> dict[str, str]:
        """Participant id to owner login."""
        found: dict[str, str] = {}
        for path, data in self.files.items():
            if kind_of(path) == "participant":
                found.setdefault(participant_id(data, path), owner_login(data))
        return found

    def coordinators(self) -> tuple[str, ...]:
        charter = self.files.get(CHARTER) or {}
        raw = charter.get("coordinators")
        return tuple(c for c in raw if isinstance(c, str)) if isinstance(raw, list) else ()

    def coordinator_logins(self) -> tuple[str, ...]:
        """Each coordinator's login, from the file named after their id and holding it.

        Only that file counts: another file claiming the same id (a duplicate that slipped
        through) must not lend its login coordinator rights. Without one, the id is the login.
        """
        logins = []
        for coordinator in self.coordinators():
            login = coordinator
            for suffix in (".yaml", ".yml"):
                path = f"participants/{coordinator}{suffix}"
                data = self.files.get(path)
                if path in self.files and participant_id(data, path) == coordinator:
                    # program.yaml lists coordinators by id; their file's login, if any,
                    # wins. Someone who left keeps no rights: their record only names them.
                    login = "" if (data or {}).get("departed") else owner_login(data) or coordinator
                    break
            if login:
                logins.append(login)
        return tuple(logins)
