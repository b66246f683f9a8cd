"""Accessibility and privacy in a real browser, on every page: axe-core with the
WCAG 2.1 A and AA rules finds nothing, and no request goes to another host or fails.

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
    import os

    site = Path(os.environ.get("SITE_DIR", ROOT / "site"))
    return content_pages(site) if site.exists() else ["", "en/"]


DARK = ["", "reactie/", "reactie/zoals-ingediend/", "maatwerk/dorpen/", "maatwerk/dorpen/hijken/",
        "draaiboek/", "draaiboek/financiering/", "en/", "en/reactie/"]


def violations(browser, url: str, scheme: str) -> list[str]:
    """axe's WCAG findings on the page, plus any request to another host or any failed request."""
    context = browser.new_context(color_scheme=scheme, locale="nl-NL")
    page = context.new_page()
    own = urlsplit(url).netloc
    wrong: list[str] = []
    page.on("request", lambda r: urlsplit(r.url).scheme in ("http", "https") and urlsplit(r.url).netloc != own
            and wrong.append(f"request to another host: {r.url}"))
    page.on("response", lambda r: r.status >= 400 and wrong.append(f"failed request: {r.url} {r.status}"))
    page.goto(url, wait_until="load")
    result = Axe().run(page, options=WCAG_AA)
    context.close()
    found = result.response["violations"]
    return wrong + [f"{v['id']}: {v['help']} — {[n['target'] for n in v['nodes']][:3]}" for v in found]


@pytest.mark.parametrize("path", pages_to_check())
def test_no_wcag_violations_light(browser, site_url: str, path: str) -> None:
    assert violations(browser, site_url + path, "light") == []


@pytest.mark.parametrize("path", DARK)
def test_no_wcag_violations_dark(browser, site_url: str, path: str) -> None:
    assert violations(browser, site_url + path, "dark") == []
