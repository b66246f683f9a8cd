"""Which language the current build is for.

mkdocs-static-i18n builds the site once per language and sets theme.language
for each build: Dutch (the default, at the root) first, then English under /en/.
"""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig


def build_language(config: MkDocsConfig) -> str:
    """"en" during the English build, "nl" otherwise."""
    return "en" if config.theme.get("language") == "en" else "nl"
