"""Turn loaded documents into the frozen model, leniently.

The schema check reports what is wrong with a file; building must not fail on
the same file. A document that cannot become an entity is skipped (its problems
are already reported), and a participant's id is remembered so references to
it are not reported a second time as unknown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from mentorkit.loading.repository import LoadedRepository
from mentorkit.loading.yaml_reader import LoadedDocument
from mentorkit.model.entities import (
    Agreement,
    AgreementGoal,
    Charter,
    Checkin,
    Circle,
    Cohort,
    Goal,
    Lesson,
    MatchFile,
    MatchingSettings,
    MenteeRequest,
    MentorOffer,
    Milestone,
    Pair,
    Participant,
    SiteSettings,
    Skill,
    SkillCategory,
    SuccessMetric,
    Unmatched,
    Weights,
)
from mentorkit.model.program import Program

T = TypeVar("T")
_BUILD_ERRORS = (KeyError, TypeError, ValueError, AttributeError)


def _strs(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(str(v) for v in value if isinstance(v, str | int | float))


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _text(value: Any, default: str = "") -> str:
    return value if isinstance(value, str) else default


def _opt(value: Any) -> str | None:
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


def _charter(doc: LoadedDocument | None) -> Charter:
    if doc is None:
        return Charter(name="Mentoring program", purpose="", coordinators=())
    d = doc.data
    governance = _mapping(d.get("governance"))
    policies = _mapping(d.get("policies"))
    site = _mapping(d.get("site"))
    metrics = tuple(
        SuccessMetric(str(m["name"]), str(m.get("target", "")), _text(m.get("measure")))
        for m in d.get("success_metrics") or []
        if isinstance(m, dict) and "name" in m
    )
    return Charter(
        name=_text(d.get("name"), "Mentoring program"),
        purpose=_text(d.get("purpose")),
        coordinators=_strs(d.get("coordinators")),
        source=doc.path,
        goals=_strs(d.get("goals")),
        success_metrics=metrics,
        sponsor=_text(d.get("sponsor")),
        oversight=_text(governance.get("oversight")),
        escalation_path=_strs(governance.get("escalation_path")),
        review_cadence=_text(governance.get("review_cadence")),
        policies={k: v for k, v in policies.items() if isinstance(v, str)},
        matching=matching_settings(d.get("matching"), MatchingSettings()),
        site=SiteSettings(
            title=_text(site.get("title")),
            description=_text(site.get("description")),
            url=_text(site.get("url")),
            repo_url=_text(site.get("repo_url")),
            primary_color=_text(site.get("primary_color"), "indigo"),
            accent_color=_text(site.get("accent_color"), "amber"),
        ),
    )


def _participant(doc: LoadedDocument) -> Participant:
    d = doc.data
    mentor = mentee = None
    if isinstance(d.get("mentor"), dict):
        m = d["mentor"]
        skills = {str(k): int(v) for k, v in (m.get("skills") or {}).items() if isinstance(v, int)}
        mentor = MentorOffer(capacity=int(m.get("capacity", 1)), skills=skills)
    if isinstance(d.get("mentee"), dict):
        m = d["mentee"]
        goals = tuple(
            Goal(str(g["skill"]), _text(g.get("note")))
            for g in m.get("goals") or []
            if isinstance(g, dict) and isinstance(g.get("skill"), str)
        )
        mentee = MenteeRequest(goals, bool(m.get("prefer_cross_functional", False)))
    hours = d.get("hours_per_month")
    return Participant(
        id=str(d["id"]),
        name=str(d["name"]),
        department=str(d["department"]),
        level=int(d["level"]),
        timezone=str(d["timezone"]),
        source=doc.path,
        github=_text(d.get("github")),
        email=_opt(d.get("email")),
        pronouns=_text(d.get("pronouns")),
        title=_text(d.get("title")),
        location=_text(d.get("location")),
        languages=_strs(d.get("languages")) or ("en",),
        manager=_opt(d.get("manager")),
        bio=_text(d.get("bio")),
        public=d.get("public", True) is not False,
        joined=_opt(d.get("joined")),
        cohorts=_strs(d.get("cohorts")),
        mentor=mentor,
        mentee=mentee,
        formats=_strs(d.get("formats")),
        hours_per_month=float(hours) if isinstance(hours, int | float) else None,
        avoid=_strs(d.get("avoid")),
    )


def _cohort(doc: LoadedDocument, defaults: MatchingSettings) -> Cohort:
    d = doc.data
    milestones = tuple(
        Milestone(
            str(m["name"]), str(m["date"]), m.get("kind", "custom"), _text(m.get("description"))
        )
        for m in d.get("milestones") or []
        if isinstance(m, dict) and "name" in m and "date" in m
    )
    return Cohort(
        id=str(d["id"]),
        name=str(d["name"]),
        format=d["format"],
        status=d["status"],
        starts=str(d["starts"]),
        ends=str(d["ends"]),
        source=doc.path,
        description=_text(d.get("description")),
        cadence=_opt(d.get("cadence")),
        milestones=milestones,
        matching=matching_settings(d.get("matching"), defaults),
    )


def _match_file(doc: LoadedDocument) -> MatchFile:
    d = doc.data
    pairs = tuple(
        Pair(
            mentor=str(p["mentor"]),
            mentee=str(p["mentee"]),
            score=float(p["score"]) if isinstance(p.get("score"), int | float) else None,
            status=p.get("status", "proposed"),
            locked=p.get("locked") is True,
            reasons=_strs(p.get("reasons")),
            since=_opt(p.get("since")),
            ended=_opt(p.get("ended")),
            end_reason=_opt(p.get("end_reason")),
            note=_opt(p.get("note")),
        )
        for p in d.get("pairs") or []
        if isinstance(p, dict) and "mentor" in p and "mentee" in p
    )
    circles = tuple(
        Circle(
            str(c["id"]),
            _strs(c.get("members")),
            _opt(c.get("facilitator")),
            _strs(c.get("reasons")),
            c.get("locked") is True,
        )
        for c in d.get("circles") or []
        if isinstance(c, dict) and "id" in c
    )
    unmatched = tuple(
        _unmatched(u) for u in d.get("unmatched") or [] if isinstance(u, dict) and "id" in u
    )
    return MatchFile(str(d["cohort"]), doc.path, pairs, circles, unmatched)


def _unmatched(raw: dict[str, Any]) -> Unmatched:
    return Unmatched(str(raw["id"]), _text(raw.get("reason")))


def _agreement(doc: LoadedDocument) -> Agreement:
    d = doc.data
    signed = _mapping(d.get("signed"))
    goals = tuple(
        AgreementGoal(
            str(g["goal"]),
            _opt(g.get("skill")),
            _text(g.get("measure")),
            _text(g.get("status"), "not-started"),
        )
        for g in d.get("goals") or []
        if isinstance(g, dict) and "goal" in g
    )
    checkins = tuple(
        Checkin(str(c["date"]), c["health"], _opt(c.get("by")), _text(c.get("note")))
        for c in d.get("checkins") or []
        if isinstance(c, dict) and "date" in c and "health" in c
    )
    return Agreement(
        cohort=str(d["cohort"]),
        mentor=str(d["mentor"]),
        mentee=str(d["mentee"]),
        status=d["status"],
        source=doc.path,
        goals=goals,
        cadence=_opt(d.get("cadence")),
        starts=_opt(d.get("starts")),
        ends=_opt(d.get("ends")),
        channels=_strs(d.get("channels")),
        confidentiality=_text(d.get("confidentiality")),
        boundaries=_strs(d.get("boundaries")),
        signed_mentor=_opt(signed.get("mentor")),
        signed_mentee=_opt(signed.get("mentee")),
        status_reason=_opt(d.get("status_reason")),
        checkins=tuple(sorted(checkins, key=lambda c: c.date)),
    )


def _lesson(doc: LoadedDocument) -> Lesson:
    d = doc.data
    return Lesson(
        title=str(d["title"]),
        author=str(d["author"]),
        date=str(d["date"]),
        source=doc.path,
        context=str(d["context"]),
        action=str(d["action"]),
        outcome=str(d["outcome"]),
        takeaway=str(d["takeaway"]),
        skills=_strs(d.get("skills")),
        cohort=_opt(d.get("cohort")),
    )


def _skills(doc: LoadedDocument | None) -> tuple[dict[str, Skill], tuple[SkillCategory, ...]]:
    if doc is None:
        return {}, ()
    skills: dict[str, Skill] = {}
    for s in doc.data.get("skills") or []:
        if isinstance(s, dict) and isinstance(s.get("id"), str) and s["id"] not in skills:
            skills[s["id"]] = Skill(
                s["id"],
                _text(s.get("name"), s["id"]),
                _opt(s.get("category")),
                _strs(s.get("aliases")),
                _text(s.get("description")),
            )
    categories = tuple(
        SkillCategory(str(c["id"]), _text(c.get("name"), str(c["id"])), _text(c.get("description")))
        for c in doc.data.get("categories") or []
        if isinstance(c, dict) and "id" in c
    )
    return dict(sorted(skills.items())), categories


def _each(docs: list[LoadedDocument], make: Callable[[LoadedDocument], T]) -> list[T]:
    built = []
    for doc in docs:
        try:
            built.append(make(doc))
        except _BUILD_ERRORS:
            continue
    return built


def build_program(loaded: LoadedRepository) -> Program:
    """The model of a loaded repository; documents too broken to build are left out."""
    by_kind: dict[str, list[LoadedDocument]] = {}
    for path, doc in loaded.documents.items():
        by_kind.setdefault(loaded.kinds[path], []).append(doc)
    charter = _charter(loaded.documents.get("program/program.yaml"))
    skills, categories = _skills(loaded.documents.get("program/skills.yaml"))
    participants: dict[str, Participant] = {}
    for person in _each(by_kind.get("participant", []), _participant):
        participants.setdefault(person.id, person)
    participant_stems = {
        path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        for path, kind in loaded.kinds.items()
        if kind == "participant"
    }
    cohorts = {
        c.id: c for c in _each(by_kind.get("cohort", []), lambda d: _cohort(d, charter.matching))
    }
    matches: dict[str, MatchFile] = {}
    for match in _each(by_kind.get("match", []), _match_file):
        matches.setdefault(match.cohort, match)
    lessons = sorted(
        _each(by_kind.get("lesson", []), _lesson), key=lambda lesson: (lesson.date, lesson.source)
    )
    return Program(
        charter=charter,
        skills=skills,
        categories=categories,
        participants=dict(sorted(participants.items())),
        cohorts=dict(sorted(cohorts.items())),
        matches=dict(sorted(matches.items())),
        agreements=tuple(_each(by_kind.get("agreement", []), _agreement)),
        lessons=tuple(lessons),
        root=loaded.root,
        documents=loaded.documents,
        kinds=loaded.kinds,
        unreadable_participants=frozenset(participant_stems - set(participants)),
    )
