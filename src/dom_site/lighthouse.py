"""Lighthouse (mobile) on the main kinds of page, in both languages, against the built site.

    make lighthouse            (after make build)

The site is served on 127.0.0.1 the way GitHub Pages serves it (gzip, a short
cache lifetime, the site's 404 page), and Lighthouse 12.2.3 from the lock file
drives the system Chromium. Targets: accessibility, best practices and SEO 100,
performance at least 95. Each page is measured three times and the run with the
median performance score counts, as Lighthouse's documentation advises for its
run-to-run variance. Exit 1 when a page misses a target; the failing audits are
listed.
"""
from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path
from typing import Any

from dom_site.processes import run  # every step has a time limit and ends with its children
from dom_site.static_host import chromium_path, serve

LIGHTHOUSE = Path("node_modules") / ".bin" / "lighthouse"  # in the project folder (npm ci)
PAGES = ["", "reactie/", "maatwerk/dorpen/hijken/", "draaiboek/financiering/",
         "en/", "en/reactie/", "en/maatwerk/dorpen/hijken/", "en/draaiboek/financiering/"]
TARGETS = {"performance": 0.95, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run"


def audit(url: str, chromium: str, root: Path) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        run([str(root / LIGHTHOUSE), url, "--quiet", f"--chrome-flags={CHROME_FLAGS}",
             "--only-categories=performance,accessibility,best-practices,seo",
             "--output=json", f"--output-path={out}"], step="lighthouse", about=url, timeout=300,
            check=True, env={"CHROME_PATH": chromium, "PATH": "/usr/bin:/bin"})
        report: dict[str, Any] = json.loads(out.read_text("utf-8"))
        return report


def misses(report: dict[str, Any]) -> list[str]:
    found = []
    for category, target in TARGETS.items():
        score = report["categories"][category]["score"] or 0
        if score < target:
            audits = [a for a in report["categories"][category]["auditRefs"] if a.get("weight", 0) > 0]
            failing = [ref["id"] for ref in audits
                       if (report["audits"][ref["id"]].get("score") is not None and report["audits"][ref["id"]]["score"] < 1)]
            found.append(f"{category} {score:.2f} < {target:.2f} ({', '.join(failing[:6])})")
    return found


def main(argv: list[str] | None, root: Path) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", default="site")
    parser.add_argument("--runs", type=int, default=3, help="runs per page; the median counts (default 3)")
    args = parser.parse_args(argv)
    failed = 0
    with serve(Path(args.site).resolve(), compress=True) as base:
        for page in PAGES:
            reports = sorted((audit(base + page, chromium_path(), root) for _ in range(args.runs)),
                             key=lambda r: r["categories"]["performance"]["score"] or 0)
            report = reports[len(reports) // 2]
            scores = "  ".join(f"{c} {report['categories'][c]['score'] * 100:.0f}" for c in TARGETS)
            problems = misses(report)
            failed += bool(problems)
            print(f"/{page:<30} {scores}")
            for problem in problems:
                print(f"    {problem}")
    print("Lighthouse: alle doelen gehaald (all targets met)" if not failed else f"Lighthouse: {failed} pagina('s) onder het doel (pages below target)")
    return 1 if failed else 0


