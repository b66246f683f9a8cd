"""Every link inside the built site leads somewhere, in both languages, offline.

MkDocs checks the links written in Markdown. This check covers what it cannot
see: the language switch, hreflang alternates, short links /c/<id>/, links in
generated pages and raw HTML, and redirect targets. A link with #anchor must
find that id on the target page.
"""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from dom_site.checks.common import Problem, html_pages, place, soup
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
        candidate = (site / unquote(parts.path[len(base_path):])).resolve()
    else:
        candidate = (page.parent / unquote(parts.path)).resolve()
    if parts.path.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate, parts.fragment


@cache
def ids_of(path: Path) -> frozenset[str]:
    page = soup(path)
    return frozenset(str(el["id"]) for el in page.find_all(id=True)) | frozenset(
        str(el["name"]) for el in page.find_all("a", attrs={"name": True}))


def links(page_file: Path) -> list[tuple[str, str]]:
    page = soup(page_file)
    found = [(a["href"], "link") for a in page.find_all("a", href=True)]
    found += [(link["href"], "hreflang") for link in page.find_all("link", rel="alternate", href=True)
              if link.get("hreflang")]
    for meta in page.find_all("meta", attrs={"http-equiv": re.compile("refresh", re.I)}):
        match = REFRESH.search(str(meta.get("content", "")))
        if match:
            found.append((match["url"].strip(), "redirect"))
    return [(str(href), kind) for href, kind in found]


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
    for href, kind in links(page_file):
        if urlsplit(href).scheme in SKIP_SCHEMES:
            continue
        target, fragment = target_file(site, page_file.resolve(), href, base_path)
        if target is None or made_later(site, target):
            continue
        where, line = place(site, page_file, href, f"#{fragment}" if fragment else "", root=root)
        if not target.is_file() or site not in target.parents and target != site:
            problems.append(Problem(where, line, f"{kind} '{href}' leidt naar een pagina die niet bestaat",
                                    "pas de link aan in de Markdown-bron van deze pagina of in de hook die haar maakt",
                                    f"{kind} '{href}' leads to a page that does not exist",
                                    "fix the link in this page's Markdown source or in the hook that generates it"))
        elif fragment and target.suffix == ".html" and unquote(fragment) not in ids_of(target):
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
