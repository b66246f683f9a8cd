"""Which language a static-i18n build is making, and which language a page's text is in (the
x.md ↔ x.en.md pairing is dom_site.source's)."""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page


def build_language(config: MkDocsConfig) -> str:
    """"en" during the English build, "nl" otherwise (mkdocs-static-i18n sets theme.language)."""
    return "en" if config.theme.get("language") == "en" else "nl"


def source_language(page: Page, build: str) -> str:
    """The language the page's text is written in: static-i18n's `file.locale`, else the build's
    (a Dutch page shown in the English build while it is not translated yet is Dutch)."""
    return str(getattr(page.file, "locale", None) or build)


def language_prefix(language: str, default: str = "nl") -> str:
    """The folder a language lives in, as static-i18n lays it out: '' at the root, else 'en/'.

    Every address the project writes for a language starts with this: pages, short links
    /c/<id>/, histories, frozen editions' pages and the search index.
    """
    return "" if language == default else f"{language}/"


def up_from_language(language: str, default: str = "nl") -> str:
    """The relative path from a language's folder to the site root: '' or '../'."""
    return "../" * language_prefix(language, default).count("/")
