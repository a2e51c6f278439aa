"""Recognition: what each mentor has given the program, for a site page and a report section.

A mentor has *mentored* a person when they were paired (accepted, or accepted and later
ended; a proposal ended by a rematch before it began does not count) or when they
facilitated a circle the person belonged to. *Cohorts served* are the cohorts where they
did so; *lessons written* are lesson-of-the-week entries they authored.
For the site pass ``public_only=True``: mentors with ``public: false`` are left out.
"""

from __future__ import annotations

from dataclasses import dataclass

from mentorkit.lifecycle.relationships import has_mentored
from mentorkit.model.program import Program


@dataclass(frozen=True)
class MentorContribution:
    mentor: str
    name: str
    department: str
    people_mentored: int
    cohorts_served: tuple[str, ...]
    lessons_written: int

    @property
    def cohort_count(self) -> int:
        return len(self.cohorts_served)


def mentor_contributions(
    program: Program, *, public_only: bool = False, cohort: str | None = None
) -> tuple[MentorContribution, ...]:
    """Every mentor who has mentored someone, most people mentored first.

    ``cohort`` limits the figures to one cohort (its pairs, circles and lessons).
    """
    mentored: dict[str, set[str]] = {}
    served: dict[str, set[str]] = {}
    for cohort_id, match in program.matches.items():
        if cohort is not None and cohort_id != cohort:
            continue
        for pair in match.pairs:
            if has_mentored(program, cohort_id, pair):
                mentored.setdefault(pair.mentor, set()).add(pair.mentee)
                served.setdefault(pair.mentor, set()).add(cohort_id)
        for circle in match.circles:
            if circle.facilitator:
                others = set(circle.members) - {circle.facilitator}
                mentored.setdefault(circle.facilitator, set()).update(others)
                served.setdefault(circle.facilitator, set()).add(cohort_id)
    lessons: dict[str, int] = {}
    for lesson in program.lessons:
        if cohort is None or lesson.cohort == cohort:
            lessons[lesson.author] = lessons.get(lesson.author, 0) + 1
    rows = []
    for mentor_id in mentored:
        person = program.participants.get(mentor_id)
        if person is None or (public_only and not person.public):
            continue
        rows.append(
            MentorContribution(
                mentor=mentor_id,
                name=person.name,
                department=person.department,
                people_mentored=len(mentored[mentor_id]),
                cohorts_served=tuple(sorted(served[mentor_id])),
                lessons_written=lessons.get(mentor_id, 0),
            )
        )
    rows.sort(key=lambda r: (-r.people_mentored, -r.cohort_count, -r.lessons_written, r.name))
    return tuple(rows)
