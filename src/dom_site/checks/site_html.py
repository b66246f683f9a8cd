"""Checks on every built page that MkDocs itself does not make.

- the page's `lang` matches its language (Dutch at the root, English under /en/);
- the page links its Dutch and English alternates with `hreflang`;
- nothing is loaded from another host: scripts, styles, fonts, images, frames,
  media, and CSS `url()` / `@import` in stylesheets and style attributes.
"""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

from dom_site.checks.common import Problem, html_pages, page_language, place, relative, soup

# (tag, attribute) pairs whose URL the browser fetches by itself.
RESOURCE_ATTRS: tuple[tuple[str, str], ...] = (
    ("script", "src"), ("img", "src"), ("img", "srcset"), ("source", "src"),
    ("source", "srcset"), ("iframe", "src"), ("frame", "src"), ("embed", "src"),
    ("object", "data"), ("video", "src"), ("video", "poster"), ("audio", "src"),
    ("track", "src"), ("input", "src"), ("image", "href"), ("use", "href"),
    ("image", "xlink:href"), ("use", "xlink:href"),
)
# <link rel=...> values that make the browser fetch the target.
FETCHING_RELS = {"stylesheet", "icon", "preload", "modulepreload", "prefetch",
                 "manifest", "apple-touch-icon", "preconnect", "dns-prefetch"}
CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])([^'")\s]+)""", re.IGNORECASE)


def is_other_host(url: str) -> bool:
    """True for any URL that names a host (http:, https:, protocol-relative)."""
    parts = urlsplit(url.strip())
    return bool(parts.netloc) or parts.scheme in {"http", "https", "ftp"}


def external_resources(page: BeautifulSoup) -> list[str]:
    found: list[str] = []
    for tag, attr in RESOURCE_ATTRS:
        for element in page.find_all(tag):
            value = element.get(attr)
            if not isinstance(value, str):
                continue
            urls = [part.strip().split(" ")[0] for part in value.split(",")] if "srcset" in attr else [value]
            found += [f"<{tag} {attr}=\"{url}\">" for url in urls if is_other_host(url)]
    for link in page.find_all("link"):
        rels = set(link.get("rel") or [])
        href = link.get("href")
        if rels & FETCHING_RELS and isinstance(href, str) and is_other_host(href):
            found.append(f"<link rel=\"{' '.join(sorted(rels))}\" href=\"{href}\">")
    styles = [style.get_text() for style in page.find_all("style")]
    styles += [str(el["style"]) for el in page.find_all(style=True)]
    found += [f"CSS url({url})" for css in styles for url in CSS_URL.findall(css) if is_other_host(url)]
    return found


def check_page(site: Path, page_file: Path) -> list[Problem]:
    where, _ = place(site, page_file)
    page = soup(page_file)
    problems: list[Problem] = []
    want = page_language(site, page_file)
    html = page.find("html")
    lang = html.get("lang") if html else None
    is_redirect = page.find("meta", attrs={"http-equiv": "refresh"}) is not None
    if lang != want:
        problems.append(Problem(where, 1, f"de pagina heeft lang=\"{lang}\", maar hoort bij taal \"{want}\"",
                                "controleer de taalinstelling (i18n) in mkdocs.yml",
                                f"the page has lang=\"{lang}\" but belongs to language \"{want}\"",
                                "check the i18n language settings in mkdocs.yml"))
    if not is_redirect and page.find("div", class_="md-content") is not None:
        langs = {link.get("hreflang") for link in page.find_all("link", rel="alternate") if link.get("hreflang")}
        missing = {"nl", "en"} - langs
        if missing:
            problems.append(Problem(where, 1, f"de pagina mist een hreflang-verwijzing naar: {', '.join(sorted(missing))}",
                                    "zorg dat de pagina in beide talen bestaat (pagina.md en pagina.en.md)",
                                    f"the page lacks an hreflang alternate for: {', '.join(sorted(missing))}",
                                    "make sure the page exists in both languages (page.md and page.en.md)"))
    for resource in external_resources(page):
        problems.append(Problem(*place(site, page_file, resource), f"de pagina laadt iets van een andere website: {resource}",
                                "zet het bestand in deze site zelf, of haal het weg (privacy: geen verzoeken naar andere hosts)",
                                f"the page loads something from another host: {resource}",
                                "serve the file from this site, or remove it (privacy: no requests to other hosts)"))
    return problems


def check_stylesheets(site: Path) -> list[Problem]:
    problems: list[Problem] = []
    for sheet in sorted(site.rglob("*.css")):
        for number, line in enumerate(sheet.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            for url in CSS_URL.findall(line):
                if is_other_host(url):
                    problems.append(Problem(relative(sheet), number, f"het stijlblad laadt iets van een andere website: {url}",
                                            "zet het bestand in deze site zelf, of haal de regel weg",
                                            f"the stylesheet loads something from another host: {url}",
                                            "serve the file from this site, or remove the rule"))
    return problems


def findings(site: Path) -> list[Problem]:
    return [p for page in html_pages(site) for p in check_page(site, page)] + check_stylesheets(site)
