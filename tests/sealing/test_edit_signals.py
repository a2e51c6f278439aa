"""`mentorkit edit` removes the plain text it opened even when a signal ends it.

The opened file sits in a private scratch folder while the editor runs. A closed
terminal (SIGHUP) or a plain `kill` (SIGTERM) used to end the process without unwinding
it: the plain text of the sealed fields stayed in /dev/shm until the next boot.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.sealing.conftest import SealedRepo

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("sig", [signal.SIGHUP, signal.SIGTERM], ids=["hangup", "terminate"])
def test_a_signal_during_edit_leaves_no_plain_text_behind(
    sealed_repo: SealedRepo, tmp_path: Path, sig: signal.Signals
) -> None:
    assert sealed_repo.run("seal")[0] == 0
    marker = tmp_path / "opened-at"
    editor = tmp_path / "editor.sh"
    editor.write_text(f'#!/bin/sh\nprintf %s "$1" > {marker}\nexec sleep 60\n', "utf-8")
    editor.chmod(0o700)
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "EDITOR": str(editor),
        "VISUAL": "",
        "MENTORKIT_IDENTITY": str(sealed_repo.identity_file),
    }
    eve = str(sealed_repo.root / "participants/eve.yaml")
    args = [sys.executable, "-m", "mentorkit", "--repo", str(sealed_repo.root), "edit", eve]
    process = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        for _ in range(300):
            if marker.exists() and marker.read_text(encoding="utf-8"):
                break
            time.sleep(0.05)
        opened = Path(marker.read_text(encoding="utf-8"))
        assert "eve@example.com" in opened.read_text(encoding="utf-8")
        process.send_signal(sig)
        assert process.wait(timeout=20) == 128 + sig
    finally:
        process.kill()
        process.wait()
    assert not opened.parent.exists()
