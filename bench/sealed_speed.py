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
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate_program import generate

from mentorkit.sealing.crypto import seal_mapping
from mentorkit.sealing.keys import generate as new_identity
from mentorkit.sealing.keys import parse_recipients


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run(root: Path, *args: str, identity: Path | None = None) -> tuple[float, int]:
    env = {**os.environ, "MENTORKIT_IDENTITY": str(identity) if identity else ""}
    cpu = _children_cpu()
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "mentorkit", "--repo", str(root), *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    elapsed = time.perf_counter() - start
    print(
        f"  {' '.join(args)[:40]:<40} wall {elapsed:6.2f} s  cpu {_children_cpu() - cpu:6.2f} s",
        flush=True,
    )
    if done.returncode not in (0, 1, 2):
        sys.exit(f"{' '.join(args)} failed ({done.returncode}): {done.stderr[-500:]}")
    return elapsed, done.returncode


def _best(root: Path, args: list[str], runs: int, identity: Path | None) -> float:
    return min(_run(root, *args, identity=identity)[0] for _ in range(runs))


def _seal_the_rest(root: Path, public: str, start: int, stop: int) -> None:
    """The generator's flat profiles sealed line by line: the same format, far faster."""
    recipients = parse_recipients([public])
    for i in range(start, stop):
        path = root / "participants" / f"person-{i:05d}.yaml"
        kept, private = [], {}
        for line in path.read_text(encoding="utf-8").splitlines():
            field, _, value = line.partition(": ")
            if field in ("email", "manager"):
                private[field] = value
            else:
                kept.append(line)
        armored = seal_mapping(private, recipients)
        block = "".join(f"  {line}\n" for line in armored.splitlines())
        path.write_text("\n".join(kept) + "\nsealed: |\n" + block, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--participants", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="build the two repositories here and keep them")
    args = parser.parse_args()
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
        sample_size = min(500, args.participants)
        only = [str(sealed / "participants" / f"person-{i:05d}.yaml") for i in range(sample_size)]
        seconds, _ = _run(sealed, "seal", *only)
        print(
            f"mentorkit seal, {sample_size} profiles (public key only, round-trip YAML): "
            f"{seconds:.1f} s"
        )
        start = time.perf_counter()
        _seal_the_rest(sealed, key.public, sample_size, args.participants)
        print(
            f"the other {args.participants - sample_size:,} sealed directly: "
            f"{time.perf_counter() - start:.1f} s"
        )
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
