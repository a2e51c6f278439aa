"""The public demo identity is for the example program only."""

from __future__ import annotations

from mentorkit.sealing.keys import DEMO_RECIPIENT, parse_identities
from mentorkit.workflow.initialize import InitOptions, plan_init
from tests.conftest import DEMO_IDENTITY
from tests.workflow.conftest import TODAY


def test_the_committed_demo_identity_is_the_demo_key_and_says_it_is_public() -> None:
    text = DEMO_IDENTITY.read_text(encoding="utf-8")
    assert str(parse_identities(text)[0].to_public()) == DEMO_RECIPIENT
    assert "PUBLIC DEMO KEY - NOT A SECRET" in text.splitlines()[0]


def test_init_never_uses_the_demo_key() -> None:
    files = plan_init(InitOptions("New Program", "lead", TODAY))
    assert not any(DEMO_RECIPIENT in text or "AGE-SECRET-KEY" in text for text in files.values())
