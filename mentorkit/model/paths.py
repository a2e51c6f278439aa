"""Where things live in a program repository: the one home of path rules.

Which kind of data a path holds and the id a file name gives are asked everywhere
(loading, checks, review, authorship); they are answered only here.
"""

from __future__ import annotations

# The program's charter: settings every rule may need (privacy, matching, site).
CHARTER = "program/program.yaml"
# The skill vocabulary that profiles, goals and matching name skills from.
SKILLS = "program/skills.yaml"


def stem(path: str) -> str:
    """The file name without folder and extension: ``participants/ada.yaml`` -> ``ada``."""
    return path.rsplit("/", 1)[-1].rsplit(".", 1)[0]


def kind_of(relpath: str) -> str | None:
    """The data kind of a repository-relative path, or None when it is not program data."""
    parts = relpath.split("/")
    if not parts[-1].endswith((".yaml", ".yml")):
        return None
    if parts[0] == "participants" and len(parts) == 2:
        return "participant"
    if parts[0] != "program":
        return None
    if len(parts) == 2:
        name = stem(parts[1])
        return name if name in ("program", "skills") else None
    folder = parts[1]
    if len(parts) == 3:
        return {"cohorts": "cohort", "matches": "match", "lessons": "lesson"}.get(folder)
    if len(parts) == 4 and folder == "agreements":
        return "agreement"
    if len(parts) == 5 and folder == "checkins":
        return "checkin"
    return None
