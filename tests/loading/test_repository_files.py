"""Files that are not plain YAML files inside the repository: refused or flagged, never followed."""

from __future__ import annotations

import os
from pathlib import Path

from mentorkit.validation import validate_program


def _codes(root: Path) -> dict[str, tuple[str, str]]:
    return {p.path: (p.code, p.message) for p in validate_program(root).problems}


def test_symlink_outside_the_repository_is_not_read(base_program: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.yaml"
    secret.write_text("id: top-secret-value\n")
    (base_program / "participants" / "leak.yaml").symlink_to(secret)
    code, message = _codes(base_program)["participants/leak.yaml"]
    assert code == "unreadable" and "outside the repository" in message
    assert "top-secret-value" not in repr(validate_program(base_program).problems)


def test_symlink_inside_the_repository_is_read(base_program: Path) -> None:
    (base_program / "participants" / "ada-copy.yaml").symlink_to("ada.yaml")
    code, _ = _codes(base_program)["participants/ada-copy.yaml"]
    assert code != "unreadable"


def test_data_folder_linked_outside_is_refused(base_program: Path, tmp_path: Path) -> None:
    (base_program / "participants").rename(tmp_path / "elsewhere")
    (base_program / "participants").symlink_to(tmp_path / "elsewhere")
    assert _codes(base_program)["participants"][0] == "unreadable"


def test_fifo_does_not_hang(base_program: Path) -> None:
    os.mkfifo(base_program / "participants" / "pipe.yaml")
    code, message = _codes(base_program)["participants/pipe.yaml"]
    assert code == "unreadable" and "not a regular file" in message


def test_upper_case_extension_and_folders_named_yaml_are_flagged(base_program: Path) -> None:
    (base_program / "participants" / "ada.yaml").rename(base_program / "participants" / "ada.YAML")
    (base_program / "participants" / "folder.yaml").mkdir()
    problems = _codes(base_program)
    assert problems["participants/ada.YAML"] == (
        "unknown-file",
        "mentorkit does not read this file: write the extension in lower case",
    )
    assert problems["participants/folder.yaml"][0] == "unknown-file"
