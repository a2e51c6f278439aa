"""Reporters turn a finished result into text; they never compute or decide anything."""

from __future__ import annotations

import os

FORMATS = ("text", "json", "github", "markdown")


def default_format() -> str:
    """GitHub annotations inside GitHub Actions, plain text everywhere else."""
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
