"""A "download as PDF" link on the first page of each printable document.

scripts/build_pdfs.py makes the PDFs from the built pages after the build; this
hook only links them. PDFS names each document by its first page; the document
is that page's section in the nav (the response; the draaiboek).
"""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from dom_site.languages import build_language
from dom_site.pdfs import PDFS

LABEL = {"nl": "Download als PDF (om te printen of te bewaren)", "en": "Download as PDF (to print or keep)"}


def on_page_content(page_html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    source = page.file.src_uri.replace(".en.md", ".md")
    pdf = PDFS.get(source)
    if pdf is None:
        return page_html
    lang = build_language(config)
    return f'<p class="pdf-link"><a href="{pdf}" download>{LABEL[lang]}</a></p>\n' + page_html
