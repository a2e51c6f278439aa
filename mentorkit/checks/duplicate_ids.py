"""Each id names one thing: participants, GitHub logins, cohorts, skills and pairs are unique.

Code: ``duplicate-id``.

Passing: two participant files with ids ``ada`` and ``lin``.

Failing: ``participants/lin.yaml`` says ``github: ada-l`` and so does ``participants/ada.yaml``
(duplicate-id: the GitHub login 'ada-l' is also used by participants/ada.yaml); a match file
lists the pair ada -> lin twice.
"""

from __future__ import annotations

from collections.abc import Iterator

from mentorkit.checks.base import problem_at, problem_in
from mentorkit.model.build_charter import items
from mentorkit.model.paths import SKILLS
from mentorkit.model.program import Program
from mentorkit.model.source import Documents
from mentorkit.problems import Problem, shown

CODE = "duplicate-id"


def _first_seen(files: Documents, kind: str, field: str, what: str) -> Iterator[Problem]:
    seen: dict[str, str] = {}
    for path, doc in files.documents.items():
        if files.kinds[path] != kind:
            continue
        value = doc.data.get(field)
        if not isinstance(value, str):
            continue
        if value in seen:
            yield problem_in(
                doc,
                (field,),
                CODE,
                f"the {what} {shown(value)} is also used by {seen[value]}",
            )
        else:
            seen[value] = path


def _logins(program: Program) -> Iterator[Problem]:
    seen: dict[str, str] = {}
    for person in program.participants.values():
        login = person.login.lower()
        if login in seen and seen[login] != person.source:
            field = "github" if person.github else "id"
            yield problem_at(
                program,
                person.source,
                (field,),
                CODE,
                f"the GitHub login {shown(login)} is also used by {seen[login]}",
            )
        seen.setdefault(login, person.source)


def _skills(files: Documents) -> Iterator[Problem]:
    doc = files.documents.get(SKILLS)
    if doc is None:
        return
    names: dict[str, str] = {}
    for i, skill in enumerate(items(doc.data.get("skills"))):
        if not isinstance(skill, dict):
            continue
        for j, name in enumerate([skill.get("id"), *items(skill.get("aliases"))]):
            if not isinstance(name, str):
                continue
            keypath = ("skills", i, "id") if j == 0 else ("skills", i, "aliases", j - 1)
            key = name.lower()
            if key in names:
                yield problem_in(
                    doc,
                    keypath,
                    CODE,
                    f"the skill name {shown(name)} is already used by skill {names[key]!r}",
                )
            else:
                names[key] = str(skill.get("id"))


def _pairs(program: Program) -> Iterator[Problem]:
    for match in program.matches.values():
        seen: set[tuple[str, str]] = set()
        for i, pair in enumerate(match.pairs):
            key = (pair.mentor, pair.mentee)
            if key in seen and pair.status != "ended":
                yield problem_at(
                    program,
                    match.source,
                    ("pairs", i),
                    CODE,
                    f"the pair {pair.mentor} -> {pair.mentee} is listed twice",
                )
            if pair.status != "ended":
                seen.add(key)


def check_files(files: Documents) -> Iterator[Problem]:
    yield from _first_seen(files, "participant", "id", "participant id")
    yield from _first_seen(files, "cohort", "id", "cohort id")
    yield from _first_seen(files, "match", "cohort", "match file for cohort")
    yield from _skills(files)


def check(program: Program) -> Iterator[Problem]:
    yield from _logins(program)
    yield from _pairs(program)
