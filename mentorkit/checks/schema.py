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

from mentorkit.loading.schemas import load_schema
from mentorkit.loading.yaml_scalars import YAML11_BOOLEAN_WORDS
from mentorkit.model.source import Document, Documents
from mentorkit.problems import Problem, shown

CODE = "schema"

jsonschema_rs: Any
try:  # a compiled validator answers "is this valid?" ~100x faster; details come from jsonschema
    import jsonschema_rs
except ImportError:  # pragma: no cover
    jsonschema_rs = None

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
    if jsonschema_rs is None:
        return None
    return jsonschema_rs.validator_for(load_schema(kind), validate_formats=True)


def _is_valid_fast(kind: str, data: Any) -> bool:
    fast = _fast_validator(kind)
    if fast is None:
        return False
    try:
        return bool(fast.is_valid(data))
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


def _describe(error: jsonschema.ValidationError) -> list[tuple[tuple[Any, ...], bool, str]]:
    """(key path, point at the key?, message) for one schema error."""
    path = tuple(error.absolute_path)
    where = _where(path)
    value: Any = error.instance
    kind: Any = error.validator
    expected_value: Any = error.validator_value
    schema_part: Any = error.schema
    if kind == "additionalProperties" and isinstance(value, dict):
        allowed = sorted(schema_part.get("properties", {}))
        out = []
        for extra in sorted(set(value) - set(allowed)):
            close = difflib.get_close_matches(extra, allowed, n=1, cutoff=0.6)
            hint = (
                f" (did you mean {close[0]!r}?)"
                if close
                else f"; allowed here: {', '.join(allowed)}"
            )
            out.append(((*path, extra), True, f"{where}: unknown field {shown(extra)}{hint}"))
        return out
    if kind == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        return [(path, False, f"{where}: the required field {missing!r} is missing")]
    if kind == "type":
        expected: list[str] = (
            expected_value if isinstance(expected_value, list) else [expected_value]
        )
        words = " or ".join(_TYPE_WORDS.get(t, t) for t in expected)
        if "boolean" in expected and isinstance(value, str) and value in YAML11_BOOLEAN_WORDS:
            hint = "true" if value.lower() in ("yes", "on", "y") else "false"
            return [
                (
                    path,
                    False,
                    f"{where}: {shown(value)} is not a boolean; write {hint} (YAML 1.2 reads {shown(value)} as text)",
                )
            ]
        return [
            (path, False, f"{where}: {shown(value)} should be {words}{_type_hint(value, expected)}")
        ]
    if kind == "enum":
        options = [str(o) for o in expected_value]
        close = difflib.get_close_matches(str(value), options, n=1, cutoff=0.6)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        return [(path, False, f"{where}: {shown(value)} is not one of {', '.join(options)}{hint}")]
    if kind == "format" and expected_value == "date":
        return [(path, False, f"{where}: {shown(value)} is not a real date (write YYYY-MM-DD)")]
    if kind == "pattern":
        hint = _PATTERN_HINTS.get(str(expected_value), f"the pattern {expected_value}")
        return [
            (
                path,
                False,
                f"{where}: {shown(value)} is not {hint}"
                if str(expected_value) in _PATTERN_HINTS
                else f"{where}: {shown(value)} does not match {hint}",
            )
        ]
    if kind in ("minimum", "maximum"):
        side = "at least" if kind == "minimum" else "at most"
        return [(path, False, f"{where}: {shown(value)} should be {side} {expected_value}")]
    if kind == "uniqueItems":
        return [(path, False, f"{where}: the list repeats an item")]
    if kind == "maxLength" and isinstance(value, str):
        return [
            (path, False, f"{where}: {len(value):,} characters; at most {expected_value} fit here")
        ]
    if kind == "minLength":
        return [(path, False, f"{where}: must not be empty")]
    if kind in ("minItems", "maxItems") and isinstance(value, list):
        limit = "at least" if kind == "minItems" else "at most"
        return [(path, False, f"{where}: {len(value)} item(s); {limit} {expected_value} allowed")]
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
