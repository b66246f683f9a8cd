"""Which language a static-i18n build is making (the x.md ↔ x.en.md pairing is dom_site.source's)."""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig


def build_language(config: MkDocsConfig) -> str:
    """"en" during the English build, "nl" otherwise (mkdocs-static-i18n sets theme.language)."""
    return "en" if config.theme.get("language") == "en" else "nl"
