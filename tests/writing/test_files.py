"""Atomic writes: the old file survives a failed write, and new files get ordinary permissions."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mentorkit.writing.files import write_bytes_atomic, write_text_atomic


def test_new_file_follows_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_text_atomic(tmp_path / "a" / "new.yaml", "x: 1\n")
        write_bytes_atomic(tmp_path / "b.ics", b"BEGIN:VCALENDAR\r\n")
    finally:
        os.umask(old)
    assert (tmp_path / "a" / "new.yaml").stat().st_mode & 0o777 == 0o644
    assert (tmp_path / "b.ics").stat().st_mode & 0o777 == 0o644


def test_existing_mode_is_kept(tmp_path: Path) -> None:
    target = tmp_path / "match.yaml"
    target.write_text("old\n")
    target.chmod(0o640)
    write_text_atomic(target, "new\n")
    assert target.read_text() == "new\n"
    assert target.stat().st_mode & 0o777 == 0o640


def test_interrupted_write_leaves_the_old_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "match.yaml"
    target.write_text("# a comment\npairs: []\n")

    def fail(*_: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("mentorkit.writing.files.os.replace", fail)
    with pytest.raises(OSError):
        write_text_atomic(target, "half")
    assert target.read_text() == "# a comment\npairs: []\n"
    assert [p.name for p in tmp_path.iterdir()] == ["match.yaml"]  # no temporary file left
