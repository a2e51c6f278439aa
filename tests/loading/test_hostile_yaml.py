"""Hostile and sloppy YAML: each gives one clear problem at the right place, or a plain value."""

from __future__ import annotations

import pytest

from mentorkit.loading.yaml_reader import LoadedDocument, parse_yaml
from mentorkit.problems import Problem


def load(text: str) -> LoadedDocument | Problem:
    return parse_yaml(text.encode("utf-8", "surrogatepass"), "participants/x.yaml")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("v: 010\n", "010"),  # YAML 1.1 reads octal 8, YAML 1.2 reads 10: keep the text
        ("v: -007\n", "-007"),
        ("v: 0\n", 0),
        ("v: 0o10\n", 8),  # explicit YAML 1.2 octal is unambiguous
        ("v: 1:20\n", "1:20"),  # YAML 1.1 sexagesimal
        ("v: .NaN\n", ".NaN"),
        ("v: -.inf\n", "-.inf"),
        ("v: 1e999\n", "1e999"),  # overflows to infinity
        ("v: " + "9" * 5000 + "\n", "9" * 5000),  # beyond Python's int conversion limit
        ("v: 0x" + "f" * 3000 + "\n", "0x" + "f" * 3000),
        ("v: 3.5\n", 3.5),
    ],
)
def test_ambiguous_or_unusable_numbers_stay_text(text: str, value: object) -> None:
    doc = load(text)
    assert isinstance(doc, LoadedDocument), doc
    assert doc.data == {"v": value}


@pytest.mark.parametrize(
    ("text", "line", "col", "code", "words"),
    [
        ("a: 1\nb: x\x07y\n", 2, 5, "yaml-syntax", "control character U+0007"),
        ("a: 1\nb: x\x85y\n", 2, 5, "encoding", "NEL"),
        ("a: 1\nb: x\u2028y\n", 2, 5, "encoding", "line separator"),
        ("a: 1\n\ufeffb: 2\n", 2, 1, "encoding", "byte-order mark"),
        ("a: 1\n---\nb: 2\n", 2, 1, "yaml-syntax", "one YAML document"),
        ("a: 1\n...\njunk: 2\n", 3, 1, "yaml-syntax", "one YAML document"),
        ("a:\n\tb: 1\n", 2, 1, "yaml-syntax", "a tab cannot indent"),
        ("a: 1\n" + "k" * 2000 + ": 1\n", 2, 2001, "yaml-syntax", "at most 1024 characters"),
        ('a: "\\ud800"\n', 1, 7, "yaml-syntax", "escape"),
        ("a: !!binary aGVsbG8=\n", 1, 4, "yaml-tag", "binary"),
        ("a: !!set {x, y}\n", 1, 4, "yaml-tag", "set"),
        ("a: !!omap [b: 1]\n", 1, 4, "yaml-tag", "omap"),
        ("a: !!str {b: 1}\n", 1, 4, "yaml-tag", "str"),
        ("%TAG !e! tag:example.com,2000:\n---\na: !e!x y\n", 3, 4, "yaml-tag", "example.com"),
        ("? [a, b]\n: x\n", 1, 3, "yaml-key", "plain text"),
        ("a: " + "{b: " * 40 + "1" + "}" * 40 + "\n", 1, 4 * 32 + 4, "yaml-depth", "32"),
    ],
)
def test_hostile_input_gives_one_located_problem(
    text: str, line: int, col: int, code: str, words: str
) -> None:
    problem = load(text)
    assert isinstance(problem, Problem), problem
    assert (problem.line, problem.col, problem.code) == (line, col, code), problem
    assert words in problem.message
    assert "\n" not in problem.message


@pytest.mark.parametrize(
    ("text", "data"),
    [
        ("a: !!str 12\n", {"a": "12"}),  # an explicit string tag on a scalar is harmless
        ("a: &x 1\n", {"a": 1}),  # an anchor nobody refers to cannot amplify anything
        ("a: 1\r\nb: two\r\n", {"a": 1, "b": "two"}),
        ("12: x\nnull: y\n", {"12": "x", "null": "y"}),  # keys are the text as written
        ("%YAML 1.1\n---\na: no\n", {"a": "no"}),
    ],
)
def test_deliberately_accepted(text: str, data: object) -> None:
    doc = load(text)
    assert isinstance(doc, LoadedDocument), doc
    assert doc.data == data
