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
from mentorkit.model.build_charter import (
    build_charter,
    mapping,
    matching_settings,
    optional_text,
    skill_vocabulary,
    strs,
    text,
)
from mentorkit.model.entities import (
    Agreement,
    AgreementGoal,
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
    Unmatched,
)
from mentorkit.model.program import Program

T = TypeVar("T")
_BUILD_ERRORS = (KeyError, TypeError, ValueError, AttributeError)


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
            Goal(str(g["skill"]), text(g.get("note")))
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
        github=text(d.get("github")),
        email=optional_text(d.get("email")),
        pronouns=text(d.get("pronouns")),
        title=text(d.get("title")),
        location=text(d.get("location")),
        languages=strs(d.get("languages")) or ("en",),
        manager=optional_text(d.get("manager")),
        bio=text(d.get("bio")),
        public=d.get("public", True) is not False,
        joined=optional_text(d.get("joined")),
        cohorts=strs(d.get("cohorts")),
        mentor=mentor,
        mentee=mentee,
        formats=strs(d.get("formats")),
        hours_per_month=float(hours) if isinstance(hours, int | float) else None,
        avoid=strs(d.get("avoid")),
    )


def _cohort(doc: LoadedDocument, defaults: MatchingSettings) -> Cohort:
    d = doc.data
    milestones = tuple(
        Milestone(
            str(m["name"]), str(m["date"]), m.get("kind", "custom"), text(m.get("description"))
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
        description=text(d.get("description")),
        cadence=optional_text(d.get("cadence")),
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
            reasons=strs(p.get("reasons")),
            since=optional_text(p.get("since")),
            ended=optional_text(p.get("ended")),
            end_reason=optional_text(p.get("end_reason")),
            note=optional_text(p.get("note")),
        )
        for p in d.get("pairs") or []
        if isinstance(p, dict) and "mentor" in p and "mentee" in p
    )
    circles = tuple(
        Circle(
            str(c["id"]),
            strs(c.get("members")),
            optional_text(c.get("facilitator")),
            strs(c.get("reasons")),
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
    return Unmatched(str(raw["id"]), text(raw.get("reason")))


def _agreement(doc: LoadedDocument) -> Agreement:
    d = doc.data
    signed = mapping(d.get("signed"))
    goals = tuple(
        AgreementGoal(
            str(g["goal"]),
            optional_text(g.get("skill")),
            text(g.get("measure")),
            text(g.get("status"), "not-started"),
        )
        for g in d.get("goals") or []
        if isinstance(g, dict) and "goal" in g
    )
    checkins = tuple(
        Checkin(str(c["date"]), c["health"], optional_text(c.get("by")), text(c.get("note")))
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
        cadence=optional_text(d.get("cadence")),
        starts=optional_text(d.get("starts")),
        ends=optional_text(d.get("ends")),
        channels=strs(d.get("channels")),
        confidentiality=text(d.get("confidentiality")),
        boundaries=strs(d.get("boundaries")),
        signed_mentor=optional_text(signed.get("mentor")),
        signed_mentee=optional_text(signed.get("mentee")),
        status_reason=optional_text(d.get("status_reason")),
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
        skills=strs(d.get("skills")),
        cohort=optional_text(d.get("cohort")),
    )


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
    charter = build_charter(loaded.documents.get("program/program.yaml"))
    skills, categories = skill_vocabulary(loaded.documents.get("program/skills.yaml"))
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
