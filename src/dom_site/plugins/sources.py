"""MkDocs plugin `dom-bronnen`: footnotes cite the sources registry by key.

    plugins:
      - dom-bronnen:
          registry: registry/bronnen          # one YAML file per part
          lists:                              # a page that lists a part's sources
            draaiboek/bronnen.md: [draaiboek/]

The registry and every page's citations are checked by the rules (dom-regels);
each page gets the footnote texts of the keys it cites, in its language.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from dom_site import source, sources
from dom_site.languages import build_language
from dom_site.source import dutch_path


class SourcesConfig(Config):
    registry = c.Type(str, default="registry/bronnen")
    schema = c.Type(str, default="schemas/bronnen.schema.json")
    # A page (its Dutch path) and the folders or pages whose sources it lists.
    lists = c.Type(dict, default={})
    # false only while pages still write their own footnote texts: then those are
    # allowed and an uncited source is not an error.
    strict = c.Type(bool, default=True)


class SourcesPlugin(BasePlugin[SourcesConfig]):
    def __init__(self) -> None:
        self.registry: sources.Registry | None = None
        self.cited: dict[str, set[str]] = {}
        self.local: set[tuple[str, str]] = set()
        self.model: source.SourceModel | None = None

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        # The registry and the citations are checked by the rules (dom-regels, dom_site.rules.sources)
        # before this runs, from the same reading of the registry (dom_site.sources.read).
        root = Path(config.config_file_path).parent
        self.registry = sources.read(root, root / self.config.registry, root / self.config.schema)
        self.model = source.read(Path(config.docs_dir))
        refs, defs = sources.citations(self.model, [f.src_uri for f in files.documentation_pages()])
        self.cited = {}
        for ref in refs:
            self.cited.setdefault(dutch_path(ref.page), set()).add(ref.key)
        self.local = {(d.page, d.key) for d in defs}
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        assert self.registry is not None
        lang = build_language(config)
        uri = page.file.src_uri
        page_source = self.model.get(uri) if self.model else None
        refs = page_source.references if page_source else []
        keys = [note.label for note in refs if (uri, note.label) not in self.local]
        extra = []
        listed = self.config.lists.get(dutch_path(uri))
        if listed:
            keys_of_part = {key for path, cited in self.cited.items()
                            if any(path == p or path.startswith(p) for p in listed) for key in cited}
            if keys_of_part:
                extra.append(sources.source_list(keys_of_part, self.registry, lang, uri))
        notes = sources.definitions(keys, self.registry, lang, uri)
        if notes:
            extra.append(notes)
        return markdown if not extra else markdown.rstrip("\n") + "\n\n" + "\n\n".join(extra) + "\n"
