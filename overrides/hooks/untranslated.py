"""An English page without a translation says so, and marks its Dutch text as Dutch.

With `fallback_to_default: true`, mkdocs-static-i18n builds the Dutch page
`x.md` under `/en/x/` when `x.en.md` does not exist. The page then carries
`lang="en"` on `<html>` while its text is Dutch: screen readers read Dutch words
with English pronunciation, and readers do not know why the text is Dutch.

This hook, in every build that is not the page's own language, wraps the content
in `<div lang="nl">` and puts a notice in the build's language above it.
static-i18n records the language of the source file on `page.file.locale`; the
build's language is `config.theme.language` (both the same for every language).
"""
from __future__ import annotations

from html import escape

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

# The notice in the language of the build: (title, text). Only English occurs:
# static-i18n falls back to the default language, Dutch.
NOTICE: dict[str, tuple[str, str]] = {
    "en": ("Not translated yet",
           "This page has not been translated into English yet. Below is the Dutch text."),
}


def source_language(page: Page, build_language: str) -> str:
    """The language the page's text is written in (static-i18n's `file.locale`)."""
    return str(getattr(page.file, "locale", None) or build_language)


def is_untranslated(page: Page, config: MkDocsConfig) -> bool:
    """True when this build shows a page from another language (a fallback page)."""
    build_language = str(config.theme.get("language") or "nl")
    return source_language(page, build_language) != build_language


def wrap(page_html: str, text_language: str, build_language: str) -> str:
    """The notice (build language) above the text, which is marked as text_language."""
    title, text = NOTICE.get(build_language, NOTICE["en"])
    notice = (
        '<div class="admonition info untranslated" role="note">'
        f'<p class="admonition-title">{escape(title)}</p><p>{escape(text)}</p></div>'
    )
    return f'{notice}\n<div lang="{escape(text_language)}">\n{page_html}\n</div>'


def on_page_content(page_html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not is_untranslated(page, config):
        return page_html
    build_language = str(config.theme.get("language"))
    return wrap(page_html, source_language(page, build_language), build_language)
