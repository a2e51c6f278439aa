"""The review's "after" figures are disclosed beside the site's current ones: a pull
request that adds made-up people cannot make it show a figure the site withholds."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from mentorkit.lifecycle.published import publish
from mentorkit.lifecycle.published_change import publish_change
from mentorkit.lifecycle.typed_figures import Figures
from mentorkit.model.entities import Goal, MenteeRequest
from mentorkit.model.program import Program
from mentorkit.validation import validate_program
from tests.conftest import REPO_ROOT

TODAY = dt.date(2026, 11, 24)
COHORT = "2026-autumn"  # 19 of its 21 public seekers matched: the 2 left withhold both


@pytest.fixture(scope="module")
def example() -> Program:
    program = validate_program(REPO_ROOT).program
    assert program is not None
    return program


def _with_seekers(program: Program, count: int) -> Program:
    """``program`` plus ``count`` new public mentees in the cohort, matched to nobody."""
    template = next(p for p in program.participants.values() if p.mentee and COHORT in p.cohorts)
    added = {
        f"made-up-{i}": dataclasses.replace(
            template,
            id=f"made-up-{i}",
            name=f"Made Up {i}",
            source=f"participants/made-up-{i}.yaml",
            cohorts=(COHORT,),
            mentor=None,
            mentee=MenteeRequest((Goal("system-design"),), False),
            public=True,
        )
        for i in range(count)
    }
    return dataclasses.replace(program, participants={**program.participants, **added})


def _shown(figures: Figures, name: str) -> float | None:
    found = figures.cohort(COHORT)
    assert found is not None
    return found.named()[name].value


def test_made_up_seekers_do_not_reveal_the_withheld_number_matched(example: Program) -> None:
    head = _with_seekers(example, 3)
    site_now, site_after = publish(example, TODAY), publish(head, TODAY)
    # Each side alone: withheld now (2 unmatched), shown after (5 unmatched). Read beside
    # the site now and the 3 people the pull request added, it gives back 19 of 21.
    assert _shown(site_now.figures, "matched") is None
    assert _shown(site_after.figures, "matched") == 19
    before, after = publish_change(example, head, TODAY, [COHORT])
    assert before.figures.figures == site_now.figures.figures
    assert _shown(after.figures, "matched") is None
    assert _shown(after.figures, "match_rate") is None
    found = after.figures.cohort(COHORT)
    assert found is not None and found.matched.withheld  # with its reason
    assert _shown(after.figures, "seeking") == 24  # what the change adds is no secret


def test_an_unrelated_change_shows_what_the_site_will_show(example: Program) -> None:
    head = dataclasses.replace(example, lessons=example.lessons[1:])
    _, after = publish_change(example, head, TODAY, [COHORT])
    assert after.figures.figures == publish(head, TODAY).figures.figures
