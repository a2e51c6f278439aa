"""``mentorkit init``: the files of a new program repository, planned as text, then written.

The template lives in the package (``mentorkit/templates/program``; ``templates/example``
adds the demo people of ``--example``). Names starting with ``__`` are filled in;
``github/`` and ``gitignore`` become ``.github/`` and ``.gitignore`` (stored without the
dot so they never act on this repository itself). A new program holds no person but its
coordinator, whose profile carries only what init was told; the handbook is not copied
(it ships in the package, see ``mentorkit.loading.handbook``).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import yaml

from mentorkit.loading.schemas import SCHEMA_KINDS, schema_text
from mentorkit.loading.templates import template_files
from mentorkit.model.paths import CHARTER, SKILLS
from mentorkit.workflow.install_source import InstallSource, detected_source
from mentorkit.workflow.install_text import install_steps, precommit_config, readme_section

SCHEMA_GLOBS: dict[str, tuple[str, ...]] = {
    "program": (CHARTER,),
    "skills": (SKILLS,),
    "cohort": ("program/cohorts/*.yaml",),
    "match": ("program/matches/*.yaml",),
    "agreement": ("program/agreements/*/*.yaml",),
    "checkin": ("program/checkins/*/*/*.yaml",),
    "lesson": ("program/lessons/*.yaml",),
    "participant": ("participants/*.yaml",),
}
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{1,38}$")
LOGIN_PATTERN = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$")
_RENAMES = {"github": ".github", "gitignore": ".gitignore"}
NAME_LIMIT = 100
EXAMPLE_PEOPLE = ("alex-rivera", "mira-chen", "sam-okoro")


@dataclass(frozen=True)
class InitOptions:
    program_name: str = "Our Mentoring Program"
    coordinator_login: str = "octocat"
    today: dt.date | None = None
    install: InstallSource = field(default_factory=lambda: detected_source(None))
    coordinator_name: str | None = None
    example: bool = False


def vscode_settings() -> str:
    """Editor settings that map every data file glob to its JSON Schema."""
    mapping = {f"./schemas/{kind}.schema.json": list(globs) for kind, globs in SCHEMA_GLOBS.items()}
    return json.dumps({"yaml.schemas": mapping}, indent=2) + "\n"


def codeowners(logins: Sequence[str]) -> str:
    """Coordinators own every path: the workflows that run check-author included.

    A pull request runs its own copy of the workflows, so a participant could edit the
    check away; only a required code-owner review cannot be edited away.
    """
    owners = " ".join(f"@{login}" for login in logins) or "@coordinators"
    lines = [
        "# Coordinators review every change. `mentorkit check-author` and the review comment",
        "# help them, but a pull request runs its own copy of .github/workflows, so the check",
        '# that counts is theirs: turn on "Require review from Code Owners" for main.',
        f"* {owners}",
    ]
    return "\n".join(lines) + "\n"


def _cohort_dates(today: dt.date) -> dict[str, str]:
    first_next = (today.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    ends = first_next + dt.timedelta(days=181)
    return {
        "__COHORT_ID__": f"{first_next.year}-{first_next.strftime('%b').lower()}",
        "__COHORT_NAME__": f"{first_next.strftime('%B %Y')} one-on-one",
        "__COHORT_STARTS__": first_next.isoformat(),
        "__COHORT_ENDS__": ends.isoformat(),
        "__COHORT_REFLECTION__": (ends - dt.timedelta(days=7)).isoformat(),
    }


def _one_line(text: str, what: str) -> str:
    value = " ".join(text.split())
    if not value:
        raise ValueError(f"the {what} is empty")
    if len(value) > NAME_LIMIT:
        raise ValueError(f"the {what} is longer than {NAME_LIMIT} characters")
    return value


def coordinator_id(login: str) -> str:
    """The participant id for a GitHub login (ids are lowercase; a one-letter login is padded)."""
    candidate = login.lower()
    return candidate if ID_PATTERN.match(candidate) else f"{candidate}-coordinator"


def _name_line(options: InitOptions, login: str) -> str:
    if options.coordinator_name is None:
        return f"name: {login} # TODO: your name as it should appear on the site"
    # A JSON string is a YAML scalar: no quote or colon in the name can break the file.
    return "name: " + json.dumps(_one_line(options.coordinator_name, "coordinator's name"))


def substitutions(options: InitOptions) -> dict[str, str]:
    login = options.coordinator_login.strip().lstrip("@")
    if not LOGIN_PATTERN.match(login):
        raise ValueError(f"{login!r} is not a GitHub login")
    name = _one_line(options.program_name, "program name")
    return {
        # YAML files get the name as a quoted scalar ("Guild #2" is no comment, "a: b" no
        # mapping); Markdown pages get it as written.
        "__PROGRAM_NAME_YAML__": yaml_scalar(name),
        "__SITE_DESCRIPTION_YAML__": yaml_scalar(
            f"Handbook, mentors and lessons of the week of {name}."
        ),
        "__PROGRAM_NAME__": name,
        "__COORDINATOR_ID__": coordinator_id(login),
        "__COORDINATOR_LOGIN__": login,
        "__COORDINATOR_NAME_LINE__": _name_line(options, login),
        "__INSTALL_STEPS__\n": install_steps(options.install),
        "__INSTALL_NOTE__\n": readme_section(options.install),
        **_cohort_dates(options.today or dt.date.today()),
    }


def _fill(text: str, values: dict[str, str]) -> str:
    for token, value in values.items():
        text = text.replace(token, value)
    return text


def _renamed(rel: str) -> str:
    top, slash, rest = rel.partition("/")
    return f"{_RENAMES.get(top, top)}{slash}{rest}"


def plan_init(options: InitOptions) -> dict[str, str]:
    """Every file of the new repository: relative path to its text."""
    values = substitutions(options)
    files: dict[str, str] = {}
    templates = ["program", *(["example"] if options.example else [])]
    for name in templates:
        for rel, text in template_files(name).items():
            files[_fill(_renamed(rel), values)] = _fill(text, values)
    for kind in SCHEMA_KINDS:
        files[f"schemas/{kind}.schema.json"] = schema_text(kind)
    files[".vscode/settings.json"] = vscode_settings()
    files[".github/CODEOWNERS"] = codeowners([values["__COORDINATOR_LOGIN__"]])
    files[".pre-commit-config.yaml"] = precommit_config(options.install)
    _check_read_back(files, _one_line(options.program_name, "program name"))
    return dict(sorted(files.items()))


def yaml_scalar(text: str) -> str:
    """``text`` as a double-quoted YAML scalar (a JSON string is one), checked to read back."""
    scalar = json.dumps(text)
    if yaml.safe_load(scalar) != text:  # pragma: no cover - JSON strings always read back
        raise ValueError(f"{text!r} cannot be written as YAML")
    return scalar


class _AnyTagLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, whose !!python tags are not ours to construct."""


_AnyTagLoader.add_multi_constructor("", lambda *_: None)


def _check_read_back(files: dict[str, str], name: str) -> None:
    """Every YAML file parses, and program.yaml names the program as it was given."""
    for rel, text in files.items():
        if rel.endswith((".yaml", ".yml")):
            try:
                yaml.load(text, Loader=_AnyTagLoader)
            except yaml.YAMLError as error:
                raise ValueError(f"{rel} would not be valid YAML: {error}") from None
    charter = yaml.safe_load(files[CHARTER])
    if charter.get("name") != name:
        raise ValueError(f"the program name {name!r} does not survive being written")
