"""Every sentence says whose it is, and every source opens the page it cites (issue: trustworthy content).

On the built site: each page shows its status line right under its title, in both
languages and in the PDFs; each footnote is a registry source with an address (or
a page of this site, or a printed document with its year).
"""
from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT
from pypdf import PdfReader

from dom_site.sources import Registry

REDIRECT = re.compile(r"http-equiv=[\"']?refresh", re.IGNORECASE)


def content_pages(site: Path) -> list[Path]:
    pages = []
    for path in sorted(site.rglob("index.html")):
        rel = path.relative_to(site).parts
        if rel[0] in ("versies", "c") or rel[:2] == ("en", "c"):
            continue  # frozen editions, short links
        if REDIRECT.search(path.read_text("utf-8")[:2000]):
            continue
        pages.append(path)
    return pages


@functools.cache  # each page parsed once for the tests below (read only)
def parsed(page: Path) -> BeautifulSoup:
    return BeautifulSoup(page.read_text("utf-8"), "html.parser")


def test_every_page_in_both_languages_says_whose_words_it_holds(site_dir: Path) -> None:
    pages = content_pages(site_dir)
    english = [p for p in pages if p.relative_to(site_dir).parts[0] == "en"]
    assert len(pages) > 90 and len(english) > 45
    for page in pages:
        soup = parsed(page)
        title = soup.select_one("article h1")
        assert title is not None, page
        status = title.find_next_sibling()
        assert status is not None and "page-status" in (status.get("class") or []), \
            f"{page.relative_to(site_dir)}: no status line under the title"
        assert status.get_text(strip=True)
        assert soup.select_one("aside.page-respond a[href]"), f"{page.relative_to(site_dir)}: no way to respond"


@pytest.mark.parametrize(("page", "expected"), [
    ("reactie/zoals-ingediend/index.html", "De brief zoals ingediend."),
    ("en/reactie/zoals-ingediend/index.html", "Translation of the letter as submitted."),
    ("reactie/index.html", "Uitleg van de reactie van DOM."),
    ("maatwerk/dorpen/elp/index.html", "Nog niet ingestemd: het bestuur van DOM en de dorpen."),
    ("draaiboek/financiering/index.html",
     "Nog niet ingestemd: het bestuur van DOM, de BOKD, de provincie Drenthe en de gemeente Midden-Drenthe."),
    ("en/draaiboek/financiering/index.html", "Not agreed yet: DOM's board, the BOKD, the province of Drenthe"),
    ("over/privacy/index.html", "Over deze site."),
])
def test_the_status_names_the_kind_and_who_has_not_agreed(site_dir: Path, page: str, expected: str) -> None:
    soup = BeautifulSoup((site_dir / page).read_text("utf-8"), "html.parser")
    status = soup.select_one("p.page-status")
    assert status is not None and expected in status.get_text(" ", strip=True)


@pytest.mark.parametrize(("pdf", "expected"), [
    ("reactie/dom-reactie.pdf", ["Uitleg van de reactie van DOM.", "De brief zoals ingediend."]),
    ("en/reactie/dom-reactie.pdf", ["DOM's response explained.", "Translation of the letter as submitted."]),
    ("draaiboek/dom-draaiboek.pdf", ["Voorstel om over te praten."]),
    ("en/draaiboek/dom-draaiboek.pdf", ["Proposal for discussion."]),
])
def test_the_pdfs_carry_the_status_lines(site_dir: Path, pdf: str, expected: list[str]) -> None:
    text = ""
    for page in PdfReader(site_dir / pdf).pages:  # page by page, until every line is found (the draaiboek has many)
        text = re.sub(r"\s+", " ", f"{text} {page.extract_text() or ''}")
        if all(words in text for words in expected):
            break
    for words in expected:
        assert words in text, f"{pdf}: '{words}' missing"


def test_every_footnote_on_the_site_opens_its_source(site_dir: Path) -> None:
    registry = Registry(ROOT, ROOT / "registry" / "bronnen", ROOT / "schemas" / "bronnen.schema.json")
    assert registry.problems == []
    seen = 0
    for page in content_pages(site_dir):
        soup = parsed(page)
        for note in soup.select("div.footnote li[id^='fn:']"):
            key = note["id"].removeprefix("fn:")
            assert key in registry.sources, f"{page.relative_to(site_dir)}: footnote {key} is not a registry source"
            source = registry.sources[key]
            links = [a["href"] for a in note.select("a[href]") if "footnote-backref" not in (a.get("class") or [])]
            if source.adres:
                assert source.adres in links, f"{page.relative_to(site_dir)}: {key} does not link {source.adres}"
            elif source.pagina:
                assert links, f"{page.relative_to(site_dir)}: {key} does not link its page"
            else:
                assert source.datum, key  # a printed document: publisher, title and year
            seen += 1
    assert seen > 300


@pytest.mark.parametrize(("url", "lang", "target", "expected"), [
    ("", "nl", "reactie/zoals-ingediend.md", "reactie/zoals-ingediend/"),
    ("en/draaiboek/beheer/", "en", "reactie/zoals-ingediend.md", "../../reactie/zoals-ingediend/"),
    ("reactie/", "nl", "reactie/index.md", "../reactie/"),
    ("reactie/", "nl", "reactie/zoekindex.md", "../reactie/zoekindex/"),  # a name that ends in "index"
])
def test_the_status_line_links_the_letter_at_its_address(url: str, lang: str, target: str, expected: str) -> None:
    # The page address comes from the one rule for it (unit_history.page_url).
    from types import SimpleNamespace

    from dom_site.plugins.status import _relative_url

    assert _relative_url(SimpleNamespace(url=url), target, lang) == expected  # type: ignore[arg-type]
