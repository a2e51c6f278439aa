"""Validate and match 20,000 sealed profiles with the identity, against the same plain.

    python bench/sealed_speed.py [--participants 20000] [--runs 2]

Every profile has a sealed email (and half a sealed manager, with privacy.seal_manager);
the plain twin has the same fields in plain text. Prints the time of `mentorkit seal`,
then the best of --runs for `validate` and `match` on each, and the difference: what
opening the sealed values costs. Target (issue 11): at most 2 s more than plain.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate_program import generate

from mentorkit.sealing.keys import generate as new_identity


def _run(root: Path, *args: str, identity: Path | None = None) -> tuple[float, int]:
    env = {**os.environ, "MENTORKIT_IDENTITY": str(identity) if identity else ""}
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "mentorkit", "--repo", str(root), *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1, 2):
        sys.exit(f"{' '.join(args)} failed ({done.returncode}): {done.stderr[-500:]}")
    return elapsed, done.returncode


def _best(root: Path, args: list[str], runs: int, identity: Path | None) -> float:
    return min(_run(root, *args, identity=identity)[0] for _ in range(runs))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--participants", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
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
        seconds, _ = _run(sealed, "seal")
        print(f"seal {args.participants:,} profiles (public key only): {seconds:.1f} s")
        sample = (sealed / "participants" / "person-00001.yaml").read_text(encoding="utf-8")
        assert "sealed: |" in sample and "@example.com" not in sample, sample
        for command in (["validate"], ["match", "bench"]):
            plain_s = _best(plain, command, args.runs, None)
            sealed_s = _best(sealed, command, args.runs, identity)
            print(
                f"{' '.join(command):<12} plain {plain_s:6.2f} s   sealed+identity "
                f"{sealed_s:6.2f} s   opening adds {sealed_s - plain_s:+.2f} s (target <= 2 s)"
            )
        code = _run(sealed, "match", "bench")[1]
        print(f"match without the identity: exit {code}")


if __name__ == "__main__":
    main()
