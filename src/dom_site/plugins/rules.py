"""MkDocs plugin `dom-regels`: every content rule, before any page renders.

    plugins:
      - dom-regels:
          extra_dirs: [includes]        # files the plugins put on pages: checked for unsafe content too
          translated: [draaiboek/]      # folders where every page exists in both languages
          facts: [draaiboek/]           # folders where every figure needs a footnote

It runs the rules of dom_site.rules (file names, unsafe content, heading IDs, citable
IDs, sources, facts, villages) over the source model in on_files, the first event
that sees the pages, so `mkdocs serve`, `make build` and CI all stop there with the
editor's messages, one per mistake, and no page, browser or PDF printer ever gets
unsafe content. `dom-site check` runs the same rules without building.

Then, on each page as Python-Markdown converted it, what it left as text: Markdown
inside raw HTML, a footnote in a block's title (dom_site.left_as_text). Only the
renderer knows that, so only the build says it (a strict build fails on it).
"""
from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from dom_site import citation_registry as reg
from dom_site import left_as_text, rules, source, village_data
from dom_site.messages import Problem
from dom_site.once import Once, fingerprint

# Under the builder's own logger ("mkdocs" or "properdocs", whichever BasePlugin comes from):
# its strict mode counts the warnings there, also when ProperDocs builds in this process.
log = logging.getLogger(f"{BasePlugin.__module__.partition('.')[0]}.plugins.{__name__}")
_DEFAULTS = rules.Settings()  # the defaults are written once, in dom_site.rules.Settings


class RulesConfig(Config):
    # Which rules run (names from dom_site.rules); empty: all of them.
    only = c.ListOfItems(c.Type(str), default=[])
    extra_dirs = c.ListOfItems(c.Type(str), default=list(_DEFAULTS.extra_dirs))
    ids_registry = c.Type(str, default=_DEFAULTS.ids_registry)
    translated = c.ListOfItems(c.Type(str), default=list(_DEFAULTS.translated))
    facts = c.ListOfItems(c.Type(str), default=list(_DEFAULTS.facts))


def settings_of(config: MkDocsConfig, own: RulesConfig | None = None) -> rules.Settings:
    """The rules' settings from mkdocs.yml: this plugin's, the sources registry of dom-bronnen,
    the villages' folder of dom-dorpen and the glossary file of dom-begrippen.

    The build and `dom-site check` both take them from here, so they check alike.
    """
    found: dict[str, object] = {}
    if own is None and isinstance(plugin := config.plugins.get("dom-regels"), RulesPlugin):
        own = plugin.config
    if own is not None:
        found.update(extra_dirs=tuple(own.extra_dirs), ids_registry=own.ids_registry,
                     translated=tuple(own.translated), facts=tuple(own.facts))
    sources_plugin = config.plugins.get("dom-bronnen")
    if sources_plugin is not None:
        sources_config = sources_plugin.config
        found.update(sources_registry=sources_config["registry"], sources_schema=sources_config["schema"],
                     sources_strict=sources_config["strict"])
    villages_plugin = config.plugins.get("dom-dorpen")
    if villages_plugin is not None:
        found.update(villages=villages_plugin.config["folder"])  # normalised by its config option
    glossary_plugin = config.plugins.get("dom-begrippen")
    if glossary_plugin is not None:
        found.update(glossary=glossary_plugin.config["file"])
    redirects_plugin = config.plugins.get("redirects")
    if redirects_plugin is not None:
        found.update(redirects=tuple((str(old), str(new)) for old, new in
                                     (redirects_plugin.config.get("redirect_maps") or {}).items()))
    if config.config_file_path:
        found.update(config_file=Path(config.config_file_path).name)
    return rules.Settings(**found)  # type: ignore[arg-type]


def inputs(context: rules.Context) -> list[Path]:
    """Every file a rule reads: docs/, the registries, the schemas, the extra folders."""
    settings = context.settings
    found = [context.model.docs_dir / rel for rel in context.model.files]
    for folder in (*settings.extra_dirs, settings.sources_registry):
        path = context.path(folder)
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file())
    ids_registry = context.path(settings.ids_registry)
    # The schemas as the rules find them (citation_registry, village_data), not a second name for them.
    found += [ids_registry, reg.schema_for(ids_registry), context.path(settings.sources_schema),
              village_data.SCHEMA_PATH, context.path(settings.config_file)]  # the redirects
    return found


class RulesPlugin(BasePlugin[RulesConfig]):
    def __init__(self) -> None:
        self.checked: Once[list[Problem]] = Once()
        self.model: source.SourceModel | None = None

    @event_priority(100)  # before every other plugin looks at the files
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        root = Path(config.config_file_path).parent
        context = rules.Context.of(root, Path(config.docs_dir), settings_of(config, self.config))
        only = list(self.config.only) or None
        self.model = context.model
        # Once for both languages' builds; again when an input changed (mkdocs serve).
        problems = self.checked.get(fingerprint(inputs(context), only),
                                    lambda: rules.run(context, only))
        if problems:
            count = len(problems)
            raise PluginError(f"De inhoud heeft {count} fout(en); elke regel zegt waar en hoe je die oplost "
                              f"(the content has {count} problem(s); each line says where and how to fix it):\n"
                              + "\n".join(map(str, problems)))
        return files

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        page_source = self.model.get(page.file.src_uri) if self.model else None
        where = f"{Path(config.docs_dir).name}/{page.file.src_uri}"
        for problem in left_as_text.problems(html, page_source, where):
            log.warning(str(problem))
        return html
