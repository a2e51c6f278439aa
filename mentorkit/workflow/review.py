"""The Markdown of the sticky pull-request comment: welcome, changes, problems, match preview."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from mentorkit.loading.yaml_reader import LoadedDocument
from mentorkit.model.paths import kind_of
from mentorkit.problems import Problem
from mentorkit.workflow.authorship import AuthorshipResult, owner_login, participant_id, same_login
from mentorkit.workflow.describe import (
    PRIVATE_FIELDS,
    _code,
    _cohorts_phrase,
    _plain,
    describe_change,
)
from mentorkit.workflow.gitrepo import Change
from mentorkit.workflow.match_preview import CohortPreview, PairChange, PairView
from mentorkit.workflow.snapshots import Side

MARKER = "<!-- mentorkit-review -->"
MAX_PROBLEMS = 50
MAX_PAIR_ROWS = 40


@dataclass(frozen=True)
class ReviewInput:
    base: Side
    head: Side
    changes: tuple[Change, ...]
    problems: tuple[Problem, ...] = ()
    # New problems in files the pull request did not touch (what it breaks elsewhere).
    elsewhere: tuple[Problem, ...] = ()
    authorship: AuthorshipResult | None = None
    previews: tuple[CohortPreview, ...] = ()
    matching_available: bool = True
    author: str | None = None
    notes: tuple[str, ...] = field(default=())


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


def redact(problem: Problem, doc: LoadedDocument | None) -> Problem:
    """A problem about a private field says where, never what the value is."""
    if problem.code == "manager-cycle" or (
        problem.code == "match-pair" and problem.message.endswith(_PRIVATE_RULES)
    ):
        return Problem(
            problem.path,
            problem.line,
            problem.col,
            problem.level,
            problem.code,
            _PRIVATE_RULE_MESSAGE,
        )
    if kind_of(problem.path) != "participant" or doc is None:
        return problem
    secrets = [
        str(doc.data.get(k)) for k in ("email", "manager") if isinstance(doc.data.get(k), str)
    ]
    secrets += [
        str(v) for v in doc.data.get("avoid") or [] if isinstance(doc.data.get("avoid"), list)
    ]
    if problem.line in private_lines(doc) or any(s and s in problem.message for s in secrets):
        message = "a problem with a private field; run `mentorkit validate` locally to see it"
        return Problem(
            problem.path, problem.line, problem.col, problem.level, problem.code, message
        )
    return problem


def _cell(text: str) -> str:
    # Problem messages and reasons are sentences: keep them whole unless absurdly long.
    return _plain(text, 300)


def _welcome(review: ReviewInput) -> list[str]:
    base_ids = set(review.base.snapshot.participants())
    base_logins = {login.casefold() for login in review.base.snapshot.participants().values()}
    lines = []
    for change in review.changes:
        if kind_of(change.path) != "participant" or change.status != "added":
            continue
        data = review.head.data(change.path) or {}
        pid, login = participant_id(data, change.path), owner_login(data)
        if pid in base_ids or login.casefold() in base_logins:
            continue
        if review.author and not same_login(login, review.author):
            continue
        name = _plain(data.get("name") or pid)
        cohorts = [str(c) for c in data.get("cohorts") or [] if isinstance(c, str)]
        where = f" to {_cohorts_phrase(cohorts)}" if cohorts else " to the program"
        lines.append(
            f"> 👋 **Welcome{where}, {name}!** Thank you for adding your profile. A coordinator "
            "will review this pull request; once it is merged you are enrolled, and your proposed "
            "match shows up in the cohort's matching pull request."
        )
    return lines


def _changes(review: ReviewInput) -> list[str]:
    lines = ["**What changes**", ""]
    others = []
    for change in review.changes:
        kind = kind_of(change.path) or (kind_of(change.old_path) if change.old_path else None)
        if kind is None:
            others.append(change)
            continue
        before = review.base.data(change.old_path or change.path)
        after = review.head.data(change.path) if change.status != "deleted" else None
        sentence = describe_change(change, before, after, review.head.program)
        lines.append(f"- {sentence} ({_code(change.path)}, {change.status})")
    if others:
        shown = ", ".join(_code(c.path) for c in others[:15])
        more = f" and {len(others) - 15} more" if len(others) > 15 else ""
        lines.append(f"- Other files {shown}{more} ({len(others)} file(s), not program data).")
    if len(lines) == 2:
        lines.append("- No files changed.")
    return lines


def _problems(review: ReviewInput) -> list[str]:
    if not review.problems and not review.elsewhere:
        return ["✅ No problems in the changed files, and no new ones elsewhere."]
    lines: list[str] = []
    if review.problems:
        lines += _problem_table(review, review.problems, "in the changed files")
    else:
        lines += ["✅ No problems in the changed files.", ""]
    if review.elsewhere:
        if review.problems:
            lines.append("")
        lines += [
            "**New problems in files this pull request did not touch** (it breaks them: "
            "a removed skill or person they name, for example)",
            "",
        ]
        lines += _problem_table(review, review.elsewhere, "in other files")
    return lines


def _problem_table(review: ReviewInput, problems: tuple[Problem, ...], where_: str) -> list[str]:
    errors = sum(1 for p in problems if p.is_error)
    lines = [
        f"**Problems**: {errors} error(s), {len(problems) - errors} warning(s) {where_}",
        "",
    ]
    lines += ["| where | level | problem |", "|---|---|---|"]
    for p in problems[:MAX_PROBLEMS]:
        doc = review.head.loaded.documents.get(p.path)
        shown = redact(p, doc)
        where = f"{shown.path}:{shown.line}" if shown.line else shown.path
        message = _cell(shown.message)
        lines.append(f"| {_code(where)} | {shown.level} | {message} ({_code(shown.code)}) |")
    if len(problems) > MAX_PROBLEMS:
        lines.append(f"\n…and {len(problems) - MAX_PROBLEMS} more; see the workflow log.")
    return lines


def _authorship(result: AuthorshipResult) -> list[str]:
    if result.ok:
        who = "a coordinator" if result.is_coordinator else "the owner of every changed file"
        return [f"✅ @{_plain(result.author)} may make these changes ({who})."]
    lines = [f"❌ **@{_plain(result.author)} may not make some of these changes:**", ""]
    lines += [f"- {_code(d.path)}: {_cell(d.message)}" for d in result.refused]
    return lines


def _name(review: ReviewInput, pid: str) -> str:
    """A person's name (people who left keep theirs, as history); the id when not public."""
    for program in (review.head.program, review.base.program):
        name = program.name_of(pid)
        if name is not None:
            return _plain(name) if program.is_public(pid) else _code(pid)
    return _code(pid)


def _score(view: PairView | None) -> str:
    return "–" if view is None or view.score is None else f"{view.score:.2f}"


def _pair_score(change: PairChange) -> str:
    if change.kind == "added":
        return _score(change.after)
    if change.kind != "changed":
        return _score(change.before)
    score = f"{_score(change.before)} → {_score(change.after)}"
    if change.before and change.after and change.before.status != change.after.status:
        score += f" ({change.before.status} → {change.after.status})"
    return score


def _pair_rows(review: ReviewInput, preview: CohortPreview) -> list[str]:
    lines = ["", "| change | mentor | mentee | score | why |", "|---|---|---|---|---|"]
    for change in preview.pairs[:MAX_PAIR_ROWS]:
        view = change.after or change.before
        assert view is not None
        why = _cell("; ".join(view.reasons[:3])) or "–"
        lines.append(
            f"| {change.kind} | {_name(review, view.mentor)} | {_name(review, view.mentee)} "
            f"| {_pair_score(change)} | {why} |"
        )
    if len(preview.pairs) > MAX_PAIR_ROWS:
        lines.append(f"\n…and {len(preview.pairs) - MAX_PAIR_ROWS} more pair changes.")
    return lines


def _group_lines(review: ReviewInput, preview: CohortPreview) -> list[str]:
    """Circles formed or dropped, and people newly unmatched or matched."""
    lines = [
        f"- New circle: {', '.join(_name(review, m) for m in members)}"
        for members in preview.circles_added
    ]
    lines += [
        f"- Circle no longer proposed: {', '.join(_name(review, m) for m in members)}"
        for members in preview.circles_removed
    ]
    lines += [
        f"- Now unmatched: {_name(review, pid)}" + (f" ({_plain(reason)})" if reason else "")
        for pid, reason in preview.newly_unmatched
    ]
    lines += [f"- Now matched: {_name(review, pid)}" for pid in preview.newly_matched]
    return lines


def _previews(review: ReviewInput) -> list[str]:
    if not review.matching_available:
        return ["_Match preview unavailable: this mentorkit has no matching engine._"]
    shown = [p for p in review.previews if p.changed]
    if not shown:
        if review.previews:
            names = ", ".join(_code(p.cohort) for p in review.previews)
            return [f"Proposed matches in {names} do not change."]
        return []
    lines = ["**Match preview**"]
    for preview in shown:
        lines += ["", f"Cohort {_code(preview.cohort)}:"]
        if preview.error:
            lines.append(f"- ⚠️ {_plain(preview.error, 400)}")
            continue
        groups = _group_lines(review, preview)
        if preview.pairs:
            lines += _pair_rows(review, preview)
            if groups:
                lines.append("")
        lines += groups
    return lines


def render_review(review: ReviewInput) -> str:
    """The whole comment; the first line is the marker the comment workflow looks for."""
    sections: list[list[str]] = [[MARKER, "### mentorkit review"]]
    welcome = _welcome(review)
    if welcome:
        sections.append(welcome)
    sections.append(_changes(review))
    sections.append(_problems(review))
    if review.authorship is not None:
        sections.append(_authorship(review.authorship))
    previews = _previews(review)
    if previews:
        sections.append(previews)
    if review.notes:
        sections.append([f"_{_plain(n)}_" for n in review.notes])
    return "\n\n".join("\n".join(s) for s in sections) + "\n"


def changed_problems(problems: Sequence[Problem], changes: Sequence[Change]) -> tuple[Problem, ...]:
    paths = {c.path for c in changes if c.status != "deleted"}
    return tuple(p for p in problems if p.path in paths)
