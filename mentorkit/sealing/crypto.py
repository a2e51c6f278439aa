"""Seal a mapping into one armored age value, and open it again. pyrage does the crypto."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Sequence
from typing import Any

import pyrage
import yaml

from mentorkit.sealing.binding import BOUND_KEY, without_binding
from mentorkit.sealing.keys import Identity, Recipient

BEGIN = "-----BEGIN AGE ENCRYPTED FILE-----"
END = "-----END AGE ENCRYPTED FILE-----"
_AGE_HEADER = b"age-encryption.org/v1\n"


class SealError(ValueError):
    """A sealed value that cannot be opened or is not well formed."""


def seal_mapping(values: dict[str, Any], recipients: Sequence[Recipient], path: str) -> str:
    """``values`` as YAML, encrypted to every recipient, ASCII-armored (ends with a newline).

    The mapping also names ``path``, the file the value is sealed for (``BOUND_KEY``).
    """
    if not recipients:
        raise SealError("no recipients: list the coordinators' keys in privacy.recipients")
    bound = {BOUND_KEY: path, **without_binding(values)}
    plaintext = yaml.safe_dump(bound, sort_keys=False, allow_unicode=True, width=4096)
    armored: bytes = pyrage.encrypt(plaintext.encode("utf-8"), list(recipients), armored=True)
    text = armored.decode("ascii").replace("\r\n", "\n")
    return text if text.endswith("\n") else text + "\n"


def open_bytes(armored: str, identities: Sequence[Identity]) -> bytes:
    """The plaintext YAML of a sealed value; SealError when no identity opens it."""
    try:
        plaintext: bytes = pyrage.decrypt(armored.strip().encode("ascii"), list(identities))
        return plaintext
    except UnicodeEncodeError:
        raise SealError("the sealed value holds characters that are not ASCII armor") from None
    except pyrage.DecryptError as exc:
        reason = str(exc)
        if "No matching keys" in reason or "no identity matched" in reason.lower():
            raise SealError(
                "the identity given cannot open this sealed value (it was not sealed to that "
                "key; a coordinator runs `mentorkit rekey` after keys change)"
            ) from None
        raise SealError(f"the sealed value cannot be decrypted ({reason})") from None


def armor_problem(value: Any) -> str | None:
    """Why ``value`` is not a well-formed armored age file, or None when it is.

    Checked without any secret: the armor lines, the base64 body and the age header.
    """
    if not isinstance(value, str):
        return "sealed should be the armored text that `mentorkit seal` writes"
    lines = value.strip().splitlines()
    if len(lines) < 3 or lines[0].strip() != BEGIN or lines[-1].strip() != END:
        return f"sealed should start with {BEGIN} and end with {END}"
    body = "".join(map(str.strip, lines[1:-1]))
    try:
        raw = base64.b64decode(body, validate=True)
    except (binascii.Error, ValueError):
        return "the sealed value's armor is not valid base64 (was it edited by hand?)"
    if not raw.startswith(_AGE_HEADER):
        return "the sealed value is not an age file (its header is missing)"
    return None
