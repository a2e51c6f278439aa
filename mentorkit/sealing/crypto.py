"""Seal a mapping into one armored age value, and open it again. pyrage does the crypto."""

from __future__ import annotations

import base64
import binascii
import io
from collections.abc import Sequence
from typing import Any

import pyrage
import yaml

from mentorkit.sealing.binding import BOUND_KEY, without_binding
from mentorkit.sealing.keys import Identity, Recipient

BEGIN = "-----BEGIN AGE ENCRYPTED FILE-----"
END = "-----END AGE ENCRYPTED FILE-----"
_AGE_HEADER = b"age-encryption.org/v1\n"
_STANZA = b"-> "
_MAC_LINE = b"\n---"

# The most recipient stanzas a value mentorkit seals can hold: the coordinators
# (program schema, privacy.recipients maxItems 50), the keys of the two people a pairing
# file concerns (participant schema, keys maxItems 5 each), age's one random "grease"
# stanza, and 3 for keys removed since the value was sealed (until `mentorkit rekey`).
MAX_STANZAS = 50 + 2 * 5 + 1 + 3
# age reads a header again after each piece of it that it reads, unless it is given a
# buffered reader: pyrage 1.4's `decrypt` does not give it one, so its time grows with
# the square of the header's size (4 KiB 25 ms, 54 KiB 4.7 s), `decrypt_io` does (see
# ``_decrypt``). mentorkit uses the second, yet still bounds what it reads: the stanzas
# are tried one key agreement each, and the age tool or another program reading the same
# values may parse the slow way. 8 KiB holds 64 X25519 stanzas (6.5 KiB), or 3
# coordinators plus two people with five RSA-4096 SSH keys each (7.5 KiB); a header of 3
# coordinators and one person's key is 0.7 KiB. Both bounds are checked without any
# secret, so a pull request is refused before a run holding the identity reads it.
MAX_HEADER_BYTES = 8 * 1024
_REWRITE = "`mentorkit rekey` (a coordinator) or `mentorkit seal` writes a proper one"


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
    """The plaintext YAML of a sealed value; SealError when no identity opens it.

    A header larger than a sealed value can need is refused before pyrage reads it.
    """
    raw = _armor_body(armored)
    reason = header_problem(raw) if isinstance(raw, bytes) else None
    if reason is not None:
        raise SealError(reason)
    try:
        return _decrypt(armored.strip().encode("ascii"), identities)
    except UnicodeEncodeError:
        raise SealError("the sealed value holds characters that are not ASCII armor") from None
    except (pyrage.DecryptError, OSError) as exc:
        # The header's faults come as DecryptError; the armor's and the payload's (a
        # tampered or truncated value) come through the reader, as OSError.
        reason = str(exc)
        if "No matching keys" in reason or "no identity matched" in reason.lower():
            raise SealError(
                "the identity given cannot open this sealed value (it was not sealed to that "
                "key; a coordinator runs `mentorkit rekey` after keys change)"
            ) from None
        raise SealError(f"the sealed value cannot be decrypted ({reason})") from None


def _decrypt(data: bytes, identities: Sequence[Identity]) -> bytes:
    """pyrage's ``decrypt_io`` on memory: the same checks and result as ``decrypt``.

    ``decrypt`` hands age an unbuffered reader, and age then parses the header once per
    piece it reads: measured with pyrage 1.4, a one-key value took 116 µs to open, three
    keys 214 µs and 64 keys 38 ms, against 81 µs, 88 µs and 0.95 ms this way. The opened
    text goes to a BytesIO, never to a file.
    """
    opened = io.BytesIO()
    pyrage.decrypt_io(io.BytesIO(data), opened, list(identities))
    return opened.getvalue()


def armor_problem(value: Any) -> str | None:
    """Why ``value`` is not a well-formed armored age file, or None when it is.

    Checked without any secret: the armor lines, the base64 body and the age header.
    """
    raw = _armor_body(value)
    if isinstance(raw, str):
        return raw
    if not raw.startswith(_AGE_HEADER):
        return "the sealed value is not an age file (its header is missing)"
    return header_problem(raw)


def _armor_body(value: Any) -> bytes | str:
    """The bytes inside the armor of ``value``, or why there are none."""
    if not isinstance(value, str):
        return "sealed should be the armored text that `mentorkit seal` writes"
    lines = value.strip().splitlines()
    if len(lines) < 3 or lines[0].strip() != BEGIN or lines[-1].strip() != END:
        return f"sealed should start with {BEGIN} and end with {END}"
    body = "".join(map(str.strip, lines[1:-1]))
    try:
        return base64.b64decode(body, validate=True)
    except (binascii.Error, ValueError):
        return "the sealed value's armor is not valid base64 (was it edited by hand?)"


def header_problem(raw: bytes) -> str | None:
    """Why the age header of ``raw`` is larger than a sealed value can need, or None.

    The header is the text before the MAC line (``---``); each recipient stanza starts
    with a line ``-> TYPE ...``. See ``MAX_STANZAS`` and ``MAX_HEADER_BYTES``.
    """
    end = raw.find(_MAC_LINE)
    # Without a MAC line the whole value would be read as header (pyrage refuses a short
    # one at once, a long one only after the quadratic parse).
    header = raw[: end + 1] if end >= 0 else raw
    stanzas = sum(1 for line in header.split(b"\n") if line.startswith(_STANZA))
    if stanzas > MAX_STANZAS:
        return (
            f"the sealed value's age header holds {stanzas} keys, more than the "
            f"{MAX_STANZAS} any sealed value needs (each costs every reader time); {_REWRITE}"
        )
    if len(header) > MAX_HEADER_BYTES:
        return (
            f"the sealed value's age header is {len(header)} bytes, more than the "
            f"{MAX_HEADER_BYTES} any sealed value needs (reading it costs every reader "
            f"time); {_REWRITE}"
        )
    return None
