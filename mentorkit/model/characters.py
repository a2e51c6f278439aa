"""The one home for which characters program text may carry.

Text people write travels through YAML (page front matter), XML (the RSS feed), HTML and
Markdown. Some characters cannot travel at all: YAML refuses C0/C1 controls (other than
tab and line breaks), DEL, U+FFFE/U+FFFF and lone surrogates; XML 1.0 refuses the C0
controls, surrogates and U+FFFE/U+FFFF. A parser that meets one either fails or, as
MkDocs does with front matter, silently falls back to reading the text as something
else. Unicode noncharacters have no business in text either. Bidirectional embedding,
override and isolate controls are valid everywhere but reorder what a reader sees
(a name that displays as another's, a link that reads backwards), so they are refused
too. Validation refuses all of these (``checks.text_chars``); the site layer also
replaces any that slip through (``carried``) so a page is never built from them.
"""

from __future__ import annotations

import re
import unicodedata

# C0 controls except tab and newline; DEL and the C1 block; surrogates; the
# noncharacters U+FDD0-U+FDEF and the last two code points of every plane.
_UNCARRIED_CLASS = (
    "\x00-\x08\x0b-\x1f\x7f-\x9f"  # C0 except \t \n, DEL, C1
    "\ud800-\udfff"  # lone surrogates (a well-formed str never pairs them)
    "\ufdd0-\ufdef"  # noncharacters
    + "".join(chr(plane * 0x10000 + 0xFFFE) + chr(plane * 0x10000 + 0xFFFF) for plane in range(17))
)
# Bidirectional embeddings, overrides and isolates (the "Trojan Source" set). The
# direction marks (U+200E/U+200F/U+061C) stay allowed: right-to-left names need them.
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"

_UNCARRIED = re.compile(f"[{_UNCARRIED_CLASS}{BIDI_CONTROLS}]")
# The same rule for ASCII text, which is most text: a class of a few ranges is searched
# ~10x faster than the full one with its code points in every plane.
_UNCARRIED_ASCII = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


def first_uncarried(text: str) -> str | None:
    """The first character ``text`` may not carry, or None when it is clean."""
    found = (_UNCARRIED_ASCII if text.isascii() else _UNCARRIED).search(text)
    return found.group(0) if found else None


def describe(char: str) -> str:
    """A character as a reader can identify it: code point and kind."""
    code = ord(char)
    if char in BIDI_CONTROLS:
        kind = "a bidirectional control that reorders how text is shown"
    elif 0xD800 <= code <= 0xDFFF:
        kind = "a lone surrogate"
    elif unicodedata.category(char) == "Cc":
        kind = "a control character"
    else:
        kind = "a Unicode noncharacter"
    return f"U+{code:04X} ({kind})"


def carried(text: str) -> str:
    """``text`` with every character it may not carry replaced by U+FFFD.

    Validation refuses such text; this is the site's second line, so that data which
    bypassed validation still cannot reach a parser that would choke on it.
    """
    return _UNCARRIED.sub("\ufffd", text)
