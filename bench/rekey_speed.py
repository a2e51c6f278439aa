"""`mentorkit rekey` of every sealed profile after a coordinator joins.

    python bench/rekey_speed.py [--participants 2000]

Generates the benchmark program, seals every profile (an email each, half a manager),
adds a second coordinator's key to privacy.recipients, then times `mentorkit rekey`
with the first coordinator's identity: wall time, and CPU time (user+sys of the command
and its worker processes). Checks that the newcomer can open a re-sealed profile and
that the opened contents are what they were. Run it with PYTHONPATH pointing at another
checkout of mentorkit to measure that version the same way.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate_program import generate
from measuring import load_text, run_mentorkit

from mentorkit.sealing.keys import generate as new_identity
from mentorkit.sealing.keys import parse_identities
from mentorkit.sealing.service import unseal_text


def _mentorkit(root: Path, *args: str, identity: Path | None = None) -> tuple[float, float]:
    """Run one command as a user would: (wall seconds, CPU seconds)."""
    done = run_mentorkit(root, *args, identity=identity)
    if done.code != 0:
        sys.exit(f"mentorkit {' '.join(args)} failed ({done.code}): {done.stderr[-800:]}")
    return done.wall, done.cpu


def _add_recipient(root: Path, coordinator: str, public: str) -> None:
    program = root / "program" / "program.yaml"
    text = program.read_text(encoding="utf-8")
    if "privacy:" not in text:
        text += "privacy:\n  recipients:\n  seal_manager: true\n"
    entry = f"    - id: {coordinator}\n      key: {public}\n"
    program.write_text(text.replace("  recipients:\n", "  recipients:\n" + entry), "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--participants", type=int, default=2000)
    count = parser.parse_args().participants
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "repo"
        generate(root, count)
        first, newcomer = new_identity(), new_identity()
        identity, newcomer_file = Path(tmp) / "first.key", Path(tmp) / "newcomer.key"
        identity.write_text(first.secret + "\n", encoding="utf-8")
        newcomer_file.write_text(newcomer.secret + "\n", encoding="utf-8")
        _add_recipient(root, "person-00000", first.public)
        wall, cpu = _mentorkit(root, "seal")
        print(f"seal  {count:,} profiles: wall {wall:.2f} s, CPU {cpu:.2f} s ({load_text()})")
        sample = root / "participants" / "person-00001.yaml"
        keys = parse_identities(identity.read_text(encoding="utf-8"))
        opened = unseal_text(sample.name, sample.read_text(encoding="utf-8"), keys)
        _add_recipient(root, "person-00001", newcomer.public)
        wall, cpu = _mentorkit(root, "rekey", identity=identity)
        print(f"rekey {count:,} profiles: wall {wall:.2f} s, CPU {cpu:.2f} s ({load_text()})")
        theirs = parse_identities(newcomer_file.read_text(encoding="utf-8"))
        again = unseal_text(sample.name, sample.read_text(encoding="utf-8"), theirs)
        if again != opened:
            sys.exit("the re-sealed profile does not open to what it held")
        print("  the newcomer opens a re-sealed profile; its contents are unchanged")


if __name__ == "__main__":
    main()
