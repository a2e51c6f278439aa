"""Turn loaded documents into the frozen model, leniently.

The schema check reports what is wrong with a file; building must not fail on
the same file. A document that cannot become an entity is skipped (its problems
are already reported), and a participant's id is remembered so references to
it are not reported a second time as unknown.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, TypeVar

from mentorkit.model.build_charter import (
    build_charter,
    choice,
    finite,
    items,
    mapping,
    matching_settings,
    optional_text,
    required,
    skill_vocabulary,
    strs,
    text,
)
from mentorkit.model.entities import (
    AGREEMENT_STATUSES,
    COHORT_FORMATS,
    COHORT_STATUSES,
    DEPARTED_FIELDS,
    GOAL_STATUSES,
    HEALTHS,
    MILESTONE_KINDS,
    PAIR_STATUSES,
    Agreement,
    AgreementGoal,
    Checkin,
    Circle,
    Cohort,
    Departed,
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
from mentorkit.model.paths import CHARTER, SKILLS, stem
from mentorkit.model.program import Program
from mentorkit.model.source import Document, Documents

T = TypeVar("T")
_BUILD_ERRORS = (KeyError, TypeError, ValueError, AttributeError, OverflowError)


def _whole(value: object) -> int:
    """A whole number field; floats such as 3.0 pass the schema's integer type."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{value!r} is not a whole number")
    return int(value)


def _count(value: object, default: int) -> int:
    """A positive whole number as written, else the default (the schema reports the problem)."""
    if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
        return value
    return default


def _participant(doc: Document) -> Participant:
    d = doc.data
    mentor = mentee = None
    if isinstance(d.get("mentor"), dict):
        m = d["mentor"]
        skills = {
            str(k): v
            for k, v in mapping(m.get("skills")).items()
            if isinstance(v, int) and not isinstance(v, bool)
        }
        mentor = MentorOffer(
            capacity=_whole(m.get("capacity", 1)),
            skills=skills,
            preferences=strs(m.get("preferences"))[:5],
        )
    if isinstance(d.get("mentee"), dict):
        m = d["mentee"]
        goals = _built(
            items(m.get("goals")), lambda g: Goal(required(g["skill"]), text(g.get("note")))
        )
        mentee = MenteeRequest(
            goals, m.get("prefer_cross_functional") is True, strs(m.get("preferences"))[:5]
        )
    return Participant(
        id=required(d["id"]),
        name=required(d["name"]),
        department=required(d["department"]),
        level=_whole(d["level"]),
        timezone=required(d["timezone"]),
        source=doc.path,
        github=text(d.get("github")),
        email=optional_text(d.get("email")),
        pronouns=text(d.get("pronouns")),
        title=text(d.get("title")),
        location=text(d.get("location")),
        languages=strs(d.get("languages")) or ("en",),
        manager=optional_text(d.get("manager")),
        bio=text(d.get("bio")),
        # Privacy errs on the safe side: `public: no` (text in YAML 1.2) keeps a person off the site.
        public=d.get("public", True) is True,
        joined=optional_text(d.get("joined")),
        cohorts=strs(d.get("cohorts")),
        mentor=mentor,
        mentee=mentee,
        formats=strs(d.get("formats")),
        hours_per_month=finite(d.get("hours_per_month")),
        avoid=strs(d.get("avoid")),
        keys=strs(d.get("keys")),
    )


def _departed(doc: Document) -> Departed:
    d = doc.data
    return Departed(
        id=required(d["id"]),
        name=required(d["name"]),
        departed=required(d["departed"]),
        source=doc.path,
        github=text(d.get("github")),
        public=d.get("public", True) is True,
        extra_fields=tuple(str(k) for k in d if k not in DEPARTED_FIELDS),
    )


def _cohort(doc: Document, defaults: MatchingSettings) -> Cohort:
    d = doc.data
    milestones = _built(
        items(d.get("milestones")),
        lambda m: Milestone(
            required(m["name"]),
            required(m["date"]),
            choice(m.get("kind"), MILESTONE_KINDS, "custom"),
            text(m.get("description")),
        ),
    )
    return Cohort(
        id=required(d["id"]),
        name=required(d["name"]),
        format=choice(d["format"], COHORT_FORMATS),
        status=choice(d["status"], COHORT_STATUSES),
        starts=required(d["starts"]),
        ends=required(d["ends"]),
        source=doc.path,
        description=text(d.get("description")),
        cadence=optional_text(d.get("cadence")),
        milestones=milestones,
        matching=matching_settings(d.get("matching"), defaults),
        rounds=_count(d.get("rounds"), 4),
        round_length=_count(d.get("round_length"), 14),
    )


def _match_file(doc: Document) -> MatchFile:
    d = doc.data
    pairs = _built(items(d.get("pairs")), _pair)
    circles = _built(items(d.get("circles")), _circle)
    unmatched = _built(items(d.get("unmatched")), _unmatched)
    return MatchFile(required(d["cohort"]), doc.path, pairs, circles, unmatched)


def _pair(p: dict[str, Any]) -> Pair:
    return Pair(
        mentor=required(p["mentor"]),
        mentee=required(p["mentee"]),
        score=finite(p.get("score")),
        status=choice(p.get("status"), PAIR_STATUSES, "proposed"),
        locked=p.get("locked") is True,
        reasons=strs(p.get("reasons")),
        since=optional_text(p.get("since")),
        ended=optional_text(p.get("ended")),
        end_reason=optional_text(p.get("end_reason")),
        note=optional_text(p.get("note")),
        round=_count(p.get("round"), 0) or None,
    )


def _circle(c: dict[str, Any]) -> Circle:
    return Circle(
        required(c["id"]),
        strs(c.get("members")),
        optional_text(c.get("facilitator")),
        strs(c.get("reasons")),
        c.get("locked") is True,
        tuple(
            (required(f["id"]), required(f["ended"]))
            for f in items(c.get("former_members"))
            if isinstance(f, dict)
            and isinstance(f.get("id"), str)
            and isinstance(f.get("ended"), str)
        ),
    )


def _unmatched(raw: dict[str, Any]) -> Unmatched:
    return Unmatched(required(raw["id"]), text(raw.get("reason")))


def _built(raw_items: list[Any], make: Callable[[dict[str, Any]], T]) -> tuple[T, ...]:
    """The items of a list that can be built; a broken item is skipped, not its whole file."""
    built = []
    for raw in raw_items:
        if not isinstance(raw, dict):
            continue
        try:
            built.append(make(raw))
        except _BUILD_ERRORS:
            continue
    return tuple(built)


def _agreement(doc: Document) -> Agreement:
    d = doc.data
    signed = mapping(d.get("signed"))
    goals = _built(
        items(d.get("goals")),
        lambda g: AgreementGoal(
            required(g["goal"]),
            optional_text(g.get("skill")),
            text(g.get("measure")),
            choice(g.get("status"), GOAL_STATUSES, "not-started"),
        ),
    )
    # The old inline list, kept readable until `mentorkit migrate-checkins` moves it out.
    checkins = _built(
        items(d.get("checkins")),
        lambda c: Checkin(
            required(c["date"]),
            choice(c.get("health"), HEALTHS),
            optional_text(c.get("by")),
            text(c.get("note")),
            doc.path,
        ),
    )
    return Agreement(
        cohort=required(d["cohort"]),
        mentor=required(d["mentor"]),
        mentee=required(d["mentee"]),
        status=choice(d["status"], AGREEMENT_STATUSES),
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
        ended=optional_text(d.get("ended")),
        notes=text(d.get("notes")),
        checkins=tuple(sorted(checkins, key=lambda c: c.date)),
    )


PairKey = tuple[str, str, str]


def _checkin_file(doc: Document) -> tuple[PairKey, Checkin]:
    """A check-in file: its pair, and the check-in (health None while sealed and unopened)."""
    d = doc.data
    health = d.get("health")
    checkin = Checkin(
        required(d["date"]),
        None if health is None else choice(health, HEALTHS),
        required(d["by"]),
        text(d.get("note")),
        doc.path,
    )
    return (required(d["cohort"]), required(d["mentor"]), required(d["mentee"])), checkin


def _with_checkin_files(agreements: list[Agreement], docs: list[Document]) -> tuple[Agreement, ...]:
    """Each agreement with the check-in files of its pair merged in, oldest first."""
    by_pair: dict[PairKey, list[Checkin]] = {}
    for key, checkin in _each(docs, _checkin_file):
        by_pair.setdefault(key, []).append(checkin)
    if not by_pair:
        return tuple(agreements)
    merged = []
    for agreement in agreements:
        extra = by_pair.get((agreement.cohort, agreement.mentor, agreement.mentee), [])
        if extra:
            every = sorted((*agreement.checkins, *extra), key=lambda c: (c.date, c.source))
            agreement = dataclasses.replace(agreement, checkins=tuple(every))
        merged.append(agreement)
    return tuple(merged)


def _lesson(doc: Document) -> Lesson:
    d = doc.data
    return Lesson(
        title=required(d["title"]),
        author=required(d["author"]),
        date=required(d["date"]),
        source=doc.path,
        context=required(d["context"]),
        action=required(d["action"]),
        outcome=required(d["outcome"]),
        takeaway=required(d["takeaway"]),
        skills=strs(d.get("skills")),
        cohort=optional_text(d.get("cohort")),
    )


def _each(docs: list[Document], make: Callable[[Document], T]) -> list[T]:
    built = []
    for doc in docs:
        try:
            built.append(make(doc))
        except _BUILD_ERRORS:
            continue
    return built


def build_program(loaded: Documents) -> Program:
    """The model of a loaded repository; documents too broken to build are left out."""
    by_kind: dict[str, list[Document]] = {}
    for path, doc in loaded.documents.items():
        by_kind.setdefault(loaded.kinds[path], []).append(doc)
    charter = build_charter(loaded.documents.get(CHARTER))
    skills, categories = skill_vocabulary(loaded.documents.get(SKILLS))
    people_docs = by_kind.get("participant", [])
    left_docs = [doc for doc in people_docs if doc.data.get("departed") is not None]
    participants: dict[str, Participant] = {}
    for person in _each([d for d in people_docs if d not in left_docs], _participant):
        participants.setdefault(person.id, person)
    departed: dict[str, Departed] = {}
    for gone in _each(left_docs, _departed):
        if gone.id not in participants:
            departed.setdefault(gone.id, gone)
    participant_stems = {stem(path) for path, kind in loaded.kinds.items() if kind == "participant"}
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
        departed=dict(sorted(departed.items())),
        cohorts=dict(sorted(cohorts.items())),
        matches=dict(sorted(matches.items())),
        agreements=_with_checkin_files(
            _each(by_kind.get("agreement", []), _agreement), by_kind.get("checkin", [])
        ),
        lessons=tuple(lessons),
        sources=loaded.documents,
        kinds=loaded.kinds,
        unreadable_participants=frozenset(participant_stems - set(participants) - set(departed)),
    )
