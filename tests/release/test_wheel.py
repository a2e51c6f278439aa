"""The built package, as a new organisation gets it: install the wheel, start a program."""

from __future__ import annotations

import json
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from mentorkit.loading.handbook import packaged_handbook
from tests.release.conftest import Installed

pytestmark = pytest.mark.slow


def test_the_package_carries_its_license_and_a_user_facing_description(
    installed: Installed,
) -> None:
    wheel = next(installed.dist.glob("mentorkit-*.whl"))
    sdist = next(installed.dist.glob("mentorkit-*.tar.gz"))
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        metadata = archive.read(next(n for n in names if n.endswith(".dist-info/METADATA")))
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    assert {f"mentorkit/{page}" for page in packaged_handbook()} <= set(names)
    with tarfile.open(sdist) as archive:
        assert any(n.endswith("/LICENSE") for n in archive.getnames())
    text = metadata.decode("utf-8")
    assert "License-Expression: MIT" in text and "Project-URL: " in text
    assert "Classifier: " in text and "Keywords: " in text
    # The long description is for people who install mentorkit, not the contributor README.
    description = text.partition("\n\n")[2]
    assert "pip install" in description and "mentorkit init" in description
    assert "./dev" not in description
    twine = subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", str(wheel), str(sdist)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert twine.returncode == 0 and "FAILED" not in twine.stdout, twine.stdout + twine.stderr
    assert twine.stdout.count("PASSED") == 2


def test_a_new_organisation_starts_a_program_from_the_wheel(installed: Installed) -> None:
    home = installed.home / "org"
    home.mkdir()
    where = installed.run(
        "python", "-c", "import mentorkit; print(mentorkit.__file__)", cwd=home
    ).stdout.strip()
    assert Path(where).is_relative_to(installed.venv), where  # not the source tree

    made = installed.run("mentorkit", "init", "mentoring", "--coordinator", "OctoLead", cwd=home)
    assert "Next steps:" in made.stdout and "participants/octolead.yaml" in made.stdout
    program = home / "mentoring"
    assert installed.run("mentorkit", "validate", cwd=program).returncode == 0
    cohort = next((program / "program" / "cohorts").glob("*.yaml")).stem
    assert installed.run("mentorkit", "match", cohort, cwd=program).returncode == 0
    built = installed.run("mentorkit", "build", cwd=program)
    assert "Site built" in built.stdout
    site = program / "build" / "site"

    # A new program's handbook has every page this repository's has.
    for page in packaged_handbook():
        assert (site / page.replace(".md", ".html")).is_file(), page
    # Nobody appears whom the coordinator did not add, and the coordinator's
    # unfinished (non-public) profile appears nowhere either.
    assert [p.name for p in (program / "participants").iterdir()] == ["octolead.yaml"]
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    people = [doc["location"] for doc in index["docs"] if doc["location"].startswith("people/")]
    assert people == []
    everything = " ".join(
        p.read_text(encoding="utf-8", errors="replace") for p in site.rglob("*.html")
    )
    for name in ("OctoLead", "octolead", "Mira Chen", "Sam Okoro", "Alex Rivera"):
        assert name not in everything, name
