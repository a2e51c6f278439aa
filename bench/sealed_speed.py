"""Validate and match 20,000 sealed profiles with the identity, against the same plain.

    python bench/sealed_speed.py [--participants 20000] [--runs 2]

Every profile has a sealed email (and half a sealed manager, with privacy.seal_manager);
the plain twin has the same fields in plain text. Prints the time of `mentorkit seal` on
every profile, then the best of --runs for `validate` and `match` on each, and the
difference: what opening the sealed values costs. Target (issue 11): at most 2 s more
than plain. Each run also prints its CPU time (user+sys, the process and its workers):
the machine may be shared. `match` prints JSON: the text table of 20,000 pairs takes
rich a minute to lay out, the same for both, which only adds noise to the difference.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate_program import generate

from mentorkit.sealing.keys import generate as new_identity


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run(root: Path, *args: str, identity: Path | None = None) -> tuple[float, int, float]:
    env = {**os.environ, "MENTORKIT_IDENTITY": str(identity) if identity else ""}
    before = _children_cpu()
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "mentorkit", "--repo", str(root), *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    elapsed = time.perf_counter() - start
    cpu = _children_cpu() - before
    print(f"  {' '.join(args)[:40]:<40} wall {elapsed:6.2f} s  cpu {cpu:6.2f} s", flush=True)
    if done.returncode not in (0, 1, 2):
        sys.exit(f"{' '.join(args)} failed ({done.returncode}): {done.stderr[-500:]}")
    return elapsed, done.returncode, cpu


def _best(root: Path, args: list[str], runs: int, identity: Path | None) -> tuple[float, float]:
    """The fastest run's wall time, and its CPU time."""
    return min(_run(root, *args, identity=identity)[::2] for _ in range(runs))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--participants", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="build the two repositories here and keep them")
    args = parser.parse_args()
    print(
        f"uptime: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} (load averages, {os.cpu_count()} cores)"
    )
    with tempfile.TemporaryDirectory() as scratch:
        tmp = str(args.keep) if args.keep else scratch
        plain, sealed = Path(tmp) / "plain", Path(tmp) / "sealed"
        generate(plain, args.participants)
        shutil.copytree(plain, sealed)
        key = new_identity()
        identity = Path(tmp) / "coordinator.key"
        identity.write_text(key.secret + "\n", encoding="utf-8")
        program = sealed / "program" / "program.yaml"
        program.write_text(
            program.read_text(encoding="utf-8")
            + f"privacy:\n  recipients:\n    - id: person-00000\n      key: {key.public}\n"
            "  require_sealed: true\n  seal_manager: true\n",
            encoding="utf-8",
        )
        seconds, _, cpu = _run(sealed, "seal")
        print(
            f"mentorkit seal, {args.participants:,} profiles (public key only, round-trip YAML): "
            f"{seconds:.1f} s wall ({seconds / args.participants * 1000:.1f} ms a file), "
            f"{cpu:.1f} s CPU"
        )
        sample = (sealed / "participants" / "person-00001.yaml").read_text(encoding="utf-8")
        assert "sealed: |" in sample and "@example.com" not in sample, sample
        for command in (["validate"], ["match", "bench", "--format", "json"]):
            plain_s, plain_cpu = _best(plain, command, args.runs, None)
            sealed_s, sealed_cpu = _best(sealed, command, args.runs, identity)
            print(
                f"{command[0]:<8} plain {plain_s:6.2f} s   sealed+identity {sealed_s:6.2f} s   "
                f"opening adds {sealed_s - plain_s:+.2f} s wall (target <= 2 s), "
                f"{sealed_cpu - plain_cpu:+.2f} s CPU ({plain_cpu:.2f} -> {sealed_cpu:.2f})"
            )
        code = _run(sealed, "match", "bench")[1]
        print(f"match without the identity: exit {code}")


if __name__ == "__main__":
    main()
