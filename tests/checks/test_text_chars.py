"""text-chars finds a refused character however it was written: literally, escaped, or
next to an escape elsewhere in the file (the whole-text shortcut must not hide any)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from mentorkit.checks import text_chars
from mentorkit.loading.yaml_reader import LoadedDocument, parse_yaml
from mentorkit.model.source import Document


@dataclass(frozen=True)
class Files:
    documents: dict[str, Document]
    kinds: dict[str, str]


def _problems(text: str) -> list[tuple[int, str]]:
    doc = parse_yaml(text.encode("utf-8"), "participants/x.yaml")
    assert isinstance(doc, LoadedDocument), doc
    files = Files({doc.path: doc}, {doc.path: "participant"})
    return [(p.line, p.message.split(" contains ")[0]) for p in text_chars.check_files(files)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("id: x\nname: Ada\n", []),
        ("id: x\nname: Ada\u202eBerg\n", [(2, "name")]),  # literal, no escape in the file
        ("id: x\nname: 'Ada'\nbio: \"a\\u202e\"\n", [(3, "bio")]),  # escaped
        ('id: x\nnote: "C:\\\\tmp"\ndepartment: Da\u2066ta\n', [(3, "department")]),
        ("id: x\ntags: [a, 'b\u2067']\n", [(2, "tags[1]")]),
        ('id: x\n"k\\x85": 1\n', [(2, "the key k\x85")]),
    ],
)
def test_refused_characters_are_found_however_written(
    text: str, found: list[tuple[int, str]]
) -> None:
    assert _problems(text) == found
