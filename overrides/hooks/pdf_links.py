"""A "download as PDF" link on the first page of each printable document (dom_site.pdfs)."""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from dom_site.languages import build_language
from dom_site.pdfs import pdf_link


def on_page_content(page_html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return pdf_link(page.file.src_uri, build_language(config)) + page_html
