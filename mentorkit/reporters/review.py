"""The Markdown of the sticky pull-request comment: welcome, changes, problems, match
preview and the cohorts' published figures.

Formatting only: ``mentorkit.workflow.review`` decides what is shown (newcomers,
redacted problems, previews, figures); participant text is escaped by
``mentorkit.reporters.markdown``.
"""

from __future__ import annotations

from mentorkit.model.paths import kind_of
from mentorkit.problems import Problem
from mentorkit.reporters.describe import cohorts_phrase, describe_change
from mentorkit.reporters.markdown import code, plain
from mentorkit.reporters.review_figures import figure_lines
from mentorkit.workflow.authorship import AuthorshipResult
from mentorkit.workflow.match_preview import CohortPreview, PairChange, PairView
from mentorkit.workflow.review import ReviewInput

MARKER = "<!-- mentorkit-review -->"
MAX_PROBLEMS = 50
MAX_PAIR_ROWS = 40
MAX_OTHER_FILES = 15


def _cell(text: str) -> str:
    # Problem messages and reasons are sentences: keep them whole unless absurdly long.
    return plain(text, 300)


def _welcome(review: ReviewInput) -> list[str]:
    lines = []
    for person in review.newcomers:
        where = (
            f" to {cohorts_phrase(list(person.cohorts))}" if person.cohorts else " to the program"
        )
        lines.append(
            f"> 👋 **Welcome{where}, {plain(person.name)}!** Thank you for adding your profile. "
            "A coordinator will review this pull request; once it is merged you are enrolled, "
            "and your proposed match shows up in the cohort's matching pull request."
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
        lines.append(f"- {sentence} ({code(change.path)}, {change.status})")
    if others:
        shown = ", ".join(code(c.path) for c in others[:MAX_OTHER_FILES])
        extra = len(others) - MAX_OTHER_FILES
        more = f" and {extra} more" if extra > 0 else ""
        lines.append(f"- Other files {shown}{more} ({len(others)} file(s), not program data).")
    if len(lines) == 2:
        lines.append("- No files changed.")
    return lines


def _problems(review: ReviewInput) -> list[str]:
    if not review.problems and not review.elsewhere:
        return ["✅ No problems in the changed files, and no new ones elsewhere."]
    lines: list[str] = []
    if review.problems:
        lines += _problem_table(review.problems, "in the changed files")
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
        lines += _problem_table(review.elsewhere, "in other files")
    return lines


def _problem_table(problems: tuple[Problem, ...], where_: str) -> list[str]:
    errors = sum(1 for p in problems if p.is_error)
    lines = [
        f"**Problems**: {errors} error(s), {len(problems) - errors} warning(s) {where_}",
        "",
    ]
    lines += ["| where | level | problem |", "|---|---|---|"]
    for p in problems[:MAX_PROBLEMS]:
        where = f"{p.path}:{p.line}" if p.line else p.path
        lines.append(f"| {code(where)} | {p.level} | {_cell(p.message)} ({code(p.code)}) |")
    if len(problems) > MAX_PROBLEMS:
        lines.append(f"\n…and {len(problems) - MAX_PROBLEMS} more; see the workflow log.")
    return lines


def _authorship(result: AuthorshipResult) -> list[str]:
    if result.ok:
        who = "a coordinator" if result.is_coordinator else "the owner of every changed file"
        return [f"✅ @{plain(result.author)} may make these changes ({who})."]
    lines = [f"❌ **@{plain(result.author)} may not make some of these changes:**", ""]
    lines += [f"- {code(d.path)}: {_cell(d.message)}" for d in result.refused]
    return lines


def _name(review: ReviewInput, pid: str) -> str:
    """A person's name (people who left keep theirs, as history); the id when not public."""
    for program in (review.head.program, review.base.program):
        name = program.name_of(pid)
        if name is not None:
            return plain(name) if program.is_public(pid) else code(pid)
    return code(pid)


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
        f"- Now unmatched: {_name(review, pid)}" + (f" ({plain(reason)})" if reason else "")
        for pid, reason in preview.newly_unmatched
    ]
    lines += [f"- Now matched: {_name(review, pid)}" for pid in preview.newly_matched]
    return lines


def _previews(review: ReviewInput) -> list[str]:
    shown = [p for p in review.previews if p.changed]
    if not shown:
        if review.previews:
            names = ", ".join(code(p.cohort) for p in review.previews)
            return [f"Proposed matches in {names} do not change."]
        return []
    lines = ["**Match preview**"]
    for preview in shown:
        lines += ["", f"Cohort {code(preview.cohort)}:"]
        if preview.error:
            lines.append(f"- ⚠️ {plain(preview.error, 400)}")
            continue
        groups = _group_lines(review, preview)
        if preview.pairs:
            lines += _pair_rows(review, preview)
            if groups:
                lines.append("")
        lines += groups
    return lines


def _figures(review: ReviewInput) -> list[str]:
    if review.figures is None:
        return []
    before, after = review.figures
    return figure_lines(before, after, review.figure_cohorts)


def render_review(review: ReviewInput) -> str:
    """The whole comment; the first line is the marker the comment workflow looks for."""
    sections: list[list[str]] = [[MARKER, "### mentorkit review"]]
    sections += [
        s
        for s in (
            _welcome(review),
            _changes(review),
            _problems(review),
            _authorship(review.authorship) if review.authorship is not None else [],
            _previews(review),
            _figures(review),
        )
        if s
    ]
    return "\n\n".join("\n".join(s) for s in sections) + "\n"
