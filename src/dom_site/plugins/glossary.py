"""MkDocs plugin `dom-begrippen`: the glossary's hover definitions and the glossary page.

    plugins:
      - dom-begrippen:
          file: includes/begrippen.md     # Dutch; English next to it as begrippen.en.md

Every page gets the terms of its language as the `abbr` extension's glossary (so
`abbr` must be among the site's markdown_extensions); the page with the marker
`<!-- begrippenlijst -->` gets them all as a sorted definition list instead. The
rules and the HTML touches live in dom_site.glossary.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from dom_site import glossary
from dom_site.languages import build_language, source_language
from dom_site.messages import problem
from dom_site.once import Once, fingerprint
from dom_site.plugins import setting_line


class GlossaryConfig(Config):
    # The Dutch glossary, from the folder of mkdocs.yml. Another language's file sits next
    # to it with the pages' suffix (begrippen.en.md); without one, that language reads Dutch.
    file = c.Type(str, default="includes/begrippen.md")


class GlossaryPlugin(BasePlugin[GlossaryConfig]):
    def __init__(self) -> None:
        # Per glossary file: its terms, parsed again only when the file changed (mkdocs serve).
        self.terms: dict[Path, Once[list[glossary.Term]]] = {}

    def terms_for(self, config: MkDocsConfig, language: str) -> list[glossary.Term]:
        """The terms of a language, parsed once for every page of both languages' builds."""
        root = Path(config.config_file_path).resolve().parent
        path = glossary.glossary_file(root / self.config.file, language)
        once = self.terms.setdefault(path, Once())
        return once.get(fingerprint([path]), lambda: glossary.load(path, root))

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if "abbr" not in config.markdown_extensions:
            raise PluginError(problem(
                *setting_line(config, "", "markdown_extensions"),
                "dom-begrippen: 'abbr' staat niet onder markdown_extensions",
                "zet '- abbr' onder markdown_extensions: de uitleg bij de begrippen komt van die extensie",
                "dom-begrippen: 'abbr' is not under markdown_extensions",
                "add '- abbr' under markdown_extensions: the hover definitions come from that extension"))
        return config

    # Last, so the definitions this page gets are the ones it is rendered with: MkDocs makes
    # each page's Markdown converter from markdown_extensions and mdx_configs right after
    # this event (Page.render).
    @event_priority(-100)
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        hover: dict[str, str] = {}
        if page.meta.get("glossary") is not False:
            try:
                terms = self.terms_for(config, source_language(page, build_language(config)))
            except glossary.GlossaryError as error:
                raise PluginError(str(error)) from error
            if glossary.is_glossary_page(markdown):
                markdown = glossary.render(markdown, terms)  # every definition is visible already
            else:
                hover = glossary.hover_definitions(terms)
        config.mdx_configs["abbr"] = {**config.mdx_configs.get("abbr", {}), "glossary": hover}
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        return glossary.tidy(html)
