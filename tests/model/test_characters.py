"""The ASCII shortcut of ``first_uncarried`` refuses exactly what the full rule refuses."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from mentorkit.model.characters import _UNCARRIED, first_uncarried


def _full_rule(text: str) -> str | None:
    found = _UNCARRIED.search(text)
    return found.group(0) if found else None


def test_every_ascii_character_is_judged_as_by_the_full_rule() -> None:
    for code in range(128):
        text = f"ab{chr(code)}c"
        assert first_uncarried(text) == _full_rule(text), hex(code)
    assert first_uncarried("name: Ada\r\n") == "\r"
    assert first_uncarried("a\tb\nc ~") is None


@given(st.text(alphabet=st.characters(codec="ascii")) | st.text())
def test_the_first_refused_character_is_the_full_rules(text: str) -> None:
    assert first_uncarried(text) == _full_rule(text)
