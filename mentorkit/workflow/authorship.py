"""Who may change which file in a pull request: a pure decision over the changed paths.

A participant may add, edit, rename or delete only their own ``participants/<id>.yaml``
(their own: it names their login in ``github``) and lessons they wrote, and add
check-ins they write for their own pair (``authorship_checkins``). A profile
without a ``github`` login belongs to nobody but the coordinators: the id is not a
login, or whoever registered that name on GitHub could edit (and publish) the profile.
Everything else belongs to the coordinators named in ``program/program.yaml``.
Coordinators and file owners are read from the *base*, so a pull request cannot make
its author a coordinator or take over a file by rewriting it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from mentorkit.model.changes import Change, ChangeStatus
from mentorkit.model.pages import lesson_page
from mentorkit.model.paths import kind_of, stem
from mentorkit.workflow.authorship_checkins import CONTENT_VERDICTS, judge_checkin
from mentorkit.workflow.authorship_lifecycle import leaving_agreement, leaving_match, signing
from mentorkit.workflow.authorship_owners import (
    Snapshot,
    owner_login,
    owner_phrase,
    participant_id,
    same_login,
)

Verdict = Literal["allowed", "refused"]


@dataclass(frozen=True)
class FileDecision:
    """The verdict on one changed path, with the reason in words."""

    path: str
    status: ChangeStatus
    verdict: Verdict
    code: str
    message: str

    @property
    def allowed(self) -> bool:
        return self.verdict == "allowed"


@dataclass(frozen=True)
class AuthorshipResult:
    author: str
    is_coordinator: bool
    decisions: tuple[FileDecision, ...]

    @property
    def ok(self) -> bool:
        return all(d.allowed for d in self.decisions)

    @property
    def refused(self) -> tuple[FileDecision, ...]:
        return tuple(d for d in self.decisions if not d.allowed)


class _Judge:
    def __init__(self, author: str, base: Snapshot, head: Snapshot, today: dt.date) -> None:
        self.author = author
        self.today = today
        self.base = base
        self.head = head
        self.base_owners = base.participants()
        own_ids = {pid for pid, login in self.base_owners.items() if same_login(login, author)}
        own_ids |= {pid for pid, login in head.participants().items() if same_login(login, author)}
        self.own_ids = own_ids
        # Ids already in use on the base, compared without case: a file system that ignores
        # case would check out participants/Ada.yaml over participants/ada.yaml.
        self.taken: dict[str, str] = {}
        for path, data in base.files.items():
            if kind_of(path) == "participant":
                for pid in {participant_id(data, path), stem(path)}:
                    owner = owner_phrase(owner_login(data))
                    self.taken.setdefault(pid.casefold(), f"{owner} ({path})")
        # A coordinator without a participant file is known by their id: whoever took that
        # id would become a coordinator once merged.
        for coordinator in base.coordinators():
            self.taken.setdefault(coordinator.casefold(), "a coordinator of the program")

    def decide(self, change: Change) -> FileDecision:
        if "\ufffd" in change.path or (change.old_path and "\ufffd" in change.old_path):
            return self._refuse(
                change,
                "file-name",
                f"{change.path} has a file name that is not valid UTF-8; rename it",
            )
        kind = kind_of(change.path)
        old_kind = kind_of(change.old_path) if change.old_path else None
        if kind in ("participant", "lesson", "checkin") and not change.is_regular_file:
            # A link would make the loader read another file (or one outside the repository).
            return self._refuse(
                change,
                "not-a-plain-file",
                f"{change.path} is a symbolic link or a submodule; a participant may add only "
                "plain YAML files",
            )
        if kind == "participant" and (change.old_path is None or old_kind == "participant"):
            return self._participant(change)
        if kind == "lesson" and (change.old_path is None or old_kind == "lesson"):
            return self._lesson(change)
        if kind == "checkin" or old_kind == "checkin":
            return self._checkin(change)
        if kind in ("agreement", "match") and change.status == "modified":
            allowed = self._own_program_change(kind, change.path)
            if allowed is not None:
                return self._allow(change, "own-part", f"@{self.author} {allowed}")
            return self._refuse(
                change,
                "coordinator-only",
                f"{change.path} is program material: only a coordinator may edit it; a "
                "participant may only sign their own agreement (their date under signed:) "
                "or end their own pairs and agreements as they leave (mentorkit leave)",
            )
        return self._refuse(
            change,
            "coordinator-only",
            f"{change.path} is program material: only a coordinator may {_verb(change)} it",
        )

    def _unreadable(self, change: Change) -> FileDecision | None:
        """Refuse a changed file that cannot be read, saying why (too large, not YAML...).

        Asked only where a verdict needs the file's contents: its owner, author or fields
        cannot be known from a file that was never parsed, and a verdict about them
        (``no-login``) would send the author to the wrong fix.
        """
        problem = self.head.unreadable.get(change.path)
        if problem is None:
            return None
        return self._refuse(
            change,
            problem.code,
            f"{problem.message}: mentorkit cannot read it, so cannot tell whose it is",
        )

    def _checkin(self, change: Change) -> FileDecision:
        ok, code, message = judge_checkin(
            change.path,
            change.status,
            self.author,
            self.own_ids,
            self.base.files,
            self.head.files.get(change.path),
            self.today,
        )
        unreadable = self._unreadable(change) if code in CONTENT_VERDICTS else None
        if unreadable is not None:
            return unreadable
        return (self._allow if ok else self._refuse)(change, code, message)

    def _leaving_ids(self) -> set[str]:
        """The author's ids whose profile this change removes or makes a departed record."""
        leaving = set()
        for path, data in self.base.files.items():
            pid = participant_id(data, path)
            if kind_of(path) != "participant" or pid not in self.own_ids:
                continue
            if path not in self.head.files or (self.head.files[path] or {}).get("departed"):
                leaving.add(pid)
        return leaving

    def _own_program_change(self, kind: str, path: str) -> str | None:
        before, after = self.base.files.get(path), self.head.files.get(path)
        if before is None or after is None:
            return None
        if kind == "agreement":
            signed = signing(before, after, self.own_ids)
            if signed is not None:
                return signed
        for pid in sorted(self._leaving_ids()):
            verdict = (leaving_agreement if kind == "agreement" else leaving_match)(
                before, after, pid
            )
            if verdict is not None:
                return verdict
        return None

    def _allow(self, change: Change, code: str, message: str) -> FileDecision:
        return FileDecision(change.path, change.status, "allowed", code, message)

    def _refuse(self, change: Change, code: str, message: str) -> FileDecision:
        return FileDecision(change.path, change.status, "refused", code, message)

    def _base_owner(self, path: str) -> str:
        return owner_login(self.base.files.get(path))

    def _participant(self, change: Change) -> FileDecision:
        author = self.author
        old_id: str | None = None
        if change.status in ("modified", "deleted", "renamed"):
            old = change.old_path or change.path
            owner = self._base_owner(old)
            if not same_login(owner, author):
                return self._refuse(
                    change,
                    "not-own-file",
                    f"{old} belongs to {owner_phrase(owner)}; @{author} may {_verb(change)} "
                    "only their own participant file",
                )
            old_id = participant_id(self.base.files.get(old), old)
        if change.status == "deleted":
            return self._allow(change, "own-file", f"@{author} removes their own profile")
        unreadable = self._unreadable(change)
        if unreadable is not None:
            return unreadable
        new_data = self.head.files.get(change.path)
        new_id = participant_id(new_data, change.path)
        new_owner = owner_login(new_data)
        if not new_owner:
            return self._refuse(
                change,
                "no-login",
                f"{change.path} names no github login; add `github: {author}` so the file is yours",
            )
        if not same_login(new_owner, author):
            return self._refuse(
                change,
                "not-own-file",
                f"{change.path} names @{new_owner} as its owner (github field); "
                f"@{author} may only add or edit a file that names them",
            )
        # Every id the change claims, the new file name included, must be free on the base,
        # unless it is the id this very file already had.
        claims = {new_id} | ({stem(change.path)} if change.status != "modified" else set())
        for claimed in sorted(claims):
            if old_id is not None and claimed.casefold() == old_id.casefold():
                continue
            holder = self.taken.get(claimed.casefold())
            if holder is not None:
                return self._refuse(
                    change,
                    "id-taken",
                    f"the id {claimed!r} is already taken by {holder}; choose another id",
                )
        verb = {"added": "adds", "renamed": "renames"}.get(change.status, "edits")
        return self._allow(change, "own-file", f"@{author} {verb} their own profile")

    def _lesson(self, change: Change) -> FileDecision:
        author = self.author
        if change.status in ("modified", "deleted", "renamed"):
            old = change.old_path or change.path
            old_author = _lesson_author(self.base.files.get(old))
            if old_author not in self.own_ids:
                return self._refuse(
                    change,
                    "not-own-lesson",
                    f"{old} was written by {old_author or 'someone else'}; @{author} may "
                    f"{_verb(change)} only lessons they wrote",
                )
        if change.status == "deleted":
            return self._allow(change, "own-lesson", f"@{author} removes a lesson they wrote")
        unreadable = self._unreadable(change)
        if unreadable is not None:
            return unreadable
        shadowed = self._shadowed_lesson(change)
        if shadowed is not None:
            return self._refuse(
                change,
                "page-taken",
                f"{change.path} would publish at the same address as {shadowed}; "
                "choose another file name",
            )
        new_author = _lesson_author(self.head.files.get(change.path))
        if new_author not in self.own_ids:
            return self._refuse(
                change,
                "not-own-lesson",
                f"{change.path} names {new_author or 'no author'} as its author; a participant may "
                f"add only lessons whose author is their own id",
            )
        return self._allow(change, "own-lesson", f"@{author} shares a lesson they wrote")

    def _shadowed_lesson(self, change: Change) -> str | None:
        """Another lesson on the base whose page this added or renamed file would take."""
        if change.status not in ("added", "renamed"):
            return None
        page = lesson_page(change.path)
        for path in sorted(self.base.files):
            others = path not in (change.path, change.old_path) and kind_of(path) == "lesson"
            if others and lesson_page(path) == page:
                return path
        return None


def _lesson_author(data: Mapping[str, Any] | None) -> str | None:
    value = (data or {}).get("author")
    return value if isinstance(value, str) else None


def _verb(change: Change) -> str:
    return {"added": "add", "modified": "edit", "deleted": "delete", "renamed": "rename"}[
        change.status
    ]


def check_authorship(
    author: str,
    changes: Iterable[Change],
    base: Snapshot,
    head: Snapshot,
    today: dt.date | None = None,
) -> AuthorshipResult:
    """Decide every change for ``author`` (a GitHub login), on ``today`` (default: today)."""
    author = author.strip().lstrip("@")
    changes = sorted(changes)
    coordinator = any(same_login(author, login) for login in base.coordinator_logins())
    if coordinator:
        decisions = tuple(
            FileDecision(c.path, c.status, "allowed", "coordinator", f"@{author} is a coordinator")
            for c in changes
        )
        return AuthorshipResult(author, True, decisions)
    judge = _Judge(author, base, head, today or dt.date.today())
    return AuthorshipResult(author, False, tuple(judge.decide(c) for c in changes))
