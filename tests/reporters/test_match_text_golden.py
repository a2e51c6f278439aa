"""Golden files for ``mentorkit match``'s text output, as a coordinator reads it.

Small results are a rich table; past ``reporters.text_table.RICH_ROWS`` rows a plain
aligned layout (same columns, same wrapping) replaces it, because rich's layout costs
about half a millisecond a row (a minute for 20,000 pairs). The golden files hold the
small outputs as they are; the second test holds the plain layout to the same text.
Regenerate after an intended change with ``MENTORKIT_UPDATE_GOLDEN=1`` and read the diff.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from mentorkit.cli.main import cli
from mentorkit.reporters import text_table
from tests.conftest import FIXTURES, REPO_ROOT

GOLDEN = Path(__file__).parent / "golden" / "match"
UPDATE = os.environ.get("MENTORKIT_UPDATE_GOLDEN") == "1"
IDENTITY = REPO_ROOT / "program" / "DEMO-IDENTITY-PUBLIC.txt"
CASES = {
    "fixture-spring": ("fixture", "spring"),
    "fixture-peers": ("fixture", "peers"),
    "fixture-circles": ("fixture", "circles"),
    "example-2026-autumn": ("example", "2026-autumn"),
    "example-circles-2027": ("example", "circles-2027"),
    "example-reverse-2027": ("example", "reverse-2027"),
}


def _match_text(tmp_path: Path, case: str) -> str:
    source, cohort = CASES[case]
    if source == "fixture":
        repo = Path(shutil.copytree(FIXTURES / "matching" / "repo", tmp_path / "repo"))
    else:
        repo = tmp_path / "repo"
        for part in ("program", "participants"):
            shutil.copytree(REPO_ROOT / part, repo / part)
    env = {"MENTORKIT_IDENTITY": str(IDENTITY)}
    result = CliRunner().invoke(cli, ["--repo", str(repo), "match", cohort], env=env)
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("case", sorted(CASES))
def test_text_output_matches_its_golden_file(tmp_path: Path, case: str) -> None:
    text = _match_text(tmp_path, case)
    golden = GOLDEN / f"{case}.txt"
    if UPDATE:
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_plain_layout_for_large_tables_looks_the_same(
    tmp_path: Path, case: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Every table written directly, as a result of thousands of pairs is: same text.
    monkeypatch.setattr(text_table, "RICH_ROWS", -1)
    assert _match_text(tmp_path, case) == (GOLDEN / f"{case}.txt").read_text(encoding="utf-8")
