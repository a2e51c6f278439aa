"""Build the program-level entities: charter, matching settings and skill vocabulary.

Shared with ``build.py``: the lenient readers of loosely typed YAML values.
"""

from __future__ import annotations

from typing import Any

from mentorkit.loading.yaml_reader import LoadedDocument
from mentorkit.model.entities import (
    Charter,
    MatchingSettings,
    SiteSettings,
    Skill,
    SkillCategory,
    SuccessMetric,
    Weights,
)


def strs(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(str(v) for v in value if isinstance(v, str | int | float))


def mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def text(value: Any, default: str = "") -> str:
    return value if isinstance(value, str) else default


def optional_text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def matching_settings(raw: Any, base: MatchingSettings) -> MatchingSettings:
    """``base`` with the fields of a ``matching:`` block laid over it."""
    if not isinstance(raw, dict):
        return base
    weights = base.weights
    if isinstance(raw.get("weights"), dict):
        merged = weights.as_dict()
        for key, value in raw["weights"].items():
            if key in merged and isinstance(value, int | float) and not isinstance(value, bool):
                merged[key] = float(value)
        weights = Weights(**merged)

    def pick(key: str, current: Any, kind: type | tuple[type, ...]) -> Any:
        value = raw.get(key, current)
        return value if isinstance(value, kind) and not isinstance(value, bool) else current

    return MatchingSettings(
        weights=weights,
        max_timezone_gap_hours=float(
            pick("max_timezone_gap_hours", base.max_timezone_gap_hours, (int, float))
        ),
        cross_functional=pick("cross_functional", base.cross_functional, str),
        circle_size=pick("circle_size", base.circle_size, int),
        objective=pick("objective", base.objective, str),
        min_score=float(pick("min_score", base.min_score, (int, float))),
    )


def build_charter(doc: LoadedDocument | None) -> Charter:
    if doc is None:
        return Charter(name="Mentoring program", purpose="", coordinators=())
    d = doc.data
    governance = mapping(d.get("governance"))
    policies = mapping(d.get("policies"))
    site = mapping(d.get("site"))
    metrics = tuple(
        SuccessMetric(str(m["name"]), str(m.get("target", "")), text(m.get("measure")))
        for m in d.get("success_metrics") or []
        if isinstance(m, dict) and "name" in m
    )
    return Charter(
        name=text(d.get("name"), "Mentoring program"),
        purpose=text(d.get("purpose")),
        coordinators=strs(d.get("coordinators")),
        source=doc.path,
        goals=strs(d.get("goals")),
        success_metrics=metrics,
        sponsor=text(d.get("sponsor")),
        oversight=text(governance.get("oversight")),
        escalation_path=strs(governance.get("escalation_path")),
        review_cadence=text(governance.get("review_cadence")),
        policies={k: v for k, v in policies.items() if isinstance(v, str)},
        matching=matching_settings(d.get("matching"), MatchingSettings()),
        site=SiteSettings(
            title=text(site.get("title")),
            description=text(site.get("description")),
            url=text(site.get("url")),
            repo_url=text(site.get("repo_url")),
            primary_color=text(site.get("primary_color"), "indigo"),
            accent_color=text(site.get("accent_color"), "amber"),
        ),
    )


def skill_vocabulary(
    doc: LoadedDocument | None,
) -> tuple[dict[str, Skill], tuple[SkillCategory, ...]]:
    if doc is None:
        return {}, ()
    skills: dict[str, Skill] = {}
    for s in doc.data.get("skills") or []:
        if isinstance(s, dict) and isinstance(s.get("id"), str) and s["id"] not in skills:
            skills[s["id"]] = Skill(
                s["id"],
                text(s.get("name"), s["id"]),
                optional_text(s.get("category")),
                strs(s.get("aliases")),
                text(s.get("description")),
            )
    categories = tuple(
        SkillCategory(str(c["id"]), text(c.get("name"), str(c["id"])), text(c.get("description")))
        for c in doc.data.get("categories") or []
        if isinstance(c, dict) and "id" in c
    )
    return dict(sorted(skills.items())), categories
