"""Build the program-level entities: charter, matching settings and skill vocabulary.

Shared with ``build.py``: the lenient readers of loosely typed YAML values.
"""

from __future__ import annotations

import math
from typing import Any

from mentorkit.model.entities import (
    DEFAULT_MIN_GROUP,
    OBJECTIVES,
    Charter,
    MatchingSettings,
    SealingSettings,
    SiteSettings,
    Skill,
    SkillCategory,
    SuccessMetric,
    Weights,
)
from mentorkit.model.export_settings import OutcomeSettings, SurveySettings
from mentorkit.model.source import Document


def strs(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(str(v) for v in value if isinstance(v, str | int | float))


def finite(value: Any) -> float | None:
    """A number that arithmetic can use; None for text, booleans, NaN and infinities."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def items(value: Any) -> list[Any]:
    """A list field as a list; anything else (a number, a mapping) as no items."""
    return value if isinstance(value, list) else []


def choice(value: Any, allowed: tuple[str, ...], default: str | None = None) -> Any:
    """An enum field's value when it is one of ``allowed``, else ``default``.

    Without a default, a value outside ``allowed`` makes the entity unbuildable
    (ValueError): the schema check has already reported it.
    """
    if isinstance(value, str) and value in allowed:
        return value
    if default is None:
        raise ValueError(f"{value!r} is not one of {allowed}")
    return default


def required(value: Any) -> str:
    """A required text field: text or a plain number as written, else unbuildable."""
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    raise ValueError(f"{value!r} is not text")


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
            number = finite(value)
            if key in merged and number is not None:
                merged[key] = number
        weights = Weights(**merged)

    def setting(key: str, current: float) -> float:
        value = finite(raw.get(key))
        return current if value is None else value

    size = raw.get("circle_size")

    return MatchingSettings(
        weights=weights,
        max_timezone_gap_hours=setting("max_timezone_gap_hours", base.max_timezone_gap_hours),
        cross_functional=choice(
            raw.get("cross_functional"), ("prefer", "require", "ignore"), base.cross_functional
        ),
        circle_size=(
            size
            if isinstance(size, int) and not isinstance(size, bool) and size >= 2
            else base.circle_size
        ),
        objective=choice(raw.get("objective"), OBJECTIVES, base.objective),
        min_score=setting("min_score", base.min_score),
        preference_bonus=setting("preference_bonus", base.preference_bonus),
    )


def build_charter(doc: Document | None) -> Charter:
    if doc is None:
        return Charter(name="Mentoring program", purpose="", coordinators=())
    d = doc.data
    governance = mapping(d.get("governance"))
    policies = mapping(d.get("policies"))
    site = mapping(d.get("site"))
    min_group = mapping(d.get("privacy")).get("min_group")
    metrics = tuple(
        SuccessMetric(str(m["name"]), str(m.get("target", "")), text(m.get("measure")))
        for m in items(d.get("success_metrics"))
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
        sealing=sealing_settings(d.get("privacy")),
        min_group=(
            min_group
            if isinstance(min_group, int) and not isinstance(min_group, bool) and min_group >= 2
            else DEFAULT_MIN_GROUP
        ),
        surveys=survey_settings(d.get("surveys")),
        outcomes=outcome_settings(d.get("outcomes")),
    )


def _small_int(value: Any, low: int, high: int, default: int) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
        return value
    return default


def survey_settings(raw: Any) -> SurveySettings:
    """``surveys:`` (the schema has checked it; anything odd falls back to the defaults)."""
    settings, columns = mapping(raw), mapping(mapping(raw).get("columns"))
    base = SurveySettings()
    scale = _small_int(settings.get("satisfaction_scale"), 2, 10, base.satisfaction_scale)
    return SurveySettings(
        recommend=text(columns.get("recommend"), base.recommend),
        satisfaction=text(columns.get("satisfaction")),
        cohort=text(columns.get("cohort")),
        role=text(columns.get("role")),
        satisfaction_scale=scale,
        satisfied_from=_small_int(settings.get("satisfied_from"), 1, scale, 0),
    )


def outcome_settings(raw: Any) -> OutcomeSettings:
    columns, base = mapping(mapping(raw).get("columns")), OutcomeSettings()
    return OutcomeSettings(
        id=text(columns.get("id"), base.id),
        employed=text(columns.get("employed"), base.employed),
        promoted=text(columns.get("promoted"), base.promoted),
        as_of=text(columns.get("as_of"), base.as_of),
    )


def sealing_settings(raw: Any) -> SealingSettings:
    privacy = mapping(raw)
    recipients = tuple(
        (r["id"], r["key"])
        for r in items(privacy.get("recipients"))
        if isinstance(r, dict) and isinstance(r.get("id"), str) and isinstance(r.get("key"), str)
    )
    return SealingSettings(
        recipients=recipients,
        require_sealed=privacy.get("require_sealed") is True,
        seal_manager=privacy.get("seal_manager") is True,
        require_named=privacy.get("require_named") is True,
    )


def skill_vocabulary(
    doc: Document | None,
) -> tuple[dict[str, Skill], tuple[SkillCategory, ...]]:
    if doc is None:
        return {}, ()
    skills: dict[str, Skill] = {}
    for s in items(doc.data.get("skills")):
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
        for c in items(doc.data.get("categories"))
        if isinstance(c, dict) and "id" in c
    )
    return dict(sorted(skills.items())), categories
