"""Atomic writes: the old file survives a failed write, and new files get ordinary permissions."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mentorkit.writing.files import write_bytes_atomic, write_text_atomic, write_texts_atomic


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


def test_write_texts_atomic_writes_every_file_and_keeps_their_modes(tmp_path: Path) -> None:
    old = tmp_path / "old.yaml"
    old.write_text("old\n", encoding="utf-8")
    old.chmod(0o640)
    new = tmp_path / "sub" / "new.yaml"
    write_texts_atomic({old: "id: a\n", new: "id: b\n"})
    assert old.read_text(encoding="utf-8") == "id: a\n" and old.stat().st_mode & 0o777 == 0o640
    assert new.read_text(encoding="utf-8") == "id: b\n"
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["new.yaml", "old.yaml", "sub"]


def test_write_texts_atomic_leaves_every_file_whole_when_one_cannot_be_written(
    tmp_path: Path,
) -> None:
    first = tmp_path / "first.yaml"
    first.write_text("first\n", encoding="utf-8")
    blocker = tmp_path / "blocker"
    blocker.write_text("a file, not a folder\n", encoding="utf-8")
    with pytest.raises(OSError):
        write_texts_atomic({first: "changed\n", blocker / "x.yaml": "never\n"})
    assert first.read_text(encoding="utf-8") == "first\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["blocker", "first.yaml"]
