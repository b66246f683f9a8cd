"""First-visit bytes per language, against the Material + static-i18n defaults in the same run.

Both sites are built from the same docs: ours with mkdocs.yml (strict), the
baseline with `bench.defaults_config()` (theme material, search, i18n suffix
nl/en, our Markdown extensions, nothing else). Both are served on 127.0.0.1 by
a plain static server that answers a missing file with the site's 404.html, as
GitHub Pages does. Chromium (Playwright, a fresh context per page, so nothing
is cached) loads the home page and a content page in each language and waits
until the network is idle. We add up the response bodies (uncompressed, as the
browser sees them; a host that compresses shrinks both sides alike).

Requests to another host are blocked and counted apart: the baseline asks
Google Fonts, which a reader's browser would download on top of what we count.

Also reported: each language's search index file (what a searcher downloads).
Target: ours / defaults <= 0.50 for every page.
"""
from __future__ import annotations

import argparse
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from dom_site.bench import defaults_config, load_ours, timed_build
from dom_site.languages import language_prefix
from dom_site.static_host import CHROMIUM_ARGS, chromium_path, serve

# Home page and one content page, per language (paths relative to the site root).
PAGES: tuple[tuple[str, str, str], ...] = (
    ("nl", "home", ""),
    ("nl", "content", "reactie/"),
    ("en", "home", "en/"),
    ("en", "content", "en/reactie/"),
)
TARGET = 0.50


@dataclass
class Visit:
    """What one first visit of one page downloaded."""

    bytes: int = 0
    requests: int = 0
    failed: list[str] = field(default_factory=list)  # status >= 400 or no response
    blocked: list[str] = field(default_factory=list)  # other hosts, not counted


def first_visit(browser: object, url: str) -> Visit:
    """Load url in a fresh browser context (empty cache) and add up what came in."""
    visit = Visit()
    own = urlsplit(url).netloc
    context = browser.new_context(locale="nl-NL")  # type: ignore[attr-defined]

    def route(route: object) -> None:
        request = route.request  # type: ignore[attr-defined]
        if urlsplit(request.url).netloc not in ("", own) and request.url.startswith("http"):
            visit.blocked.append(request.url)
            route.abort()  # type: ignore[attr-defined]
        else:
            route.continue_()  # type: ignore[attr-defined]

    finished: list[object] = []
    def failed(request: object) -> None:
        if request.url not in visit.blocked:  # type: ignore[attr-defined]
            visit.failed.append(f"failed {request.url}")  # type: ignore[attr-defined]

    context.route("**/*", route)
    page = context.new_page()
    page.on("requestfinished", lambda request: finished.append(request))
    page.on("requestfailed", failed)
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(300)  # late requests started by scripts after load
    # Bodies are read after the load: reading them inside the event handler races the load.
    for request in finished:
        response = request.response()  # type: ignore[attr-defined]
        if response is None:
            continue
        visit.requests += 1
        if response.status >= 400:
            visit.failed.append(f"{response.status} {request.url}")  # type: ignore[attr-defined]
        try:
            visit.bytes += len(response.body())
        except Exception:  # a redirect has no body
            pass
    context.close()
    return visit


def index_sizes(site: Path) -> dict[str, int]:
    """Each language's search index file; the defaults share one file."""
    sizes: dict[str, int] = {}
    for language in ("nl", "en"):
        own = site / language_prefix(language) / "search" / "search_index.json"
        shared = site / "search" / "search_index.json"
        path = own if own.exists() else shared
        sizes[language] = path.stat().st_size if path.exists() else 0
    return sizes


def build_both(tmp: Path, config: Path) -> tuple[Path, Path]:
    base_config = tmp / "mkdocs.defaults.yml"
    base_config.write_text(yaml.safe_dump(defaults_config(load_ours(config.parent), config.parent), allow_unicode=True), "utf-8")
    ours, defaults = tmp / "ours", tmp / "defaults"
    timed_build(config, ours, True)
    timed_build(base_config, defaults, False)
    return ours, defaults


def kb(n: int) -> str:
    return f"{n / 1024:7.1f} KB"


def main(argv: list[str] | None, root: Path) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config", type=Path, default=root / "mkdocs.yml", help="our MkDocs config (default mkdocs.yml)")
    args = parser.parse_args(argv)

    from playwright.sync_api import sync_playwright

    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        ours_site, base_site = build_both(Path(tmp), args.config.resolve())
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        with serve(ours_site) as ours_url, serve(base_site) as base_url:
            print("first visit (empty cache), bytes of all responses:")
            for language, kind, path in PAGES:
                ours = first_visit(browser, ours_url + path)
                base = first_visit(browser, base_url + path)
                ratio = ours.bytes / base.bytes if base.bytes else float("inf")
                worst = max(worst, ratio)
                print(f"  {language} {kind:<8} /{path:<14} ours {kb(ours.bytes)} ({ours.requests} req, "
                      f"{len(ours.failed)} failed)   defaults {kb(base.bytes)} ({base.requests} req, "
                      f"{len(base.failed)} failed, {len(base.blocked)} to other hosts blocked)   ratio {ratio:.2f}")
                for problem in ours.failed + [f"other host: {url}" for url in ours.blocked]:
                    print(f"      ours: {problem}")
        browser.close()
        ours_index, base_index = index_sizes(ours_site), index_sizes(base_site)
        print("search index (downloaded by a searcher):")
        for language in ("nl", "en"):
            print(f"  {language}  ours {kb(ours_index[language])}   defaults {kb(base_index[language])} "
                  f"(both languages)   ratio {ours_index[language] / base_index[language]:.2f}")
    print(f"first-visit ratio ours/defaults, worst page: {worst:.2f} (target <= {TARGET:.2f})")
    return 0


