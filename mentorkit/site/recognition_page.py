"""The "Mentors we thank" page, from ``mentorkit.lifecycle.recognition`` when it is there.

Only public mentors are named, and only their work with people on the site counts. How many people each mentored is left out: on a public
page it is a number about fewer than five people.
"""

from __future__ import annotations

from jinja2 import Environment

from mentorkit.lifecycle.published import public_program
from mentorkit.lifecycle.recognition import mentor_contributions
from mentorkit.model.program import Program
from mentorkit.site.view import PublicView


def recognition_page(env: Environment, program: Program, view: PublicView) -> str:
    thanked = [
        row
        for row in mentor_contributions(public_program(program), public_only=True)
        if row.mentor in view.people
    ]
    names = {cohort.id: cohort.name for cohort in view.cohorts}
    return env.get_template("thanks.md.j2").render(
        page="community/thanks.md",
        thanked=sorted(thanked, key=lambda r: (view.people[r.mentor].name.casefold(), r.mentor)),
        people=view.people,
        cohort_names=names,
        lessons_of=lambda mentor_id: len(view.people[mentor_id].lessons),
    )
