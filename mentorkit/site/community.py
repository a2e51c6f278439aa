"""Pages about people and what they share: the mentor directory, a page per public
participant, lessons of the week with their archive, and a page per skill."""

from __future__ import annotations

from collections import Counter
from itertools import groupby
from typing import Any

from jinja2 import Environment

from mentorkit.model.pages import skill_page
from mentorkit.site.render import language_name, offset_key, offset_label
from mentorkit.site.text import title_yaml
from mentorkit.site.view import PublicLesson, PublicPerson, PublicView

LATEST_ON_HOME = 10


def _shared(view: PublicView) -> dict[str, Any]:
    """Names every community template may use."""
    by_slug = view.lessons_by_slug()
    return {
        "view": view,
        "people": view.people,
        "skill_page": skill_page,
        "skill_name": view.skill_name,
        "lessons_of": lambda person: [by_slug[s] for s in person.lessons],
        "skill_level": lambda person, skill_id: dict(person.skills).get(skill_id, 0),
    }


def _search_text(view: PublicView, person: PublicPerson) -> str:
    words = [person.name, person.title, person.department, person.pronouns]
    words += [view.skill_name(s) for s, _ in person.skills]
    words += [language_name(code) for code in person.languages]
    return " ".join(words).casefold()


def directory_page(env: Environment, view: PublicView) -> str:
    mentors = view.mentors()
    offered = sorted(
        {s for m in mentors for s, _ in m.skills}, key=lambda s: view.skill_name(s).casefold()
    )
    zones: dict[str, set[str]] = {}
    for mentor in mentors:
        zones.setdefault(offset_key(mentor.utc_offset), set()).add(mentor.timezone)
    offsets = [
        (key, ", ".join(sorted(names)))
        for key, names in sorted(zones.items(), key=lambda kv: int(kv[0]) if kv[0] else 10**6)
    ]
    return env.get_template("directory.md.j2").render(
        **_shared(view),
        page="mentors/index.md",
        mentors=mentors,
        skill_options=[(s, view.skill_name(s)) for s in offered],
        departments=sorted({m.department for m in mentors}, key=str.casefold),
        languages=sorted({code for m in mentors for code in m.languages}, key=language_name),
        offsets=offsets,
        offset_label=offset_label,
        search_text=lambda person: _search_text(view, person),
    )


def person_page(env: Environment, view: PublicView, person: PublicPerson) -> str:
    return env.get_template("person.md.j2").render(
        **_shared(view),
        page=person.page,
        person=person,
        title_yaml=title_yaml(person.name),
        offered_names=", ".join(view.skill_name(s) for s, _ in person.skills),
    )


def lesson_page(env: Environment, view: PublicView, lesson: PublicLesson) -> str:
    return env.get_template("lesson.md.j2").render(
        **_shared(view), page=lesson.page, lesson=lesson, title_yaml=title_yaml(lesson.title)
    )


def community_page(env: Environment, view: PublicView) -> str:
    return env.get_template("community.md.j2").render(
        **_shared(view), page="community/index.md", latest=view.lessons[:LATEST_ON_HOME]
    )


def archive_page(env: Environment, view: PublicView) -> str:
    months = [
        (month, list(group)) for month, group in groupby(view.lessons, key=lambda x: x.year_month)
    ]
    return env.get_template("archive.md.j2").render(
        **_shared(view), page="community/archive.md", months=months
    )


def skills_pages(env: Environment, view: PublicView, categories: dict[str, str]) -> dict[str, str]:
    """The skills index and one page per skill of the vocabulary."""
    mentors = view.mentors()
    mentor_count = Counter(s for m in mentors for s, _ in m.skills)
    lesson_count = Counter(s for lesson in view.lessons for s in lesson.skills)
    shared = _shared(view)
    pages: dict[str, str] = {}
    grouped: dict[str, list[Any]] = {}
    for skill in sorted(view.skills.values(), key=lambda s: s.name.casefold()):
        category = categories.get(skill.category or "", skill.category or "Other skills")
        grouped.setdefault(category, []).append(skill)
        offering = sorted(
            (m for m in mentors if any(s == skill.id for s, _ in m.skills)),
            key=lambda m: (-dict(m.skills)[skill.id], m.name.casefold(), m.id),
        )
        page = skill_page(skill.id)
        pages[page] = env.get_template("skill.md.j2").render(
            **shared,
            page=page,
            skill=skill,
            category=category if skill.category else "",
            mentors=offering,
            lessons=[lesson for lesson in view.lessons if skill.id in lesson.skills],
            title_yaml=title_yaml(skill.name),
        )
    pages["community/skills/index.md"] = env.get_template("skills.md.j2").render(
        **shared,
        page="community/skills/index.md",
        groups=sorted(grouped.items(), key=lambda kv: kv[0].casefold()),
        mentor_count=mentor_count,
        lesson_count=lesson_count,
    )
    return pages


def community_pages(
    env: Environment, view: PublicView, categories: dict[str, str]
) -> dict[str, str]:
    pages = {
        "mentors/index.md": directory_page(env, view),
        "community/index.md": community_page(env, view),
        "community/archive.md": archive_page(env, view),
    }
    for person in view.people.values():
        pages[person.page] = person_page(env, view, person)
    for lesson in view.lessons:
        pages[lesson.page] = lesson_page(env, view, lesson)
    pages.update(skills_pages(env, view, categories))
    return pages
