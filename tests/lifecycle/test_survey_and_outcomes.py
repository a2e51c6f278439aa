"""Survey and outcome figures: parsing answers, NPS, intervals, and what is withheld."""

from __future__ import annotations

import math

import pytest
from scipy.stats import binomtest

from mentorkit.lifecycle.outcomes import (
    Outcome,
    OutcomeRecords,
    newcombe,
    outcome_figures,
    read_outcomes,
    wilson,
)
from mentorkit.lifecycle.survey import (
    Response,
    SurveyResponses,
    read_responses,
    survey_figures,
)
from mentorkit.loading.exports import parse_export
from mentorkit.model.entities import Charter, Cohort, Participant
from mentorkit.model.export_settings import OutcomeSettings, SurveySettings
from mentorkit.model.program import Program

SETTINGS = SurveySettings(recommend="Recommend", satisfaction="Happy", cohort="Cohort", role="Role")


def program(*people: str) -> Program:
    cohort = Cohort(id="c1", name="Spring pilot", format="one-on-one", status="active",
                    starts="2026-01-01", ends="2026-06-30", source="program/cohorts/c1.yaml")  # fmt: skip
    return Program(
        charter=Charter(name="P", purpose="", coordinators=()),
        participants={
            p: Participant(
                id=p,
                name=p,
                department="D",
                level=3,
                timezone="UTC",
                source=f"participants/{p}.yaml",
                public=p != "hidden",
            )
            for p in people
        },
        cohorts={"c1": cohort},
    )


def test_answers_are_read_with_a_problem_for_each_bad_row() -> None:
    text = (
        "Timestamp,Cohort,Role,Recommend,Happy\n"
        "t,Spring pilot,Mentee,9,5\n"  # by name
        "t,c1,Mentor,10 - Extremely likely,4\n"  # by id, SurveyMonkey's label
        "t,C1,mentor and mentee,,\n"  # both roles, questions skipped
        "t,c1,Mentee,eleven,4\n"
        "t,Autumn,Mentee,7,4\n"
        "t,c1,Mentee,7,6\n"
    )
    survey = read_responses(parse_export(text, "s.csv"), SETTINGS, program())
    assert [(r.line, r.role, r.recommend, r.satisfaction) for r in survey.responses] == [
        (2, "mentee", 9, 5),
        (3, "mentor", 10, 4),
        (4, "both", None, None),
    ]
    assert [(p.path, p.line) for p in survey.problems] == [("s.csv", 5), ("s.csv", 6), ("s.csv", 7)]
    assert "'eleven' is not a whole number from 0 to 10" in survey.problems[0].message
    assert "unknown cohort 'Autumn'" in survey.problems[1].message


def test_a_missing_column_or_cohort_is_one_clear_problem() -> None:
    table = parse_export("Cohort,Role,Happy\nc1,mentor,4\n", "s.csv")
    survey = read_responses(table, SETTINGS, program())
    assert survey.responses == () and "no column 'Recommend'" in survey.problems[0].message
    bare = SurveySettings(recommend="Recommend")
    alone = read_responses(parse_export("Recommend\n9\n", "s.csv"), bare, program())
    assert "name the cohort" in alone.problems[0].message
    named = read_responses(parse_export("Recommend\n9\n", "s.csv"), bare, program(), "c1")
    assert named.responses[0].cohort == "c1"


def _survey(*rows: tuple[str, int]) -> SurveyResponses:
    responses = tuple(
        Response(i + 2, "c1", role, score, 5 if score >= 9 else 3)
        for i, (role, score) in enumerate(rows)
    )
    return SurveyResponses("s.csv", responses, (), SettingsWithHappy, {"c1": "Spring pilot"})


SettingsWithHappy = SurveySettings(satisfaction="Happy")


def test_nps_is_promoters_minus_detractors_and_small_groups_are_withheld() -> None:
    mentees = [
        ("mentee", s) for s in (10, 9, 9, 9, 9, 8, 7, 3, 2, 1, 0, 6)
    ]  # 5 promoters, 5 detractors
    mentors = [("mentor", s) for s in (10, 10, 7)]  # three answers: too few
    figures = survey_figures(_survey(*mentees, *mentors), 5)
    assert figures["survey:c1:mentee:nps"].value == round(100 * (5 - 5) / 12)
    assert (
        figures["survey:c1:mentor:nps"].withheld and figures["survey:c1:mentor:responses"].withheld
    )
    # Everyone minus the mentees would give the three mentors back: not both shown.
    assert not (
        figures["survey:*:*:responses"].shown and figures["survey:c1:mentee:responses"].shown
    )


def test_wilson_matches_scipy_and_newcombe_brackets_the_difference() -> None:
    for k, n in ((0, 7), (5, 19), (45, 53), (12, 12)):
        ours = wilson(k, n)
        theirs = binomtest(k, n).proportion_ci(0.95, method="wilson")
        assert math.isclose(ours.low, theirs.low, abs_tol=1e-9)
        assert math.isclose(ours.high, theirs.high, abs_tol=1e-9)
    difference, interval = newcombe((5, 19), (8, 53))
    assert difference == pytest.approx(5 / 19 - 8 / 53)
    assert interval.low < difference < interval.high
    # Newcombe (1998), table II, example (a): 56/70 against 48/80 gives 0.0524 to 0.3339.
    _, known = newcombe((56, 70), (48, 80))
    assert known.low == pytest.approx(0.0524, abs=5e-4) and known.high == pytest.approx(
        0.3339, abs=5e-4
    )


def test_outcomes_report_unknown_ids_and_count_hidden_people_only_in_aggregates() -> None:
    people = [f"p{i}" for i in range(11)] + ["hidden"]
    rows = "\n".join(f"{p},yes,no" for p in people[1:])
    text = f"id,employed,promoted\n{rows}\nstranger,yes,no\np1,no,no\np0,maybe,no\n"
    records = read_outcomes(parse_export(text, "hr.csv"), OutcomeSettings(), program(*people))
    assert records.unknown == 1 and len(records.outcomes) == 11
    codes = [(p.line, p.level, p.code) for p in records.problems]
    assert codes == [
        (13, "warning", "outcome-unknown-id"),
        (14, "error", "outcome-duplicate"),
        (15, "error", "outcome-answer"),
    ]
    assert "'maybe' under 'employed' is not yes or no" in records.problems[2].message
    assert "hidden" in {o.person for o in records.outcomes}  # counted, in aggregates only


def test_outcome_figures_withhold_small_groups_and_their_difference() -> None:
    mentored = frozenset(f"m{i}" for i in range(7))
    rows = tuple(Outcome(p, p != "m0", False) for p in sorted(mentored))  # one of seven left
    rows += tuple(Outcome(f"n{i}", i > 5, i < 5) for i in range(20))
    result = outcome_figures(OutcomeRecords("hr.csv", rows, (), (), 0, mentored), 5)
    assert result.figures["outcomes:mentored:retention"].withheld
    assert (
        result.differences["retention"].withheld
        and "outcomes:difference:retention" not in result.intervals
    )
    assert result.figures["outcomes:not_mentored:retention"].value == pytest.approx(14 / 20)
    assert result.differences["promotion"].value == pytest.approx(0 - 5 / 20)
    assert "outcomes:difference:promotion" in result.intervals
