"""The text ``init`` writes for an install source: workflow steps, pre-commit, README.

Kept apart from the choice itself (``install_source``) so each stays small; every value
written here passed that module's patterns (no quote, ``$`` or newline can reach YAML or
a shell word).
"""

from __future__ import annotations

from mentorkit.workflow.install_source import InstallSource

SETUP_PYTHON = "actions/setup-python@a26af69be951a213d495a4c3e4e4022e16d87065 # v5.6.0"
PYTHON_VERSION = "3.12"
HOOK_FILES = r"^(participants/[^/]+|program/.+)\.ya?ml$"


def install_steps(source: InstallSource) -> str:
    """The steps of a workflow job that make ``mentorkit`` available (6-space indent)."""
    if source.kind == "action":
        return (
            "      # mentorkit's own action, pinned to one commit: it installs mentorkit from\n"
            "      # that commit's checkout, with no package index involved (README.md).\n"
            "      - name: Install mentorkit\n"
            f"        uses: {source.spec} # pinned mentorkit commit, see README.md\n"
        )
    return (
        f"      - uses: {SETUP_PYTHON}\n"
        "        with:\n"
        f'          python-version: "{PYTHON_VERSION}"\n'
        "      - name: Install mentorkit\n"
        f'        run: python -m pip install "{source.spec}"\n'
    )


def precommit_config(source: InstallSource) -> str:
    """A pre-commit config whose hook installs mentorkit from the workflows' source and
    validates the whole program (not just the staged files) when a program file changes:
    deleting a skill others use must fail, although their files did not change."""
    header = (
        "# Validate the whole program before every commit that touches a program file:\n"
        "#   pip install pre-commit && pre-commit install\n"
        "# The hook installs mentorkit from the same source as .github/workflows: change both together.\n"
    )
    if source.kind == "action":
        return header + (
            "repos:\n"
            f"  - repo: https://github.com/{source.action_repository}\n"
            f"    rev: {source.action_commit}\n"
            "    hooks:\n"
            "      - id: mentorkit-validate\n"
        )
    return header + (
        "repos:\n"
        "  - repo: local\n"
        "    hooks:\n"
        "      - id: mentorkit-validate\n"
        "        name: mentorkit validate (the whole program)\n"
        "        entry: mentorkit validate\n"
        "        language: python\n"
        f'        additional_dependencies: ["{source.spec}"]\n'
        f"        files: {HOOK_FILES}\n"
        "        pass_filenames: false\n"
        "        require_serial: true\n"
    )


def readme_section(source: InstallSource) -> str:
    """What init chose, why, how it is pinned and how to upgrade: recorded in README.md."""
    if source.kind == "action":
        how = (
            f"The workflows use mentorkit's GitHub Action, `uses: {source.spec}`, and the "
            f"pre-commit hook installs the same commit of https://github.com/{source.action_repository}. "
            "The action installs mentorkit from its own checkout, so no package index is involved."
        )
        upgrade = (
            "To upgrade, pick a newer commit of that repository (a release tag's commit), check "
            "it, and replace the SHA in `.github/workflows/*.yml` and `rev:` in "
            "`.pre-commit-config.yaml`. Always use the full 40-character SHA: a tag or branch "
            "can be moved to other code."
        )
    else:
        how = f'The workflows and the pre-commit hook run `pip install "{source.spec}"`.'
        upgrade = (
            "To upgrade, change that requirement in `.github/workflows/*.yml` and "
            "`.pre-commit-config.yaml` together. A Git URL pinned to a full commit SHA "
            "(`mentorkit @ git+https://…@<sha>`) or mentorkit's action "
            "(`mentorkit init --action OWNER/mentorkit@<sha>`) names exact code; a version "
            "from an index is only as trustworthy as the index and whoever owns the name there."
        )
    lines = [
        "## How mentorkit is installed",
        "",
        how,
        "",
        f"`mentorkit init` chose this source because {source.reason}.",
        "",
    ]
    for warning in source.warnings:
        lines += [f"> **Check before you push:** {warning}", ""]
    lines += [upgrade, ""]
    return "\n".join(lines)
