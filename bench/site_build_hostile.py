"""Site build time with adversarial text at every schema limit, against the normal build.

    .venv/bin/python bench/site_build_hostile.py [--runs 2] [--quick]

Target (issue 9): at most 2x the normal build. The example program is copied twice: as
it is, and with every participant-written string of every profile and lesson filled to
its schema ``maxLength`` with the costliest text that still passes validation (for
Markdown fields, the costliest of ``MARKDOWN`` patterns whose render stays within half
the render budget, measured here; for plain fields, characters every escaping layer has
to handle). Each copy is checked with ``mentorkit validate`` (the pull-request job) and
built with ``mentorkit build`` (the pages job, which validates again itself).

Figures: wall and CPU seconds (user+sys of the mentorkit processes) per job. The ratio
that the target applies to is the pages job, ``mentorkit build``; the ratio of the two
jobs together is printed beside it. CPU time is the figure to trust on a shared machine.
``--quick`` makes one run.
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
from typing import Any

import yaml
from measuring import load_text

PROJECT = Path(__file__).resolve().parent.parent
DEMO_IDENTITY = "program/DEMO-IDENTITY-PUBLIC.txt"
# The Markdown extensions of mkdocs.yml that read the generated pages.
MKDOCS_EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "toc"]
PLAIN = "<a href=x onclick=y>&amp;{: x}*_[]()`|#!\u00e9\u4e2d "
# Candidate Markdown patterns: rich prose, raw HTML, and the constructs that cost the
# renderer most per character (link and image brackets, tables, nesting, line breaks).
MARKDOWN = (
    "**bold** _it_ `code` [link](https://example.org) ",
    "&amp; &#60; <b> ",
    "[a](",
    "![",
    "[![",
    "[",
    "[a][",
    "![](",
    "a|b\n-|-\n",
    "*_",
    "  - ",
    "> ",
    "a\n",
)


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


def render_seconds(text: str) -> float:
    """CPU seconds of a fresh render (the check's own render is remembered per process)."""
    from mentorkit.model.markdown_syntax import render

    return min(render.__wrapped__(text).seconds for _ in range(3))


def site_seconds(text: str) -> float:
    """CPU seconds the site spends on ``text`` as one field: render, sanitise, then MkDocs'
    Markdown pass over the HTML block and the search indexer over the result."""
    import markdown
    from material.plugins.search.plugin import Parser

    from mentorkit.model.markdown_syntax import render
    from mentorkit.site.text import render_markdown

    best = float("inf")
    for _ in range(2):
        render.cache_clear()
        started = time.process_time()
        block = f'<div class="mk-prose">\n{render_markdown(text)}\n</div>\n'
        page = markdown.markdown(block, extensions=MKDOCS_EXTENSIONS)
        parser = Parser()
        parser.feed(page)
        parser.close()
        best = min(best, time.process_time() - started)
    return best


def _passes(text: str) -> bool:
    """Whether the render-budget check lets ``text`` through (with room for a slower machine)."""
    from mentorkit.checks.markdown_budget import BUDGET_SECONDS
    from mentorkit.model.markdown_syntax import render

    return not render(text).shape.too_complex and render_seconds(text) <= BUDGET_SECONDS / 2


def _costliest(length: int) -> str:
    """The candidate of ``length`` characters that costs the site most and passes the check."""
    best, best_cost = _fill(MARKDOWN[0], length), 0.0
    for pattern in MARKDOWN:
        # Grow a run while the check lets it through, then pad it with rich prose.
        text = _fill(pattern, min(length, 40))
        while len(text) < length:
            bigger = _fill(pattern, min(length, len(text) * 5 // 4 + 1))
            if len(bigger) <= len(text) or not _passes(bigger):
                break
            text = bigger
        if len(text) < length:
            text = (text + " " + _fill(MARKDOWN[0], length))[:length]
        if not _passes(text):
            continue
        cost = site_seconds(text)
        if cost > best_cost:
            best, best_cost = text, cost
    print(
        f"  {length:>5}-character Markdown fields: {best[:12]!r}..., {best_cost * 1000:.1f} ms each"
    )
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
                        # Every field differs, as an attacker's would: the one render
                        # per process that mentorkit remembers must not make copies free.
                        data[field] = f"{path.stem}.{field} {cache[limit]}"[:limit]
                    else:
                        data[field] = _fill(PLAIN, limit)
            path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


def _timed(
    command: list[str], env: dict[str, str]
) -> tuple[subprocess.CompletedProcess[str], float, float]:
    """The finished command, its wall seconds and its CPU seconds (user + sys)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False, env=env)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return done, wall, cpu


def _build(root: Path) -> dict[str, tuple[float, float]]:
    mentorkit = [sys.executable, "-m", "mentorkit", "--repo", str(root)]
    # The example program is sealed to a public demo identity (see the handbook).
    env = {**os.environ, "MENTORKIT_IDENTITY": str(root / DEMO_IDENTITY)}
    check, *validate = _timed([*mentorkit, "validate"], env)
    if check.returncode != 0:
        raise SystemExit(f"validate refused the program:\n{check.stdout[-2000:]}")
    done, *build = _timed([*mentorkit, "build", "--today", "2026-11-24"], env)
    if done.returncode != 0:
        raise SystemExit(f"build failed:\n{done.stderr[-2000:]}")
    return {"validate": (validate[0], validate[1]), "build": (build[0], build[1])}


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
    parser.add_argument("--quick", action="store_true", help="one run")
    args = parser.parse_args()
    runs = 1 if args.quick else args.runs
    with tempfile.TemporaryDirectory() as tmp:
        normal = _copy(Path(tmp) / "normal")
        hostile = _copy(Path(tmp) / "hostile")
        _harden(hostile)
        size = sum(p.stat().st_size for p in hostile.rglob("*.yaml")) / 1024
        print(f"hostile data: {size:,.0f} KiB of YAML; {load_text()}")
        # best[copy][job] = (wall, cpu), each the minimum over the runs
        best: dict[str, dict[str, tuple[float, float]]] = {"normal": {}, "hostile": {}}
        for _ in range(runs):
            for name, root in (("normal", normal), ("hostile", hostile)):
                shutil.rmtree(root / "build", ignore_errors=True)
                for job, (wall, cpu) in _build(root).items():
                    old = best[name].get(job, (float("inf"), float("inf")))
                    best[name][job] = (min(old[0], wall), min(old[1], cpu))
                    print(f"{name:<8} {job:<8} wall {wall:5.1f} s, cpu {cpu:5.1f} s; {load_text()}")
        print(f"best of {runs}:")
        for job in ("build", "validate"):
            for name in ("normal", "hostile"):
                wall, cpu = best[name][job]
                print(f"  {name:<8} {job:<8} wall {wall:5.1f} s, cpu {cpu:5.1f} s")
        for label, jobs in (
            ("pages job (build)", ("build",)),
            ("validate + build", ("validate", "build")),
        ):
            ratios = []
            for index, unit in ((0, "wall"), (1, "cpu")):
                hostile_s = sum(best["hostile"][job][index] for job in jobs)
                normal_s = sum(best["normal"][job][index] for job in jobs)
                ratios.append(f"{unit} {hostile_s / normal_s:.2f}")
            print(f"ratio {label}: {', '.join(ratios)}")
        cpu_ratio = best["hostile"]["build"][1] / best["normal"]["build"][1]
        verdict = "met" if cpu_ratio <= 2 else "NOT met"
        print(f"target: pages job at most 2x the normal build (CPU): {verdict}; {load_text()}")


if __name__ == "__main__":
    main()
