"""Make a PDF of the response and of the draaiboek, per language, from the built site.

Each document is the nav section that starts with a page named in
overrides/hooks/pdf_links.py: its pages' articles are put one after the other
in the first page's layout and printed by the system Chromium with the site's
print stylesheet (no navigation, IDs and link addresses visible).
"""
from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "overrides" / "hooks"))

from citations import page_url  # noqa: E402
from pdf_links import PDFS  # noqa: E402
from static_host import chromium_path  # noqa: E402



def section_pages(nav: list, first: str) -> list[str]:
    """The pages of the nav section that contains `first`, in nav order."""
    def flatten(items: list) -> list[str]:
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
    return site / ("en" if lang == "en" else "") / page_url(source) / "index.html"


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
    return str(shell)


def print_pdf(html_file: Path, pdf: Path) -> None:
    subprocess.run([chromium_path(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--no-first-run", "--no-pdf-header-footer",
                    "--virtual-time-budget=3000", f"--print-to-pdf={pdf}", html_file.as_uri()],
                   check=True, capture_output=True)
    if not pdf.exists() or pdf.stat().st_size < 1000:
        sys.exit(f"{pdf}: PDF niet gemaakt (PDF was not made)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site", default="site")
    args = parser.parse_args(argv)
    site = Path(args.site).resolve()
    from mkdocs.config import load_config

    nav = load_config(str(ROOT / "mkdocs.yml")).nav or []
    for first, name in PDFS.items():
        pages = section_pages(nav, first)
        for lang in ("nl", "en"):
            target_dir = built_page(site, first, lang).parent
            draft = target_dir / f".print-{name}.html"
            draft.write_text(combined_html(site, pages, lang), "utf-8")
            try:
                print_pdf(draft, target_dir / name)
            finally:
                draft.unlink()
            print(f"{(target_dir / name).relative_to(site)}: {len(pages)} pagina's (pages)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
