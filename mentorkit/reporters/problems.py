"""Format a list of problems as text, JSON, GitHub workflow commands or Markdown."""

from __future__ import annotations

import json
from collections.abc import Sequence

from mentorkit.problems import Problem, shown_path, shown_text
from mentorkit.reporters import json_text
from mentorkit.reporters.github import annotation
from mentorkit.reporters.markdown import cell


def _location(p: Problem) -> str:
    path = shown_path(p.path)
    return f"{path}:{p.line}:{p.col}" if p.line else path


def as_text(problems: Sequence[Problem], files_checked: int) -> str:
    lines = [f"{_location(p)}: {p.level} {p.code} {shown_text(p.message)}" for p in problems]
    errors = sum(1 for p in problems if p.is_error)
    warnings = len(problems) - errors
    if problems:
        lines.append(f"{errors} error(s), {warnings} warning(s) in {files_checked} file(s)")
    else:
        lines.append(f"{files_checked} file(s) checked, no problems")
    return "\n".join(lines) + "\n"


def as_json(problems: Sequence[Problem], files_checked: int) -> str:
    payload = {
        "ok": not any(p.is_error for p in problems),
        "files_checked": files_checked,
        "errors": sum(1 for p in problems if p.is_error),
        "warnings": sum(1 for p in problems if not p.is_error),
        "problems": [
            {
                "path": p.path,
                "line": p.line,
                "col": p.col,
                "level": p.level,
                "code": p.code,
                "message": p.message,
            }
            for p in problems
        ],
    }
    return json_text(payload)


def as_github(problems: Sequence[Problem], _files_checked: int) -> str:
    """Workflow commands that GitHub shows as annotations on the changed lines."""
    lines = [
        annotation(
            p.level,
            p.message,
            file=shown_path(p.path),
            line=p.line,
            col=p.col,
            title=f"mentorkit {p.code}",
        )
        for p in problems
    ]
    return "\n".join(lines) + ("\n" if lines else "")


def as_markdown(problems: Sequence[Problem], files_checked: int) -> str:
    if not problems:
        return f"**No problems** in {files_checked} file(s).\n"
    errors = sum(1 for p in problems if p.is_error)
    out = [
        f"**{errors} error(s), {len(problems) - errors} warning(s)** in {files_checked} file(s).",
        "",
        "| where | level | code | problem |",
        "|---|---|---|---|",
    ]
    out.extend(
        f"| `{cell(_location(p))}` | {p.level} | `{p.code}` | {cell(shown_text(p.message))} |"
        for p in problems
    )
    return "\n".join(out) + "\n"


RENDERERS = {"text": as_text, "json": as_json, "github": as_github, "markdown": as_markdown}
ELSEWHERE_HEADING = "New problems in files this change did not touch"


def _elsewhere(elsewhere: Sequence[Problem], fmt: str) -> str:
    """What the change breaks in other files, under its own heading."""
    if fmt == "github":
        return as_github(elsewhere, 0)
    errors = sum(1 for p in elsewhere if p.is_error)
    if fmt == "markdown":
        rows = [
            f"**{ELSEWHERE_HEADING}**",
            "",
            "| where | level | code | problem |",
            "|---|---|---|---|",
        ]
        rows += [
            f"| `{cell(_location(p))}` | {p.level} | `{p.code}` | {cell(shown_text(p.message))} |"
            for p in elsewhere
        ]
        return "\n" + "\n".join(rows) + "\n"
    lines = [f"{ELSEWHERE_HEADING}:"]
    lines += [f"{_location(p)}: {p.level} {p.code} {p.message}" for p in elsewhere]
    lines.append(f"{errors} error(s), {len(elsewhere) - errors} warning(s) in other files")
    return "\n" + "\n".join(lines) + "\n"


def render(
    problems: Sequence[Problem],
    files_checked: int,
    fmt: str,
    elsewhere: Sequence[Problem] = (),
) -> str:
    if fmt == "json":
        payload = json.loads(as_json(problems, files_checked))
        payload["elsewhere"] = json.loads(as_json(elsewhere, 0))["problems"]
        payload["ok"] = payload["ok"] and not any(p.is_error for p in elsewhere)
        return json_text(payload)
    text = RENDERERS[fmt](problems, files_checked)
    return text + _elsewhere(elsewhere, fmt) if elsewhere else text
