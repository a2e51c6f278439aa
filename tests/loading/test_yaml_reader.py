"""The YAML reader: YAML 1.2 values, positions, and a problem (never an exception) for bad input."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest

from mentorkit.loading.yaml_reader import LoadedDocument, parse_yaml
from mentorkit.model.source import KeyPath
from mentorkit.problems import Problem


def load(text: str | bytes) -> LoadedDocument | Problem:
    raw = text.encode() if isinstance(text, str) else text
    return parse_yaml(raw, "participants/x.yaml")


def data(text: str) -> object:
    result = load(text)
    assert isinstance(result, LoadedDocument), result
    return result.data


def problem(text: str | bytes) -> Problem:
    result = load(text)
    assert isinstance(result, Problem), result
    return result


def test_yaml_12_core_scalars() -> None:
    assert data(
        "a: no\nb: on\nc: yes\nd: true\ne: False\nf: ~\ng: 12\nh: 0x1f\ni: 1.5\nj: '7'\n"
    ) == {
        "a": "no",
        "b": "on",
        "c": "yes",
        "d": True,
        "e": False,
        "f": None,
        "g": 12,
        "h": 31,
        "i": 1.5,
        "j": "7",
    }


def test_dates_and_norway_stay_text() -> None:
    assert data("joined: 2026-09-01\nlanguages: [no, en]\n") == {
        "joined": "2026-09-01",
        "languages": ["no", "en"],
    }


def test_positions_of_values_and_keys() -> None:
    doc = load("id: ada\nmentee:\n  goals:\n    - skill: python\n      note: x\n")
    assert isinstance(doc, LoadedDocument)
    assert doc.locate(("mentee", "goals", 0, "skill")) == (4, 14)
    assert doc.locate(("mentee", "goals", 0, "note"), key=True) == (5, 7)
    assert doc.locate(("mentee", "goals", 3, "missing")) == (4, 5)


@pytest.mark.parametrize(
    "text",
    [
        "id: ada\nname: 'Ada'\nmentee:\n  goals:\n    - skill: python\n",
        '# a comment\n\n---\n  id:   ada\n  "0": zero\n  tags: [a, b]\n',
        "{id: ada, mentor: {capacity: 2}, languages: [en]}\n",
        "id: >\n  folded\n  text\nlevel: 3\n",
    ],
)
def test_top_level_positions_agree_with_a_full_parse(text: str) -> None:
    """A top-level field is located from the first parse (no second parse of the file);
    the answer must be the one a full parse of the positions gives."""
    doc = load(text)
    assert isinstance(doc, LoadedDocument) and doc.top is not None
    full = replace(doc, top=None)
    paths: list[KeyPath] = [(), ("missing",), (0,), *((k,) for k in doc.data)]
    for keypath in paths:
        for key in (False, True):
            assert doc.locate(keypath, key=key) == full.locate(keypath, key=key), keypath


@pytest.mark.parametrize(
    ("text", "code", "line"),
    [
        ("a: 1\nb: 2\na: 3\n", "duplicate-key", 3),
        ("a: [1, 2\n", "yaml-syntax", 2),
        ("a: &x 1\nb: *x\n", "yaml-alias", 1),
        ("a: !!python/object/apply:os.system [ls]\n", "yaml-tag", 1),
        ("a: !custom 1\n", "yaml-tag", 1),
        ("<<: {a: 1}\n", "yaml-alias", 1),
        ("", "empty-file", 1),
        ("# nothing\n", "empty-file", 1),
        ("- a\n", "not-a-mapping", 1),
        ("just text\n", "not-a-mapping", 1),
        ("a: 1\n---\nb: 2\n", "yaml-syntax", 2),
        ("? [a, b]\n: 1\n", "yaml-key", 1),
    ],
)
def test_bad_input_is_a_problem(text: str, code: str, line: int) -> None:
    found = problem(text)
    assert (found.code, found.line) == (code, line)
    assert found.path == "participants/x.yaml"


def test_duplicate_key_names_first_line() -> None:
    assert "first defined on line 1" in problem("level: 1\nname: x\nlevel: 2\n").message


def test_non_utf8_reports_line() -> None:
    found = problem(b"id: ada\nname: J\xe9r\xf4me\n")
    assert (found.code, found.line, found.col) == ("encoding", 2, 8)


def test_utf8_bom_is_accepted() -> None:
    assert data("\ufeffid: ada\n") == {"id": "ada"}


def test_oversized_file() -> None:
    found = parse_yaml(b"a: " + b"x" * 2000 + b"\n", "p.yaml", max_bytes=1000)
    assert isinstance(found, Problem) and found.code == "file-too-large"


def test_absurd_nesting_is_bounded() -> None:
    assert problem("a: " + "[" * 200 + "]" * 200 + "\n").code == "yaml-depth"
    assert problem("[" * 100_000).code in ("yaml-depth", "yaml-syntax")


def test_alias_bomb_is_refused_quickly() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    start = time.perf_counter()
    found = problem("\n".join(lines) + "\n")
    assert found.code == "yaml-alias"
    assert time.perf_counter() - start < 1.0


def test_recursive_alias_is_refused() -> None:
    assert problem("a: &a [*a]\n").code in ("yaml-alias", "yaml-syntax")


SAMPLES = (
    "id: ada\nlevel: 05\nbio: |\n  line one\n  line two\nskills: {python: 5}\nlist: [a, 'b']\n",
    "id: ada\nname: [unclosed\n",
    "a: &x 1\nb: *x\n",
    "- not a mapping\n",
)


@pytest.mark.parametrize("text", SAMPLES)
def test_the_pure_python_parser_reads_what_libyaml_reads(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PyYAML built without libyaml has no CParser: the reader falls back to PyYAML's pure
    Python parser, which must give the same values, positions and problems (libyaml words
    a syntax error its own way; where it is and its code are the same)."""
    from mentorkit.loading import yaml_reader

    def snapshot() -> object:
        found = load(text)
        if isinstance(found, Problem):
            return found.path, found.line, found.col, found.level, found.code
        return found.data, dict(found.positions), dict(found.key_positions)

    with_libyaml = snapshot()
    monkeypatch.setattr(yaml_reader, "_PositionedLoader", yaml_reader._PurePythonLoader)
    assert snapshot() == with_libyaml
