"""Labels that Markdown extensions write in one language, put in the page's language.

The toc permalink title and the footnote back-link title are set once for the
whole site in mkdocs.yml, but the site is built once per language.
"""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

# (what the extension writes, Dutch, English)
LABELS: tuple[tuple[str, str, str], ...] = (
    ('title="Permanent link"', 'title="Vaste link naar dit deel"', 'title="Permanent link to this section"'),
    ('title="Jump back to footnote', 'title="Terug naar voetnoot', 'title="Jump back to footnote'),
    (' in the text"', ' in de tekst"', ' in the text"'),
)


def relabel(page_html: str, language: str) -> str:
    for written, dutch, english in LABELS:
        page_html = page_html.replace(written, english if language == "en" else dutch)
    return page_html


def on_page_content(page_html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return relabel(page_html, "en" if config.theme.get("language") == "en" else "nl")
