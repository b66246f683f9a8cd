"""Lighthouse (mobile) on the main kinds of page, in both languages, against the built site.

    make lighthouse            (after make build)

The site is served on 127.0.0.1 the way GitHub Pages serves it (gzip, a short
cache lifetime, the site's 404 page), and Lighthouse 12.2.3 from the lock file
drives the system Chromium. Targets: accessibility, best practices and SEO 100,
performance at least 95. Exit 1 when a page misses a target; the failing audits
are listed.
"""
from __future__ import annotations

import argparse
import functools
import gzip
import json
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
PAGES = ["", "reactie/", "maatwerk/dorpen/hijken/", "draaiboek/financiering/",
         "en/", "en/reactie/", "en/maatwerk/dorpen/hijken/", "en/draaiboek/financiering/"]
TARGETS = {"performance": 0.95, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run"
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


class PagesLikeHandler(SimpleHTTPRequestHandler):
    """Static files with gzip and Cache-Control: max-age=600, as GitHub Pages sends them."""

    def log_message(self, *args: object) -> None:
        pass

    def send_head(self):  # type: ignore[override]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            path, status = Path(self.directory) / "404.html", 404
        else:
            status = 200
        body = path.read_bytes()
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        compressed = accepts_gzip and path.suffix in COMPRESSIBLE
        if compressed:
            body = gzip.compress(body, 6)
        self.send_response(status)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        if compressed:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        import io
        return io.BytesIO(body)


def serve(site: Path) -> tuple[ThreadingHTTPServer, str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(PagesLikeHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def audit(url: str, chromium: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        subprocess.run([str(LIGHTHOUSE), url, "--quiet", f"--chrome-flags={CHROME_FLAGS}",
                        "--only-categories=performance,accessibility,best-practices,seo",
                        "--output=json", f"--output-path={out}"],
                       check=True, env={"CHROME_PATH": chromium, "PATH": "/usr/bin:/bin"}, capture_output=True)
        return json.loads(out.read_text("utf-8"))


def misses(report: dict) -> list[str]:
    found = []
    for category, target in TARGETS.items():
        score = report["categories"][category]["score"] or 0
        if score < target:
            audits = [a for a in report["categories"][category]["auditRefs"] if a.get("weight", 0) > 0]
            failing = [ref["id"] for ref in audits
                       if (report["audits"][ref["id"]].get("score") is not None and report["audits"][ref["id"]]["score"] < 1)]
            found.append(f"{category} {score:.2f} < {target:.2f} ({', '.join(failing[:6])})")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", default="site")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "tests"))
    from conftest import chromium_path  # the one place that knows where Chromium is

    server, base = serve(Path(args.site).resolve())
    failed = 0
    try:
        for page in PAGES:
            report = audit(base + page, chromium_path())
            scores = "  ".join(f"{c} {report['categories'][c]['score'] * 100:.0f}" for c in TARGETS)
            problems = misses(report)
            failed += bool(problems)
            print(f"/{page:<30} {scores}")
            for problem in problems:
                print(f"    {problem}")
    finally:
        server.shutdown()
    print("Lighthouse: alle doelen gehaald (all targets met)" if not failed else f"Lighthouse: {failed} pagina('s) onder het doel (pages below target)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
