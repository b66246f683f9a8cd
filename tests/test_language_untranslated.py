"""Builds of a project copy: an untranslated page, and a heading id that differs between languages."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from builds import build, docs_copy
from conftest import made_once
from project_copy import edit


def make_untranslated_site(project: Path) -> None:
    (docs_copy(project) / "over" / "privacy.en.md").unlink()
    result = build(project / "mkdocs.yml", site_dir=project / "site")
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"


@pytest.fixture(scope="module")
def untranslated_site(pytestconfig: pytest.Config) -> Path:
    """The real project without docs/over/privacy.en.md: /en/over/privacy/ shows the Dutch page (built once per run)."""
    return made_once(pytestconfig, "untranslated-site", make_untranslated_site) / "site"


def test_untranslated_page_has_english_notice_and_dutch_text_marked_dutch(untranslated_site: Path) -> None:
    page = BeautifulSoup((untranslated_site / "en" / "over" / "privacy" / "index.html").read_text("utf-8"),
                         "html.parser")
    assert page.html["lang"] == "en"
    article = page.find("article")
    notice = article.find(class_="untranslated")
    assert notice is not None and notice.find_parent(attrs={"lang": "nl"}) is None
    assert "has not been translated into English yet" in notice.get_text()
    dutch = article.find("div", attrs={"lang": "nl"})
    assert dutch is not None and dutch.find("h1") is not None
    assert "privacy" in dutch.get_text().lower()
    # A translated page has neither (Dutch source titles in its footnotes are marked lang="nl" one by one).
    translated = BeautifulSoup((untranslated_site / "en" / "over" / "index.html").read_text("utf-8"), "html.parser")
    article = translated.find("article")
    assert article.find(class_="untranslated") is None and article.find("div", attrs={"lang": "nl"}) is None


def test_untranslated_page_stays_out_of_the_english_search_index(untranslated_site: Path) -> None:
    english = json.loads((untranslated_site / "en" / "search" / "search_index.json").read_text("utf-8"))
    dutch = json.loads((untranslated_site / "search" / "search_index.json").read_text("utf-8"))
    assert not [d for d in english["docs"] if d["location"].startswith("over/privacy/")]
    assert [d for d in dutch["docs"] if d["location"].startswith("over/privacy/")]


def test_build_refuses_a_heading_id_that_differs_between_languages(tmp_path: Path) -> None:
    project = tmp_path / "project"
    english = docs_copy(project) / "reactie" / "index.en.md"
    edit(english, "{#over-de-reactie}", "{#about-this-response}")
    line = next(n for n, text in enumerate(english.read_text("utf-8").splitlines(), 1) if "about-this-response" in text)
    result = build(project / "mkdocs.yml", site_dir=project / "site")
    assert result.returncode != 0
    # One message, with the ID to write (before: the ID not in the Dutch page, and the Dutch heading missing here).
    assert (f"docs/reactie/index.en.md:{line}: het ID #about-this-response hoort #over-de-reactie te zijn: in "
            "docs/reactie/index.md") in result.stderr
    assert "staat niet in de Nederlandse pagina" not in result.stderr and "de kop #over-de-reactie uit" not in result.stderr
