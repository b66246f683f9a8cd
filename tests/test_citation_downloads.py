"""Every unit's citation files are read by real readers, and say what the cite button says.

BibTeX by bibtexparser, RIS by rispy, CSL-JSON rendered by citeproc-py in the
Harvard (Cite Them Right) style that ships with it; for each: the ID, the
version and the permanent short link survive, and the clipboard's facts are there.
"""
from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import bibtexparser
import pytest
import rispy
from bs4 import BeautifulSoup
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from conftest import ROOT

from dom_site import citation_registry as reg
from dom_site.unit_history import page_url

REGISTRY = reg.load_registry(ROOT / "registry" / "ids.yml")
ACTIVE = sorted(a for a, e in REGISTRY.ids.items() if e.get("status") == "active")
VERSION = str(REGISTRY.releases[-1]["version"])
RELEASED = str(REGISTRY.releases[-1]["date"])
LANGUAGES = ["nl", "en"]


@cache
def cite_bars(site_dir: Path, lang: str) -> dict[str, tuple[str, dict[str, str]]]:
    """Per ID: the clipboard text and the cite bar's links (by their text), from the unit's page."""
    prefix = "en/" if lang == "en" else ""
    bars: dict[str, tuple[str, dict[str, str]]] = {}
    for page in sorted({REGISTRY.ids[a]["page"] for a in ACTIVE}):
        html = BeautifulSoup((site_dir / prefix / page_url(page) / "index.html").read_text("utf-8"), "html.parser")
        for bar in html.select(".cite-bar"):
            anchor = bar.find(class_="cite-id").get_text().lower()
            links = {a.get_text(): a["href"] for a in bar.find_all("a")}
            bars[anchor] = (bar.find("button")["data-clipboard-text"], links)
    return bars


CLIPBOARD = re.compile(r'^(?P<org>.+?), "(?P<document>.+?)", (?P<version>(?:versie|version) \S+ \([^)]+\)), '
                       r'(?P<section>§ \d+) "(?P<title>.*)", (?P<id>[A-Z]-\d+)\. (?P<url>\S+)')


def facts(clipboard: str) -> dict[str, str]:
    match = CLIPBOARD.match(clipboard)
    assert match, clipboard
    return match.groupdict()


def unit_file(site_dir: Path, lang: str, anchor: str, name: str) -> Path:
    return site_dir / ("en/" if lang == "en" else "") / "c" / anchor / name


def short_link(clipboard: str, lang: str, anchor: str) -> str:
    url = next(word for word in clipboard.split() if word.startswith("http"))
    assert url.endswith(f"/{'en/' if lang == 'en' else ''}c/{anchor}/")
    return url


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_cite_bar_links_its_downloads_and_history(site_dir: Path, lang: str) -> None:
    bars = cite_bars(site_dir, lang)
    assert sorted(bars) == ACTIVE
    history = "Geschiedenis" if lang == "nl" else "History"
    for anchor, (_, links) in bars.items():
        assert set(links) == {"BibTeX", "RIS", "CSL-JSON", history}, anchor
        page = site_dir / ("en/" if lang == "en" else "") / page_url(REGISTRY.ids[anchor]["page"])
        for text, href in links.items():
            target = (page / href).resolve()
            assert (target / "index.html" if href.endswith("/") else target).is_file(), (anchor, text, href)
        assert links[history].endswith(f"c/{anchor}/geschiedenis/")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_bibtex_parses_with_the_clipboard_facts(site_dir: Path, lang: str) -> None:
    for anchor, (clipboard, _) in cite_bars(site_dir, lang).items():
        library = bibtexparser.parse_string(unit_file(site_dir, lang, anchor, "citeer.bib").read_text("utf-8"))
        assert not library.failed_blocks and len(library.entries) == 1
        entry = library.entries[0]
        fields = {field.key: field.value for field in entry.fields}
        assert entry.key == f"dom-{anchor}" and entry.entry_type == "misc"
        assert fields["url"] == short_link(clipboard, lang, anchor)
        assert fields["version"] == VERSION and fields["date"] == RELEASED
        assert fields["author"] == "{Dorpenoverleg Midden-Drenthe (DOM)}"
        assert f"({anchor.upper()})" in fields["title"]
        # organisation, document, version and date, section and ID, as the clipboard has them
        said = facts(clipboard)
        assert fields["howpublished"] == f"{said['document']}, {said['version']}, {said['section']}, {said['id']}"
        assert fields["organization"] == said["org"]
        assert fields["title"] == f"{said['title']} ({said['id']})".replace("&", "\\&")
        assert fields["note"] == f"{said['section']}, {said['id']}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_ris_parses_with_the_clipboard_facts(site_dir: Path, lang: str) -> None:
    for anchor, (clipboard, _) in cite_bars(site_dir, lang).items():
        entries = rispy.loads(unit_file(site_dir, lang, anchor, "citeer.ris").read_text("utf-8"))
        assert len(entries) == 1
        entry = entries[0]
        assert entry["type_of_reference"] == "ELEC" and entry["id"] == f"dom-{anchor}"
        assert entry["urls"] == [short_link(clipboard, lang, anchor)]
        assert entry["edition"] == VERSION and entry["date"] == RELEASED.replace("-", "/")
        assert entry["notes"] == [f"ID {anchor.upper()}"]
        assert entry["authors"] == ["Dorpenoverleg Midden-Drenthe (DOM)"]
        said = facts(clipboard)
        assert entry["secondary_title"] == said["document"] and entry["section"] == said["section"]
        assert entry["title"] == f"{said['title']} ({said['id']})" and entry["language"] == lang


@pytest.mark.parametrize("lang", LANGUAGES)
def test_csl_json_renders_in_a_citation_style(site_dir: Path, lang: str) -> None:
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    for anchor, (clipboard, _) in cite_bars(site_dir, lang).items():
        items = json.loads(unit_file(site_dir, lang, anchor, "citeer.json").read_text("utf-8"))
        source = CiteProcJSON(items)
        bibliography = CitationStylesBibliography(style, source, formatter.plain)
        bibliography.register(Citation([CitationItem(f"dom-{anchor}")]))
        rendered = [str(item) for item in bibliography.bibliography()]
        assert len(rendered) == 1
        text = rendered[0]
        assert text.startswith("Dorpenoverleg Midden-Drenthe (DOM) (")
        assert f"({anchor.upper()})" in text and VERSION in text
        assert short_link(clipboard, lang, anchor) in text
        said = facts(clipboard)
        assert items[0]["container-title"] == said["document"] and items[0]["section"] == said["section"]
