"""MkDocs plugin `dom-datums`: "Laatst bijgewerkt" is the date of the page's own last commit.

    plugins:
      - dom-datums                    # the live site: dates from git
      - dom-datums:
          release_date: "2026-11-28"  # a frozen edition: its release date on every page

One `git log` over docs/ per build gives every file's date (dom_site.git_dates);
Dutch and English pages each show their own file's date, in their language.
Without history (no .git, or a shallow clone that cut it off) a page shows no
date, and the build says so once, instead of showing today's date as a change.
The sitemap's lastmod uses the same date (`date_of`, which needs no page built yet:
a language built beside the other one lists the other's pages as they were read).
"""
from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from dom_site.dates import long_date
from dom_site.git_dates import History, read_history
from dom_site.languages import build_language

log = logging.getLogger("mkdocs.plugins.dom_datums")


class DatesConfig(Config):
    release_date = c.Optional(c.Type(str))


class DatesPlugin(BasePlugin[DatesConfig]):
    def __init__(self) -> None:
        self.history: History | None = None
        self.repo_root: Path | None = None
        self.said: str | None = None

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        # Once per build, shared by both languages' builds (static-i18n reruns the
        # page events per language); a `mkdocs serve` rebuild reads git again.
        if self.config.release_date:
            return
        self.history = read_history(Path(config.docs_dir))
        self.repo_root = Path(config.config_file_path).parent.resolve()
        reason = self.history.missing_reason or ("ondiepe kloon (shallow clone)" if self.history.shallow else None)
        if reason and reason != self.said:
            log.info(f"Datums: {reason} — pagina's zonder bekende wijzigingsdatum tonen geen datum "
                     "(pages whose last change is unknown show no date)")
            self.said = reason

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        iso = self.date_of(page.file)
        if iso:
            shown = long_date(dt.date.fromisoformat(iso), build_language(config))
            page.meta["revision_date"] = f'<time datetime="{iso}">{shown}</time>'
        return markdown

    def date_of(self, file: File) -> str | None:
        """The date to show for file (YYYY-MM-DD): the release's, or its last commit's; None when unknown."""
        if self.config.release_date:
            return self.config.release_date
        if self.history is None or self.repo_root is None or not file.abs_src_path:
            return None
        source = Path(file.abs_src_path).resolve()
        top = self.history_top()
        try:
            return self.history.date_of(source.relative_to(top).as_posix())
        except ValueError:
            return None

    def history_top(self) -> Path:
        assert self.history is not None and self.repo_root is not None
        return self.history.top or self.repo_root
