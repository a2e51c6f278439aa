"""Sealed values are well-formed age armor, and private fields are sealed where required.

Code: ``sealed``.

Checked without any secret: a ``sealed:`` value is ASCII-armored age (header, base64
body, footer), and its age header holds no more recipient stanzas and bytes than a
value mentorkit seals can need (``sealing.crypto.header_problem``: each stanza costs
every run that holds the identity a key agreement, and pyrage's plain ``decrypt`` time
quadratic in the header's size). With ``privacy.require_sealed: true`` a private field written in plain
text (participant email and avoid, manager with ``privacy.seal_manager``; agreement
goals, boundaries and notes; check-in health and note) is an error naming the command
that fixes it; with recipients but without the requirement it is a warning. A program
whose recipients include mentorkit's public demo key gets a warning.

Passing (with ``privacy: {recipients: [...], require_sealed: true}``)::

    id: ada
    name: Ada Lovelace
    ...
    sealed: |
      -----BEGIN AGE ENCRYPTED FILE-----
      YWdlLWVuY3J5cHRpb24ub3JnL3YxCi0+IFgyNTUxOSBnQ0Jia...
      -----END AGE ENCRYPTED FILE-----

Failing: ``email: ada@example.com`` in plain text (sealed: email is private and this
program requires it sealed; run `mentorkit seal participants/ada.yaml`).
"""

from __future__ import annotations

from collections.abc import Iterator

from mentorkit.checks.base import problem_in
from mentorkit.model.build_charter import sealing_settings
from mentorkit.model.entities import SealingSettings
from mentorkit.model.paths import CHARTER
from mentorkit.model.source import Document, Documents
from mentorkit.problems import Level, Problem
from mentorkit.sealing.crypto import armor_problem
from mentorkit.sealing.fields import SEALED_KEY, private_fields
from mentorkit.sealing.keys import is_demo_key
from mentorkit.sealing.opening import OpenedDocument

CODE = "sealed"


def _settings(files: Documents) -> SealingSettings:
    charter = files.documents.get(CHARTER)
    return sealing_settings(charter.data.get("privacy") if charter else None)


def _plain_private(doc: Document, kind: str, settings: SealingSettings) -> Iterator[Problem]:
    if not settings.recipients and not settings.require_sealed:
        return
    opened: frozenset[str] = getattr(doc, "sealed_keys", frozenset())
    for field in private_fields(kind, seal_manager=settings.seal_manager):
        if field not in doc.data or field in opened:
            continue
        if settings.require_sealed:
            message = (
                f"{field} is private and this program requires it sealed; "
                f"run `mentorkit seal {doc.path}`"
            )
        else:
            message = (
                f"{field} is private but written in plain text; run `mentorkit seal {doc.path}`"
            )
        level: Level = "error" if settings.require_sealed else "warning"
        yield problem_in(doc, (field,), CODE, message, level=level, key=True)
    if kind == "agreement" and doc.data.get("checkins") and settings.require_sealed:
        yield problem_in(
            doc,
            ("checkins",),
            CODE,
            "check-ins in the agreement are plain text; run `mentorkit migrate-checkins`, "
            "which moves them to one sealed file each",
            key=True,
        )


def _demo_recipients(files: Documents, settings: SealingSettings) -> Iterator[Problem]:
    charter = files.documents.get(CHARTER)
    if charter is None:
        return
    for index, (coordinator, key) in enumerate(settings.recipients):
        if is_demo_key(key):
            yield problem_in(
                charter,
                ("privacy", "recipients", index, "key"),
                CODE,
                f"the key of {coordinator} is mentorkit's public demo key: its secret is "
                "published, so anyone can open what is sealed to it; run `mentorkit keygen` "
                "and use your own key",
                level="warning",
            )


def check_files(files: Documents) -> Iterator[Problem]:
    settings = _settings(files)
    yield from _demo_recipients(files, settings)
    for path, kind in files.kinds.items():
        doc = files.documents.get(path)
        if doc is None:
            continue
        # An opened value was decrypted, so its armor is sound: only the others are checked.
        if SEALED_KEY in doc.data and not isinstance(doc, OpenedDocument):
            reason = armor_problem(doc.data[SEALED_KEY])
            if reason is not None:
                yield problem_in(doc, (SEALED_KEY,), CODE, reason)
        yield from _plain_private(doc, kind, settings)
