"""The site's two languages: Dutch at the root (x.md), English under /en/ (x.en.md)."""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from dom_site.source import dutch_path, english_path

__all__ = ["build_language", "dutch_path", "english_path"]  # the pairing rule lives in dom_site.source


def build_language(config: MkDocsConfig) -> str:
    """"en" during the English build, "nl" otherwise (mkdocs-static-i18n sets theme.language)."""
    return "en" if config.theme.get("language") == "en" else "nl"
