"""text-chars finds a refused character inside an opened sealed value, at the sealed line.

The check searches a document's text once instead of each string; an opened value is
spelled in the decrypted YAML, not in the file, so that text must be searched too.
"""

from __future__ import annotations

from typing import Any

import pytest

from mentorkit.checks import text_chars
from mentorkit.loading.repository import load_repository
from mentorkit.sealing.crypto import seal_mapping
from mentorkit.sealing.keys import parse_recipients
from mentorkit.sealing.opening import OpenedDocument, open_repository, opener
from mentorkit.validation import check_loaded
from tests.sealing.conftest import SealedRepo

EVE = "participants/eve.yaml"


def _seal_eve(sealed_repo: SealedRepo, values: dict[str, Any]) -> int:
    """Eve's file with ``values`` sealed (as `seal` writes them); the sealed line."""
    path = sealed_repo.root / EVE
    text = path.read_text(encoding="utf-8").replace("email: eve@example.com\navoid: [ann]\n", "")
    armored = seal_mapping(values, parse_recipients([sealed_repo.coordinator.public]), EVE)
    body = "".join(f"  {line}\n" for line in armored.splitlines())
    path.write_text(f"{text}sealed: |\n{body}", encoding="utf-8")
    return text.count("\n") + 1


class _Walked:
    """A document seen without the whole-text shortcut: every string is checked."""

    def __init__(self, doc: OpenedDocument) -> None:
        self.doc = doc
        self.path, self.data, self.locate = doc.path, doc.data, doc.locate

    def literal_text(self) -> None:
        return None


@pytest.mark.parametrize(
    "email",
    [
        "eve\u202e@example.com",  # a bidirectional override: dumped as it is
        "eve\ufdd0@example.com",  # a noncharacter: dumped as it is
        "eve\x9b@example.com",  # a C1 control: dumped as an escape
        "eve\x07@example.com",  # a C0 control: dumped as an escape
    ],
    ids=["bidi", "nonchar", "c1", "c0"],
)
def test_a_refused_character_in_an_opened_value_is_found_at_the_sealed_line(
    sealed_repo: SealedRepo, email: str
) -> None:
    line = _seal_eve(sealed_repo, {"email": email, "avoid": ["ann"]})
    identity = sealed_repo.identity_file.read_text(encoding="utf-8")
    loaded = load_repository(sealed_repo.root, opener=opener(identity))
    result = check_loaded(loaded, identity=identity)
    # An error inside a sealed value sets its file aside (see sealing.set_aside): one
    # sealed-open problem at the sealed line names the code, never the value.
    found = [p for p in result.problems if p.path == EVE and p.level == "error"]
    assert [(p.line, p.code) for p in found] == [(line, "sealed-open")]
    assert "text-chars" in found[0].message and "@example.com" not in found[0].message

    # The shortcut reports exactly what checking every string reports.
    opened = open_repository(loaded, identity).loaded
    doc = opened.documents[EVE]
    assert isinstance(doc, OpenedDocument) and doc.sealed_keys == {"email", "avoid"}
    walked = _Walked(doc)
    files = type(opened)(opened.root, {EVE: walked}, {EVE: "participant"})  # type: ignore[dict-item]
    shortcut = type(opened)(opened.root, {EVE: doc}, {EVE: "participant"})
    assert list(text_chars.check_files(shortcut)) == list(text_chars.check_files(files))


def test_clean_opened_values_need_no_walk(sealed_repo: SealedRepo) -> None:
    _seal_eve(sealed_repo, {"email": "eve@example.com", "avoid": ["ann"]})
    identity = sealed_repo.identity_file.read_text(encoding="utf-8")
    opened = open_repository(load_repository(sealed_repo.root), identity).loaded
    doc = opened.documents[EVE]
    assert isinstance(doc, OpenedDocument)
    text = doc.literal_text()
    assert text is not None and "eve@example.com" in text and "sealed: |" in text
    assert list(text_chars.check_files(opened)) == []
