"""What decrypting one sealed value costs, by the size of its age header.

    python bench/sealed_header.py [--runs 5]

pyrage 1.4's ``decrypt`` parses an age header in time quadratic in its size, before
any key is tried; ``decrypt_io`` with a buffered reader, which mentorkit uses
(``sealing.crypto._decrypt``), parses it once. Either way a value sealed to many keys
(anyone can seal to the public keys) costs every run holding the identity, and the age
tool reads it too, so mentorkit refuses, without any secret, a header above
``MAX_STANZAS`` stanzas or ``MAX_HEADER_BYTES`` bytes (``sealing.crypto``). Prints the
best-of-runs time of both ways to decrypt: a value sealed to 1 key, to 4 (3
coordinators and the owner), to the most stanzas allowed (X25519 keys, the reader's
first and last), a header padded with one stanza to the byte limit (what an attacker
can still pass, built by hand: its MAC is invalid, which pyrage finds only after
parsing), and the sizes refused today. Record `uptime` beside the figures: the machine
is shared.
"""

from __future__ import annotations

import argparse
import base64
import io
import time
from collections.abc import Callable

import pyrage
from pyrage import x25519

from mentorkit.sealing.crypto import MAX_HEADER_BYTES, MAX_STANZAS, armor_problem

PLAIN = b"sealed_for: participants/x.yaml\nemail: x@example.com\n"


def _best(runs: int, work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def _decrypt(data: bytes, reader: x25519.Identity, buffered: bool) -> Callable[[], object]:
    def work() -> object:
        try:
            if buffered:
                pyrage.decrypt_io(io.BytesIO(data), io.BytesIO(), [reader])
                return None
            return pyrage.decrypt(data, [reader])
        except (pyrage.DecryptError, OSError):
            return None  # a padded header: its MAC is invalid, found after parsing

    return work


def _sealed(reader: x25519.Identity, keys: int, *, last: bool = False) -> bytes:
    others = [x25519.Identity.generate().to_public() for _ in range(keys - 1)]
    mine = reader.to_public()
    out: bytes = pyrage.encrypt(PLAIN, [*others, mine] if last else [mine, *others])
    return out


def _padded(reader: x25519.Identity, size: int) -> bytes:
    """A one-key value whose header is padded to ``size`` bytes with one stanza."""
    raw = _sealed(reader, 1)
    end = raw.index(b"\n---") + 1
    room = size - end - len(b"-> x-grease\n") - 2
    chars = room * 64 // 65 // 4 * 4  # a newline every 64 characters
    body = base64.b64encode(bytes(chars * 3 // 4))
    lines = b"\n".join(body[i : i + 64] for i in range(0, len(body), 64))
    tail = b"\n" if len(body) % 64 else b"\n\n"
    return raw[:end] + b"-> x-grease\n" + lines + tail + raw[end:]


def _armor(raw: bytes) -> str:
    body = base64.b64encode(raw).decode()
    rows = [body[i : i + 64] for i in range(0, len(body), 64)]
    return "\n".join(
        ["-----BEGIN AGE ENCRYPTED FILE-----", *rows, "-----END AGE ENCRYPTED FILE-----"]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    reader = x25519.Identity.generate()
    cases = [
        ("1 key", _sealed(reader, 1)),
        ("4 keys", _sealed(reader, 4)),
        (f"{MAX_STANZAS - 1} keys + grease (the stanza limit)", _sealed(reader, MAX_STANZAS - 1)),
        (f"{MAX_STANZAS - 1} keys, the reader's last", _sealed(reader, MAX_STANZAS - 1, last=True)),
        (
            f"1 stanza padded to {MAX_HEADER_BYTES} B (the byte limit)",
            _padded(reader, MAX_HEADER_BYTES),
        ),
        ("300 keys (refused)", _sealed(reader, 300)),
        ("1 stanza padded to 54 KiB (refused)", _padded(reader, 54 * 1024)),
    ]
    print(f"{'':<48} {'':>13}  {'':<7} {'decrypt':>10} {'decrypt_io (used)':>18}")
    for label, data in cases:
        header = data.index(b"\n---") + 1
        verdict = "refused" if armor_problem(_armor(data)) else "passes"
        slow, used = (_best(args.runs, _decrypt(data, reader, way)) for way in (False, True))
        print(
            f"{label:<48} header {header:>6} B  {verdict:<7} "
            f"{slow * 1000:7.2f} ms {used * 1000:15.2f} ms"
        )


if __name__ == "__main__":
    main()
