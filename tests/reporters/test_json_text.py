"""``--format json`` text: valid JSON that reads back as written, in the layout of
``json.dumps(indent=2, ensure_ascii=False)`` (the encoder changed; the output did not)."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from mentorkit.reporters import json_text

# What reports hold: text (any Unicode), counts, shares and scores, flags, nothing.
_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**63), 2**63 - 1),
    st.floats(min_value=-1e9, max_value=1e9).filter(lambda x: x == 0 or abs(x) >= 1e-4),
    st.text(),
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(st.lists(inner), st.dictionaries(st.text(), inner)),
    max_leaves=40,
)


@given(_VALUES)
def test_json_text_reads_back_in_the_standard_layout(value: Any) -> None:
    text = json_text(value)
    assert json.loads(text) == value
    assert text == json.dumps(value, indent=2, ensure_ascii=False) + "\n"


def test_an_integer_past_64_bits_still_encodes() -> None:
    assert json.loads(json_text({"n": 2**70})) == {"n": 2**70}
