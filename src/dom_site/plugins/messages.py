"""MkDocs plugin `dom-meldingen`: MkDocs' own warnings said for editors, in Dutch at file:line.

    plugins:
      - dom-meldingen

MkDocs says "Doc file 'x.md' contains a link ..." in English and without a line;
dom_site.build_log says `docs/x.md:12: wat er mis is — hoe je het oplost (English: …)`
instead (one message per mistake), and in a GitHub Actions run puts every warning and
error on its line of the pull request. The warning itself still fails the strict build.
"""
from __future__ import annotations

from pathlib import Path
from typing import Literal

from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority

from dom_site import build_log


class NoSettings(Config):
    """This plugin has no settings."""


class MessagesPlugin(BasePlugin[NoSettings]):
    # on_startup makes MkDocs keep this one instance for every rebuild of `mkdocs serve`;
    # build_log.attach keeps one handler however many instances and builds there are.
    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        pass

    # Before every other plugin's on_config, so their warnings are explained too.
    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        build_log.attach(Path(config.docs_dir), Path(config.config_file_path) if config.config_file_path else None)
        # static-i18n builds each further language inside the first one's build ("building"):
        # a warning said there was said in this build already.
        if not getattr(config.plugins.get("i18n"), "building", False):
            build_log.new_build()
        return config

    def on_shutdown(self) -> None:
        build_log.detach()
