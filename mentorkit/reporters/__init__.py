"""Reporters turn a finished result into text; they never compute or decide anything."""

from __future__ import annotations

import json
import os
from typing import Any

FORMATS = ("text", "json", "github", "markdown")


def default_format() -> str:
    """GitHub annotations inside GitHub Actions, plain text everywhere else."""
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def json_text(payload: Any) -> str:
    """The JSON every ``--format json`` writes: indented, UTF-8 as is, one final newline."""
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
