"""MkDocs plugin `dom-bronnen`: footnotes cite the sources registry by key.

    plugins:
      - dom-bronnen:
          registry: registry/bronnen          # one YAML file per part
          lists:                              # a page that lists a part's sources
            draaiboek/bronnen.md: [draaiboek/]

The registry and every page's citations are checked once per build (on_files);
each page then gets the footnote texts of the keys it cites, in its language.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from dom_site import sources
from dom_site.languages import build_language, dutch_path
from dom_site.markdown_source import footnotes
from dom_site.messages import Problem
from dom_site.once import Once, fingerprint


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
        self.checked: Once[tuple[sources.Registry, list[sources.Citation], list[sources.Citation], list[Problem]]] = Once()

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        root = Path(config.config_file_path).parent
        docs = Path(config.docs_dir)
        pages = [f.src_uri for f in files.documentation_pages()]
        folder, schema = root / self.config.registry, root / self.config.schema

        def check() -> tuple[sources.Registry, list[sources.Citation], list[sources.Citation], list[Problem]]:
            registry = sources.Registry(root, folder, schema)
            refs, defs = sources.citations(docs, root, pages)
            return registry, refs, defs, sources.check(registry, refs, defs, self.config.strict)

        # Once for both languages' builds; again when a page or the registry changed.
        inputs = [schema, *sorted(folder.glob("*.yml")), *(docs / page for page in pages)]
        self.registry, refs, defs, problems = self.checked.get(fingerprint(inputs, self.config.strict), check)
        if problems:
            raise PluginError("Bronnen kloppen niet (sources are broken):\n" + "\n".join(map(str, problems)))
        self.cited = {}
        for ref in refs:
            self.cited.setdefault(dutch_path(ref.page), set()).add(ref.key)
        self.local = {(d.page, d.key) for d in defs}
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        assert self.registry is not None
        lang = build_language(config)
        uri = page.file.src_uri
        refs, _ = footnotes(markdown)
        keys = [key for _, key in refs if (uri, key) not in self.local]
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


