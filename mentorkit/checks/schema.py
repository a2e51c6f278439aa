"""Every file matches the JSON Schema of its kind.

Code: ``schema``.

Passing (participants/ada.yaml)::

    id: ada
    name: Ada Lovelace
    department: Engineering
    level: 5
    timezone: Europe/London

Failing: a misspelt field and a YAML 1.1 boolean::

    id: ada
    name: Ada Lovelace
    department: Engineering
    level: 5
    timezone: Europe/London
    pronoun: she/her     # schema: unknown field 'pronoun' (did you mean 'pronouns'?)
    public: no           # schema: 'no' is not a boolean; write false
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Iterator
from functools import cache
from typing import Any

import jsonschema
import jsonschema_rs

from mentorkit.loading.schemas import load_schema
from mentorkit.loading.yaml_scalars import YAML11_BOOLEAN_WORDS
from mentorkit.model.source import Document, Documents
from mentorkit.problems import Problem, shown

CODE = "schema"

_TYPE_WORDS = {
    "integer": "a whole number",
    "number": "a number",
    "string": "text",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping",
    "null": "empty",
}
_PATTERN_HINTS = {
    "^[a-z0-9][a-z0-9-]{1,38}$": "an id: 2-39 lower-case letters, digits and hyphens, starting with a letter or digit",
    "^[a-z0-9][a-z0-9-]{0,48}$": "a skill id: lower-case letters, digits and hyphens",
    "^[a-z]{2}$": "a two-letter ISO 639-1 language code such as en or de",
}


@cache
def _validator(kind: str) -> jsonschema.protocols.Validator:
    schema = load_schema(kind)
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


@cache
def _fast_validator(kind: str) -> Any:
    # A compiled validator answers "is this valid?" ~100x faster; details come from jsonschema.
    return jsonschema_rs.validator_for(load_schema(kind), validate_formats=True)


def _is_valid_fast(kind: str, data: Any) -> bool:
    try:
        return bool(_fast_validator(kind).is_valid(data))
    except (ValueError, TypeError, OverflowError):  # inf/nan and the like: ask jsonschema
        return False


def _where(path: tuple[Any, ...]) -> str:
    if not path:
        return "the file"
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


_LEADING_ZERO = re.compile(r"^[-+]?0[0-9]+$")
_SEXAGESIMAL = re.compile(r"^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$")
_NOT_FINITE = re.compile(r"^[-+]?\.(inf|Inf|INF)$|^\.(nan|NaN|NAN)$")


def _type_hint(value: Any, expected: list[str]) -> str:
    """A fix for the usual slips: a quoted number, a single value where a list belongs.

    The YAML reader keeps ambiguous numbers as text (see ``yaml_reader._plain_scalar``);
    these hints say why.
    """
    if isinstance(value, str) and ("integer" in expected or "number" in expected):
        if _LEADING_ZERO.match(value):
            return (
                f" (write it without the leading zero; YAML 1.1 tools read {value} as an "
                "octal number)"
            )
        if _SEXAGESIMAL.match(value):
            return " (YAML 1.1 tools read a:b as a base-60 number; write one plain number)"
        if _NOT_FINITE.match(value):
            return " (infinity and NaN are not allowed)"
        try:
            number = float(value)
        except ValueError:
            return ""
        return " (remove the quotes)" if math.isfinite(number) and len(value) <= 100 else ""
    if "array" in expected and isinstance(value, str | int | float) and not isinstance(value, bool):
        return f" (write [{value}])" if len(str(value)) <= 60 else " (write it as a list)"
    return ""


Described = list[tuple[tuple[Any, ...], bool, str]]  # (key path, point at the key?, message)


def _unknown_fields(
    error: jsonschema.ValidationError, path: tuple[Any, ...], where: str
) -> Described | None:
    value: Any = error.instance
    if not isinstance(value, dict):
        return None
    allowed = sorted(error.schema.get("properties", {}))  # type: ignore[union-attr]
    out = []
    for extra in sorted(set(value) - set(allowed)):
        close = difflib.get_close_matches(extra, allowed, n=1, cutoff=0.6)
        hint = (
            f" (did you mean {close[0]!r}?)" if close else f"; allowed here: {', '.join(allowed)}"
        )
        out.append(((*path, extra), True, f"{where}: unknown field {shown(extra)}{hint}"))
    return out


def _required(error: jsonschema.ValidationError, path: tuple[Any, ...], where: str) -> Described:
    missing = error.message.split("'")[1] if "'" in error.message else error.message
    return [(path, False, f"{where}: the required field {missing!r} is missing")]


def _wrong_type(error: jsonschema.ValidationError, path: tuple[Any, ...], where: str) -> Described:
    value: Any = error.instance
    expected_value: Any = error.validator_value
    expected: list[str] = expected_value if isinstance(expected_value, list) else [expected_value]
    if "boolean" in expected and isinstance(value, str) and value in YAML11_BOOLEAN_WORDS:
        hint = "true" if value.lower() in ("yes", "on", "y") else "false"
        message = (
            f"{shown(value)} is not a boolean; write {hint} (YAML 1.2 reads {shown(value)} as text)"
        )
        return [(path, False, f"{where}: {message}")]
    words = " or ".join(_TYPE_WORDS.get(t, t) for t in expected)
    return [
        (path, False, f"{where}: {shown(value)} should be {words}{_type_hint(value, expected)}")
    ]


def _value_message(error: jsonschema.ValidationError) -> str | None:
    """What is wrong with a single value, in words; None for an error of another kind."""
    kind: Any = error.validator
    value: Any = error.instance
    expected: Any = error.validator_value
    if kind == "enum":
        options = [str(o) for o in expected]
        close = difflib.get_close_matches(str(value), options, n=1, cutoff=0.6)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        return f"{shown(value)} is not one of {', '.join(options)}{hint}"
    if kind == "format" and expected == "date":
        return f"{shown(value)} is not a real date (write YYYY-MM-DD)"
    if kind == "pattern":
        if str(expected) in _PATTERN_HINTS:
            return f"{shown(value)} is not {_PATTERN_HINTS[str(expected)]}"
        return f"{shown(value)} does not match the pattern {expected}"
    if kind in ("minimum", "maximum"):
        side = "at least" if kind == "minimum" else "at most"
        return f"{shown(value)} should be {side} {expected}"
    return _size_message(kind, value, expected)


def _size_message(kind: Any, value: Any, expected: Any) -> str | None:
    if kind == "uniqueItems":
        return "the list repeats an item"
    if kind == "maxLength" and isinstance(value, str):
        return f"{len(value):,} characters; at most {expected} fit here"
    if kind == "minLength":
        return "must not be empty"
    if kind in ("minItems", "maxItems") and isinstance(value, list):
        limit = "at least" if kind == "minItems" else "at most"
        return f"{len(value)} item(s); {limit} {expected} allowed"
    return None


def _describe(error: jsonschema.ValidationError) -> Described:
    """(key path, point at the key?, message) for one schema error."""
    path = tuple(error.absolute_path)
    where = _where(path)
    if error.validator == "additionalProperties":
        unknown = _unknown_fields(error, path, where)
        if unknown is not None:
            return unknown
    if error.validator == "required":
        return _required(error, path, where)
    if error.validator == "type":
        return _wrong_type(error, path, where)
    message = _value_message(error)
    if message is None:
        message = error.message if len(error.message) <= 200 else error.message[:200] + "…"
    return [(path, False, f"{where}: {message}")]


def check_document(doc: Document, kind: str) -> Iterator[Problem]:
    if _is_valid_fast(kind, doc.data):
        return
    errors = sorted(
        _validator(kind).iter_errors(doc.data),
        key=lambda e: (list(map(str, e.absolute_path)), e.validator),
    )
    # A date fails both its pattern and its format; the format's words are the clearer.
    dated = {tuple(e.absolute_path) for e in errors if e.validator == "format"}
    for error in errors:
        if error.validator == "pattern" and tuple(error.absolute_path) in dated:
            continue
        for keypath, at_key, message in _describe(error):
            line, col = doc.locate(keypath, key=at_key)
            yield Problem(doc.path, line, col, "error", CODE, message)


def check_files(files: Documents) -> Iterator[Problem]:
    for path, doc in files.documents.items():
        yield from check_document(doc, files.kinds[path])
