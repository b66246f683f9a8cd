"""Accessibility and privacy in a real browser, on every page: axe-core with the
WCAG 2.1 A and AA rules finds nothing, no request goes to another host or fails, and the
page has one main heading and its two language alternates.

Every content page in both languages in the light scheme, and the main kinds of
page in the dark scheme (the palette must pass AA contrast in both).
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import ROOT

pytestmark = pytest.mark.browser

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
           "resultTypes": ["violations"]}  # only what we assert on: much faster
SKIP_TOP = {"c", "versies", "search", "assets"}


def content_pages(site: Path) -> list[str]:
    """Site-relative URLs of every real page (not redirects, short links or frozen editions)."""
    urls = []
    for page in sorted(site.rglob("index.html")):
        parts = page.relative_to(site).parts
        top = parts[1] if parts[0] == "en" and len(parts) > 1 else parts[0]
        if top in SKIP_TOP or 'class="md-content"' not in page.read_text("utf-8"):
            continue
        urls.append("/".join(parts[:-1]) + ("/" if len(parts) > 1 else ""))
    return urls


def pages_to_check() -> list[str]:
    """Every page's URL, from the sources (so the tests are the same whether a site is built or not):
    each docs/**/*.md in Dutch and under en/ (translated, or the Dutch text with the English notice).
    test_the_pages_checked_are_every_page_of_the_built_site holds this list to the built site."""
    urls = set()
    for source in (ROOT / "docs").rglob("*.md"):
        stem = source.relative_to(ROOT / "docs").as_posix().removesuffix(".md").removesuffix(".en")
        folder = stem.removesuffix("index") if stem == "index" or stem.endswith("/index") else stem + "/"
        urls |= {folder, "en/" + folder}
    return sorted(urls)


DARK = ["", "reactie/", "reactie/zoals-ingediend/", "maatwerk/dorpen/", "maatwerk/dorpen/hijken/",
        "draaiboek/", "draaiboek/financiering/", "en/", "en/reactie/"]


class Checker:
    """One browser context per colour scheme and worker, axe injected by the context into every
    document it opens (add_init_script), one tab reused page after page."""

    def __init__(self, browser, scheme: str) -> None:
        self.context = browser.new_context(color_scheme=scheme, locale="nl-NL")
        self.context.add_init_script(Axe().axe_script)
        self.page = self.context.new_page()
        self.wrong: list[str] = []
        self.page.on("request", lambda r: urlsplit(r.url).scheme in ("http", "https")
                     and urlsplit(r.url).netloc != self.own and self.wrong.append(f"request to another host: {r.url}"))
        self.page.on("response", lambda r: r.status >= 400 and self.wrong.append(f"failed request: {r.url} {r.status}"))
        self.own = ""

    def violations(self, url: str) -> list[str]:
        self.own, self.wrong = urlsplit(url).netloc, []
        self.page.goto(url, wait_until="load")
        found = self.page.evaluate("options => axe.run(document, options).then(result => result.violations)", WCAG_AA)
        # One main heading, and the page's two language alternates as the build wrote them (Material's
        # language probe once changed them: tests/test_language_browser.py).
        headings, alternates = self.page.evaluate(
            "() => [document.querySelectorAll('h1').length,"
            " [...document.querySelectorAll('head link[hreflang]')].map(e => [...e.relList])]")
        if headings != 1:
            self.wrong.append(f"{headings} h1 headings instead of one")
        if alternates != [["alternate"], ["alternate"]]:
            self.wrong.append(f"language alternates {alternates}")
        # Requests of this page only: the next page's must not be blamed on it.
        self.page.goto("about:blank")
        return self.wrong + [f"{v['id']}: {v['help']} — {[n['target'] for n in v['nodes']][:3]}" for v in found]


_checkers: dict[tuple[int, str], Checker] = {}


def violations(browser, url: str, scheme: str) -> list[str]:
    """axe's WCAG findings on the page, plus any request to another host or any failed request."""
    key = (id(browser), scheme)
    if key not in _checkers:
        _checkers[key] = Checker(browser, scheme)
    return _checkers[key].violations(url)


def test_the_pages_checked_are_every_page_of_the_built_site(site_dir: Path) -> None:
    assert pages_to_check() == sorted(content_pages(site_dir))


@pytest.mark.parametrize("path", pages_to_check())
def test_no_wcag_violations_light(browser, site_url: str, path: str) -> None:
    assert violations(browser, site_url + path, "light") == []


@pytest.mark.parametrize("path", DARK)
def test_no_wcag_violations_dark(browser, site_url: str, path: str) -> None:
    assert violations(browser, site_url + path, "dark") == []
