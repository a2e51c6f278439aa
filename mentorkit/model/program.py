"""The whole program: every entity, indexed, plus where each value was written."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from mentorkit.model.entities import (
    Agreement,
    Charter,
    Cohort,
    Departed,
    Lesson,
    MatchFile,
    Participant,
    Skill,
    SkillCategory,
)
from mentorkit.model.source import KeyPath, Location, Locator


@dataclass(frozen=True)
class Program:
    """A program repository's data. Dicts are ordered by id (lessons by date) and read-only."""

    charter: Charter
    skills: dict[str, Skill] = field(default_factory=dict)
    categories: tuple[SkillCategory, ...] = ()
    participants: dict[str, Participant] = field(default_factory=dict)
    # People who left (participant files with ``departed:``); not in ``participants``.
    departed: dict[str, Departed] = field(default_factory=dict)
    cohorts: dict[str, Cohort] = field(default_factory=dict)
    matches: dict[str, MatchFile] = field(default_factory=dict)
    agreements: tuple[Agreement, ...] = ()
    lessons: tuple[Lesson, ...] = ()
    # Where each value was written, per file (positions only: checks judge the model,
    # not the raw files), and the kind of every data file found, built or not.
    sources: Mapping[str, Locator] = field(default_factory=dict, repr=False, compare=False)
    kinds: Mapping[str, str] = field(default_factory=dict, repr=False, compare=False)
    # Ids of participant files that exist but could not be built (schema errors):
    # references to them are not reported again as unknown.
    unreadable_participants: frozenset[str] = frozenset()
    # Files whose sealed value was not opened (no identity, or not sealed to it): their
    # private fields are unknown, so a command that needs them must say so, not guess.
    unopened: frozenset[str] = frozenset()
    # Of those, the files whose sealed value an identity was given for but could not be
    # used (see ``sealing.set_aside``): read from their plain fields, reported, left out.
    unusable: frozenset[str] = frozenset()

    def locate(self, path: str, keypath: KeyPath = (), *, key: bool = False) -> Location:
        """Line and column of a value (or its key) in a file; (0, 0) when the file is unknown."""
        doc = self.sources.get(path)
        if doc is None:
            return (0, 0)
        return doc.locate(keypath, key=key)

    def knows_participant(self, participant_id: str) -> bool:
        return (
            participant_id in self.participants
            or participant_id in self.departed
            or participant_id in self.unreadable_participants
        )

    def name_of(self, participant_id: str) -> str | None:
        """The person's name, for people in the program and people who left; None if unknown."""
        person = self.participants.get(participant_id) or self.departed.get(participant_id)
        return person.name if person is not None else None

    def is_public(self, participant_id: str) -> bool:
        person = self.participants.get(participant_id) or self.departed.get(participant_id)
        return person is not None and person.public

    def enrolled(self, cohort_id: str) -> list[Participant]:
        return [p for p in self.participants.values() if cohort_id in p.cohorts]

    def mentors_in(self, cohort_id: str) -> list[Participant]:
        return [p for p in self.enrolled(cohort_id) if p.mentor is not None]

    def mentees_in(self, cohort_id: str) -> list[Participant]:
        return [p for p in self.enrolled(cohort_id) if p.mentee is not None]

    def unopened_participants(self, ids: list[str] | None = None) -> list[Participant]:
        """The participants (of ``ids``, else all) whose sealed fields are unknown."""
        people = (
            self.participants.values()
            if ids is None
            else [self.participants[i] for i in ids if i in self.participants]
        )
        return [p for p in people if p.source in self.unopened]

    def agreement_for(self, cohort_id: str, mentor: str, mentee: str) -> Agreement | None:
        for agreement in self.agreements:
            if (agreement.cohort, agreement.mentor, agreement.mentee) == (
                cohort_id,
                mentor,
                mentee,
            ):
                return agreement
        return None
