"""Keyboard only: a skip link first, then search, the language switch and the cite buttons work without a mouse."""
from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path, text", [("reactie/", "Ga naar inhoud"), ("en/reactie/", "Skip to content")])
def test_first_tab_reaches_a_skip_link_to_the_content(page, site_url: str, path: str, text: str) -> None:
    page.goto(site_url + path)
    page.keyboard.press("Tab")
    focused = page.evaluate("({text: document.activeElement.textContent.trim(), href: document.activeElement.getAttribute('href')})")
    assert focused["text"] == text
    page.keyboard.press("Enter")
    # The jump is a navigation of its own, which may land just after the key press returns.
    page.wait_for_url(re.compile(".*" + re.escape(focused["href"]) + "$"), timeout=5000)


def test_search_by_keyboard(page, site_url: str) -> None:
    page.goto(site_url + "draaiboek/")
    page.keyboard.press("/")  # Material's shortcut; the search field also takes focus by Tab
    assert page.evaluate("document.activeElement.getAttribute('name')") == "query"
    page.keyboard.type("grond")
    page.locator(".md-search-result__link").first.wait_for()
    page.keyboard.press("ArrowDown")  # into the results
    assert "md-search-result__link" in page.evaluate("document.activeElement.className")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/draaiboek/[a-z-]+/\?h=grond"))


def test_language_switch_by_keyboard_keeps_the_section(page, site_url: str) -> None:
    # Until the network is idle: Material settles the page on its section (and the address) after load.
    page.goto(site_url + "reactie/#r-4", wait_until="networkidle")
    switch = page.locator(".md-header .md-select").first
    page.keyboard.press("Tab")
    for _ in range(40):  # tab along the header until the language switch has focus
        if switch.evaluate("el => el.contains(document.activeElement)"):
            break
        page.keyboard.press("Tab")
    assert switch.evaluate("el => el.contains(document.activeElement)"), "the language switch is not reachable by Tab"
    english = page.locator(".md-select__link[hreflang='en']").first
    english.focus()
    # The place is the section the reader is at when choosing (Material tracks it in the address).
    section = page.evaluate("location.hash")
    assert section.startswith("#r-")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/en/reactie/#r-[0-9]+$"))
    assert page.evaluate("location.hash") == section
    assert page.locator("html").get_attribute("lang") == "en"


def test_cite_buttons_are_in_the_tab_order(page, site_url: str) -> None:
    page.goto(site_url + "draaiboek/financiering/")
    names = []
    for _ in range(120):
        page.keyboard.press("Tab")
        label = page.evaluate("document.activeElement.getAttribute('aria-label') || ''")
        if label.startswith("Citeer D-"):
            names.append(label)
        if len(names) >= 2:
            break
    assert len(names) >= 2, names
