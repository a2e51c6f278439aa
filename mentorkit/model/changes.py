"""A file changed between the base and the head of a pull request (read from git by
``mentorkit.loading.git``; judged by the workflow, shown by the reporters)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ChangeStatus = Literal["added", "modified", "deleted", "renamed"]
REGULAR_FILE_MODES = frozenset({"100644", "100755"})
# git's modes for what the working tree holds (see ``loading.git.working_tree_mode``).
LINK_MODE = "120000"
GONE_MODE = "000000"


@dataclass(frozen=True, order=True)
class Change:
    """One changed path between the base and the head; ``old_path`` is set for renames.

    ``mode`` is the git file mode on the head ("100644", "120000" for a symlink,
    "160000" for a submodule, "000000" when deleted); empty when unknown.
    """

    path: str
    status: ChangeStatus
    old_path: str | None = None
    mode: str = ""

    @property
    def is_regular_file(self) -> bool:
        return self.mode in REGULAR_FILE_MODES or self.mode in ("", GONE_MODE)
