"""Generate a synthetic, valid program repository of N participants for benchmarks.

    python bench/generate_program.py OUT_DIR --participants 20000 [--lessons 300] [--seed 7]

The output is deterministic for a seed. Everyone is enrolled in one active one-on-one
cohort; roughly a third offer mentoring and the rest seek it.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

DEPARTMENTS = [
    "Engineering",
    "Data",
    "Product",
    "Design",
    "Sales",
    "People Operations",
    "Finance",
    "Support",
]
ZONES = [
    "America/Los_Angeles",
    "America/New_York",
    "America/Sao_Paulo",
    "Europe/London",
    "Europe/Berlin",
    "Asia/Kolkata",
    "Asia/Singapore",
    "Australia/Sydney",
]
LANGUAGES = ["en", "de", "es", "pt", "fr", "hi", "ja"]
FORMATS = ["one-on-one", "circle", "async", "shadowing"]
SKILLS = [f"skill-{i:02d}" for i in range(40)]
FIRST = [
    "Ada",
    "Lin",
    "Kofi",
    "Mira",
    "Ravi",
    "Sofia",
    "Tomas",
    "Yuki",
    "Amara",
    "Jonas",
    "Priya",
    "Diego",
]
LAST = [
    "Okafor",
    "Chen",
    "Mensah",
    "Novak",
    "Iyer",
    "Rossi",
    "Berg",
    "Sato",
    "Silva",
    "Haddad",
    "Khan",
    "Moreau",
]
# A middle name built from syllables gives each of 20,000 people a name of their own:
# with a dozen first and last names every name would be shared, and the look-alike
# check would warn about every profile (a real program has a few such pairs, not all).
_ONSETS = "bdfgklmnpstvz"
_VOWELS = "aeiou"


def _middle_name(i: int) -> str:
    """A made-up name, different for every ``i`` (three syllables, then a last name)."""
    syllables = []
    for _ in range(3):
        i, rest = divmod(i, len(_ONSETS) * len(_VOWELS))
        syllables.append(_ONSETS[rest // len(_VOWELS)] + _VOWELS[rest % len(_VOWELS)])
    return "".join(syllables).capitalize() + ("" if i == 0 else f"-{LAST[i % len(LAST)]}")


def _participant(rng: random.Random, i: int, cohort: str) -> str:
    pid = f"person-{i:05d}"
    level = rng.randint(1, 9)
    is_mentor = rng.random() < 0.34
    langs = ["en", *rng.sample(LANGUAGES[1:], rng.randint(0, 2))]
    lines = [
        "# yaml-language-server: $schema=../schemas/participant.schema.json",
        f"id: {pid}",
        f"name: {rng.choice(FIRST)} {_middle_name(i)} {rng.choice(LAST)}",
        # Every profile names the login that may change it, as a real one does (without
        # it each file gets a no-login warning, which real programs do not have).
        f"github: {pid}-gh",
        f"email: {pid}@example.com",
        "pronouns: they/them",
        f"title: Specialist {level}",
        f"department: {rng.choice(DEPARTMENTS)}",
        f"level: {level}",
        f"timezone: {rng.choice(ZONES)}",
        f"languages: [{', '.join(langs)}]",
    ]
    if i > 10 and rng.random() < 0.5:
        lines.append(f"manager: person-{rng.randrange(0, i):05d}")
    lines += [
        "bio: |",
        "  I enjoy helping people **grow**, and I am learning every day.",
        f"cohorts: [{cohort}]",
        f"formats: [{', '.join(rng.sample(FORMATS, 2))}]",
        f"hours_per_month: {rng.randint(2, 8)}",
    ]
    if is_mentor:
        lines += ["mentor:", f"  capacity: {rng.randint(1, 3)}", "  skills:"]
        lines += [f"    {s}: {rng.randint(2, 5)}" for s in rng.sample(SKILLS, 5)]
    else:
        lines += ["mentee:", "  goals:"]
        for s in rng.sample(SKILLS, rng.randint(1, 3)):
            lines += [f"    - skill: {s}", "      note: Get better at this for my next project."]
        lines.append(f"  prefer_cross_functional: {'true' if rng.random() < 0.4 else 'false'}")
    return "\n".join(lines) + "\n"


def generate(
    out: Path, participants: int, lessons: int = 0, seed: int = 7, cohort: str = "bench"
) -> None:
    rng = random.Random(seed)
    (out / "program" / "cohorts").mkdir(parents=True, exist_ok=True)
    (out / "program" / "lessons").mkdir(parents=True, exist_ok=True)
    (out / "participants").mkdir(parents=True, exist_ok=True)
    (out / "program" / "program.yaml").write_text(
        "name: Benchmark Mentoring\npurpose: A synthetic program for benchmarks.\n"
        "coordinators: [person-00000]\nmatching:\n  max_timezone_gap_hours: 10\n"
    )
    skills = "\n".join(
        f"  - id: {s}\n    name: Skill {s[-2:]}\n    category: general" for s in SKILLS
    )
    (out / "program" / "skills.yaml").write_text(
        f"categories:\n  - id: general\n    name: General\nskills:\n{skills}\n"
    )
    (out / "program" / "cohorts" / f"{cohort}.yaml").write_text(
        f"id: {cohort}\nname: Benchmark cohort\nformat: one-on-one\nstatus: matching\n"
        "starts: 2026-09-01\nends: 2027-02-26\ncadence: fortnightly\n"
    )
    for i in range(participants):
        (out / "participants" / f"person-{i:05d}.yaml").write_text(_participant(rng, i, cohort))
    for j in range(lessons):
        day = 1 + j % 28
        month = 1 + (j // 28) % 12
        date = f"2026-{month:02d}-{day:02d}"
        author = f"person-{rng.randrange(participants):05d}"
        (out / "program" / "lessons" / f"{date}-lesson-{j:03d}.yaml").write_text(
            f"title: Lesson {j}\nauthor: {author}\ndate: {date}\nskills: [{rng.choice(SKILLS)}]\n"
            "context: We had a *hard* week.\naction: We wrote things down.\n"
            "outcome: It got better.\ntakeaway: Write things down.\n"
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("out", type=Path)
    parser.add_argument("--participants", type=int, default=1000)
    parser.add_argument("--lessons", type=int, default=0)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    generate(args.out, args.participants, args.lessons, args.seed)
    print(f"wrote {args.participants} participants to {args.out}")


if __name__ == "__main__":
    main()
