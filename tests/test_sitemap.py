"""sitemap.xml lists every page in both languages with absolute nl, en and x-default alternates."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

REDIRECT = re.compile(r"<meta[^>]+http-equiv=[\"']?refresh", re.IGNORECASE)
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def sitemap(site_dir: Path) -> dict[str, dict[str, str]]:
    """loc -> {hreflang: href}."""
    root = ET.parse(site_dir / "sitemap.xml").getroot()
    return {
        url.findtext("s:loc", namespaces=NS) or "": {
            link.get("hreflang", ""): link.get("href", "") for link in url.findall("x:link", NS)
        }
        for url in root.findall("s:url", NS)
    }


def content_pages(site_dir: Path) -> list[str]:
    """Every built page a reader can land on: not the 404 pages, not redirect stubs,
    not the frozen editions under versies/ (each has its own sitemap)."""
    pages = []
    for path in sorted(site_dir.rglob("index.html")):
        if path.relative_to(site_dir).parts[0] == "versies":
            continue
        html = path.read_text("utf-8")
        if REDIRECT.search(html) or 'class="md-content"' not in html:
            continue
        pages.append(path.parent.relative_to(site_dir).as_posix().removeprefix(".") + "/")
    return [p.removeprefix("/") for p in pages]


def local(site_dir: Path, base: str, href: str) -> Path:
    assert href.startswith(base), f"{href} is not under the site's address {base}"
    return site_dir / href[len(base):] / "index.html"


def test_every_page_has_absolute_nl_en_and_x_default(site_dir: Path) -> None:
    urls = sitemap(site_dir)
    pages = content_pages(site_dir)
    base = min(urls, key=len)  # the Dutch home page is the shortest address
    assert urlsplit(base).scheme in ("http", "https") and base.endswith("/")
    for page in pages:
        assert base + page in urls, f"{page} is not in sitemap.xml"
    for loc, alternates in urls.items():
        assert set(alternates) == {"nl", "en", "x-default"}, loc
        assert alternates["x-default"] == alternates["nl"]
        assert not alternates["nl"].startswith(base + "en/") and alternates["en"].startswith(base + "en/")
        assert loc in (alternates["nl"], alternates["en"])
        for href in alternates.values():
            assert local(site_dir, base, href).exists(), f"{loc}: alternate {href} does not exist"
    assert len(urls) == len(pages)


def test_sitemap_is_ours_not_static_i18n(site_dir: Path) -> None:
    text = (site_dir / "sitemap.xml").read_text("utf-8")
    assert 'hreflang="x-default"' in text and "<changefreq>" not in text
