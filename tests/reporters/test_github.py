"""Every GitHub annotation is built by one function, so participant text cannot break out."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from mentorkit.problems import Problem
from mentorkit.reporters import authorship, problems
from mentorkit.reporters.github import annotation
from mentorkit.workflow.authorship import AuthorshipResult, FileDecision


def test_message_and_properties_are_escaped() -> None:
    line = annotation(
        "error", "50% done\r\n::error::fake", file="a,b:c.yaml", line=3, col=2, title="x, y: z"
    )
    assert line == (
        "::error file=a%2Cb%3Ac.yaml,line=3,col=2,title=x%2C y%3A z::50%25 done%0D%0A::error::fake"
    )


def test_a_file_without_a_line_is_pinned_to_line_one() -> None:
    assert annotation("warning", "m", file="f.yaml") == "::warning file=f.yaml,line=1::m"
    assert annotation("notice", "all good") == "::notice::all good"


@given(st.text(), st.text())
def test_one_annotation_is_one_line_whatever_the_text(message: str, path: str) -> None:
    text = problems.as_github([Problem(path, 1, 1, "error", "code", message)], 1)
    assert text.count("\n") == 1 and text.startswith("::error ")


def test_check_author_annotations_use_the_same_escaping() -> None:
    refused = FileDecision("participants/a,b.yaml", "modified", "refused", "owner", "no\nway")
    result = AuthorshipResult("eve", False, (refused,))
    first = authorship.as_github(result).splitlines()[0]
    assert first == "::error file=participants/a%2Cb.yaml,line=1,title=mentorkit owner::no%0Away"
