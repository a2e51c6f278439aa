from __future__ import annotations

from pathlib import Path

from mentorkit.loading.yaml_reader import parse_yaml
from mentorkit.matching.result import MatchResult, MatchSummary, ProposedPair, UnmatchedPerson
from mentorkit.problems import Problem
from mentorkit.workflow.match_preview import PairChange, PairView, diff_results
from mentorkit.workflow.review import redact
from tests.workflow.conftest import COHORT, commit_all, git, run

SECRET = "mira.secret@example.com"


def _view(change: PairChange) -> PairView:
    view = change.after or change.before
    assert view is not None
    return view


def test_problems_in_private_fields_are_redacted() -> None:
    doc = parse_yaml(
        f"id: mira\nname: Mira\nemail: {SECRET}\nmanager: boss-man\navoid: [enemy-one]\n".encode(),
        "participants/mira.yaml",
    )
    assert not isinstance(doc, Problem)
    on_line = Problem(
        "participants/mira.yaml", 4, 10, "error", "unknown-participant", "no participant 'boss-man'"
    )
    elsewhere = Problem(
        "participants/mira.yaml", 2, 1, "error", "x", "pairs with enemy-one are impossible"
    )
    public = Problem("participants/mira.yaml", 2, 7, "warning", "y", "the name is short")
    assert "boss-man" not in redact(on_line, doc).message
    assert "enemy-one" not in redact(elsewhere, doc).message
    assert redact(public, doc) == public


def test_the_review_never_shows_private_values(program_repo: Path) -> None:
    git(program_repo, "checkout", "--quiet", "-b", "mira-private")
    mira = program_repo / "participants" / "mira-chen.yaml"
    mira.write_text(
        mira.read_text(encoding="utf-8") + f"email: {SECRET}\nmanager: nobody-known\n"
        "avoid: [sam-okoro]\n",
        encoding="utf-8",
    )
    commit_all(program_repo, "private details")
    code, review, _ = run(program_repo, "review", "--base", "main", "--author", "mira-chen")
    assert code == 1  # the unknown manager is an error; the review is still written
    assert "updates private details" in review
    assert "**Problems**: 1 error(s)" in review  # the unknown manager, located but not named
    for secret in (SECRET, "nobody-known"):
        assert secret not in review
    # Sam no longer matches Mira (she avoids him): the preview says so without naming the avoid list.
    assert "| removed | Sam Okoro | Mira Chen |" in review


def test_participant_markdown_cannot_inject_html_or_mentions(program_repo: Path) -> None:
    git(program_repo, "checkout", "--quiet", "-b", "evil")
    (program_repo / "participants" / "eve-x.yaml").write_text(
        "id: eve-x\nname: '<img src=x onerror=alert(1)> @everyone [link](javascript:x)'\ndepartment: S\n"
        f"level: 2\ntimezone: UTC\ncohorts: [{COHORT}]\n",
        encoding="utf-8",
    )
    commit_all(program_repo, "evil")
    _, review, _ = run(program_repo, "review", "--base", "main", "--author", "eve-x")
    assert "<img" not in review and "@everyone" not in review and "[link](javascript" not in review


def _result(pairs: list[ProposedPair], unmatched: list[UnmatchedPerson]) -> MatchResult:
    summary = MatchSummary(
        "one-on-one", "coverage", len(pairs), len(unmatched), None, None, None, 0, "t"
    )
    return MatchResult("c1", "one-on-one", tuple(pairs), (), tuple(unmatched), summary)


def test_diff_results_lists_added_removed_changed_and_unmatched() -> None:
    def pair(mentor: str, mentee: str, score: float) -> ProposedPair:
        return ProposedPair(mentor, mentee, score, reasons=("why",))

    before = _result(
        [pair("a", "b", 0.5), pair("c", "d", 0.6), pair("e", "f", 0.7)],
        [UnmatchedPerson("g", "no mentor")],
    )
    after = _result(
        [pair("a", "b", 0.5001), pair("c", "d", 0.9), pair("e", "g", 0.4)],
        [UnmatchedPerson("f", "capacity")],
    )
    preview = diff_results("c1", before, after)
    assert [(c.kind, _view(c).mentee) for c in preview.pairs] == [
        ("changed", "d"),
        ("removed", "f"),
        ("added", "g"),
    ]
    assert preview.newly_unmatched == (("f", "capacity"),) and preview.newly_matched == ("g",)
    assert diff_results("c1", before, before).changed is False


def test_participant_text_cannot_break_out_of_its_line_or_code_span(program_repo: Path) -> None:
    git(program_repo, "checkout", "--quiet", "-b", "breakout")
    (program_repo / "participants" / "eve-y.yaml").write_text(
        "id: eve-y\nname: 'Eve **bold** &#64;octo-org/admins'\ndepartment: S\nlevel: 2\n"
        f'timezone: UTC\ncohorts: [{COHORT}, "x`\\n\\n## Approved by coordinators\\n\\n`y"]\n',
        encoding="utf-8",
    )
    commit_all(program_repo, "breakout")
    _, review, _ = run(program_repo, "review", "--base", "main", "--author", "eve-y")
    assert "\n## Approved" not in review
    assert "`x' ## Approved by coordinators 'y`" in review
    assert r"Eve \*\*bold\*\* &amp;\#64;octo-org/admins" in review
    # Problem messages are whole sentences, not cut at a fixed width.
    assert "is not an id: 2-39 lower-case letters, digits and hyphens, sta " not in review


def test_a_match_breaking_a_private_rule_does_not_say_which(program_repo: Path) -> None:
    # Sam is Mira's manager: the validator says so, the public PR comment must not.
    mira = program_repo / "participants" / "mira-chen.yaml"
    mira.write_text(mira.read_text(encoding="utf-8") + "manager: sam-okoro\n", encoding="utf-8")
    commit_all(program_repo, "mira reports to sam")
    git(program_repo, "checkout", "--quiet", "-b", "match")
    (program_repo / "program" / "matches" / f"{COHORT}.yaml").write_text(
        f"cohort: {COHORT}\npairs:\n  - mentor: sam-okoro\n    mentee: mira-chen\n"
        "    status: proposed\n",
        encoding="utf-8",
    )
    commit_all(program_repo, "match")
    code, out, _ = run(program_repo, "validate")
    assert code == 1 and "manager and direct report" in out
    _, review, _ = run(program_repo, "review", "--base", "main", "--author", "octo-coord")
    assert "match-pair" in review and "a reporting line or an avoid request" in review
    assert "manager and direct report" not in review
