"""Display names that look the same to a reader: one folding, shared by checks and review.

A reader compares names by eye. ``skeleton`` folds what the eye does not see: Unicode
compatibility forms (NFKC: fullwidth letters, ligatures), letter case (casefold),
accents and other combining marks, invisible characters (zero-width, fillers, variation
selectors), whitespace runs, and the commonest cross-script look-alikes (Cyrillic and
Greek letters that are drawn like Latin ones, digits drawn like letters). It is an
approximation of the Unicode confusable skeleton (UTS #39) sized for names.
"""

from __future__ import annotations

import re
import unicodedata

# Letters and digits drawn like a Latin letter (after casefolding). One pass: anything
# drawn like "i" maps straight to "l", as "i" itself does.
_LOOK_ALIKE = str.maketrans(
    {
        # Cyrillic
        "а": "a", "в": "b", "г": "r", "е": "e", "ё": "e", "з": "3", "і": "l", "ї": "l",
        "ј": "j", "к": "k", "м": "m", "н": "h", "о": "o", "п": "n", "р": "p", "с": "c",
        "т": "t", "у": "y", "х": "x", "ѕ": "s", "ԁ": "d", "һ": "h", "ӏ": "l", "ԛ": "q",
        "ԝ": "w", "ь": "b", "ү": "y",
        # Greek
        "α": "a", "β": "b", "γ": "y", "ε": "e", "η": "n", "ι": "l", "κ": "k", "μ": "u",
        "ν": "v", "ο": "o", "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "ω": "w", "ϲ": "c",
        # Latin letters and digits that pass for others
        "ı": "l", "ɡ": "g", "ɑ": "a", "ſ": "s", "0": "o", "1": "l", "i": "l", "|": "l",
    }
)  # fmt: skip
# Characters that take no visible space: format controls, fillers that render blank,
# variation selectors and tags.
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u2800\u3164\ufe00-\ufe0f\ufeff\uffa0\U000e0000-\U000e007f"
    "\U000e0100-\U000e01ef]"
)


def without_invisible(text: str) -> str:
    """``text`` with every invisible character removed (whitespace is kept: it is seen)."""
    return "".join(
        ch
        for ch in _INVISIBLE.sub("", text)
        if ch.isspace() or unicodedata.category(ch) not in ("Cf", "Cc")
    )


def skeleton(name: str) -> str:
    """What a reader sees of ``name``: two names with one skeleton look alike."""
    if name.isascii() and name.isprintable():
        # printable ASCII has nothing invisible, no compatibility form and no mark:
        # the folding below would return it unchanged apart from case (most names)
        bare = name.casefold()
    else:
        folded = unicodedata.normalize("NFKC", without_invisible(name)).casefold()
        bare = "".join(
            ch for ch in unicodedata.normalize("NFD", folded) if not unicodedata.combining(ch)
        )
    squeezed = " ".join(bare.split()).translate(_LOOK_ALIKE)
    return squeezed.replace("rn", "m").replace("vv", "w")
