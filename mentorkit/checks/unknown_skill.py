"""Every skill a mentor offers, a mentee seeks or a lesson is tagged with is in program/skills.yaml.

Code: ``unknown-skill``.

Passing: ``mentor: {capacity: 1, skills: {python: 4}}`` with ``python`` in the vocabulary.

Failing: ``skills: {pyhton: 4}`` (unknown-skill: unknown skill 'pyhton' (did you mean
'python'?)); ``skills: {py: 4}`` where ``py`` is an alias (unknown-skill: 'py' is an alias;
write the skill id 'python').
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from mentorkit.checks.base import problem_at, problem_in
from mentorkit.model.build_charter import items
from mentorkit.model.paths import SKILLS
from mentorkit.model.program import Program
from mentorkit.model.source import Documents, KeyPath
from mentorkit.problems import Problem, shown

CODE = "unknown-skill"


class _Vocabulary:
    def __init__(self, program: Program) -> None:
        self.ids = set(program.skills)
        self.aliases = {a.lower(): s.id for s in program.skills.values() for a in s.aliases}
        self.by_name = {s.name.lower(): s.id for s in program.skills.values()}
        self.sorted_ids = sorted(self.ids)

    def explain(self, skill: str) -> str:
        lowered = skill.lower()
        target = self.aliases.get(lowered) or self.by_name.get(lowered)
        if target:
            return f"{shown(skill)} is another name for a skill; write the skill id {target!r}"
        close = difflib.get_close_matches(lowered, self.sorted_ids, n=1, cutoff=0.6)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        return f"unknown skill {shown(skill)}{hint}; skills are listed in program/skills.yaml"


def _used(program: Program) -> Iterator[tuple[str, KeyPath, str, bool]]:
    """Every skill the model names: (file, key path, skill, is the skill the key?)."""
    for person in program.participants.values():
        if person.mentor:
            for skill in person.mentor.skills:
                yield person.source, ("mentor", "skills", skill), skill, True
        if person.mentee:
            for i, goal in enumerate(person.mentee.goals):
                yield person.source, ("mentee", "goals", i, "skill"), goal.skill, False
    for lesson in program.lessons:
        for i, skill in enumerate(lesson.skills):
            yield lesson.source, ("skills", i), skill, False
    for agreement in program.agreements:
        for i, agreement_goal in enumerate(agreement.goals):
            if agreement_goal.skill:
                yield agreement.source, ("goals", i, "skill"), agreement_goal.skill, False


def check(program: Program) -> Iterator[Problem]:
    if SKILLS not in program.sources:
        return
    vocabulary = _Vocabulary(program)
    for path, keypath, skill, key in _used(program):
        if skill not in vocabulary.ids:
            yield problem_at(program, path, keypath, CODE, vocabulary.explain(skill), key=key)


def check_files(files: Documents) -> Iterator[Problem]:
    """A skill's category is one of the categories listed (when any are)."""
    doc = files.documents.get(SKILLS)
    if doc is None:
        return
    categories = {
        str(c["id"]) for c in items(doc.data.get("categories")) if isinstance(c, dict) and "id" in c
    }
    if categories:
        for i, skill_doc in enumerate(items(doc.data.get("skills"))):
            category = skill_doc.get("category") if isinstance(skill_doc, dict) else None
            if isinstance(category, str) and category not in categories:
                yield problem_in(
                    doc,
                    ("skills", i, "category"),
                    CODE,
                    f"unknown category {shown(category)}; categories are listed under categories:",
                )
