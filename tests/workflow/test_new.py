from __future__ import annotations

from pathlib import Path

import yaml

from tests.workflow.conftest import COHORT, commit_all, run

PERSON = [
    "new",
    "participant",
    "--no-input",
    "--id",
    "ada-lovelace",
    "--name",
    "Ada Lovelace",
    "--github",
    "AdaL",
    "--department",
    "Research",
    "--level",
    "6",
    "--timezone",
    "Europe/London",
    "--cohorts",
    COHORT,
    "--role",
    "both",
    "--skills",
    "python:5,sql:4",
    "--goals",
    "career-growth",
]


def test_new_participant_from_flags_is_valid_and_written(program_repo: Path) -> None:
    code, out, _ = run(program_repo, *PERSON)
    assert code == 0, out
    data = yaml.safe_load(
        (program_repo / "participants" / "ada-lovelace.yaml").read_text(encoding="utf-8")
    )
    assert data["mentor"] == {"capacity": 1, "skills": {"python": 5, "sql": 4}}
    assert data["mentee"]["goals"] == [{"skill": "career-growth"}]
    code, out, _ = run(program_repo, "validate")
    assert code == 0, out


def test_new_refuses_to_overwrite(program_repo: Path) -> None:
    before = (program_repo / "participants" / "mira-chen.yaml").read_text(encoding="utf-8")
    args = [a if a != "ada-lovelace" else "mira-chen" for a in PERSON]
    code, _, err = run(program_repo, *args)
    assert code == 2 and "already exists" in err
    assert (program_repo / "participants" / "mira-chen.yaml").read_text(encoding="utf-8") == before


def test_new_refuses_an_invalid_file_and_writes_nothing(program_repo: Path) -> None:
    args = [a if a != "career-growth" else "carer-growth" for a in PERSON]
    code, _, err = run(program_repo, *args)
    assert code == 1
    assert "carer-growth" in err and "not written" in err
    assert not (program_repo / "participants" / "ada-lovelace.yaml").exists()


def test_new_without_input_names_the_missing_flag(program_repo: Path) -> None:
    code, _, err = run(program_repo, "new", "participant", "--no-input", "--id", "x-y")
    assert code == 2 and "--name is required" in err


def test_new_participant_by_prompts(program_repo: Path) -> None:
    answers = (
        "\n".join(
            [
                "eve-adams",
                "Eve Adams",
                "",
                "Sales",
                "3",
                "America/New_York",
                "en,es",
                COHORT,
                "mentee",
                "sql,public-speaking",
            ]
        )
        + "\n"
    )
    code, out, err = run(program_repo, "new", "participant", input=answers)
    assert code == 0, out
    data = yaml.safe_load(
        (program_repo / "participants" / "eve-adams.yaml").read_text(encoding="utf-8")
    )
    # the default login (the id) is written: without `github` only a coordinator could edit it
    assert data["languages"] == ["en", "es"] and data["github"] == "eve-adams"
    assert "no-login" not in out + err
    assert [g["skill"] for g in data["mentee"]["goals"]] == ["sql", "public-speaking"]


def test_new_lesson_and_cohort(program_repo: Path) -> None:
    code, out, _ = run(
        program_repo,
        "new",
        "lesson",
        "--no-input",
        "--title",
        "Joins, finally!",
        "--author",
        "sam-okoro",
        "--date",
        "2026-09-14",
        "--skills",
        "sql",
        "--context",
        "A slow report.",
        "--action",
        "Rewrote the join.",
        "--outcome",
        "Ten times faster.",
        "--takeaway",
        "Read the plan.",
    )
    assert code == 0, out
    assert (program_repo / "program" / "lessons" / "2026-09-14-joins-finally.yaml").is_file()
    code, out, _ = run(
        program_repo,
        "new",
        "cohort",
        "--no-input",
        "--id",
        "2027-spring",
        "--name",
        "Spring 2027",
        "--starts",
        "2027-03-01",
        "--ends",
        "2027-08-31",
    )
    assert code == 0, out
    cohort = yaml.safe_load(
        (program_repo / "program" / "cohorts" / "2027-spring.yaml").read_text(encoding="utf-8")
    )
    assert cohort["status"] == "planning" and cohort["format"] == "one-on-one"
    assert run(program_repo, "validate")[0] == 0


def test_new_agreement_prefills_from_the_accepted_pair(program_repo: Path) -> None:
    matches = program_repo / "program" / "matches" / f"{COHORT}.yaml"
    matches.write_text(
        f"cohort: {COHORT}\npairs:\n  - mentor: sam-okoro\n    mentee: mira-chen\n"
        "    status: accepted\n",
        encoding="utf-8",
    )
    commit_all(program_repo, "accept")
    code, out, err = run(program_repo, "new", "agreement", COHORT, "mira-chen", "--no-input")
    assert code == 0, out + err
    path = program_repo / "program" / "agreements" / COHORT / "sam-okoro--mira-chen.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["status"] == "draft" and data["cadence"] == "fortnightly"
    assert [g["skill"] for g in data["goals"]] == ["sql", "career-growth"]
    assert data["confidentiality"].startswith("What is said")
    assert run(program_repo, "validate")[0] == 0


def test_new_agreement_without_an_accepted_pair_says_what_to_do(program_repo: Path) -> None:
    code, _, err = run(program_repo, "new", "agreement", COHORT, "mira-chen", "--no-input")
    assert code == 2 and "no accepted pair" in err


def test_an_id_or_date_that_is_a_path_is_a_usage_error_not_a_file_elsewhere(
    program_repo: Path, tmp_path: Path
) -> None:
    escape = str(tmp_path / "evil")
    person = [*PERSON]
    person[person.index("ada-lovelace")] = f"../../../../{escape}"
    code, _, err = run(program_repo, *person)
    assert code == 2 and "is not an id" in err
    assert not list(tmp_path.glob("evil*"))
    code, _, err = run(
        program_repo,
        *("new", "lesson", "--no-input", "--title", "T", "--author", "mira-chen"),
        *("--date", "../../x", "--context", "c", "--action", "a", "--outcome", "o"),
        *("--takeaway", "t"),
    )
    assert code == 2 and "is not a date" in err


def test_new_asks_again_with_the_reason_and_keeps_earlier_answers(program_repo: Path) -> None:
    """A bad answer is refused as it is given (not after the last question), `?` shows the
    question's help, cohorts open for enrolment and skills by category are listed, and a
    misspelt skill gets a suggestion."""
    answers = [
        "Bad Id!",  # refused: not an id
        "mira-chen",  # refused: taken
        "eve-adams",
        "Eve Adams",
        "",  # github defaults to the id
        "?",  # help for the department question
        "Sales",
        "eleven",  # refused
        "3",
        "America/New_Yrok",  # refused, with a suggestion
        "America/New_York",
        "en,es",
        "no-such-cohort",  # refused
        COHORT,
        "mentee",
        "?",
        "pubic speaking",  # refused with "did you mean public-speaking"
        "sql,Public speaking",  # names work as well as ids
    ]
    code, out, err = run(program_repo, "new", "participant", input="\n".join(answers) + "\n")
    assert code == 0, err
    assert "use 2-39 lower-case letters" in err
    assert "the id 'mira-chen' is taken" in err
    assert "Departments in use:" in err
    assert "give a whole number from 1 (entry) to 10 (executive)" in err
    assert "did you mean America/New_York" in err
    assert "there is no cohort 'no-such-cohort'" in err
    assert f"Cohorts open for enrolment:\n  {COHORT}" in err
    assert "Skills, by category" in err and "  Engineering: python" in err
    assert "did you mean public-speaking" in err
    assert out == "wrote participants/eve-adams.yaml\n"  # prompts go to stderr
    data = yaml.safe_load(
        (program_repo / "participants" / "eve-adams.yaml").read_text(encoding="utf-8")
    )
    assert data["timezone"] == "America/New_York"
    assert [g["skill"] for g in data["mentee"]["goals"]] == ["sql", "public-speaking"]
