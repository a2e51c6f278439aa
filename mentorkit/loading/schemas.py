"""The JSON Schemas shipped inside the package (the repository's schemas/ holds copies)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

SCHEMA_KINDS = (
    "participant",
    "cohort",
    "match",
    "agreement",
    "checkin",
    "lesson",
    "program",
    "skills",
)


@cache
def load_schema(kind: str) -> dict[str, Any]:
    text = (
        resources.files("mentorkit").joinpath("schemas", f"{kind}.schema.json").read_text("utf-8")
    )
    schema: dict[str, Any] = json.loads(text)
    return schema


def schema_text(kind: str) -> str:
    return (
        resources.files("mentorkit").joinpath("schemas", f"{kind}.schema.json").read_text("utf-8")
    )
