"""A plain static host on 127.0.0.1 that behaves like GitHub Pages, and the system Chromium.

Used by the browser tests, the first-visit benchmark and Lighthouse, so they all
see the site the same way: any missing file gets the site's own 404.html; the
site can live under a sub-path (GitHub project pages); responses can be gzipped
with a short cache lifetime, as Pages sends them.
"""
from __future__ import annotations

import functools
import gzip
import io
import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
# Chromium's own background traffic is not the site's: switch it off, so that
# "no request to another host" and byte counts measure the site alone.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}


def chromium_path() -> str:
    """The distribution's Chromium (never a browser a tool downloaded); $CHROMIUM wins."""
    for candidate in (os.environ.get("CHROMIUM", ""), *CHROMIUM_CANDIDATES):
        if candidate and Path(candidate).exists():
            return candidate
    sys.exit("Chromium ontbreekt — draai 'make chromium' (English: Chromium is missing — run 'make chromium')")


class PagesHandler(SimpleHTTPRequestHandler):
    """Serves `site` under `prefix`; a missing file, or anything outside the prefix, gets 404.html."""

    site: Path
    prefix = "/"
    compress = False

    def log_message(self, *args: object) -> None:
        pass

    def send_head(self) -> io.BytesIO | None:
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        target = None
        if path.startswith(self.prefix):
            target = Path(self.translate_path("/" + path[len(self.prefix):]))
            if target.is_dir():
                target = target / "index.html"
        status = 200 if target is not None and target.is_file() else 404
        if status == 404 or target is None:
            target = self.site / "404.html"
        body = target.read_bytes()
        gzipped = self.compress and target.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", "")
        if gzipped:
            body = gzip.compress(body, 6)
        self.send_response(status)
        self.send_header("Content-Type", self.guess_type(str(target)))
        self.send_header("Content-Length", str(len(body)))
        if self.compress:
            self.send_header("Cache-Control", "max-age=600")
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        return io.BytesIO(body)


class QuietServer(ThreadingHTTPServer):
    """A browser that leaves a page mid-load closes its connection: not an error worth a traceback."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):  # BrokenPipeError, ConnectionResetError
            return
        super().handle_error(request, client_address)


@contextmanager
def serve(site: Path, prefix: str = "/", compress: bool = False) -> Iterator[str]:
    """Serve site on a free port; yields the site's address (ending in prefix)."""
    handler = type("Handler", (PagesHandler,), {"site": site, "prefix": prefix, "compress": compress})
    server = QuietServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
