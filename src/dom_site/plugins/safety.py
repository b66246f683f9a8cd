"""MkDocs plugin `dom-veilig`: refuse unsafe content before anything renders it.

    plugins:
      - dom-veilig:
          extra_dirs: [includes]     # also checked: files pulled into pages (snippets)

It runs the raw-HTML rule (src/dom_site/raw_html.py) over every Markdown, HTML, SVG,
XML and CSS file of docs/ and of extra_dirs in on_files, the first event that sees
the pages, so `mkdocs serve`, `make build` and CI all stop there with the editor's
message, and no page, browser or PDF printer ever gets the content.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files

from dom_site import raw_html
from dom_site.messages import Problem
from dom_site.once import Once, fingerprint


class SafetyConfig(Config):
    extra_dirs = c.ListOfItems(c.Type(str), default=["includes"])


class SafetyPlugin(BasePlugin[SafetyConfig]):
    def __init__(self) -> None:
        self.checked: Once[list[Problem]] = Once()

    @event_priority(100)  # before every other plugin looks at the files
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        root = Path(config.config_file_path).parent
        scanned = [Path(f.abs_src_path) for f in files
                   if f.abs_src_path and Path(f.abs_src_path).suffix.lower() in raw_html.SCANNED_SUFFIXES
                   and Path(f.abs_src_path).is_relative_to(Path(config.docs_dir))]
        scanned += raw_html.scanned_files([root / folder for folder in self.config.extra_dirs])
        scanned = sorted(set(scanned))
        # Once for both languages' builds; again when a scanned file changed.
        problems = self.checked.get(fingerprint(scanned, str(root)), lambda: raw_html.check_files(scanned, root))
        if problems:
            raise PluginError("Onveilige inhoud geweigerd (unsafe content refused):\n"
                              + "\n".join(map(str, problems)))
        return files
