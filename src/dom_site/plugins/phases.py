"""MkDocs plugin `dom-fasen`: the draaiboek's phase diagram as inline SVG.

    plugins:
      - dom-fasen:
          skip: [draaiboek/begrippen.md]    # pages of the section that are not phases

The page with the marker `<!-- fasendiagram: <caption> -->` gets a diagram of the
other pages of its nav section, in nav order: the phases are listed once, in the nav
of mkdocs.yml. The drawing lives in dom_site.phase_diagram.
"""
from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from dom_site import phase_diagram


class PhasesConfig(Config):
    # Pages (Dutch paths) or nav links in the diagram page's section that are no phase.
    skip = c.ListOfItems(c.Type(str), default=[])


class PhasesPlugin(BasePlugin[PhasesConfig]):
    def __init__(self) -> None:
        self.in_menu: set[str] = set()

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.in_menu = {page.file.src_uri for page in nav.pages}
        return nav

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if page.file.src_uri not in self.in_menu:
            # Not in the menu, so in no section of it: the menu's message says so (MkDocs' warning,
            # dom_site.build_log; a group's title without its colon), and the strict build stops on it.
            return markdown
        try:
            return phase_diagram.render(markdown, page, frozenset(self.config.skip))
        except phase_diagram.DiagramError as error:
            raise PluginError(str(error)) from error
