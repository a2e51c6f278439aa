"""A synthetic program repository of any size, for benchmarks and scale tests.

    python bench/synthetic.py DIR --mentees 10000 --mentors 5000 --capacity 2 --format one-on-one

People get random (seeded) departments, levels, time zones, languages, skills, goals,
formats and a few managers and avoid requests, so every hard rule is exercised.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

SKILLS = [
    "python", "sql", "testing", "design", "leadership", "public-speaking", "writing", "security",
    "kubernetes", "data-analysis", "machine-learning", "product-management", "negotiation",
    "hiring", "accessibility", "frontend", "backend", "observability", "finance", "career-growth",
    "coaching", "architecture", "research", "go", "rust", "typescript", "ux-research", "sales",
    "customer-empathy", "strategy",
]  # fmt: skip
DEPARTMENTS = ["engineering", "design", "product", "data", "sales", "people", "finance", "support"]
ZONES = [
    "America/Los_Angeles", "America/New_York", "America/Sao_Paulo", "Europe/London", "Europe/Berlin",
    "Africa/Lagos", "Asia/Kolkata", "Asia/Singapore", "Asia/Tokyo", "Australia/Sydney",
]  # fmt: skip
LANGUAGES = ["en", "de", "fr", "es", "pt", "ja", "hi"]
FORMATS = ["one-on-one", "circle", "reverse", "async", "shadowing"]


def _dump(value: object) -> str:
    """YAML via JSON-compatible flow values: quick to write and valid YAML 1.2."""
    if isinstance(value, dict):
        return "\n".join(f"{k}: {json.dumps(v)}" for k, v in value.items()) + "\n"
    raise TypeError(value)


def person(
    rng: random.Random, pid: str, cohort: str, *, mentor: int, mentee: bool
) -> dict[str, object]:
    languages = ["en"] if rng.random() < 0.9 else []
    languages += rng.sample(LANGUAGES[1:], rng.choice([0, 0, 1]))
    if not languages:
        languages = [rng.choice(LANGUAGES[1:])]
    data: dict[str, object] = {
        "id": pid,
        "name": pid.replace("-", " ").title(),
        "department": rng.choice(DEPARTMENTS),
        "level": rng.randint(1, 9) if not mentor else rng.randint(3, 10),
        "timezone": rng.choice(ZONES),
        "languages": languages,
        "cohorts": [cohort],
        "formats": rng.sample(FORMATS, rng.randint(0, 3)),
    }
    if mentor:
        skills = rng.sample(SKILLS, rng.randint(2, 6))
        data["mentor"] = {
            "capacity": mentor,
            "skills": {s: rng.randint(1, 5) for s in sorted(skills)},
        }
    if mentee:
        goals = rng.sample(SKILLS, rng.randint(1, 4))
        data["mentee"] = {
            "goals": [{"skill": g} for g in goals],
            "prefer_cross_functional": rng.random() < 0.3,
        }
    return data


def generate(
    root: Path,
    *,
    mentees: int,
    mentors: int,
    capacity: int | tuple[int, int] = 2,
    fmt: str = "one-on-one",
    seed: int = 7,
    cohort: str = "synthetic",
) -> Path:
    """Write a program repository at ``root`` with one cohort; returns ``root``.

    In peer and circles cohorts the mentors also list goals, as peers do. A ``capacity``
    range (low, high) gives each mentor a capacity drawn from it (from a second random
    stream, so everything else is generated exactly as with a fixed capacity).
    """
    rng = random.Random(seed)
    (root / "program" / "cohorts").mkdir(parents=True, exist_ok=True)
    (root / "participants").mkdir(parents=True, exist_ok=True)
    (root / "program" / "program.yaml").write_text(
        'name: "Synthetic program"\npurpose: "Benchmarks"\ncoordinators: ["mentor-00000"]\n',
        encoding="utf-8",
    )
    skills = "skills:\n" + "".join(f"  - id: {s}\n    name: {s.title()}\n" for s in SKILLS)
    (root / "program" / "skills.yaml").write_text(skills, encoding="utf-8")
    (root / "program" / "cohorts" / f"{cohort}.yaml").write_text(
        f"id: {cohort}\nname: Synthetic\nformat: {fmt}\nstatus: matching\nstarts: '2026-09-01'\nends: '2027-02-28'\n",
        encoding="utf-8",
    )
    people: list[dict[str, object]] = []
    peers = fmt in ("peer", "circles")
    places = random.Random(seed + 1)
    people += [
        person(rng, f"mentor-{i:05d}", cohort, mentor=2, mentee=peers) for i in range(mentors)
    ]
    for p in people:
        offer = p["mentor"]
        assert isinstance(offer, dict)
        offer["capacity"] = places.randint(*capacity) if isinstance(capacity, tuple) else capacity
    people += [
        person(rng, f"mentee-{i:05d}", cohort, mentor=0, mentee=True) for i in range(mentees)
    ]
    ids = [str(p["id"]) for p in people]
    for p in people:
        if rng.random() < 0.05:
            other = rng.choice(ids)
            if other != p["id"]:
                p["avoid"] = [other]
    # a management chain: mentees report to some mentors
    for p in people[mentors:]:
        if mentors and rng.random() < 0.2:
            p["manager"] = f"mentor-{rng.randrange(mentors):05d}"
    for p in people:
        (root / "participants" / f"{p['id']}.yaml").write_text(_dump(p), encoding="utf-8")
    return root


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("root", type=Path)
    parser.add_argument("--mentees", type=int, default=100)
    parser.add_argument("--mentors", type=int, default=50)
    parser.add_argument("--capacity", type=int, default=2)
    parser.add_argument("--format", default="one-on-one")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    generate(
        args.root,
        mentees=args.mentees,
        mentors=args.mentors,
        capacity=args.capacity,
        fmt=args.format,
        seed=args.seed,
    )


if __name__ == "__main__":
    main()
