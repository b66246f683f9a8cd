"""Village pages in the built site: every page in both languages, the overview table
lists every village, the map links every village with coordinates to a page that exists."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from bs4 import BeautifulSoup

from dom_site import village_data

ROOT = Path(__file__).resolve().parent.parent


VILLAGES, _PROBLEMS = village_data.load_villages(ROOT / "docs", ROOT)
LANGUAGES = {"nl": "", "en": "en/"}
NOTICE = {"nl": "Concept — nog niet besproken met het dorp", "en": "Draft — not yet discussed with the village"}


def soup(site_dir: Path, relative: str) -> BeautifulSoup:
    path = site_dir / relative / "index.html"
    assert path.exists(), f"missing page {relative}"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def resolve(site_dir: Path, page: str, href: str) -> Path:
    """The file a relative link on `page` (a directory URL like en/maatwerk/dorpen/) leads to."""
    target = urlparse(urljoin(f"http://site/{page}", href)).path.lstrip("/")
    path = site_dir / target
    return path / "index.html" if target.endswith("/") or path.is_dir() else path


def test_pages_are_sound() -> None:
    assert _PROBLEMS == []
    assert len(VILLAGES) >= 28


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_village_page_is_built_with_its_notice(site_dir: Path, language: str) -> None:
    for village in VILLAGES:
        page = soup(site_dir, f"{LANGUAGES[language]}maatwerk/dorpen/{village.slug}")
        article = page.select_one("article")
        assert article.find("h1").get_text(strip=True).startswith(village.naam)
        admonition = article.select_one(".admonition")
        assert admonition is not None and NOTICE[language] in admonition.get_text(), village.slug
        assert page.find("html")["lang"] == language
        for section in village_data.REQUIRED_SECTIONS:
            assert article.find(id=section), f"{language} {village.slug}: no #{section}"
        # Leftover template or attribute syntax would show up as braces in the text.
        assert not {"{", "}"} & set(article.get_text()), f"{language} {village.slug}: braces in the text"


@pytest.mark.parametrize("language", LANGUAGES)
def test_overview_table_lists_every_village_sorted_by_name(site_dir: Path, language: str) -> None:
    page_url = f"{LANGUAGES[language]}maatwerk/dorpen/"
    article = soup(site_dir, page_url).select_one("article")
    table = article.find("table")
    rows = table.find_all("tr")[1:]
    names = [row.find("td").get_text(strip=True) for row in rows]
    assert names == [v.naam for v in VILLAGES]
    assert names == sorted(names, key=str.casefold)
    for row, village in zip(rows, VILLAGES, strict=True):
        cells = row.find_all("td")
        assert len(cells) == 6
        assert cells[5].get_text(strip=True) == village.laatst_bekeken
        link = cells[0].find("a")["href"]
        assert resolve(site_dir, page_url, link).exists(), link
        assert resolve(site_dir, page_url, link).parent.name == village.slug
    large = [row.find("td").get_text(strip=True) for row in rows if "DOM" in row.get_text()]
    assert large == sorted(v.naam for v in VILLAGES if v.grote_kern)


@pytest.mark.parametrize("language", LANGUAGES)
def test_map_links_every_village_with_coordinates_to_its_page(site_dir: Path, language: str) -> None:
    page_url = f"{LANGUAGES[language]}maatwerk/dorpen/"
    article = soup(site_dir, page_url).select_one("article")
    svg = article.select_one("svg.dorpen-kaart__svg")
    assert svg is not None
    links = {a["aria-label"]: a["href"] for a in svg.find_all("a")}
    with_coordinates = {v.naam: v.slug for v in VILLAGES if v.has_coordinates}
    assert set(links) == set(with_coordinates)
    for name, href in links.items():
        target = resolve(site_dir, page_url, href)
        assert target.exists(), f"{language}: map link {href} for {name} leads nowhere"
        assert target.parent.name == with_coordinates[name]
        expected_root = site_dir / "en" if language == "en" else site_dir
        assert target.is_relative_to(expected_root)
        if language == "nl":
            assert not target.is_relative_to(site_dir / "en"), "Dutch map links to English pages"
        # Each point is a link with a visible name too (keyboard users see where they are).
        assert svg.find("a", attrs={"aria-label": name}).find("text").get_text() == name
    beside = article.select_one(".dorpen-kaart__zonder")
    listed = {a.get_text(strip=True): a["href"] for a in beside.find_all("a")}
    assert set(listed) == {v.naam for v in VILLAGES if not v.has_coordinates}
    for href in listed.values():
        assert resolve(site_dir, page_url, href).exists(), href


@pytest.mark.parametrize("language", LANGUAGES)
def test_map_makes_no_third_party_request(site_dir: Path, language: str) -> None:
    article = soup(site_dir, f"{LANGUAGES[language]}maatwerk/dorpen/").select_one("article")
    kaart = article.select_one(".dorpen-kaart")
    for tag in kaart.find_all(True):
        for attribute in ("href", "src", "xlink:href"):
            value = tag.get(attribute, "")
            assert not value.startswith(("http:", "https:", "//")), value
    assert not kaart.find_all(["script", "style", "iframe", "img", "image"])


@pytest.mark.parametrize("language", LANGUAGES)
def test_navigation_holds_every_village(site_dir: Path, language: str) -> None:
    page = soup(site_dir, f"{LANGUAGES[language]}maatwerk/dorpen/")
    nav = page.select_one("nav.md-nav--primary")
    hrefs = {a["href"].rstrip("/").split("/")[-1] for a in nav.find_all("a", href=True)}
    missing = [v.slug for v in VILLAGES if v.slug not in hrefs]
    assert not missing, f"not in the {language} navigation: {missing}"


def test_template_is_shown_on_the_overview(site_dir: Path) -> None:
    text = soup(site_dir, "maatwerk/dorpen").select_one("#sjabloon ~ div.highlight, #sjabloon ~ pre")
    assert text is not None and "paginastatus: concept" in text.get_text()
