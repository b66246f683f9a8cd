"""Make a PDF of the response and of the draaiboek, per language, from the built site.

Each document is the nav section that starts with a page named in
overrides/hooks/pdf_links.py: its pages' articles are put one after the other
in the first page's layout and printed by the system Chromium with the site's
print stylesheet (no navigation, IDs and link addresses visible).

Nothing on a page runs while it is printed: the HTML handed to Chromium has every
script, embed and event handler taken out (Chromium's --blink-settings switch for
scripts makes --print-to-pdf write nothing, so the HTML itself is made inert), and
each PDF has a time limit after which Chromium and its children are ended.
"""
from __future__ import annotations

import argparse
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup, Tag

from dom_site.languages import language_prefix
from dom_site.messages import say
from dom_site.pdfs import PDFS
from dom_site.processes import StepFailed, run
from dom_site.static_host import chromium_path
from dom_site.unit_history import page_url

PDF_TIMEOUT_SECONDS = 60


def section_pages(nav: list[Any], first: str) -> list[str]:
    """The pages of the nav section that contains `first`, in nav order."""
    def flatten(items: list[Any]) -> list[str]:
        pages: list[str] = []
        for item in items:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            pages += flatten(value) if isinstance(value, list) else [value]
        return pages

    for item in nav:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list) and first in flatten(value):
            return flatten(value)
    return [first]


def built_page(site: Path, source: str, lang: str) -> Path:
    return site / language_prefix(lang) / page_url(source) / "index.html"


def combined_html(site: Path, pages: list[str], lang: str) -> str:
    shell = BeautifulSoup(built_page(site, pages[0], lang).read_text("utf-8"), "html.parser")
    article = shell.select_one("article.md-content__inner")
    assert article is not None, "Material's article element is missing"
    for source in pages[1:]:
        other = BeautifulSoup(built_page(site, source, lang).read_text("utf-8"), "html.parser").select_one("article.md-content__inner")
        if other is not None:
            article.append(BeautifulSoup('<hr class="pdf-break">', "html.parser"))
            for child in list(other.children):
                article.append(child)
    return without_scripts(shell)


def without_scripts(page: BeautifulSoup) -> str:
    """The page with nothing a browser could run: no script elements, handlers or javascript: links."""
    for element in page.find_all(["script", "iframe", "object", "embed"]):
        element.decompose()
    for element in page.find_all(True):
        if not isinstance(element, Tag):
            continue
        for attr in [a for a in element.attrs if a.lower().startswith("on")]:
            del element[attr]
        for attr in ("href", "src", "action", "formaction"):
            value = element.get(attr)
            if isinstance(value, str) and value.strip().lower().startswith("javascript:"):
                del element[attr]
    return str(page)


def print_pdf(html_file: Path, pdf: Path, timeout: float = PDF_TIMEOUT_SECONDS) -> None:
    """Print one inert HTML file under a time limit that ends Chromium's whole process group."""
    run([chromium_path(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--no-pdf-header-footer",
         "--virtual-time-budget=3000", f"--print-to-pdf={pdf}",
         html_file.as_uri()], step="PDF maken (making the PDF)", about=str(html_file.name), timeout=timeout,
        check=True)
    if not pdf.exists() or pdf.stat().st_size < 1000:
        raise StepFailed(f"{pdf}: PDF niet gemaakt — draai 'make build' opnieuw en lees de meldingen "
                         "(English: PDF was not made — run 'make build' again and read the messages)")


def main(argv: list[str] | None, root: Path) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site", default="site")
    args = parser.parse_args(argv)
    site = Path(args.site).resolve()
    from mkdocs.config import load_config

    nav = load_config(str(root / "mkdocs.yml")).nav or []
    jobs: list[tuple[Path, Path, int]] = []
    for first, name in PDFS.items():
        pages = section_pages(nav, first)
        for lang in ("nl", "en"):
            target_dir = built_page(site, first, lang).parent
            draft = target_dir / f".print-{name}.html"
            draft.write_text(combined_html(site, pages, lang), "utf-8")
            jobs.append((draft, target_dir / name, len(pages)))
    # Side by side: Chromium mostly waits (its virtual time budget), each under its own time limit.
    with ThreadPoolExecutor(max_workers=len(jobs) or 1) as pool:
        outcomes = list(pool.map(lambda job: print_one(job[0], job[1]), jobs))
    for (draft, pdf, count), error in zip(jobs, outcomes, strict=True):
        draft.unlink()
        if error is None:
            print(f"{pdf.relative_to(site)}: {count} pagina's (pages)")
    errors = [error for error in outcomes if error is not None]
    for error in errors:
        say(str(error), stream=sys.stderr)
    return 1 if errors else 0


def print_one(draft: Path, pdf: Path) -> StepFailed | None:
    try:
        print_pdf(draft, pdf)
    except StepFailed as error:
        return error
    return None
