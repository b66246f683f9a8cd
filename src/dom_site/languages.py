"""Which language a static-i18n build is making (the x.md ↔ x.en.md pairing is dom_site.source's)."""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig


def build_language(config: MkDocsConfig) -> str:
    """"en" during the English build, "nl" otherwise (mkdocs-static-i18n sets theme.language)."""
    return "en" if config.theme.get("language") == "en" else "nl"


def language_prefix(language: str, default: str = "nl") -> str:
    """The folder a language lives in, as static-i18n lays it out: '' at the root, else 'en/'.

    Every address the project writes for a language starts with this: pages, short links
    /c/<id>/, histories, frozen editions' pages and the search index.
    """
    return "" if language == default else f"{language}/"


def up_from_language(language: str, default: str = "nl") -> str:
    """The relative path from a language's folder to the site root: '' or '../'."""
    return "../" * language_prefix(language, default).count("/")
