"""Checklist boxes named after their own item, for screen readers (dom_site.checklists)."""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from dom_site.checklists import name_checkboxes


def on_page_content(page_html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return name_checkboxes(page_html)
