"""Move the check-ins listed inside agreements to one file each, as text (nothing written here).

Before, an agreement held its pair's check-ins in a ``checkins:`` list: one file written by
two people, and (once sealed) one value nobody else could add to. Now each check-in is
``program/checkins/<cohort>/<mentor>--<mentee>/<date>-<author>.yaml``. A migrated entry
leaves the agreement; one that cannot move (no author, or a different file already at its
path) stays, with the reason, so nothing is lost.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml.comments import CommentedMap

from mentorkit.loading.repository import LoadedRepository
from mentorkit.model.checkin_path import CheckinPath
from mentorkit.model.program import Program
from mentorkit.sealing.service import seal_text
from mentorkit.workflow.scaffold import to_yaml
from mentorkit.writing.yaml_round_trip import dump_text, round_trip_yaml

_FIELDS = ("cohort", "mentor", "mentee", "date", "by", "health", "note")


@dataclass
class MigrationPlan:
    files: dict[str, str] = field(default_factory=dict)  # new check-in files
    agreements: dict[str, str] = field(default_factory=dict)  # agreements without them
    skipped: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


def _entry(agreement: dict[str, Any], item: Any) -> dict[str, Any] | None:
    if not isinstance(item, dict) or not isinstance(item.get("by"), str):
        return None
    data = {k: agreement.get(k) for k in ("cohort", "mentor", "mentee")}
    data.update({k: item[k] for k in ("date", "by", "health", "note") if k in item})
    return {k: str(v) for k, v in data.items() if k in _FIELDS and v is not None}


def _plan_one(loaded: LoadedRepository, program: Program, path: str, plan: MigrationPlan) -> None:
    doc = loaded.documents[path]
    raw = doc.data.get("checkins")
    if not isinstance(raw, list) or not raw:
        return
    keep: list[int] = []
    for index, item in enumerate(raw):
        data = _entry(doc.data, item)
        if data is None:
            keep.append(index)
            plan.skipped.append(
                f"{path}: check-in {index + 1} names no author (by:); add it and run again"
            )
            continue
        target = CheckinPath(
            data["cohort"], data["mentor"], data["mentee"], data["date"], data["by"]
        ).path
        existing = loaded.documents.get(target)
        if target in plan.files or (existing is not None and dict(existing.data) != data):
            keep.append(index)
            plan.skipped.append(
                f"{path}: check-in {index + 1}: {target} already holds another check-in"
            )
            continue
        if existing is None:
            text = to_yaml("checkin", data)
            if program.charter.sealing.recipients:
                outcome = seal_text(program, target, "checkin", text)
                if outcome.failed or outcome.text is None:
                    keep.append(index)
                    plan.failed.append(f"{target}: {outcome.note}")
                    continue
                text = outcome.text
            plan.files[target] = text
    plan.agreements[path] = _without(doc.text, keep)


def _without(text: str, keep: list[int]) -> str:
    yaml = round_trip_yaml()
    doc = yaml.load(text)
    assert isinstance(doc, CommentedMap)
    if keep:
        items = doc["checkins"]
        for index in reversed(range(len(items))):
            if index not in keep:
                del items[index]
    else:
        del doc["checkins"]
    return dump_text(doc, yaml)


def plan_migration(loaded: LoadedRepository, program: Program) -> MigrationPlan:
    plan = MigrationPlan()
    for path, kind in sorted(loaded.kinds.items()):
        if kind == "agreement" and path in loaded.documents:
            _plan_one(loaded, program, path, plan)
    return plan
