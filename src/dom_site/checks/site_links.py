"""Every link inside the built site leads somewhere, in both languages, offline.

MkDocs checks the links written in Markdown. This check covers what it cannot
see: the language switch, hreflang alternates, short links /c/<id>/, links in
generated pages and raw HTML, and redirect targets. A link with #anchor must
find that id on the target page.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from dom_site.checks.common import Problem, html_pages, place
from dom_site.pdfs import PDFS

SKIP_SCHEMES = {"mailto", "tel", "javascript", "data"}
REFRESH = re.compile(r"url=(?P<url>.+)$", re.IGNORECASE)


def site_path(root: Path) -> str:
    """The path the site lives under (e.g. "/dom-woonvisie/" on GitHub project pages), from SITE_URL."""
    from mkdocs.config import load_config

    return urlsplit(str(load_config(str(root / "mkdocs.yml")).site_url or "/")).path or "/"


def target_file(site: Path, page: Path, href: str, base_path: str = "/") -> tuple[Path | None, str]:
    """The file a link on page points to (None for external links), and its fragment.

    Root-relative links ("/en/...", as in the 404 pages) are read against the path the
    site is served under.
    """
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None, ""
    if not parts.path:
        return page, parts.fragment
    if parts.path.startswith("/"):
        if not parts.path.startswith(base_path):
            return site / "__outside_the_site__", ""
        candidate = Path(os.path.normpath(site / unquote(parts.path[len(base_path):])))
    else:
        candidate = Path(os.path.normpath(page.parent / unquote(parts.path)))
    if parts.path.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate, parts.fragment


@dataclass(frozen=True)
class Parsed:
    """What this check needs of a page: its links (href, kind) and the IDs a link may point to."""
    links: tuple[tuple[str, str], ...]
    ids: frozenset[str]


class _LinksAndIds(HTMLParser):
    """One pass of the standard library's parser (BeautifulSoup's tree costs three times as much
    and the site has over a thousand pages): links, hreflang alternates, refresh targets and IDs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id") is not None:
            self.ids.add(values["id"] or "")
        href = values.get("href")
        if tag == "a":
            if values.get("name") is not None:
                self.ids.add(values["name"] or "")
            if href is not None:
                self.links.append((href, "link"))
        elif tag == "link" and href is not None and "alternate" in (values.get("rel") or "").lower().split() \
                and values.get("hreflang"):
            self.links.append((href, "hreflang"))
        elif tag == "meta" and "refresh" in (values.get("http-equiv") or "").lower():
            match = REFRESH.search(values.get("content") or "")
            if match:
                self.links.append((match["url"].strip(), "redirect"))

    handle_startendtag = handle_starttag


def parsed(path: Path) -> Parsed:
    """A page read once per run, whether for its own links or for a link's #id into it
    (read again when it changed: a test or a rebuild may write the same path anew)."""
    stat = path.stat()
    return _parsed(path, stat.st_mtime_ns, stat.st_size)


@cache
def _parsed(path: Path, mtime_ns: int, size: int) -> Parsed:
    parser = _LinksAndIds()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return Parsed(tuple(parser.links), frozenset(parser.ids))


def ids_of(path: Path) -> frozenset[str]:
    return parsed(path).ids


def links(page_file: Path) -> list[tuple[str, str]]:
    return list(parsed(page_file).links)


def made_later(site: Path, target: Path) -> bool:
    """A file `make build` adds after the MkDocs build (the PDFs, the frozen editions under
    versies/), in a site built without them (`make check`): checked where it is made."""
    rel = target.relative_to(site).parts if target.is_relative_to(site) else ()
    if rel[:1] == ("versies",):
        return not (site / "versies").is_dir()
    return target.name in PDFS.values() and not any(site.rglob(target.name))


def check_page(site: Path, page_file: Path, root: Path, base_path: str = "/") -> list[Problem]:
    problems = []
    site = site.resolve()
    page_path = Path(os.path.normpath(page_file.absolute()))
    for href, kind in links(page_file):
        if urlsplit(href).scheme in SKIP_SCHEMES:
            continue
        target, fragment = target_file(site, page_path, href, base_path)
        if target is None or made_later(site, target):
            continue
        if not target.is_file() or site not in target.parents and target != site:
            where, line = place(site, page_file, href, f"#{fragment}" if fragment else "", root=root)
            problems.append(Problem(where, line, f"{kind} '{href}' leidt naar een pagina die niet bestaat",
                                    "pas de link aan in de Markdown-bron van deze pagina of in de hook die haar maakt",
                                    f"{kind} '{href}' leads to a page that does not exist",
                                    "fix the link in this page's Markdown source or in the hook that generates it"))
        elif fragment and target.suffix == ".html" and unquote(fragment) not in ids_of(target):
            where, line = place(site, page_file, href, f"#{fragment}", root=root)
            problems.append(Problem(where, line, f"{kind} '{href}' wijst naar een onderdeel (#{fragment}) dat niet bestaat",
                                    "gebruik een bestaand {#id}; ID's veranderen nooit",
                                    f"{kind} '{href}' points to a section (#{fragment}) that does not exist",
                                    "use an existing {#id}; IDs never change"))
    return problems


def findings(site: Path, root: Path) -> list[Problem]:
    # Frozen editions are checked when they are built from their own commit.
    pages = [p for p in html_pages(site) if "versies" not in p.relative_to(site).parts[:1]]
    base_path = site_path(root)
    return [problem for page in pages for problem in check_page(site, page, root, base_path)]
