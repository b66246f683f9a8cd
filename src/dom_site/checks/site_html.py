"""Checks on every built page that MkDocs itself does not make.

- the page's `lang` matches its language (Dutch at the root, English under /en/);
- the page links its Dutch and English alternates with `hreflang`;
- nothing is loaded from another host: scripts, styles, fonts, images, frames,
  media, and CSS `url()` / `@import` in stylesheets and style attributes.
"""
from __future__ import annotations

import re
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from dom_site.checks.common import Problem, html_pages, page_language, place, relative

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


class _Page(HTMLParser):
    """What this check reads of a page, in one pass of the standard library's parser
    (about three times faster than building a tree; the site has some 800 pages)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lang: str | None = None
        self.seen_html = False
        self.is_redirect = False
        self.has_content = False
        self.hreflangs: set[str] = set()
        self.resources: dict[tuple[str, str], list[str]] = defaultdict(list)
        self.links: list[str] = []
        self.styles: list[str] = []
        self.style_attrs: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values: dict[str, str] = {}
        for name, value in attrs:  # a repeated attribute: the browser uses the first; no value is ""
            values.setdefault(name, value or "")
        if tag == "html" and not self.seen_html:
            self.seen_html, self.lang = True, values.get("lang")
        elif tag == "meta" and values.get("http-equiv") == "refresh":
            self.is_redirect = True
        elif tag == "div" and "md-content" in values.get("class", "").split():
            self.has_content = True
        elif tag == "style":
            self._in_style = True
        if "style" in values:
            self.style_attrs.append(values["style"])
        if tag == "link":
            rels = set(values.get("rel", "").split())
            if "alternate" in rels and values.get("hreflang"):
                self.hreflangs.add(values["hreflang"])
            href = values.get("href")
            if rels & FETCHING_RELS and href is not None and is_other_host(href):
                self.links.append(f"<link rel=\"{' '.join(sorted(rels))}\" href=\"{href}\">")
        for attr, value in values.items():
            if (tag, attr) in _RESOURCE_ATTRS:
                urls = [part.strip().split(" ")[0] for part in value.split(",")] if "srcset" in attr else [value]
                self.resources[tag, attr] += [f"<{tag} {attr}=\"{url}\">" for url in urls if is_other_host(url)]

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.styles.append(data)

    def external_resources(self) -> list[str]:
        """In the order of RESOURCE_ATTRS, then <link>s, then CSS in <style> and style attributes."""
        found = [resource for pair in RESOURCE_ATTRS for resource in self.resources.get(pair, [])]
        found += self.links
        css = ["".join(self.styles), *self.style_attrs]
        found += [f"CSS url({url})" for text in css for url in CSS_URL.findall(text) if is_other_host(url)]
        return found


_RESOURCE_ATTRS = set(RESOURCE_ATTRS)


def parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    page.close()
    return page


def check_page(site: Path, page_file: Path, root: Path) -> list[Problem]:
    where, _ = place(site, page_file, root=root)
    page = parse(page_file.read_text(encoding="utf-8"))
    problems: list[Problem] = []
    want = page_language(site, page_file)
    lang = page.lang
    if lang != want:
        problems.append(Problem(where, 1, f"de pagina heeft lang=\"{lang}\", maar hoort bij taal \"{want}\"",
                                "controleer de taalinstelling (i18n) in mkdocs.yml",
                                f"the page has lang=\"{lang}\" but belongs to language \"{want}\"",
                                "check the i18n language settings in mkdocs.yml"))
    if not page.is_redirect and page.has_content:
        missing = {"nl", "en"} - page.hreflangs
        if missing:
            problems.append(Problem(where, 1, f"de pagina mist een hreflang-verwijzing naar: {', '.join(sorted(missing))}",
                                    "zorg dat de pagina in beide talen bestaat (pagina.md en pagina.en.md)",
                                    f"the page lacks an hreflang alternate for: {', '.join(sorted(missing))}",
                                    "make sure the page exists in both languages (page.md and page.en.md)"))
    for resource in page.external_resources():
        problems.append(Problem(*place(site, page_file, resource, root=root), f"de pagina laadt iets van een andere website: {resource}",
                                "zet het bestand in deze site zelf, of haal het weg (privacy: geen verzoeken naar andere hosts)",
                                f"the page loads something from another host: {resource}",
                                "serve the file from this site, or remove it (privacy: no requests to other hosts)"))
    return problems


def check_stylesheets(site: Path, root: Path) -> list[Problem]:
    problems: list[Problem] = []
    for sheet in sorted(site.rglob("*.css")):
        for number, line in enumerate(sheet.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            for url in CSS_URL.findall(line):
                if is_other_host(url):
                    problems.append(Problem(relative(sheet, root), number, f"het stijlblad laadt iets van een andere website: {url}",
                                            "zet het bestand in deze site zelf, of haal de regel weg",
                                            f"the stylesheet loads something from another host: {url}",
                                            "serve the file from this site, or remove the rule"))
    return problems


def findings(site: Path, root: Path) -> list[Problem]:
    return [p for page in html_pages(site) for p in check_page(site, page, root)] + check_stylesheets(site, root)
