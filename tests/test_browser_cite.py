"""A council member clicks "Citeer" and gets the full citation on the clipboard."""
from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path, label, accessed", [("reactie/", "Citeer", "geraadpleegd op"), ("en/reactie/", "Cite", "accessed")])
def test_cite_button_copies_the_citation(browser, site_url: str, path: str, label: str, accessed: str) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(site_url + path)
    button = page.get_by_role("button", name=re.compile(rf"^{label} R-4: "))
    button.focus()
    page.keyboard.press("Enter")  # keyboard operable
    page.wait_for_selector(".md-dialog--active")  # Material's toast
    copied = page.evaluate("navigator.clipboard.readText()")
    context.close()
    assert copied.startswith("Dorpenoverleg Midden-Drenthe (DOM), \"")
    assert ", R-4. " in copied and f"/{'en/' if path.startswith('en') else ''}c/r-4/" in copied
    assert re.search(rf"\({accessed} \d{{1,2}} \w+ 20\d\d\)$", copied), copied
