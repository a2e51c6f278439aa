"""Benchmark (d): is matching exact? Several cohort shapes against independent references.

    .venv/bin/python bench/matching_exact.py [--mentees 10000 --mentors 5000 --peers 10000]
        [--shapes skewed,rare,tight,avoid,peer]

Each shape is generated in memory (mentor capacities 1 to 3):

- skewed: a few "star" mentors offer many skills at high levels, goals follow a Zipf law;
- rare: a handful of skills are offered by 1% of mentors and sought by 20% of mentees;
- tight: ten time zones and ``max_timezone_gap_hours: 2``;
- avoid: everyone avoids 20 random people and a fifth report to a mentor;
- peer: a peer cohort with skewed skills (run by ``matching_peer_exact.py``, which has
  more peer shapes and checks coverage against rustworkx and a Tutte-Berge witness).

Coverage is compared with the true maximum computed here, independently of the engine's
solver: SciPy's ``maximum_flow`` over every allowed pair (the allowed pairs come from the
scoring layer, ``matrix.score_blocks``, which tests hold to the scalar ``score_pair``).
For peers the reference is the bipartite double cover's maximum matching (SciPy's
Hopcroft-Karp), an upper bound: floor(half of it) pairs at most. The score is printed
with the engine's certificate: "optimal", or the certified gap to the dual bound. Each
shape prints the match's wall and CPU time, this process's peak memory so far and the
load average (the machine may be shared). ``--quick`` runs 2,000 x 1,000 (2,000 peers).
"""

from __future__ import annotations

import argparse
import random
import resource
import time

import numpy as np
from measuring import load_text
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import maximum_bipartite_matching, maximum_flow

from mentorkit.matching.candidates import forbidden_columns
from mentorkit.matching.engine import match_cohort
from mentorkit.matching.matrix import encode, score_blocks
from mentorkit.matching.result import MatchResult
from mentorkit.matching.score import scoring_for
from mentorkit.model.entities import (
    Charter,
    Cohort,
    CohortFormat,
    Goal,
    MatchingSettings,
    MenteeRequest,
    MentorOffer,
    Participant,
)
from mentorkit.model.program import Program

SKILLS = [f"skill-{i:02d}" for i in range(30)]
ZONES = [
    "America/Los_Angeles", "America/New_York", "America/Sao_Paulo", "Europe/London",
    "Europe/Berlin", "Africa/Lagos", "Asia/Kolkata", "Asia/Singapore", "Asia/Tokyo",
    "Australia/Sydney",
]  # fmt: skip
DEPARTMENTS = ["engineering", "design", "product", "data", "sales", "people"]
FORMATS = ("one-on-one", "async", "shadowing", "reverse")


def _zipf(rng: random.Random, k: int) -> list[str]:
    weights = [1 / (i + 1) for i in range(len(SKILLS))]
    return sorted(set(rng.choices(SKILLS, weights=weights, k=k)))


def _mentor(rng: random.Random, shape: str) -> MentorOffer:
    if shape == "rare" and rng.random() < 0.01:
        skills = {s: rng.randint(2, 5) for s in SKILLS[-5:]}
    elif shape in ("skewed", "peer") and rng.random() < 0.05:  # a star
        skills = dict.fromkeys(rng.sample(SKILLS[:12], 8), 5)
    else:
        pool = SKILLS[:-5] if shape == "rare" else SKILLS
        skills = {s: rng.randint(1, 4) for s in rng.sample(pool, rng.randint(2, 4))}
    return MentorOffer(rng.randint(1, 3), skills)


def _goals(rng: random.Random, shape: str) -> tuple[Goal, ...]:
    if shape == "rare" and rng.random() < 0.2:
        return (Goal(rng.choice(SKILLS[-5:])),)
    return tuple(Goal(s) for s in _zipf(rng, rng.randint(1, 3)))


def person(rng: random.Random, pid: str, shape: str, mentor: bool, mentee: bool) -> Participant:
    zones = ZONES if shape == "tight" else ZONES[1:5]
    return Participant(
        id=pid,
        name=pid,
        department=rng.choice(DEPARTMENTS),
        level=rng.randint(3, 10) if mentor else rng.randint(1, 8),
        timezone=rng.choice(zones),
        source=f"participants/{pid}.yaml",
        languages=("en",) if rng.random() < 0.9 else ("en", rng.choice(["de", "fr", "es"])),
        cohorts=("c1",),
        mentor=_mentor(rng, shape) if mentor else None,
        mentee=MenteeRequest(_goals(rng, shape), rng.random() < 0.3) if mentee else None,
        formats=tuple(rng.sample(FORMATS, rng.randint(0, 2))),
    )


def generate(shape: str, mentees: int, mentors: int, seed: int = 11) -> Program:
    rng = random.Random(seed)
    peer = shape == "peer"
    people = [person(rng, f"m{i:05d}", shape, True, peer) for i in range(mentors)]
    people += [person(rng, f"e{i:05d}", shape, peer, True) for i in range(mentees)]
    if shape == "avoid":
        ids = [p.id for p in people]
        mentor_ids = ids[:mentors]
        people = [
            with_rules(
                p, rng.sample(ids, 20), rng.choice(mentor_ids) if rng.random() < 0.2 else None
            )
            for p in people
        ]
    settings = MatchingSettings(max_timezone_gap_hours=2.0 if shape == "tight" else 8.0)
    return one_cohort(people, "peer" if peer else "one-on-one", settings)


def one_cohort(people: list[Participant], fmt: CohortFormat, settings: MatchingSettings) -> Program:
    """A program of ``people`` in one cohort ``c1`` of format ``fmt``, being matched."""
    cohort = Cohort(
        "c1",
        "Bench",
        fmt,
        "matching",
        "2026-01-01",
        "2026-06-30",
        "program/cohorts/c1.yaml",
        matching=settings,
    )
    return Program(
        charter=Charter("Bench", "", ("x",)),
        participants={p.id: p for p in sorted(people, key=lambda p: p.id)},
        cohorts={"c1": cohort},
    )


def with_rules(p: Participant, avoid: list[str], manager: str | None) -> Participant:
    from dataclasses import replace

    return replace(
        p, avoid=tuple(a for a in avoid if a != p.id), manager=manager if manager != p.id else None
    )


def allowed_csr(
    program: Program, peer: bool, cohort_id: str = "c1"
) -> tuple[csr_matrix, np.ndarray]:
    """Every allowed pair as a 0/1 matrix (rows mentees, or everyone for peers) and the
    mentors' capacities: the scoring layer only, none of the solver's code."""
    cohort = program.cohorts[cohort_id]
    scoring = scoring_for(cohort)
    if peer:
        rows_p = cols_p = sorted(program.enrolled(cohort_id), key=lambda p: p.id)
    else:
        rows_p = sorted(program.mentees_in(cohort_id), key=lambda p: p.id)
        cols_p = sorted(program.mentors_in(cohort_id), key=lambda p: p.id)
    rows, cols = encode([rows_p, cols_p])
    parts_r, parts_c = [], []
    for block in score_blocks(scoring, rows, cols, forbidden_columns(rows_p, cols_p)):
        parts_r.append((block.rows + block.start).astype(np.int32))
        parts_c.append(block.cols.astype(np.int32))
    r, c = np.concatenate(parts_r), np.concatenate(parts_c)
    matrix = csr_matrix((np.ones(len(r), dtype=np.int32), (r, c)), shape=(len(rows_p), len(cols_p)))
    capacity = np.array([p.mentor.capacity if p.mentor else 0 for p in cols_p], dtype=np.int32)
    return matrix, capacity


def true_max_pairs(allowed: csr_matrix, capacity: np.ndarray) -> int:
    """Maximum flow: source -> mentee (1) -> mentor (1 per allowed pair) -> sink (capacity)."""
    n, m = allowed.shape
    source, sink = n + m, n + m + 1
    coo = allowed.tocoo()
    tails = np.concatenate((np.full(n, source), coo.row, n + np.arange(m)))
    heads = np.concatenate((np.arange(n), n + coo.col, np.full(m, sink)))
    caps = np.concatenate((np.ones(n + len(coo.row), dtype=np.int32), capacity))
    graph = csr_matrix((caps, (tails, heads)), shape=(n + m + 2, n + m + 2))
    return int(maximum_flow(graph, source, sink).flow_value)


def fractional_max_pairs(allowed: csr_matrix) -> float:
    """Half the double cover's maximum matching: no set of peer pairs can be larger."""
    matched = maximum_bipartite_matching(allowed, perm_type="column")
    return float((matched >= 0).sum()) / 2


def report(shape: str, result: MatchResult, times: tuple[float, float], reference: str) -> None:
    s = result.summary
    total = sum(p.score or 0.0 for p in result.pairs if p.status != "ended")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6
    print(
        f"{shape:7s} {s.people:6d} people · match wall {times[0]:6.2f} s, CPU {times[1]:6.2f} s · "
        f"matched {s.matched} ({reference}) · total score {total:.1f} · score: {s.optimality} · "
        f"peak memory so far {peak:.2f} GB · {load_text()}",
        flush=True,
    )


def run(shape: str, args: argparse.Namespace) -> None:
    if shape == "peer":  # peer shapes and their references: bench/matching_peer_exact.py
        from matching_peer_exact import run as run_peer

        run_peer("peer", args.peers, 2_000, generate("peer", args.peers, 0))
        return
    peer = False
    program = generate(shape, args.peers if peer else args.mentees, 0 if peer else args.mentors)
    start, cpu = time.perf_counter(), time.process_time()
    result = match_cohort(program, "c1")
    elapsed = (time.perf_counter() - start, time.process_time() - cpu)
    allowed, capacity = allowed_csr(program, peer)
    if peer:
        bound = fractional_max_pairs(allowed)
        people = 2 * int(bound)
        verdict = "= the most possible" if result.summary.matched >= people else f"bound {people}"
        reference = (
            f"at most {people} by the double cover, {verdict}; {allowed.nnz // 2} allowed pairs"
        )
    else:
        most = true_max_pairs(allowed, capacity)
        verdict = "equal" if most == result.summary.matched else "DIFFERENT"
        reference = f"true maximum {most} by max flow: {verdict}; {allowed.nnz} allowed pairs"
    report(shape, result, elapsed, reference)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mentees", type=int, default=10_000)
    parser.add_argument("--mentors", type=int, default=5_000)
    parser.add_argument("--peers", type=int, default=10_000)
    parser.add_argument("--shapes", default="skewed,rare,tight,avoid,peer")
    parser.add_argument("--quick", action="store_true", help="2,000 x 1,000 and 2,000 peers")
    args = parser.parse_args()
    if args.quick:
        args.mentees, args.mentors, args.peers = 2_000, 1_000, 2_000
    for shape in args.shapes.split(","):
        run(shape, args)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6
    print(f"peak memory of this process: {peak:.2f} GB")


if __name__ == "__main__":
    main()
