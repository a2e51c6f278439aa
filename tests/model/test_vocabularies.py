"""Each closed vocabulary has one home, the model's Literal; the JSON Schemas agree with it."""

from __future__ import annotations

import json
from typing import Any

import pytest

from mentorkit.loading.schemas import load_schema
from mentorkit.model.entities import (
    AGREEMENT_STATUSES,
    COHORT_FORMATS,
    COHORT_STATUSES,
    GOAL_STATUSES,
    HEALTHS,
    MEETING_FORMATS,
    MILESTONE_KINDS,
    OBJECTIVES,
    PAIR_STATUSES,
)


def _at(schema: dict[str, Any], *keys: str) -> list[str]:
    node: Any = schema
    for key in keys:
        node = node[key]
    return list(node["enum"])


@pytest.mark.parametrize(
    ("kind", "keys", "values"),
    [
        ("cohort", ("properties", "format"), COHORT_FORMATS),
        ("cohort", ("properties", "status"), COHORT_STATUSES),
        ("cohort", ("properties", "milestones", "items", "properties", "kind"), MILESTONE_KINDS),
        ("match", ("properties", "pairs", "items", "properties", "status"), PAIR_STATUSES),
        ("agreement", ("properties", "status"), AGREEMENT_STATUSES),
        ("program", ("properties", "matching", "properties", "objective"), OBJECTIVES),
        ("agreement", ("properties", "goals", "items", "properties", "status"), GOAL_STATUSES),
        ("participant", ("properties", "formats", "items"), MEETING_FORMATS),
        ("agreement", ("properties", "checkins", "items", "properties", "health"), HEALTHS),
    ],
)
def test_schema_enums_are_the_model_vocabularies(
    kind: str, keys: tuple[str, ...], values: tuple[str, ...]
) -> None:
    assert _at(load_schema(kind), *keys) == list(values), json.dumps(keys)


def test_every_format_has_a_matcher() -> None:
    from mentorkit.matching.engine import MATCHERS

    assert set(MATCHERS) == set(COHORT_FORMATS)


def test_every_format_has_a_label_on_the_site() -> None:
    from mentorkit.site.render import FORMAT_LABELS

    assert set(FORMAT_LABELS) == set(COHORT_FORMATS)
