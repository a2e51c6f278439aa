"""What the sticky pull-request comment shows, decided here and formatted by
``mentorkit.reporters.review``: newcomers to welcome, problems with private values
redacted, the change in proposed matches and in the cohorts' published figures."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from mentorkit.lifecycle.published import PublishedMetrics
from mentorkit.loading.yaml_reader import LoadedDocument
from mentorkit.model.changes import Change
from mentorkit.model.paths import kind_of
from mentorkit.problems import Problem
from mentorkit.sealing.fields import SEALED_KEY, sealable_fields
from mentorkit.workflow.authorship import AuthorshipResult
from mentorkit.workflow.authorship_owners import owner_login, participant_id, same_login
from mentorkit.workflow.match_preview import CohortPreview
from mentorkit.workflow.snapshots import Side

# A changed sealed value counts too: its contents are private whatever they hold.
PRIVATE_FIELDS = frozenset({*sealable_fields("participant"), SEALED_KEY})


@dataclass(frozen=True)
class Newcomer:
    """Someone the pull request enrolls for the first time (welcomed by name)."""

    name: str
    cohorts: tuple[str, ...]


@dataclass(frozen=True)
class ReviewInput:
    base: Side
    head: Side
    changes: tuple[Change, ...]
    problems: tuple[Problem, ...] = ()  # in the changed files, private values redacted
    # New problems in files the pull request did not touch (what it breaks elsewhere).
    elsewhere: tuple[Problem, ...] = ()
    authorship: AuthorshipResult | None = None
    previews: tuple[CohortPreview, ...] = ()
    newcomers: tuple[Newcomer, ...] = ()
    # The published figures (as the dashboard shows them) before and after the change,
    # and the cohorts whose figures the comment shows.
    figures: tuple[PublishedMetrics, PublishedMetrics] | None = None
    figure_cohorts: tuple[str, ...] = ()


def private_lines(doc: LoadedDocument | None) -> frozenset[int]:
    """Lines of a participant file that hold private fields (email, manager, avoid)."""
    if doc is None:
        return frozenset()
    lines = {
        line for path, (line, _) in doc.positions.items() if path and path[0] in PRIVATE_FIELDS
    }
    lines |= {
        line for path, (line, _) in doc.key_positions.items() if path and path[0] in PRIVATE_FIELDS
    }
    return frozenset(lines)


# Hard-rule messages (mentorkit.model.rules) that would tell who reports to whom or who
# asked to avoid whom; reporting loops name managers.
_PRIVATE_RULES = ("are manager and direct report", "asked not to be paired")
_PRIVATE_RULE_MESSAGE = (
    "this breaks a rule about private details (a reporting line or an avoid request); "
    "run `mentorkit validate` locally to see it"
)
_PRIVATE_FIELD_MESSAGE = (
    "a problem with a private field; run `mentorkit validate` locally to see it"
)


def _with_message(problem: Problem, message: str) -> Problem:
    return Problem(problem.path, problem.line, problem.col, problem.level, problem.code, message)


def redact(problem: Problem, doc: LoadedDocument | None) -> Problem:
    """A problem about a private field says where, never what the value is."""
    if problem.code == "manager-cycle" or (
        problem.code == "match-pair" and problem.message.endswith(_PRIVATE_RULES)
    ):
        return _with_message(problem, _PRIVATE_RULE_MESSAGE)
    if kind_of(problem.path) != "participant" or doc is None:
        return problem
    secrets = [
        str(doc.data.get(k)) for k in ("email", "manager") if isinstance(doc.data.get(k), str)
    ]
    secrets += [
        str(v) for v in doc.data.get("avoid") or [] if isinstance(doc.data.get("avoid"), list)
    ]
    if problem.line in private_lines(doc) or any(s and s in problem.message for s in secrets):
        return _with_message(problem, _PRIVATE_FIELD_MESSAGE)
    return problem


def redacted(problems: Sequence[Problem], head: Side) -> tuple[Problem, ...]:
    return tuple(redact(p, head.loaded.documents.get(p.path)) for p in problems)


def newcomers(
    base: Side, head: Side, changes: Sequence[Change], author: str | None
) -> tuple[Newcomer, ...]:
    """People whose profile the pull request adds, new by id and login, written by the
    author (a coordinator adding someone is not that person joining)."""
    base_people = base.snapshot.participants()
    base_logins = {login.casefold() for login in base_people.values()}
    found = []
    for change in changes:
        if kind_of(change.path) != "participant" or change.status != "added":
            continue
        data = head.data(change.path) or {}
        pid, login = participant_id(data, change.path), owner_login(data)
        if pid in base_people or login.casefold() in base_logins:
            continue
        if author and not same_login(login, author):
            continue
        cohorts = tuple(str(c) for c in data.get("cohorts") or [] if isinstance(c, str))
        found.append(Newcomer(str(data.get("name") or pid), cohorts))
    return tuple(found)


def changed_problems(problems: Sequence[Problem], changes: Sequence[Change]) -> tuple[Problem, ...]:
    paths = {c.path for c in changes if c.status != "deleted"}
    return tuple(p for p in problems if p.path in paths)
