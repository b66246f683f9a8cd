"""On the built site: every registered ID resolves in both languages, and every short link leads to it."""
from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT

from dom_site import citation_registry as reg
from dom_site.unit_history import page_url

REGISTRY = reg.load_registry(ROOT / "registry" / "ids.yml")
ACTIVE = sorted(a for a, e in REGISTRY.ids.items() if e.get("status") == "active")


@functools.cache  # each page once, not once per ID on it (read only)
def html(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_registered_id_is_on_its_page_with_label_and_cite_button(site_dir: Path, language: str) -> None:
    prefix = "en/" if language == "en" else ""
    missing = []
    for anchor in ACTIVE:
        page = html(site_dir / prefix / page_url(REGISTRY.ids[anchor]["page"]) / "index.html")
        heading = page.find(id=anchor)
        bar = heading.find_next_sibling() if heading else None
        button = bar.find("button") if bar else None
        if heading is None or button is None or bar.find(class_="cite-id").get_text() != anchor.upper():
            missing.append(anchor)
            continue
        label = "Citeer" if language == "nl" else "Cite"
        assert button.get_text() == label
        assert button["aria-label"].startswith(f"{label} {anchor.upper()}: ")
        assert f"/{prefix}c/{anchor}/" in button["data-clipboard-text"]
    assert missing == []


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_short_link_leads_to_its_unit(site_dir: Path, language: str) -> None:
    prefix = "en/" if language == "en" else ""
    for anchor in ACTIVE:
        short = site_dir / prefix / "c" / anchor / "index.html"
        refresh = html(short).find("meta", attrs={"http-equiv": "refresh"})["content"]
        target = re.search(r"url=(.+)$", refresh).group(1)
        path, _, fragment = target.partition("#")
        landing = (short.parent / path / "index.html").resolve()
        assert fragment == anchor
        assert landing == (site_dir / prefix / page_url(REGISTRY.ids[anchor]["page"]) / "index.html").resolve()
        assert html(landing).find(id=anchor) is not None


def test_pdfs_are_in_the_site_and_linked(site_dir: Path) -> None:
    from dom_site.pdfs import PDFS

    for first, name in PDFS.items():
        for prefix in ("", "en/"):
            folder = site_dir / prefix / page_url(first)
            pdf = folder / name
            assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF"), pdf
            assert html(folder / "index.html").find("a", href=name) is not None
