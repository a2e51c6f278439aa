"""The text around the YAML: decoding bytes, characters that shift line numbers, and
libyaml's error messages made readable."""

from __future__ import annotations

import re

import yaml

from mentorkit.problems import Problem

Location = tuple[int, int]


def decode(raw: bytes, path: str) -> str | Problem:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return Problem(
            path,
            line,
            col,
            "error",
            "encoding",
            f"the file is not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save it as UTF-8",
        )


# Line breaks to libyaml (YAML 1.1) but not to editors or YAML 1.2, so line numbers would
# drift; a byte-order mark after the start is usually two files pasted together.
ODD_CHARACTERS = re.compile("[\x85\u2028\u2029\ufeff]")
ODD_CHARACTER_NAMES = {
    "\x85": "a NEL character (U+0085)",
    "\u2028": "a line separator (U+2028)",
    "\u2029": "a paragraph separator (U+2029)",
    "\ufeff": "a byte-order mark (U+FEFF) after the start of the file",
}
# libyaml gives up on a plain key this long and says only that it found no ':'.
_LONGEST_KEY = 1024


def line_col(text: str, index: int) -> Location:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def syntax_message(exc: yaml.MarkedYAMLError, text: str) -> str:
    """libyaml's words, with the usual cause added where its words alone puzzle people."""
    problem = exc.problem or exc.context or "invalid YAML"
    mark = exc.problem_mark or exc.context_mark
    lines = text.split("\n")
    line = lines[mark.line] if mark is not None and mark.line < len(lines) else ""
    upto = line[: mark.column + 1] if mark is not None else ""
    if problem in ("but found another document", "did not find expected <document start>"):
        return (
            "YAML syntax error: a file holds one YAML document; "
            "delete the '---' or '...' line and what follows it, or merge the two"
        )
    if problem.startswith("found character") and "\t" in upto:
        return f"YAML syntax error: {problem} (a tab cannot indent YAML; use spaces)"
    if problem == "could not find expected ':'" and len(line) > _LONGEST_KEY:
        return f"YAML syntax error: {problem} (a key may be at most {_LONGEST_KEY} characters)"
    return f"YAML syntax error: {problem}"
