"""Where the running mentorkit was installed from (PEP 610 ``direct_url.json``).

``mentorkit init`` uses it to suggest an install source for a new program's workflows
that it can stand behind: a Git commit is reproducible, a local wheel is not.
"""

from __future__ import annotations

import json
from importlib import metadata
from typing import Any


def installed_origin(distribution: str = "mentorkit") -> dict[str, Any] | None:
    """The installer's record of a direct URL install, or None (an index install or unknown)."""
    try:
        text = metadata.distribution(distribution).read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        return None
    if not text:
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None
