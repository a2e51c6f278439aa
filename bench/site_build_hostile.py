"""Site build time with adversarial text at every schema limit, against the normal build.

    .venv/bin/python bench/site_build_hostile.py [--runs 2]

Target (issue 9): at most 2x the normal build. The example program is copied twice: as
it is, and with every participant-written string of every profile and lesson filled to
its schema ``maxLength`` with the costliest text that still passes validation (for
Markdown fields, the costliest pattern whose render stays within the render budget;
for plain fields, characters every escaping layer has to handle). Both copies are
validated and then built with ``mentorkit build`` as the pages workflow runs it.
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
from typing import Any

import yaml

PROJECT = Path(__file__).resolve().parent.parent
DEMO_IDENTITY = "program/DEMO-IDENTITY-PUBLIC.txt"
PLAIN = "<a href=x onclick=y>&amp;{: x}*_[]()`|#!\u00e9\u4e2d "
# Candidate Markdown patterns, from cheap to costly for Python-Markdown.
MARKDOWN = ("**bold** _it_ `code` [link](https://example.org) ", "&amp; &#60; <b> ", "[a](", "![")


def _limits(kind: str) -> dict[str, int]:
    from mentorkit.loading.schemas import load_schema

    properties = load_schema(kind)["properties"]
    return {
        key: spec["maxLength"]
        for key, spec in properties.items()
        if isinstance(spec, dict)
        and spec.get("type") == "string"
        and "maxLength" in spec
        and "pattern" not in spec  # ids, logins, emails and zones are not free text
        and key != "sealed"  # age armor, written by mentorkit
    }


def _fill(pattern: str, length: int) -> str:
    return (pattern * (length // len(pattern) + 1))[:length].strip() or "x"


def _costliest(length: int) -> str:
    """The costliest candidate of ``length`` characters that keeps within the render budget."""
    from mentorkit.checks.markdown_budget import BUDGET_SECONDS, render_seconds

    best, best_time = _fill(MARKDOWN[0], length), 0.0
    for pattern in MARKDOWN:
        # Grow a run while it keeps within half the budget (room for this machine's load).
        text = _fill(pattern, min(length, 200))
        while len(text) < length:
            bigger = _fill(pattern, min(length, len(text) * 5 // 4))
            if len(bigger) <= len(text) or render_seconds(bigger) > BUDGET_SECONDS / 2:
                break
            text = bigger
        if len(text) < length:
            text = (text + " " + _fill(MARKDOWN[0], length))[:length]
        seconds = render_seconds(text)
        if BUDGET_SECONDS / 2 >= seconds > best_time:
            best, best_time = text, seconds
    return best


def _harden(root: Path) -> None:
    from mentorkit.model.markdown_syntax import MARKDOWN_FIELDS

    cache: dict[int, str] = {}
    for kind, folder in (("participant", "participants"), ("lesson", "program/lessons")):
        markdown = {pattern[0] for pattern in MARKDOWN_FIELDS[kind]}
        limits = _limits(kind)
        for path in sorted((root / folder).glob("*.yaml")):
            data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
            for field, limit in limits.items():
                if field in data or field in markdown:
                    if field in markdown:
                        if limit not in cache:
                            cache[limit] = _costliest(limit)
                        data[field] = cache[limit]
                    else:
                        data[field] = _fill(PLAIN, limit)
            path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


def _build(root: Path) -> tuple[float, float]:
    mentorkit = [sys.executable, "-m", "mentorkit", "--repo", str(root)]
    # The example program is sealed to a public demo identity (see the handbook).
    env = {**os.environ, "MENTORKIT_IDENTITY": str(root / DEMO_IDENTITY)}
    started = time.perf_counter()
    check = subprocess.run(
        [*mentorkit, "validate"], capture_output=True, text=True, check=False, env=env
    )
    validated = time.perf_counter()
    if check.returncode != 0:
        raise SystemExit(f"validate refused the program:\n{check.stdout[-2000:]}")
    build = [*mentorkit, "build", "--today", "2026-11-24"]
    done = subprocess.run(build, capture_output=True, text=True, check=False, env=env)
    built = time.perf_counter()
    if done.returncode != 0:
        raise SystemExit(f"build failed:\n{done.stderr[-2000:]}")
    return validated - started, built - validated


def _copy(target: Path) -> Path:
    ignore = shutil.ignore_patterns(".venv", "build", ".git", "node_modules", "*.pyc")
    for name in ("program", "participants", "site", "schemas", "mkdocs.yml"):
        source = PROJECT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=ignore)
        elif source.exists():
            shutil.copy(source, target / name)
    return target


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        normal = _copy(Path(tmp) / "normal")
        hostile = _copy(Path(tmp) / "hostile")
        _harden(hostile)
        size = sum(p.stat().st_size for p in hostile.rglob("*.yaml")) / 1024
        print(f"hostile data: {size:,.0f} KiB of YAML; load {os.getloadavg()[0]:.2f}")
        results: dict[str, list[float]] = {"normal": [], "hostile": []}
        for _ in range(args.runs):
            for name, root in (("normal", normal), ("hostile", hostile)):
                shutil.rmtree(root / "build", ignore_errors=True)
                validate, build = _build(root)
                results[name].append(validate + build)
                print(f"{name:<8} validate {validate:5.1f} s, build {build:5.1f} s")
        best = {name: min(times) for name, times in results.items()}
        ratio = best["hostile"] / best["normal"]
        verdict = "met" if ratio <= 2 else "NOT met"
        print(
            f"best of {args.runs}: normal {best['normal']:.1f} s, hostile {best['hostile']:.1f} s, "
            f"ratio {ratio:.2f} (target <= 2x: {verdict}); load {os.getloadavg()[0]:.2f}"
        )


if __name__ == "__main__":
    main()
