"""The public face of a program: the only data the site's pages are ever given.

Privacy is enforced here, once, by construction: ``public_view`` copies the fields the
site may show (name, pronouns, title, department, bio, offered skills, languages,
time zone, lessons) of people who are public, and nothing else. Email, manager, avoid,
goals, check-ins, agreements and who is paired with whom never enter a ``PublicView``,
so no template can leak them by mistake.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from markupsafe import Markup

from mentorkit.lifecycle.relationships import current_cohort_ids, mentor_load
from mentorkit.model.entities import (
    CohortFormat,
    CohortStatus,
    Milestone,
    Participant,
    Skill,
    as_date,
)
from mentorkit.model.pages import shared_pages, slug
from mentorkit.model.program import Program
from mentorkit.model.rules import utc_offset_hours
from mentorkit.site.text import render_markdown


@dataclass(frozen=True)
class PublicPerson:
    id: str
    name: str
    pronouns: str
    title: str
    department: str
    bio_html: Markup
    languages: tuple[str, ...]
    timezone: str
    utc_offset: float | None
    skills: tuple[tuple[str, int], ...]  # (skill id, level 1-5), strongest first
    is_mentor: bool
    open_to_mentees: bool
    lessons: tuple[str, ...]  # lesson slugs, newest first

    @property
    def page(self) -> str:
        return f"people/{self.id}.md"


@dataclass(frozen=True)
class PublicLesson:
    slug: str
    title: str
    date: str
    author: str
    skills: tuple[str, ...]
    context_html: Markup
    action_html: Markup
    outcome_html: Markup
    takeaway_html: Markup

    @property
    def page(self) -> str:
        return f"community/lessons/{self.slug}.md"

    @property
    def year_month(self) -> str:
        return self.date[:7]


@dataclass(frozen=True)
class PublicCohort:
    id: str
    name: str
    format: CohortFormat
    status: CohortStatus
    starts: str
    ends: str
    cadence: str
    description_html: Markup
    milestones: tuple[Milestone, ...]

    @property
    def page(self) -> str:
        return f"cohorts/{self.id}.md"


@dataclass(frozen=True)
class PublicView:
    name: str
    title: str
    description: str
    purpose: str
    today: dt.date
    people: dict[str, PublicPerson]
    lessons: tuple[PublicLesson, ...]  # newest first
    skills: dict[str, Skill]
    cohorts: tuple[PublicCohort, ...]  # newest start first

    def mentors(self) -> list[PublicPerson]:
        return sorted((p for p in self.people.values() if p.is_mentor), key=_by_name)

    def skill_name(self, skill_id: str) -> str:
        skill = self.skills.get(skill_id)
        return skill.name if skill else skill_id

    def lessons_by_slug(self) -> dict[str, PublicLesson]:
        return {lesson.slug: lesson for lesson in self.lessons}


def _by_name(person: PublicPerson) -> tuple[str, str]:
    return (person.name.casefold(), person.id)


def _person(
    person: Participant, load: dict[str, int], lessons: tuple[str, ...], skills: dict[str, Skill]
) -> PublicPerson:
    offered: tuple[tuple[str, int], ...] = ()
    open_to_mentees = False
    if person.mentor is not None:
        offered = tuple(
            sorted(
                ((s, lvl) for s, lvl in person.mentor.skills.items() if s in skills),
                key=lambda item: (-item[1], item[0]),
            )
        )
        open_to_mentees = person.mentor.capacity - load.get(person.id, 0) > 0
    return PublicPerson(
        id=person.id,
        name=person.name,
        pronouns=person.pronouns,
        title=person.title,
        department=person.department,
        bio_html=render_markdown(person.bio),
        languages=person.languages,
        timezone=person.timezone,
        utc_offset=utc_offset_hours(person.timezone),
        skills=offered,
        is_mentor=person.mentor is not None,
        open_to_mentees=open_to_mentees,
        lessons=lessons,
    )


def public_view(program: Program, today: dt.date) -> PublicView:
    """What the site may show of ``program`` on ``today`` (lessons dated later wait)."""
    public = {pid: p for pid, p in program.participants.items() if p.public}
    shared = shared_pages(lesson.source for lesson in program.lessons)
    lessons = tuple(
        PublicLesson(
            slug=slug(lesson.slug),  # the page is model.pages.lesson_page(lesson.source)
            title=lesson.title,
            date=lesson.date,
            author=lesson.author,
            skills=tuple(s for s in lesson.skills if s in program.skills),
            context_html=render_markdown(lesson.context),
            action_html=render_markdown(lesson.action),
            outcome_html=render_markdown(lesson.outcome),
            takeaway_html=render_markdown(lesson.takeaway),
        )
        for lesson in sorted(program.lessons, key=lambda item: (item.date, item.slug), reverse=True)
        # A lesson by someone off the site would name them through its byline; two files
        # sharing one address publish neither (validation says why), so no lesson can
        # take over another's page, byline or feed guid.
        if lesson.source not in shared
        and lesson.author in public
        and (when := as_date(lesson.date)) is not None
        and when <= today
    )
    by_author: dict[str, list[str]] = {}
    for lesson in lessons:
        by_author.setdefault(lesson.author, []).append(lesson.slug)
    # Capacity is taken by accepted pairs of the cohorts running now.
    load = mentor_load(program, current_cohort_ids(program, today))
    people = {
        pid: _person(p, load, tuple(by_author.get(pid, ())), program.skills)
        for pid, p in public.items()
    }
    cohorts = tuple(
        PublicCohort(
            id=c.id,
            name=c.name,
            format=c.format,
            status=c.status,
            starts=c.starts,
            ends=c.ends,
            cadence=c.cadence or "",
            description_html=render_markdown(c.description),
            milestones=tuple(sorted(c.milestones, key=lambda m: m.date)),
        )
        for c in sorted(program.cohorts.values(), key=lambda c: (c.starts, c.id), reverse=True)
    )
    site = program.charter.site
    return PublicView(
        name=program.charter.name,
        title=site.title or program.charter.name,
        description=site.description,
        purpose=program.charter.purpose,
        today=today,
        people=people,
        lessons=lessons,
        skills=dict(program.skills),
        cohorts=cohorts,
    )
