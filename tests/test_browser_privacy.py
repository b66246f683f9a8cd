"""In a real browser, pages load only from this site: no request to any other host."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

PAGES = ["", "reactie/", "reactie/zoals-ingediend/", "over/privacy/", "en/", "en/reactie/zoals-ingediend/"]


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_only_from_this_site(page, site_url: str, path: str) -> None:
    own = urlsplit(site_url).netloc
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site_url + path, wait_until="networkidle")
    assert requests, "the page made no requests at all"
    others = [url for url in requests if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc != own]
    assert others == [], f"requests to other hosts: {others}"
    assert page.locator("h1").count() == 1


def test_missing_page_gets_dutch_styled_404(page, site_url: str) -> None:
    response = page.goto(site_url + "bestaat/niet/diep/", wait_until="networkidle")
    assert response is not None and response.status == 404
    assert page.locator("html").get_attribute("lang") == "nl"
    # Styled: Material's stylesheet applied (header has its background colour).
    header_bg = page.locator("header.md-header").evaluate("el => getComputedStyle(el).backgroundColor")
    assert header_bg not in ("rgba(0, 0, 0, 0)", "transparent")
