"""Sealing a mapping and opening it again: what every command that opens a value relies on.

Whatever is wrong with a sealed value (the wrong key, a changed byte, a cut-off or
padded armor) it is a SealError with a reason, which the callers turn into a problem at
the ``sealed:`` line; never another exception, which would end a run with a traceback.
"""

from __future__ import annotations

import base64
from collections.abc import Callable

import pytest
import yaml
from pyrage import x25519

from mentorkit.sealing.crypto import BEGIN, END, SealError, open_bytes, seal_mapping

PATH = "participants/ada.yaml"


@pytest.fixture(scope="module")
def reader() -> x25519.Identity:
    return x25519.Identity.generate()


def _sealed(reader: x25519.Identity, *others: x25519.Recipient) -> str:
    values = {"email": "ada@example.com", "avoid": ["bo"]}
    return seal_mapping(values, [*others, reader.to_public()], PATH)


def _rewrapped(armored: str, where: str) -> str:
    """``armored`` with one byte of its binary body changed, at ``where``."""
    raw = bytearray(base64.b64decode("".join(armored.strip().splitlines()[1:-1])))
    mac = raw.index(b"\n--- ") + len(b"\n--- ")
    at = {"tag": len(raw) - 3, "text": len(raw) - 20, "nonce": mac + 45, "mac": mac + 2}[where]
    raw[at] ^= 0x01
    body = base64.b64encode(bytes(raw)).decode("ascii")
    lines = [body[i : i + 64] for i in range(0, len(body), 64)]
    return "\n".join([BEGIN, *lines, END]) + "\n"


def test_a_sealed_mapping_opens_to_the_same_values_and_names_its_file(
    reader: x25519.Identity,
) -> None:
    opened = yaml.safe_load(open_bytes(_sealed(reader), [reader]))
    assert opened == {"sealed_for": PATH, "email": "ada@example.com", "avoid": ["bo"]}


def test_any_key_listed_opens_it_whatever_its_place(reader: x25519.Identity) -> None:
    strangers = [x25519.Identity.generate().to_public() for _ in range(20)]
    armored = _sealed(reader, *strangers)  # the reader's key last: 20 others tried first
    assert b"ada@example.com" in open_bytes(armored, [reader])


def test_the_wrong_identity_is_told_to_ask_for_a_rekey(reader: x25519.Identity) -> None:
    with pytest.raises(SealError, match=r"cannot open this sealed value.*mentorkit rekey"):
        open_bytes(_sealed(reader), [x25519.Identity.generate()])


@pytest.mark.parametrize("where", ["tag", "text", "nonce", "mac"])
def test_a_changed_byte_is_a_seal_error(reader: x25519.Identity, where: str) -> None:
    with pytest.raises(SealError, match="cannot be decrypted"):
        open_bytes(_rewrapped(_sealed(reader), where), [reader])


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda text: text.replace(END, "") + END[:-5], id="end line cut"),
        pytest.param(lambda text: text.rstrip() + "\nmore text\n", id="text after the end"),
        pytest.param(
            lambda text: "\n".join([*text.splitlines()[:-2], END]), id="last line of the body lost"
        ),
        pytest.param(lambda text: text.replace("A", "é", 1), id="not ASCII"),
    ],
)
def test_damaged_armor_is_a_seal_error(
    reader: x25519.Identity, damage: Callable[[str], str]
) -> None:
    armored = damage(_sealed(reader))
    with pytest.raises(SealError):
        open_bytes(armored, [reader])
