"""MkDocs plugin `dom-afkortingen`: the glossary's abbreviation lines without the block parser.

    plugins:
      - dom-afkortingen

Adds the Markdown extension dom_site.abbreviations (same HTML, see there) to the
site's extensions. A plugin rather than a line under markdown_extensions, so the
benchmark's baseline (our Markdown extensions on the Material + static-i18n
defaults) stays the plain defaults.
"""
from __future__ import annotations

from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin

from dom_site.abbreviations import AbbreviationsExtension


class NoSettings(Config):
    """This plugin has no settings."""


class AbbreviationsPlugin(BasePlugin[NoSettings]):
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # static-i18n runs on_config once per language on the same config: add it once.
        if not any(isinstance(e, AbbreviationsExtension) for e in config.markdown_extensions):
            config.markdown_extensions.append(AbbreviationsExtension())  # type: ignore[arg-type]
        return config
