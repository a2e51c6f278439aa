"""How mentorkit reads an untagged plain YAML scalar: YAML 1.2 core, minus silent guesses."""

from __future__ import annotations

import math
import re
from typing import Any

_INT = re.compile(r"^[-+]?[0-9]+$")
_OCT = re.compile(r"^0o[0-7]+$")
_HEX = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
SPECIAL_FIRST = frozenset("0123456789+-.~nNtTfF")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
YAML11_BOOLEAN_WORDS = frozenset(
    w for base in ("yes", "no", "on", "off", "y", "n") for w in (base, base.title(), base.upper())
)


# No field needs a number this long, and Python refuses to convert much longer ones.
MAX_NUMBER_CHARS = 100


def plain_scalar(value: str) -> Any:
    """YAML 1.2 core schema resolution of an untagged plain scalar, minus its silent guesses.

    Three deliberate departures keep the text instead of a number, so the schema can
    say what is wrong instead of accepting a value the writer did not mean: a
    leading zero (``010`` is 8 to YAML 1.1 tools and 10 to YAML 1.2 ones), NaN and
    infinities (no field has a use for them) and numbers too long to be meant.
    """
    if value in _NULLS:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    if len(value) > MAX_NUMBER_CHARS:
        return value
    if _INT.match(value):
        digits = value.lstrip("+-")
        return value if len(digits) > 1 and digits[0] == "0" else int(value)
    if _OCT.match(value):
        return int(value[2:], 8)
    if _HEX.match(value):
        return int(value[2:], 16)
    if _FLOAT.match(value):
        number = float(value)
        return number if math.isfinite(number) else value
    return value
