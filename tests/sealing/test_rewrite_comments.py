"""Sealing and unsealing keep every whole-line comment: a write never loses data.

ruamel hangs the comment lines written after a value on that value (on the last item of
a list or mapping, or after a ``|`` block); removing the value must move them, not drop
them.
"""

from __future__ import annotations

import pytest

from mentorkit.sealing.rewrite import opened_text, sealed_text
from tests.sealing.conftest import SealedRepo

ARMOR = "-----BEGIN AGE ENCRYPTED FILE-----\nYWdl\n-----END AGE ENCRYPTED FILE-----\n"
SEALED = "id: eve\nsealed: |\n  -----BEGIN AGE ENCRYPTED FILE-----\n  YWdl\n  -----END AGE ENCRYPTED FILE-----\n"


def comments(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("#")]


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        ("id: eve\navoid:\n  - ann\n  - max\n# about level\nlevel: 2\n", ["avoid"]),
        (
            "id: a\ngoals:\n  - text: grow\n    measure: x\n# about status\nstatus: active\n",
            ["goals"],
        ),
        ("id: eve\nlevel: 2\nemail: e@x.org\n# about level\n", ["email"]),
        ("id: eve\nemail: e@x.org  # on the private line\n# about level\nlevel: 2\n", ["email"]),
    ],
    ids=["after-a-list", "after-a-list-of-mappings", "at-the-end", "after-an-end-of-line-one"],
)
def test_seal_keeps_the_comment_lines_after_a_private_field(text: str, fields: list[str]) -> None:
    out = sealed_text(text, ARMOR, fields)
    assert comments(out) == ["# about level" if "level" in text else "# about status"]
    assert "private line" not in out  # it spoke about the sealed value and went with it


@pytest.mark.parametrize(
    "after", ["# about level\nlevel: 2\n", "# about level\n\n# more\nlevel: 2\n", "# the end\n"]
)
def test_unseal_and_seal_again_keep_a_comment_after_the_sealed_block(after: str) -> None:
    text = SEALED + after
    opened = opened_text(text, {"email": "eve@example.com", "avoid": ["ann"]})
    assert comments(opened) == comments(text)
    assert "email: eve@example.com" in opened and "- ann" in opened
    again = sealed_text(opened, ARMOR, ["email", "avoid"])
    assert comments(again) == comments(text)
    assert again.endswith(after)


def test_unseal_write_keeps_the_comment_through_the_cli(sealed_repo: SealedRepo) -> None:
    assert sealed_repo.run("seal")[0] == 0
    path = sealed_repo.root / "participants" / "eve.yaml"
    text = sealed_repo.text("participants/eve.yaml")
    head, _, tail = text.partition("-----END AGE ENCRYPTED FILE-----\n")
    path.write_text(head + "-----END AGE ENCRYPTED FILE-----\n# keep me\n" + tail, "utf-8")
    code, _, err = sealed_repo.run("unseal", str(path), "--write", identity=True)
    assert code == 0, err
    opened = sealed_repo.text("participants/eve.yaml")
    assert "# keep me" in opened and "email: eve@example.com" in opened
    assert sealed_repo.run("seal")[0] == 0
    resealed = sealed_repo.text("participants/eve.yaml")
    assert "# keep me" in resealed and "eve@example.com" not in resealed


@pytest.mark.parametrize(
    "text",
    [
        "id: eve\navoid:\n  - ann\n  # SECRET: ann was my manager\n# about level\nlevel: 2\n",
        "id: eve\navoid: [ann]  # SECRET on the line\n  # SECRET under it\n# about level\nlevel: 2\n",
        "id: eve\navoid:\n  - ann\n\n    # SECRET after a blank line\n# about level\nlevel: 2\n",
        "id: eve\nlevel: 2\navoid:\n  - ann\n  # SECRET at the end of the file\n",
    ],
    ids=["after-the-last-item", "under-a-flow-list", "after-a-blank-line", "at-the-end"],
)
def test_seal_leaves_no_comment_from_inside_a_private_field_in_plain_text(text: str) -> None:
    # A comment indented under `avoid:` is part of what the person wrote about whom they
    # avoid: left behind, it stayed in plain text beside the sealed value (and in Git).
    out = sealed_text(text, ARMOR, ["avoid"])
    assert "SECRET" not in out
    assert comments(out) == (["# about level"] if "about level" in text else [])


def test_seal_leaves_no_comment_from_inside_a_private_field_through_the_cli(
    sealed_repo: SealedRepo,
) -> None:
    path = sealed_repo.root / "participants" / "eve.yaml"
    path.write_text(
        sealed_repo.text("participants/eve.yaml").replace(
            "avoid: [ann]\n", "avoid:\n  - ann\n  # SENTINEL-why: she was my manager\n"
        ),
        encoding="utf-8",
    )
    assert sealed_repo.run("seal")[0] == 0
    assert "SENTINEL" not in sealed_repo.text("participants/eve.yaml")
