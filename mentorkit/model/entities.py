"""The program's data as frozen dataclasses: built once, read by checks, matching and rendering.

Dates stay ISO strings (``"2026-09-01"``) as written; ``as_date`` turns one into a
``datetime.date`` where arithmetic is needed. Mappings are plain dicts treated as
read-only by convention.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal, get_args

from mentorkit.model.export_settings import OutcomeSettings, SurveySettings
from mentorkit.model.paths import CHARTER, stem

# The closed vocabularies of the data. Each Literal is the one home of its values: the
# tuples below, the CLI's choices and (by a test) the JSON Schemas' enums follow it.
CohortFormat = Literal["one-on-one", "reverse", "peer", "circles", "rotation", "swap"]
CohortStatus = Literal["planning", "enrolling", "matching", "active", "closed"]
PairStatus = Literal["proposed", "accepted", "ended"]
AgreementStatus = Literal["draft", "active", "paused", "completed", "rematched"]
MilestoneKind = Literal["kickoff", "review", "reflection", "custom"]
Health = Literal["on-track", "needs-attention", "off-track"]
GoalStatus = Literal["not-started", "in-progress", "achieved", "dropped"]
# What a cohort's matching optimises first (``matching.objective``).
Objective = Literal["coverage", "quality", "stable"]
# How a person is open to being mentored (a participant's ``formats``), not a cohort format.
MeetingFormat = Literal["one-on-one", "circle", "reverse", "async", "shadowing"]

COHORT_FORMATS: tuple[CohortFormat, ...] = get_args(CohortFormat)
COHORT_STATUSES: tuple[CohortStatus, ...] = get_args(CohortStatus)
PAIR_STATUSES: tuple[PairStatus, ...] = get_args(PairStatus)
AGREEMENT_STATUSES: tuple[AgreementStatus, ...] = get_args(AgreementStatus)
MILESTONE_KINDS: tuple[MilestoneKind, ...] = get_args(MilestoneKind)
HEALTHS: tuple[Health, ...] = get_args(Health)
GOAL_STATUSES: tuple[GoalStatus, ...] = get_args(GoalStatus)
OBJECTIVES: tuple[Objective, ...] = get_args(Objective)
MEETING_FORMATS: tuple[MeetingFormat, ...] = get_args(MeetingFormat)
# Formats that pair mentors with mentees (a mentee has one current mentor); the others
# group peers (everyone is both).
BIPARTITE_FORMATS: frozenset[CohortFormat] = frozenset({"one-on-one", "reverse"})
# Formats that pair people within one pool (no mentor or mentee role); circles group them.
PEER_PAIR_FORMATS: frozenset[CohortFormat] = frozenset({"peer", "rotation", "swap"})

CADENCE_DAYS = {"weekly": 7, "fortnightly": 14, "monthly": 31}


def as_date(value: str | None) -> dt.date | None:
    """An ISO date string as a date; None when absent or not a real date."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


# The default of ``privacy.min_group``, the one place it is written: the disclosure rules
# (mentorkit.lifecycle.disclosure) and the fairness audit read it from here or the charter.
DEFAULT_MIN_GROUP = 5


@dataclass(frozen=True)
class Weights:
    goals: float = 0.45
    seniority: float = 0.15
    timezone: float = 0.15
    language: float = 0.05
    cross_functional: float = 0.10
    format: float = 0.10

    def as_dict(self) -> dict[str, float]:
        return {
            "goals": self.goals,
            "seniority": self.seniority,
            "timezone": self.timezone,
            "language": self.language,
            "cross_functional": self.cross_functional,
            "format": self.format,
        }


@dataclass(frozen=True)
class MatchingSettings:
    """Program defaults, overridden field by field by a cohort's ``matching:`` block."""

    weights: Weights = field(default_factory=Weights)
    max_timezone_gap_hours: float = 8.0
    cross_functional: Literal["prefer", "require", "ignore"] = "prefer"
    circle_size: int = 5
    objective: Objective = "coverage"
    min_score: float = 0.0
    preference_bonus: float = 0.1  # added to a 1st choice's score; a 5th choice gets a fifth


@dataclass(frozen=True)
class Skill:
    id: str
    name: str
    category: str | None = None
    aliases: tuple[str, ...] = ()
    description: str = ""


@dataclass(frozen=True)
class SkillCategory:
    id: str
    name: str
    description: str = ""


@dataclass(frozen=True)
class MentorOffer:
    capacity: int
    skills: dict[str, int]
    preferences: tuple[str, ...] = ()  # mentee ids, most wanted first


@dataclass(frozen=True)
class Goal:
    skill: str
    note: str = ""


@dataclass(frozen=True)
class MenteeRequest:
    goals: tuple[Goal, ...]
    prefer_cross_functional: bool = False
    preferences: tuple[str, ...] = ()  # mentor ids, most wanted first


@dataclass(frozen=True)
class Participant:
    id: str
    name: str
    department: str
    level: int
    timezone: str
    source: str
    github: str = ""
    email: str | None = None
    pronouns: str = ""
    title: str = ""
    location: str = ""
    languages: tuple[str, ...] = ("en",)
    manager: str | None = None
    bio: str = ""
    public: bool = True
    joined: str | None = None
    cohorts: tuple[str, ...] = ()
    mentor: MentorOffer | None = None
    mentee: MenteeRequest | None = None
    formats: tuple[str, ...] = ()
    hours_per_month: float | None = None
    avoid: tuple[str, ...] = ()
    keys: tuple[str, ...] = ()

    @property
    def login(self) -> str:
        """The GitHub login that may edit this file."""
        return self.github or self.id


@dataclass(frozen=True)
class Departed:
    """Someone who left the program: only what history needs.

    ``participants/<id>.yaml`` keeps ``id``, ``name``, ``github``, ``public`` and the
    ``departed`` date, so past pairs, agreements and lessons that name the person still
    validate and show their name. A departed person is in no cohort and is never matched.
    """

    id: str
    name: str
    departed: str
    source: str
    github: str = ""
    public: bool = True
    # Fields the record still holds beyond DEPARTED_FIELDS (checks.departed reports them).
    extra_fields: tuple[str, ...] = ()

    @property
    def login(self) -> str:
        return self.github or self.id


# What a departed record keeps: enough to name the person in history and to know which
# GitHub login owns the file.
DEPARTED_FIELDS = ("id", "name", "github", "public", "departed")


@dataclass(frozen=True)
class Milestone:
    name: str
    date: str
    kind: MilestoneKind
    description: str = ""


@dataclass(frozen=True)
class Cohort:
    id: str
    name: str
    format: CohortFormat
    status: CohortStatus
    starts: str
    ends: str
    source: str
    description: str = ""
    cadence: str | None = None
    milestones: tuple[Milestone, ...] = ()
    matching: MatchingSettings = field(default_factory=MatchingSettings)
    rounds: int = 4  # rotation cohorts: how many rounds of new pairs
    round_length: int = 14  # rotation cohorts: days per round


@dataclass(frozen=True)
class Pair:
    mentor: str
    mentee: str
    score: float | None = None
    status: PairStatus = "proposed"
    locked: bool = False
    reasons: tuple[str, ...] = ()
    since: str | None = None
    ended: str | None = None
    end_reason: str | None = None
    note: str | None = None
    round: int | None = None  # rotation cohorts: the round this pair meets in


@dataclass(frozen=True)
class Circle:
    id: str
    members: tuple[str, ...]
    facilitator: str | None = None
    reasons: tuple[str, ...] = ()
    locked: bool = False
    # (id, the day they left) for people who left the circle; history, not members.
    former_members: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Unmatched:
    id: str
    reason: str = ""


@dataclass(frozen=True)
class MatchFile:
    cohort: str
    source: str
    pairs: tuple[Pair, ...] = ()
    circles: tuple[Circle, ...] = ()
    unmatched: tuple[Unmatched, ...] = ()


@dataclass(frozen=True)
class AgreementGoal:
    goal: str
    skill: str | None = None
    measure: str = ""
    status: GoalStatus = "not-started"


@dataclass(frozen=True)
class Checkin:
    """One check-in. ``health`` is None when it is sealed and no identity opened it."""

    date: str
    health: Health | None
    by: str | None = None
    note: str = ""
    source: str = ""


@dataclass(frozen=True)
class Agreement:
    cohort: str
    mentor: str
    mentee: str
    status: AgreementStatus
    source: str
    goals: tuple[AgreementGoal, ...] = ()
    cadence: str | None = None
    starts: str | None = None
    ends: str | None = None
    channels: tuple[str, ...] = ()
    confidentiality: str = ""
    boundaries: tuple[str, ...] = ()
    signed_mentor: str | None = None
    signed_mentee: str | None = None
    status_reason: str | None = None
    ended: str | None = None
    notes: str = ""
    checkins: tuple[Checkin, ...] = ()


@dataclass(frozen=True)
class Lesson:
    title: str
    author: str
    date: str
    source: str
    context: str
    action: str
    outcome: str
    takeaway: str
    skills: tuple[str, ...] = ()
    cohort: str | None = None

    @property
    def slug(self) -> str:
        """The file stem, e.g. ``2026-09-07-first-talk``: unique and stable."""
        return stem(self.source)


@dataclass(frozen=True)
class SuccessMetric:
    name: str
    target: str = ""
    measure: str = ""


@dataclass(frozen=True)
class SiteSettings:
    title: str = ""
    description: str = ""
    url: str = ""
    repo_url: str = ""
    primary_color: str = "indigo"
    accent_color: str = "amber"


@dataclass(frozen=True)
class SealingSettings:
    """``privacy:`` in program.yaml, the sealing part: who reads sealed fields, and the rules."""

    recipients: tuple[tuple[str, str], ...] = ()  # (coordinator id, public key)
    require_sealed: bool = False
    seal_manager: bool = False
    # A sealed value that does not name its file is refused, not only warned about (see
    # ``sealing.binding``): set once `mentorkit rekey` has named every value.
    require_named: bool = False

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(key for _, key in self.recipients)


@dataclass(frozen=True)
class Charter:
    name: str
    purpose: str
    coordinators: tuple[str, ...]
    source: str = CHARTER
    goals: tuple[str, ...] = ()
    success_metrics: tuple[SuccessMetric, ...] = ()
    sponsor: str = ""
    oversight: str = ""
    escalation_path: tuple[str, ...] = ()
    review_cadence: str = ""
    policies: dict[str, str] = field(default_factory=dict)
    matching: MatchingSettings = field(default_factory=MatchingSettings)
    site: SiteSettings = field(default_factory=SiteSettings)
    sealing: SealingSettings = field(default_factory=SealingSettings)
    # privacy.min_group: the smallest group a published figure may describe.
    min_group: int = DEFAULT_MIN_GROUP
    surveys: SurveySettings = field(default_factory=SurveySettings)
    outcomes: OutcomeSettings = field(default_factory=OutcomeSettings)
