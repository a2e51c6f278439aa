"""File paths are participant-chosen: printed, they cannot reverse, hide or break a line."""

from __future__ import annotations

from mentorkit.problems import Problem, shown_path
from mentorkit.reporters.authorship import as_github as authorship_github
from mentorkit.reporters.authorship import as_markdown as authorship_markdown
from mentorkit.reporters.authorship import as_text as authorship_text
from mentorkit.reporters.markdown import plain, table
from mentorkit.reporters.problems import render
from mentorkit.workflow.authorship import AuthorshipResult, FileDecision

REVERSED = "participants/\u202elmay.eve\u200b.yaml"  # right-to-left override, zero width


def test_a_path_that_does_not_print_is_escaped() -> None:
    assert shown_path("participants/ada.yaml") == "participants/ada.yaml"
    assert shown_path(REVERSED) == "participants/\\u202elmay.eve\\u200b.yaml"
    assert shown_path("a\tb\x1b[31m.yaml") == "a\\tb\\x1b[31m.yaml"


def test_problem_output_never_prints_a_path_raw() -> None:
    problem = Problem(REVERSED, 0, 0, "error", "bad-path", "no such file name")
    for fmt in ("text", "github", "markdown"):
        out = render([problem], 1, fmt)
        assert "\u202e" not in out and "\u200b" not in out, fmt
        assert "\\u202e" in out, fmt


def test_a_message_that_repeats_a_path_is_escaped_too() -> None:
    message = f"the same sealed value is in {REVERSED} too"
    problem = Problem("participants/ada.yaml", 3, 1, "error", "sealed-copy", message)
    for fmt in ("text", "github", "markdown"):
        out = render([problem], 1, fmt)
        assert "\u202e" not in out and "\u200b" not in out, fmt
    decision = FileDecision(REVERSED, "added", "refused", "not-yours", f"{REVERSED} is not yours")
    result = AuthorshipResult("mallory", False, (decision,))
    for render_result in (authorship_text, authorship_github, authorship_markdown):
        out = render_result(result)
        assert "\u202e" not in out and "\u200b" not in out


def _result(path: str) -> AuthorshipResult:
    decision = FileDecision(path, "added", "refused", "not-yours", "you may not add it")
    return AuthorshipResult("mallory", False, (decision,))


def test_check_author_never_prints_a_path_raw() -> None:
    for render_result in (authorship_text, authorship_github, authorship_markdown):
        out = render_result(_result(REVERSED))
        assert "\u202e" not in out and "\\u202e" in out


def test_a_path_cannot_close_its_code_span_in_the_comment() -> None:
    out = authorship_markdown(_result("lessons/a`[x](https://evil.example)`|b.md"))
    line = next(line for line in out.splitlines() if line.startswith("- "))
    assert line.count("`") == 2  # one code span, opened and closed by us
    assert "](https://" in line.split("`")[1]  # the link stays inside the span, as text


def test_a_table_keeps_the_zero_width_space_that_stops_a_mention() -> None:
    # Escaping is for what a message repeats; the space ``plain`` adds after "@" must
    # stay invisible, or every mention-proofed name would show "\u200b" in a table.
    assert table(["who"], [[plain("ping @octocat")]])[2] == "| ping @\u200boctocat |"
