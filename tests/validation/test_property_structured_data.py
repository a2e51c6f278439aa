"""Property: documents with the right keys but wrong kinds of values never crash the model.

The schema check reports what is wrong; ``build_program`` and every check must still run
to the end, whatever type each field holds (lists for text, mappings for numbers, NaN...).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mentorkit.checks import run_checks
from mentorkit.loading.repository import LoadedRepository
from mentorkit.loading.schemas import load_schema
from mentorkit.loading.yaml_reader import LoadedDocument
from mentorkit.model.build import build_program

IDS = st.sampled_from(["ada", "lin", "grace", "2026-autumn", "python", "Ada", ""])
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    IDS,
)
ANY_VALUE = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(IDS, st.text(max_size=5)), inner, max_size=4),
    ),
    max_leaves=12,
)


def _shaped(schema: dict[str, Any], depth: int = 0) -> st.SearchStrategy[Any]:
    """Values that follow the schema's keys but may hold anything at any level."""
    properties = schema.get("properties")
    if isinstance(properties, dict) and depth < 4:
        fields = {name: _shaped(sub, depth + 1) for name, sub in properties.items()}
        return st.one_of(st.fixed_dictionaries({}, optional=fields), ANY_VALUE)
    items = schema.get("items")
    if isinstance(items, dict) and depth < 4:
        return st.one_of(st.lists(_shaped(items, depth + 1), max_size=3), ANY_VALUE)
    return ANY_VALUE


PATHS = {
    "program": "program/program.yaml",
    "skills": "program/skills.yaml",
    "cohort": "program/cohorts/2026-autumn.yaml",
    "match": "program/matches/2026-autumn.yaml",
    "agreement": "program/agreements/2026-autumn/ada--lin.yaml",
    "lesson": "program/lessons/2026-09-07-first-talk.yaml",
    "participant": "participants/ada.yaml",
}


def _documents() -> st.SearchStrategy[dict[str, Any]]:
    def document(kind: str) -> st.SearchStrategy[Any]:
        shaped = _shaped(load_schema(kind))
        return shaped.filter(lambda value: isinstance(value, dict))

    return st.fixed_dictionaries({kind: document(kind) for kind in PATHS})


@pytest.mark.slow
@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_documents(), st.dictionaries(st.sampled_from(sorted(PATHS)), st.just(True)))
def test_structured_but_wrong_documents_never_crash(
    documents: dict[str, Any], second_participant: dict[str, bool]
) -> None:
    docs: dict[str, LoadedDocument] = {}
    kinds: dict[str, str] = {}
    for kind, data in documents.items():
        path = PATHS[kind]
        docs[path] = LoadedDocument(path, data, yaml.safe_dump(data))
        kinds[path] = kind
    if second_participant:
        other = dict(documents["participant"], id="lin")
        docs["participants/lin.yaml"] = LoadedDocument(
            "participants/lin.yaml", other, yaml.safe_dump(other)
        )
        kinds["participants/lin.yaml"] = "participant"
    loaded = LoadedRepository(Path("."), docs, kinds)
    program = build_program(loaded)
    for problem in run_checks(loaded, program):
        assert problem.message
