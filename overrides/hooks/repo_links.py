"""REPO_URL/... in Markdown: a link into the repository this site is built from (dom_site.repo_links)."""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from dom_site.repo_links import expand


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return expand(markdown, str(config.repo_url or ""))
