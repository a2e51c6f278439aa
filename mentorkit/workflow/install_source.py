"""How a new program's workflows and pre-commit hook install mentorkit.

``mentorkit init`` never writes a source it cannot stand behind without saying so. The
choices, best first:

- ``action``: this repository's GitHub Action pinned to a full commit SHA
  (``uses: OWNER/REPO@<sha>``). The action installs mentorkit from its own checkout, so
  no package index is involved and the code that runs is exactly that commit.
- ``pip`` with a Git URL pinned to a commit: the same guarantee, for any Git host.
- ``pip`` with a version from a package index (``mentorkit==X``): only as good as the
  index and whoever owns the name there; init cannot check either from where it runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import urlsplit

from mentorkit import __version__

SHA = re.compile(r"^[0-9a-f]{40}$")
ACTION = re.compile(
    r"^(?P<owner>[A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))/(?P<repo>[A-Za-z0-9._-]{1,100})"
    r"@(?P<ref>[^\s@]+)$"
)
# A pip requirement goes into a double-quoted shell word and a YAML string: nothing that
# could end the word, expand, or start an expression is allowed.
REQUIREMENT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._+\-\[\], <>=!~@:/#%]*$")
GIT_COMMIT = re.compile(r"@([0-9a-f]{40})(?:#.*)?$")


@dataclass(frozen=True)
class InstallSource:
    """One way to install mentorkit, with why it was chosen and what could not be checked."""

    kind: Literal["action", "pip"]
    spec: str  # OWNER/REPO@SHA for an action, a pip requirement otherwise
    reason: str
    warnings: tuple[str, ...] = ()

    @property
    def pinned(self) -> bool:
        """True when the source names one immutable commit."""
        if self.kind == "action":
            return bool(SHA.match(self.spec.rpartition("@")[2]))
        return bool(GIT_COMMIT.search(self.spec))

    @property
    def action_repository(self) -> str:
        return self.spec.partition("@")[0]

    @property
    def action_commit(self) -> str:
        return self.spec.rpartition("@")[2]

    @property
    def requirement(self) -> str:
        """The pip requirement for the same code (the pre-commit hook needs one)."""
        if self.kind == "pip":
            return self.spec
        return f"mentorkit @ git+https://github.com/{self.action_repository}@{self.action_commit}"


def action_source(spec: str) -> InstallSource:
    """``OWNER/REPO@SHA`` as given with ``init --action``; refuses anything but a full SHA."""
    spec = spec.strip()
    match = ACTION.match(spec)
    if match is None:
        raise ValueError(f"{spec!r} is not OWNER/REPO@COMMIT, e.g. acme/mentorkit@<40-hex SHA>")
    if not SHA.match(match["ref"]):
        raise ValueError(
            f"{spec!r} is not pinned: use the full 40-character commit SHA, not a tag or "
            "branch (tags and branches can be moved to other code)"
        )
    repo = f"{match['owner']}/{match['repo']}"
    return InstallSource(
        "action",
        spec,
        f"it was chosen with --action (the mentorkit action of {repo})",
        (
            f"init cannot check from here that commit {match['ref'][:12]} belongs to {repo}: "
            "GitHub also resolves commits that exist only in a fork. Check that "
            f"https://github.com/{repo}/commit/{match['ref']} is on a branch or tag you trust.",
        ),
    )


def requirement_source(spec: str) -> InstallSource:
    """A pip requirement as given with ``init --mentorkit-requirement``."""
    spec = spec.strip()
    if not REQUIREMENT.match(spec) or "${{" in spec:
        raise ValueError(
            f"{spec!r} is not a pip requirement such as "
            "'mentorkit @ git+https://example.org/mentorkit.git@<commit SHA>' or 'mentorkit==1.2.3'"
        )
    warnings: tuple[str, ...] = ()
    if "file:" in spec:
        warnings = (
            f"{spec!r} names a file on this machine: GitHub's runners cannot reach it, so "
            "the workflows will fail until it names a Git commit or a package index.",
        )
    elif not GIT_COMMIT.search(spec):
        warnings = (
            f"{spec!r} is not pinned to a commit: init cannot check from here that your "
            "package index has this release, nor who controls the name 'mentorkit' there "
            "(whoever does runs code in every check of this program).",
        )
    return InstallSource("pip", spec, "it was chosen with --mentorkit-requirement", warnings)


def _from_git(url: str, commit: str) -> InstallSource:
    parts = urlsplit(url.removeprefix("git+"))
    path = parts.path.strip("/").removesuffix(".git")
    if parts.hostname == "github.com" and ACTION.match(f"{path}@{commit}"):
        return InstallSource(
            "action",
            f"{path}@{commit}",
            f"the mentorkit that ran init was installed from github.com/{path} at this commit",
        )
    clean = f"{parts.scheme}://{parts.netloc}{parts.path}".removeprefix("git+")
    return InstallSource(
        "pip",
        f"mentorkit @ git+{clean}@{commit}",
        "the mentorkit that ran init was installed from this Git commit",
    )


def detected_source(origin: dict[str, Any] | None, version: str = __version__) -> InstallSource:
    """The source matching how the running mentorkit was installed, when it can be reproduced.

    ``origin`` is PEP 610's ``direct_url.json`` (None for an index install).
    """
    vcs = (origin or {}).get("vcs_info") or {}
    commit = vcs.get("commit_id", "") if isinstance(vcs, dict) else ""
    url = str((origin or {}).get("url", ""))
    if vcs.get("vcs") == "git" and SHA.match(str(commit)) and url.startswith("https://"):
        return _from_git(url, str(commit))
    if origin is None:
        how = f"mentorkit {version} was installed from a package index"
    else:
        how = (
            f"mentorkit {version} was installed from {url or 'a local file'}, which CI cannot reach"
        )
    return InstallSource(
        "pip",
        f"mentorkit=={version}",
        "no source was given, and the mentorkit that ran init cannot be reinstalled in CI "
        "from where it came from",
        (
            f"{how}. The workflows install 'mentorkit=={version}' from PyPI, and init cannot "
            "verify from here that PyPI has this release or who controls the name. Before you "
            "push, rerun init with --action OWNER/mentorkit@<commit SHA> (recommended) or "
            "--mentorkit-requirement 'mentorkit @ git+https://...@<commit SHA>', or check "
            f"https://pypi.org/project/mentorkit/{version}/ yourself.",
        ),
    )
