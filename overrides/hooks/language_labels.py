"""Labels that Markdown extensions and the theme write in one language, put in the page's language.

The toc permalink title and the footnote back-link title are set once for the
whole site in mkdocs.yml, but the site is built once per language. Material's
search box is a role="dialog" without a name; screen readers and Lighthouse
(aria-dialog-name) need one.
"""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from dom_site.languages import build_language as language

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


DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
DIALOG_NAME = {"nl": "Zoeken", "en": "Search"}


def name_dialog(output: str, language: str) -> str:
    return output.replace(DIALOG, DIALOG[:-1] + f' aria-label="{DIALOG_NAME[language]}">', 1)




def on_page_content(page_html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return relabel(page_html, language(config))


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return name_dialog(output, language(config))
