"""Read the identity (the secret key) that opens sealed fields: from a file or the environment.

``MENTORKIT_IDENTITY`` holds either the identity itself (what a CI secret holds) or the
path of a file with it. The text is returned to the caller and never printed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

IDENTITY_ENV = "MENTORKIT_IDENTITY"
_MAX_BYTES = 64 * 1024
_INLINE_MARKERS = ("AGE-SECRET-KEY-", "-----BEGIN OPENSSH PRIVATE KEY-----")


class IdentityUnavailable(Exception):
    """The identity named cannot be read; the message says where and why."""


@dataclass(frozen=True)
class IdentitySource:
    text: str
    where: str


def _read(path: Path, where: str) -> str:
    try:
        raw = path.read_bytes()[: _MAX_BYTES + 1]
    except OSError as exc:
        raise IdentityUnavailable(
            f"cannot read the identity {where}: {exc.strerror or exc}"
        ) from None
    if len(raw) > _MAX_BYTES:
        raise IdentityUnavailable(f"the identity {where} is too large to be a key file")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise IdentityUnavailable(f"the identity {where} is not a text key file") from None


def read_identity(path: Path | None, environ: Mapping[str, str]) -> IdentitySource | None:
    """The identity from ``--identity`` (first) or ``MENTORKIT_IDENTITY``; None when neither."""
    if path is not None:
        return IdentitySource(_read(path, f"file {path}"), f"--identity {path}")
    value = environ.get(IDENTITY_ENV, "")
    if not value.strip():
        return None
    if any(marker in value for marker in _INLINE_MARKERS):
        return IdentitySource(value, f"${IDENTITY_ENV}")
    return IdentitySource(
        _read(Path(value.strip()), f"file named by ${IDENTITY_ENV}"), f"${IDENTITY_ENV}"
    )
