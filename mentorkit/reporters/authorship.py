"""check-author's verdicts as text, JSON, GitHub annotations or Markdown."""

from __future__ import annotations

from mentorkit.problems import shown_path, shown_text
from mentorkit.reporters import json_text
from mentorkit.reporters.github import annotation
from mentorkit.reporters.markdown import code, plain
from mentorkit.workflow.authorship import AuthorshipResult


def _summary(result: AuthorshipResult) -> str:
    if not result.decisions:
        return f"@{result.author}: no changed files to check"
    if result.ok:
        who = "a coordinator" if result.is_coordinator else "the owner"
        return f"@{result.author} may make all {len(result.decisions)} change(s) ({who})"
    return (
        f"@{result.author} may not make {len(result.refused)} of {len(result.decisions)} change(s)"
    )


def as_text(result: AuthorshipResult) -> str:
    lines = [
        f"{shown_path(d.path)}: {d.verdict}: {shown_text(d.message)}" for d in result.decisions
    ]
    return "\n".join([*lines, _summary(result)]) + "\n"


def as_json(result: AuthorshipResult) -> str:
    payload = {
        "ok": result.ok,
        "author": result.author,
        "coordinator": result.is_coordinator,
        "files": [
            {
                "path": d.path,
                "status": d.status,
                "verdict": d.verdict,
                "code": d.code,
                "message": d.message,
            }
            for d in result.decisions
        ],
    }
    return json_text(payload)


def as_github(result: AuthorshipResult) -> str:
    lines = [
        annotation("error", d.message, file=shown_path(d.path), title=f"mentorkit {d.code}")
        for d in result.refused
    ]
    lines.append(annotation("notice" if result.ok else "error", _summary(result)))
    return "\n".join(lines) + "\n"


def as_markdown(result: AuthorshipResult) -> str:
    mark = "✅" if result.ok else "❌"
    lines = [f"{mark} {_summary(result)}", ""]
    # A participant names their files: a backtick or a pipe must not end the code span.
    lines += [
        f"- {code(shown_path(d.path), 200)}: {d.verdict}: {plain(d.message, 400)}"
        for d in result.decisions
    ]
    return "\n".join(lines) + "\n"


RENDERERS = {"text": as_text, "json": as_json, "github": as_github, "markdown": as_markdown}


def render(result: AuthorshipResult, fmt: str) -> str:
    return RENDERERS[fmt](result)
