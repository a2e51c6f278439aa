"""Benchmark: Lighthouse on mobile for the example site, served with compression.

Builds the example program's site, serves it from 127.0.0.1 with gzip (as any real host
would), and runs Lighthouse (npm ``lighthouse``, installed into ``tools/npm`` on first use,
never run from a CDN) in Debian's chromium on the home page, the mentor directory, the
dashboard, a person page and a lesson page. Prints accessibility and performance per
page, and the machine's load, since performance figures move with it. Targets (issue 15):
accessibility >= 95 and performance >= 90 on every page.

    .venv/bin/python bench/lighthouse.py [--runs 1]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / "tools" / "npm"
LIGHTHOUSE = TOOLS / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROMIUM = "/usr/bin/chromium"
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed when the client accepts it."""

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.is_file() and path.suffix in COMPRESSIBLE):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        return io.BytesIO(body)


def build_site(out: Path) -> Path:
    env = dict(os.environ)
    env.setdefault("MENTORKIT_IDENTITY", str(ROOT / "program" / "DEMO-IDENTITY-PUBLIC.txt"))
    mentorkit = Path(sys.executable).parent / "mentorkit"
    subprocess.run(
        [str(mentorkit), "--repo", str(ROOT), "build", "--out", str(out)],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    return out / "site"


def ensure_lighthouse() -> None:
    if LIGHTHOUSE.is_file():
        return
    subprocess.run(
        ["npm", "install", "--prefix", str(TOOLS), "--no-save", "--no-audit", "--no-fund",
         "--loglevel=error", "lighthouse@13"],
        check=True,
        stdout=subprocess.DEVNULL,
    )  # fmt: skip


def pages(site: Path) -> dict[str, str]:
    person = sorted((site / "people").glob("*.html"))[0].relative_to(site).as_posix()
    lesson = sorted((site / "community" / "lessons").glob("*.html"))[0]
    return {
        "home": "index.html",
        "directory": "mentors/index.html",
        "dashboard": "dashboard/index.html",
        "person": person,
        "lesson": lesson.relative_to(site).as_posix(),
    }


def lighthouse(url: str) -> dict[str, float]:
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    result = subprocess.run(
        ["node", str(LIGHTHOUSE), url, "--quiet", "--output=json", "--output-path=stdout",
         "--only-categories=accessibility,performance", "--form-factor=mobile",
         "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    )  # fmt: skip
    report = json.loads(result.stdout)
    categories = report["categories"]
    audits = report["audits"]
    return {
        "accessibility": round(categories["accessibility"]["score"] * 100),
        "performance": round(categories["performance"]["score"] * 100),
        "lcp_ms": round(audits["largest-contentful-paint"]["numericValue"]),
        "bytes_kb": round(audits["total-byte-weight"]["numericValue"] / 1024),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1, help="runs per page (the median is kept)")
    args = parser.parse_args()
    ensure_lighthouse()
    with tempfile.TemporaryDirectory() as tmp:
        site = build_site(Path(tmp) / "out")
        handler = functools.partial(GzipHandler, directory=str(site))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        print(f"load before: {os.getloadavg()[0]:.2f} (1 min)")
        print(f"{'page':<10} {'a11y':>5} {'perf':>5} {'LCP ms':>7} {'KB':>5}  path")
        try:
            for name, path in pages(site).items():
                runs = sorted(
                    (lighthouse(base + path) for _ in range(args.runs)),
                    key=lambda r: r["performance"],
                )
                r = runs[len(runs) // 2]
                print(
                    f"{name:<10} {r['accessibility']:>5} {r['performance']:>5} "
                    f"{r['lcp_ms']:>7} {r['bytes_kb']:>5}  {path}"
                )
        finally:
            server.shutdown()
        print(f"load after: {os.getloadavg()[0]:.2f} (1 min)")


if __name__ == "__main__":
    main()
