"""Public keys (recipients) and secret keys (identities), parsed by pyrage.

A recipient is an age X25519 key (``age1...``) or an SSH public key (``ssh-ed25519 ...``,
``ssh-rsa ...``). An identity is an age identity file (``AGE-SECRET-KEY-1...`` lines,
``#`` comments allowed, as ``age-keygen`` writes it) or an unencrypted OpenSSH private key.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pyrage

# The public key of the demo identity committed beside the example program
# (demo-coordinator.age.txt). Anyone can read what is sealed to it: validate warns
# when a program lists it, and `init` never uses it.
DEMO_RECIPIENT = "age15nuu0p0zzkm4prhp6jjfmh88p55q5gjnjr3wrp7judsh4lp4rdsqfd8lht"

Recipient = Any  # pyrage.x25519.Recipient | pyrage.ssh.Recipient
Identity = Any  # pyrage.x25519.Identity | pyrage.ssh.Identity


class KeyProblem(ValueError):
    """A key that pyrage cannot use; the message says which and why, never the secret."""


def parse_recipient(text: str) -> Recipient:
    """A recipient from its public key text; KeyProblem when it is not one."""
    key = text.strip()
    try:
        if key.startswith("age1"):
            return pyrage.x25519.Recipient.from_str(key)
        if key.startswith("ssh-"):
            return pyrage.ssh.Recipient.from_str(key)
    except pyrage.RecipientError as exc:
        raise KeyProblem(f"{_short(key)} is not a valid public key ({exc})") from None
    raise KeyProblem(f"{_short(key)} is not an age (age1...) or SSH (ssh-...) public key")


def parse_recipients(texts: Sequence[str]) -> list[Recipient]:
    return [parse_recipient(text) for text in texts]


def parse_identities(text: str) -> list[Identity]:
    """Every identity in an identity file's text; KeyProblem when there is none or one is bad."""
    if "-----BEGIN OPENSSH PRIVATE KEY-----" in text:
        try:
            return [pyrage.ssh.Identity.from_buffer(text.encode("utf-8"))]
        except pyrage.IdentityError as exc:
            raise KeyProblem(
                f"the SSH private key cannot be used ({exc}); a passphrase-protected key "
                "is not supported: use an age identity (mentorkit keygen)"
            ) from None
    identities = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        try:
            identities.append(pyrage.x25519.Identity.from_str(stripped))
        except pyrage.IdentityError:
            # Never echo the line: it may be (part of) a secret key.
            raise KeyProblem(
                f"line {number} of the identity is not an age secret key (AGE-SECRET-KEY-1...)"
            ) from None
    if not identities:
        raise KeyProblem("the identity holds no key (expected AGE-SECRET-KEY-1... lines)")
    return identities


@dataclass(frozen=True)
class NewIdentity:
    secret: str
    public: str

    def file_text(self, created: str) -> str:
        """What an identity file holds, in the layout age-keygen writes."""
        return f"# created: {created}\n# public key: {self.public}\n{self.secret}\n"


def generate() -> NewIdentity:
    identity = pyrage.x25519.Identity.generate()
    return NewIdentity(str(identity), str(identity.to_public()))


def is_demo_key(key: str) -> bool:
    return key.strip() == DEMO_RECIPIENT


def _short(key: str) -> str:
    return repr(key if len(key) <= 40 else key[:37] + "...")
