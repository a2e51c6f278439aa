"""Every check module declares its code and documents a passing and a failing example."""

from __future__ import annotations

import pytest

from mentorkit.checks import ALL_CHECKS, CHECKS
from tests.conftest import FIXTURES, REPO_ROOT


@pytest.mark.parametrize("module", ALL_CHECKS, ids=lambda m: m.__name__.rsplit(".", 1)[-1])
def test_check_is_documented(module: object) -> None:
    doc = module.__doc__ or ""
    assert f"``{module.CODE}``" in doc  # type: ignore[attr-defined]
    assert "Passing" in doc and "Failing" in doc


def test_codes_are_unique_and_each_has_a_fixture() -> None:
    codes = {module.CODE for module in ALL_CHECKS}
    assert len(codes) == len(ALL_CHECKS)
    cases = {p.name for p in (FIXTURES / "validate" / "cases").iterdir()}
    assert codes <= cases


@pytest.mark.parametrize("module", ALL_CHECKS, ids=lambda m: m.__name__.rsplit(".", 1)[-1])
def test_check_judges_the_model_or_the_files(module: object) -> None:
    assert callable(getattr(module, "check", None)) or callable(
        getattr(module, "check_files", None)
    )


def test_every_check_module_is_registered_once() -> None:
    """A new module in checks/ runs only once its name is in CHECKS (the one line to add)."""
    helpers = {"__init__", "base"}
    modules = {p.stem for p in (REPO_ROOT / "mentorkit" / "checks").glob("*.py")} - helpers
    assert sorted(CHECKS) == sorted(modules)
