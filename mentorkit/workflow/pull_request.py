"""Gather one pull request's two sides and changed files, then decide or describe them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from mentorkit.lifecycle.published_change import publish_change
from mentorkit.loading.files import repository_relative
from mentorkit.loading.git import changed_files, merge_base
from mentorkit.model.changes import Change
from mentorkit.problems import has_errors
from mentorkit.validation import check_loaded, new_problems, problems_of
from mentorkit.workflow.agreement_transitions import transition_problems
from mentorkit.workflow.authorship import AuthorshipResult, check_authorship
from mentorkit.workflow.match_preview import preview_matches, touched_cohorts
from mentorkit.workflow.review import ReviewInput, changed_problems, newcomers, redacted
from mentorkit.workflow.snapshots import (
    Side,
    files_as_changes,
    load_base_and_head,
    load_committed_side,
    load_working_side,
)


@dataclass(frozen=True)
class PullRequest:
    base: Side
    head: Side
    changes: tuple[Change, ...]


def load_pull_request(
    root: Path, base_ref: str | None, files: tuple[Path, ...] = ()
) -> PullRequest:
    """With ``base_ref``: the changes since the head branched off it.

    Without: ``files`` in the working tree against the last commit, so owners are read
    from history rather than from the edited files; outside git, the files as they are.
    """
    wanted = [repository_relative(root, f, keep_link=True) for f in files]
    if base_ref is None:
        head = load_working_side(root)
        base = load_committed_side(root) or head
        return PullRequest(base, head, tuple(files_as_changes(root, wanted, base)))
    fork_point = merge_base(root, base_ref)
    changes = changed_files(root, fork_point)
    if wanted:
        changes = [c for c in changes if c.path in wanted or c.old_path in wanted]
    base, head = load_base_and_head(root, fork_point)
    return PullRequest(base, head, tuple(changes))


def authorship(pr: PullRequest, author: str, today: dt.date | None = None) -> AuthorshipResult:
    return check_authorship(author, pr.changes, pr.base.snapshot, pr.head.snapshot, today)


def review_input(pr: PullRequest, author: str | None, today: dt.date) -> ReviewInput:
    """What the review shows: the whole head validated, problems in the changed files, and
    the problems the change brings to files it did not touch (absent on the base); the
    proposed matches and the published figures of the cohorts the change touches."""
    every = check_loaded(pr.head.loaded, None, pr.head.program).problems
    problems = (
        *changed_problems(every, pr.changes),
        *transition_problems(pr.changes, pr.base.program, pr.head.program),
    )
    touched = sorted({c.path for c in pr.changes} | {c.old_path for c in pr.changes if c.old_path})
    on_base = problems_of(pr.base.loaded, pr.base.program)
    elsewhere = new_problems(every, on_base, touched)
    cohorts = touched_cohorts(pr.changes, pr.base.program, pr.head.program)
    bad_data = has_errors(every) or has_errors(on_base)
    return ReviewInput(
        base=pr.base,
        head=pr.head,
        changes=pr.changes,
        problems=redacted(problems, pr.head),
        elsewhere=redacted(elsewhere, pr.head),
        authorship=authorship(pr, author, today) if author else None,
        previews=tuple(
            preview_matches(cohorts, pr.base.program, pr.head.program, bad_data=bad_data)
        ),
        newcomers=newcomers(pr.base, pr.head, pr.changes, author),
        figures=publish_change(pr.base.program, pr.head.program, today, cohorts)
        if cohorts
        else None,
        figure_cohorts=tuple(cohorts),
    )
