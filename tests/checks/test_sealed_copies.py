"""sealed-copy compares sealed values by their armor text: a copy is caught however it was
re-indented, and a value that age would refuse to open is no copy worth refusing."""

from __future__ import annotations

from dataclasses import dataclass

import pyrage

from mentorkit.checks import sealed_copies
from mentorkit.loading.yaml_reader import LoadedDocument, parse_yaml
from mentorkit.model.source import Document
from mentorkit.sealing.keys import generate, parse_identities
from mentorkit.sealing.provenance import fingerprint


@dataclass(frozen=True)
class Files:
    documents: dict[str, Document]
    kinds: dict[str, str]


def _armor() -> tuple[str, str]:
    key = generate()
    recipient = pyrage.x25519.Recipient.from_str(key.public)
    armored = pyrage.encrypt(b"email: ada@example.com\n", [recipient], armored=True)
    return armored.decode("ascii"), key.secret


def _profile(person: str, sealed: str, indent: str = "  ") -> LoadedDocument:
    block = "".join(f"{indent}{line}\n" for line in sealed.strip().splitlines())
    doc = parse_yaml(f"id: {person}\nsealed: |\n{block}".encode(), f"participants/{person}.yaml")
    assert isinstance(doc, LoadedDocument), doc
    return doc


def _flagged(*docs: LoadedDocument) -> list[str]:
    files = Files({d.path: d for d in docs}, {d.path: "participant" for d in docs})
    return sorted(p.path for p in sealed_copies.check_files(files))


def test_a_copy_is_caught_however_it_is_indented() -> None:
    sealed, _ = _armor()
    ada, kofi = _profile("ada", sealed), _profile("kofi", sealed, indent="      ")
    assert _flagged(ada, kofi) == ["participants/ada.yaml", "participants/kofi.yaml"]


def test_values_sealed_separately_are_not_copies() -> None:
    first, second = _armor()[0], _armor()[0]
    assert _flagged(_profile("ada", first), _profile("kofi", second)) == []


def test_a_changed_copy_is_no_copy_and_age_will_not_open_it() -> None:
    sealed, secret = _armor()
    lines = sealed.strip().splitlines()
    last = lines[-2]
    # Another base64 symbol in the last line: either other bytes or a non-canonical
    # encoding of the same ones; age refuses the latter, so the copy gives nothing away.
    changed = "\n".join(
        [*lines[:-2], last[:-3] + ("A" if last[-3] != "A" else "B") + last[-2:], lines[-1]]
    )
    assert _flagged(_profile("ada", sealed), _profile("kofi", changed)) == []
    identities = parse_identities(secret)
    try:
        opened = pyrage.decrypt(changed.encode("ascii"), list(identities))
    except pyrage.DecryptError:
        opened = None
    assert opened is None


def test_text_that_is_not_armor_is_left_to_the_sealed_check() -> None:
    assert fingerprint("TODO") is None
    assert (
        fingerprint("-----BEGIN AGE ENCRYPTED FILE-----\n-----END AGE ENCRYPTED FILE-----") is None
    )
    same = "  TODO\n"
    assert _flagged(_profile("ada", same), _profile("kofi", same)) == []
