"""In Chromium: the language switch keeps page and section; pages load only from this site and
no request fails (privacy: no other host learns who reads what); 404 per language."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

def switch_language(page, language: str) -> None:
    """What a reader does: open the language menu in the header, pick the language."""
    page.locator(".md-header .md-select").hover()
    page.locator(f".md-header a.md-select__link[hreflang={language}]").click()
    page.wait_for_load_state()


# Every page in both languages is loaded by tests/test_browser_a11y.py, which holds each to the same
# (no request to another host, none failed, one h1, the two alternates) until axe has run; here a page
# of each kind waits until the network is idle, so that a request made later counts too.
IDLE = ["", "reactie/zoals-ingediend/", "maatwerk/dorpen/", "draaiboek/financiering/"]


@pytest.mark.parametrize("path", IDLE + ["en/" + p for p in IDLE])
def test_page_load_has_no_failed_request_and_stays_on_this_site(page, site_url: str, path: str) -> None:
    """Material's language probe asked for <page>/sitemap.xml on every load (404); now nothing fails."""
    failed: list[str] = []
    others: list[str] = []
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("response", lambda response: response.status >= 400 and failed.append(f"{response.status} {response.url}"))
    page.on("requestfailed", lambda request: failed.append(f"failed {request.url}"))
    page.on("request", lambda request: urlsplit(request.url).netloc != urlsplit(site_url).netloc
            and request.url.startswith("http") and others.append(request.url))
    response = page.goto(site_url + path, wait_until="networkidle")
    page.wait_for_timeout(300)
    assert response is not None and response.status == 200
    assert any(urlsplit(url).path.endswith(".css") for url in requests), "the listener saw no stylesheet"
    assert failed == [] and others == []
    assert page.locator("h1").count() == 1
    alternates = page.locator("head link[hreflang]").evaluate_all("els => els.map(e => [...e.relList])")
    assert alternates == [["alternate"], ["alternate"]]  # the hreflang alternates are still there


def test_switch_after_navigating_keeps_page_and_section(page, site_url: str) -> None:
    page.goto(site_url)
    page.locator(".md-content a[href='reactie/#r-3']").click()  # in-site navigation to a section
    page.wait_for_url(site_url + "reactie/#r-3")
    switch_language(page, "en")
    page.wait_for_url(site_url + "en/reactie/#r-3")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("#r-3").is_visible()
    # Reading on: scroll to another section; Material puts its id in the address (navigation.tracking).
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)  # Material ignores scrolling while it settles the page on #r-3
    page.evaluate("document.getElementById('r-5').scrollIntoView()")
    page.wait_for_function("() => location.hash === '#r-5'")
    switch_language(page, "nl")
    page.wait_for_url(site_url + "reactie/#r-5")
    assert page.locator("html").get_attribute("lang") == "nl"


def test_switch_without_a_section_opens_the_same_page(page, site_url: str) -> None:
    page.goto(site_url + "draaiboek/financiering/")
    switch_language(page, "en")
    page.wait_for_url(site_url + "en/draaiboek/financiering/")


def test_missing_page_at_any_depth_gets_dutch_styled_404_with_link_to_english(page, site_url: str) -> None:
    response = page.goto(site_url + "reactie/bestaat/niet/", wait_until="networkidle")
    assert response is not None and response.status == 404
    assert page.locator("html").get_attribute("lang") == "nl"
    assert page.locator("h1").inner_text() == "Pagina niet gevonden"
    header_bg = page.locator("header.md-header").evaluate("el => getComputedStyle(el).backgroundColor")
    assert header_bg not in ("rgba(0, 0, 0, 0)", "transparent")
    english = page.get_by_role("link", name="Go to the English site")
    assert english.get_attribute("lang") is None and english.locator("xpath=..").get_attribute("lang") == "en"
    english.click()
    page.wait_for_url(site_url + "en/")
    assert page.locator("html").get_attribute("lang") == "en"


def test_english_404_is_english_and_links_to_dutch(page, site_url: str) -> None:
    page.goto(site_url + "en/404.html", wait_until="networkidle")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "Page not found"
    # The language menu of a 404 page leads to each language's home, not to some other page.
    menu = page.locator(".md-header a.md-select__link").evaluate_all("els => els.map(a => a.href)")
    assert menu == [site_url, site_url + "en/"]
    page.get_by_role("link", name="Naar de Nederlandse site").click()
    page.wait_for_url(site_url)
    assert page.locator("html").get_attribute("lang") == "nl"
