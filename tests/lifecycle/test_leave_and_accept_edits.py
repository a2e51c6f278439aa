"""The text edits of leave and accept keep every comment and touch only what they must,
and the authorship rules accept exactly those edits."""

from __future__ import annotations

import datetime as dt
import re

import yaml

from mentorkit.lifecycle.file_edits import accept_match_text, departed_text, leave_match_text
from mentorkit.lifecycle.leave import LeavePlan
from mentorkit.workflow.authorship_lifecycle import leaving_match, signing

DAY = dt.date(2026, 11, 2)

MATCH = """\
# circles for the winter cohort
cohort: circles-2027
pairs:
  - mentor: ada
    mentee: lin
    status: proposed   # hand-picked
  # the next one was agreed in the kickoff
  - mentor: grace
    mentee: tom
    status: proposed
circles:
  - id: c1
    members: [ada, bea, cy]
    facilitator: ada
  - id: c2
    members: [dan, eve]
unmatched:
  - id: ada
    reason: no room
"""


def _plan(person: str) -> LeavePlan:
    return LeavePlan(
        person=person,
        name="Ada",
        profile_path=f"participants/{person}.yaml",
        today=DAY,
        reason="left the program",
        pairs=(("circles-2027", "ada", "lin"),),
        circles=(("circles-2027", "c1"),),
        agreements=(),
        profile="departed",
        history=("pairs",),
    )


def test_leaving_ends_pairs_and_circle_places_and_keeps_comments() -> None:
    text = leave_match_text(MATCH, _plan("ada"), "circles-2027")
    assert "# circles for the winter cohort" in text
    assert re.search(r"status: ended +# hand-picked\n", text)  # the comment stays on its line
    assert "  # the next one was agreed in the kickoff\n  - mentor: grace" in text
    data = yaml.safe_load(text)
    assert data["pairs"][0]["ended"] == DAY and data["pairs"][0]["end_reason"] == "left the program"
    assert data["pairs"][1]["status"] == "proposed"
    assert data["circles"][0]["members"] == ["bea", "cy"]
    assert "facilitator" not in data["circles"][0]
    assert data["circles"][0]["former_members"] == [{"id": "ada", "ended": DAY}]
    assert data["unmatched"] == []
    # check-author: exactly these changes are ada's own; for anyone else they are not.
    before, after = yaml.safe_load(MATCH), yaml.safe_load(text.replace(str(DAY), f"'{DAY}'"))
    assert leaving_match(before, after, "ada") is not None
    assert leaving_match(before, after, "bea") is None
    after["pairs"][1]["status"] = "ended"
    assert leaving_match(before, after, "ada") is None


def test_accepting_keeps_comments_and_dates_the_pair() -> None:
    text = accept_match_text(MATCH, (("grace", "tom"),), DAY)
    assert (
        "  # the next one was agreed in the kickoff\n  - mentor: grace\n    mentee: tom\n" in text
    )
    assert "    status: accepted\n    since: 2026-11-02\n" in text
    assert "status: proposed   # hand-picked" in text


def test_a_departed_record_keeps_only_what_history_needs() -> None:
    profile = "# Ada's profile\nid: ada\nname: Ada\ngithub: ada-l\nemail: a@x.org\npublic: false\nbio: hi\n"
    text = departed_text(profile, DAY)
    assert text.startswith("# Ada's profile\n")
    assert yaml.safe_load(text) == {
        "id": "ada",
        "name": "Ada",
        "github": "ada-l",
        "public": False,
        "departed": DAY,
    }


def test_signing_allows_only_ones_own_date() -> None:
    base = {
        "mentor": "grace",
        "mentee": "ada",
        "status": "draft",
        "signed": {"mentor": "2026-09-06"},
    }
    own = {**base, "signed": {"mentor": "2026-09-06", "mentee": "2026-09-07"}, "status": "active"}
    assert signing(base, own, {"ada"}) == "signs their own agreement as mentee"
    assert signing(base, own, {"grace"}) is None  # grace did not sign as mentee
    early = {**base, "signed": {"mentee": "2026-09-07"}, "status": "active"}
    assert signing(base, early, {"ada"}) is None  # active needs both signatures
    more = {**own, "goals": [{"goal": "x", "status": "achieved"}]}
    assert signing(base, more, {"ada"}) is None
