"""People with ``public: false`` count in nothing the site publishes (issue 9, finding 4).

The leak: the dashboard's "nobody offers yet" list was derived from everyone, so a
skill only a hidden person seeks appeared by name. The sentinel is such a skill; no
generated page, feed or calendar may carry it, and the published head count leaves the
hidden person out.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from mentorkit.loading.repository import load_repository
from mentorkit.loading.templates import page_templates
from mentorkit.model.build import build_program
from mentorkit.site.generate import generate_docs
from tests.site.conftest import TODAY, prepare_fixture_repo

SENTINEL = "Zanzibar Sentinel Skill"


def _docs(
    tmp_path: Path, goal_seekers: int, hidden_goal: bool = True, others: int = 0
) -> dict[str, str | bytes]:
    repo = prepare_fixture_repo(tmp_path / "repo")
    skills = repo / "program" / "skills.yaml"
    skills.write_text(
        skills.read_text(encoding="utf-8")
        + f"  - id: sentinel-skill\n    name: {SENTINEL}\n    category: people\n",
        encoding="utf-8",
    )
    hidden = repo / "participants" / "quentin-hidden.yaml"
    if hidden_goal:
        hidden.write_text(
            hidden.read_text(encoding="utf-8") + "mentee:\n  goals:\n    - skill: sentinel-skill\n",
            encoding="utf-8",
        )
    for i in range(goal_seekers):  # public people seeking it too
        (repo / "participants" / f"seeker-{i}.yaml").write_text(
            f"id: seeker-{i}\nname: Seeker {i}\ngithub: seeker-{i}\ndepartment: Sales\n"
            "level: 2\ntimezone: UTC\ncohorts: [2026-spring]\n"
            "mentee:\n  goals:\n    - skill: sentinel-skill\n",
            encoding="utf-8",
        )
    for i in range(others):  # public mentees seeking something else: the rest of the group
        (repo / "participants" / f"other-{i}.yaml").write_text(
            f"id: other-{i}\nname: Other {i}\ngithub: other-{i}\ndepartment: Sales\n"
            "level: 2\ntimezone: UTC\ncohorts: []\n"
            "mentee:\n  goals:\n    - skill: python\n",
            encoding="utf-8",
        )
    program = build_program(load_repository(repo))
    return generate_docs(program, dt.date.fromisoformat(TODAY), templates=page_templates())


def _text(content: str | bytes) -> str:
    return content if isinstance(content, str) else content.decode("utf-8", "replace")


def _gap_line(docs: dict[str, str | bytes]) -> str:
    lines = _text(docs["dashboard/index.md"]).splitlines()
    return next((line for line in lines if line.startswith("Sought, and offered by no mentor")), "")


def test_a_hidden_persons_goal_changes_no_published_byte(tmp_path: Path) -> None:
    with_goal = _docs(tmp_path / "with", goal_seekers=0)
    without = _docs(tmp_path / "without", goal_seekers=0, hidden_goal=False)
    assert with_goal.keys() == without.keys()
    assert [page for page in with_goal if with_goal[page] != without[page]] == []
    assert [page for page, content in with_goal.items() if "Quentin" in _text(content)] == []


def test_a_gap_is_named_only_when_enough_public_people_seek_it(tmp_path: Path) -> None:
    few = _docs(tmp_path / "few", goal_seekers=4)  # four public + the hidden one: still few
    assert SENTINEL not in _gap_line(few)
    # Five public seekers: the gap is named exactly when the dashboard shows how many
    # seek it (the disclosure rules may still withhold it beside the other figures).
    many = _docs(tmp_path / "many", goal_seekers=5, others=5)
    dashboard = _text(many["dashboard/index.md"])
    row = dashboard.split(f'<th scope="row">{SENTINEL}</th>')[1].split("</tr>")[0]
    seeking_shown = row.count('class="mk-withheld"') == 0
    assert (SENTINEL in _gap_line(many)) == seeking_shown
