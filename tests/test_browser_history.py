"""A unit's history page in a real browser: after a change, the deleted and the inserted
word are visible without relying on colour, the page works by keyboard, and axe finds nothing.

The fixture is a copy of what the build reads, in its own git repository: its one commit
becomes release 1.0, then R-4's first sentence changes in both languages
(one word deleted, one inserted).
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from builds import build, docs_copy
from conftest import made_once
from git_repo import git
from test_browser_a11y import violations

from dom_site.static_host import serve

pytestmark = pytest.mark.browser

# The change: in R-4's first sentence the second word goes, and a new word ends the sentence.
PAGES = {"nl": "docs/reactie/index.md", "en": "docs/reactie/index.en.md"}
NEW_WORD = {"nl": "Proefwoord", "en": "Testword"}


def change_first_sentence(path: Path, lang: str) -> tuple[str, str]:
    """Change R-4's first body line; return the deleted and the inserted word."""
    lines = path.read_text("utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("#") and "{#r-4}" in line)
    body = next(i for i in range(start + 1, len(lines)) if lines[i].strip())
    words = lines[body].split()
    deleted = words.pop(1)
    lines[body] = " ".join(words) + f" {NEW_WORD[lang]}"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return deleted, NEW_WORD[lang]




def make_changed_site(folder: Path) -> dict[str, tuple[str, str]]:
    """The copy as release 1.0 in its own git repository, then R-4 changed; built into folder/project/site."""
    project = folder / "project"
    docs_copy(project)
    git(project, "init", "-q")
    git(project, "add", ".")
    git(project, "commit", "-q", "-m", "Release 1.0 of the fixture")
    commit = git(project, "rev-parse", "HEAD")
    registry = project / "registry" / "ids.yml"
    registry.write_text("\n".join(
        line.split(", commit: ")[0] + f", commit: {commit}}}" if line.lstrip().startswith('- {version: "1.0"') else line
        for line in registry.read_text("utf-8").splitlines()) + "\n", "utf-8")
    changed = {lang: change_first_sentence(project / path, lang) for lang, path in PAGES.items()}
    result = build(project / "mkdocs.yml", site_dir=project / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    (folder / "changed.json").write_text(json.dumps(changed), "utf-8")
    return changed


@pytest.fixture(scope="module")
def changed_site(pytestconfig: pytest.Config) -> Iterator[tuple[str, dict[str, tuple[str, str]]]]:
    """Built once per run (conftest.made_once), served by each worker that needs it."""
    folder = made_once(pytestconfig, "history-site", make_changed_site)
    changed = {lang: (deleted, inserted) for lang, (deleted, inserted)
               in json.loads((folder / "changed.json").read_text("utf-8")).items()}
    with serve(folder / "project" / "site") as url:
        yield url, changed


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_history_shows_the_deleted_and_the_inserted_word(browser, changed_site, lang: str) -> None:
    base, changed = changed_site
    deleted, inserted = changed[lang]
    page = browser.new_page()
    page.goto(base + ("en/" if lang == "en" else "") + "c/r-4/geschiedenis/")
    assert page.locator("html").get_attribute("lang") == lang
    gone, added = page.locator(".history-diff del"), page.locator(".history-diff ins")
    assert gone.count() == 1 and added.count() == 1
    assert gone.is_visible() and added.is_visible()
    hidden = {"nl": ("verwijderd:", "toegevoegd:"), "en": ("deleted:", "inserted:")}[lang]
    assert gone.text_content().split() == [hidden[0], deleted]
    assert added.text_content().split() == [hidden[1], inserted]
    # Not by colour alone: strike-through and underline, with [- -] and {+ +} around the words.
    style = "(el, pseudo) => getComputedStyle(el, pseudo)"
    assert "line-through" in gone.evaluate(f"el => ({style})(el, null).textDecorationLine")
    assert "underline" in added.evaluate(f"el => ({style})(el, null).textDecorationLine")
    assert "[-" in gone.evaluate(f"el => ({style})(el, '::before').content")
    assert "{+" in added.evaluate(f"el => ({style})(el, '::before').content")
    # The screen-reader word is in the text but takes no room on screen.
    box = gone.locator(".visually-hidden").bounding_box()
    assert box is not None and box["width"] <= 1 and box["height"] <= 1
    # The unchanged units say so.
    page.goto(base + ("en/" if lang == "en" else "") + "c/r-3/geschiedenis/")
    assert page.locator(".history-diff").count() == 0 and page.locator(".history-same").is_visible()
    page.close()


@pytest.mark.parametrize("lang, skip", [("nl", "Ga naar inhoud"), ("en", "Skip to content")])
def test_history_by_keyboard(browser, changed_site, lang: str, skip: str) -> None:
    base, _ = changed_site
    page = browser.new_page()
    page.goto(base + ("en/" if lang == "en" else "") + "c/r-4/geschiedenis/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == skip
    page.keyboard.press("Enter")
    # The jump to #inhoud is a navigation of its own, which may land just after the key press returns.
    page.wait_for_url(re.compile(r".*#inhoud$"), timeout=5000)
    links = page.evaluate("[...document.querySelectorAll('a[href]')].map(a => a.href)")
    reached = []
    for _ in range(len(links) + 5):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("document.activeElement.href || ''"))
    # Every link of the article is reached, in order, after the skip link.
    article = page.evaluate("[...document.querySelectorAll('article a[href]')].map(a => a.href)")
    assert article and [h for h in reached if h in article][: len(article)] == article
    # The link to the unit itself works from the keyboard.
    page.goto(base + ("en/" if lang == "en" else "") + "c/r-4/geschiedenis/")
    page.locator("article a").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{'en/' if lang == 'en' else ''}reactie/#r-4")
    page.close()


@pytest.mark.parametrize("path", ["c/r-4/geschiedenis/", "en/c/r-4/geschiedenis/"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_changed_history_is_axe_clean(browser, changed_site, path: str, scheme: str) -> None:
    assert violations(browser, changed_site[0] + path, scheme) == []


@pytest.mark.parametrize("path", ["c/r-4/geschiedenis/", "en/c/d-40/geschiedenis/", "c/m-1/geschiedenis/"])
def test_real_histories_are_axe_clean(browser, site_url: str, path: str) -> None:
    assert violations(browser, site_url + path, "light") == []


def test_cite_bar_downloads_and_history_by_keyboard(browser, site_url: str) -> None:
    page = browser.new_page()
    page.goto(site_url + "reactie/")
    page.get_by_role("link", name="Geschiedenis van R-4").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/c/r-4/geschiedenis/")
    assert page.locator("h1").inner_text() == "Geschiedenis van R-4"
    page.goto(site_url + "reactie/")
    with page.expect_download() as download:
        page.get_by_role("link", name="BibTeX-bestand van R-4").click()
    assert download.value.suggested_filename == "dom-r-4.bib"
    page.close()
