"""MkDocs plugin `dom-citeren`: citable sections, their short links, histories, versions and data.

    plugins:
      - dom-citeren:
          registry: registry/ids.yml
          # Only for a frozen edition (`dom-site editions` (dom_site.frozen) sets these):
          edition: !ENV [DOM_EDITION, null]          # the release being built, "1.0"
          edition_date: !ENV [DOM_EDITION_DATE, null]
          live_url: !ENV [DOM_LIVE_URL, null]        # the live site, whose histories the edition links

- on_files (per language build; the check once, in the Dutch build, for both
  languages): every ID in both languages against the registry
  (dom_site.citation_registry); any problem stops the build.
- on_page_markdown: the marker <!-- versies --> becomes the changelog (dom_site.editions).
- on_page_content: after each citable heading its ID, cite button, downloads and
  history link (dom_site.citations); above a page with units, which version it is.
- on_page_context: citation_* meta tags on pages with units; on every page the
  links to the feed and the units JSON of its language (overrides/main.html).
- on_post_build: /c/<id>/ short links, the citation files and history page of
  every unit (dom_site.unit_history), /c/onderdelen.json and /c/versies.atom
  (dom_site.site_data); under /en/ for English.

mkdocs-static-i18n runs MkDocs' whole build once per language with this one
plugin instance, so what a build collects is kept per language.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import BaseConfigOption, Config, ValidationError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from dom_site import citation_formats, citations, editions, site_data, unit_history
from dom_site import citation_registry as reg
from dom_site.languages import build_language, language_prefix, up_from_language
from dom_site.messages import problem
from dom_site.plugins import setting_line
from dom_site.source import dutch_path, language_of
from dom_site.word_diff import Block


class Text(BaseConfigOption[str]):
    """Text, also when `!ENV` read it as a number or a date (YAML types an unquoted 1.0 or 2026-11-28).

    A number comes back as Python writes it, so a version like 1.10 would read as 1.1:
    `dom-site editions` (dom_site.frozen) therefore writes the edition's values quoted into the
    edition's mkdocs.yml as well as into the environment.
    """

    def run_validation(self, value: object) -> str:
        if isinstance(value, bool) or not isinstance(value, (str, int, float, date)):
            raise ValidationError(f"verwacht tekst, niet {value!r} (English: expected text, not {value!r})")
        return value.isoformat() if isinstance(value, date) else str(value)


class CitationsConfig(Config):
    registry = c.Type(str, default="registry/ids.yml")
    edition = c.Optional(Text())
    edition_date = c.Optional(Text())
    live_url = c.Optional(Text())


class CitationsPlugin(BasePlugin[CitationsConfig]):
    def __init__(self) -> None:
        self.edition: editions.Edition | None = None
        self.registry: reg.Registry | None = None
        self.listed: reg.Registry | None = None           # the registry with a frozen edition's own release
        self.pages_with_units: set[str] = set()           # Dutch pages with any registered unit
        self.pages_with_active_units: set[str] = set()
        # Per language, per ID: the citation its cite bar carries (its download files say the same).
        self.cited: dict[str, dict[str, citation_formats.Citation]] = {}
        # Per language, per ID: the unit's current text as this build rendered its page.
        self.current: dict[str, dict[str, list[Block]]] = {}
        self.source_markdown: dict[str, str] = {}          # per page, until its HTML is there
        # Per language, per ID: the unit's history (for the units JSON).
        self.histories: dict[str, dict[str, unit_history.History]] = {}
        # Old releases' pages, read from git and rendered once per process: for both languages
        # built one after the other; the English build beside the Dutch one (dom-talen) has its own.
        self.releases: unit_history.ReleaseSource | None = None
        self.renderer: unit_history.TextRenderer | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.edition = self._edition(config)
        return config

    def _edition(self, config: MkDocsConfig) -> editions.Edition | None:
        version, day, live = self.config.edition, self.config.edition_date, self.config.live_url
        if not version or not day:
            return None  # the live site
        try:
            released = date.fromisoformat(day)
        except ValueError:
            raise PluginError(problem(*setting_line(config, "dom-citeren", "edition_date"),
                                      f"dom-citeren: edition_date '{day}' is geen datum",
                                      "schrijf de datum als JJJJ-MM-DD (DOM_EDITION_DATE)",
                                      f"dom-citeren: edition_date '{day}' is not a date",
                                      "write the date as YYYY-MM-DD (DOM_EDITION_DATE)")) from None
        return editions.Edition(version, released, (live or "").rstrip("/") + "/")

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        lang = build_language(config)
        self.registry = reg.load_registry(Path(config.config_file_path).parent / self.config.registry)
        self.listed = editions.with_this_edition(self.registry, self.edition)
        self.pages_with_units = {str(entry.get("page")) for entry in self.registry.ids.values()}
        self.pages_with_active_units = {str(entry.get("page")) for entry in self.registry.ids.values()
                                        if entry.get("status") == "active"}
        self.cited[lang] = {}  # a new build of this language
        self.current[lang] = {}
        # The IDs against the registry are checked by the rules (dom-regels, dom_site.rules.citable)
        # before this runs, once for both languages.
        return files

    def _wants_unit_texts(self, page: Page, lang: str) -> bool:
        """A page of this language (not a fallback) with active units, on the live site (which has histories)."""
        own_language = language_of(page.file.src_uri) == lang
        return self.edition is None and own_language and dutch_path(page.file.src_uri) in self.pages_with_active_units

    # The page's Markdown as its file has it, before any plugin or hook changes it.
    @event_priority(100)
    def _keep_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self._wants_unit_texts(page, build_language(config)):
            self.source_markdown[page.file.src_uri] = markdown
        return markdown

    def _changelog(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if editions.MARKER in markdown and self.listed is not None:
            markdown = markdown.replace(editions.MARKER, editions.changelog_markdown(self.listed, build_language(config)))
        return markdown

    on_page_markdown = CombinedEvent(_keep_markdown, _changelog)

    # Before any plugin or hook adds to the page (status line, notices, translated labels):
    # each unit's text, which its history compares with the releases' texts. A history
    # shows the unit's own Markdown, so the build's HTML serves only when the plugins and
    # hooks added no words to a unit (footnote texts appended;
    # unit_history.same_unit_texts); where they wrote into it (the glossary list, a
    # diagram), the page's file is rendered on its own, as a release's page is.
    @event_priority(100)
    def _keep_unit_texts(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        lang = build_language(config)
        source = self.source_markdown.pop(page.file.src_uri, None)
        if source is None or not self._wants_unit_texts(page, lang):
            return html
        if unit_history.same_unit_texts(source, page.markdown or ""):
            units = unit_history.unit_blocks(html)
        else:
            units = self._renderer(config).page_units(page.file.content_string)
        self.current.setdefault(lang, {}).update(units)
        return html

    def _renderer(self, config: MkDocsConfig) -> unit_history.TextRenderer:
        """One Markdown converter with the site's extensions, for every language built in this process."""
        if self.renderer is None:
            extensions = [e for e in config.markdown_extensions if isinstance(e, str)]
            configs = {k: dict(v) for k, v in config.mdx_configs.items() if k in extensions}
            # The hover definitions dom-begrippen gives each page are no words of its text.
            configs.get("abbr", {}).pop("glossary", None)
            self.renderer = unit_history.TextRenderer(extensions, configs)
        return self.renderer

    def _cite_bars(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        assert self.registry is not None and self.listed is not None
        lang = build_language(config)
        html = citations.render(html, lang, self.registry, config.site_url or "", page.url, self.edition,
                                self.cited.setdefault(lang, {}))
        if dutch_path(page.file.src_uri) in self.pages_with_units:
            html = editions.notice(lang, page.url, self.listed, self.edition) + html
        return html

    on_page_content = CombinedEvent(_keep_unit_texts, _cite_bars)

    def on_page_context(self, context: TemplateContext, *, page: Page, config: MkDocsConfig,
                        nav: Navigation) -> TemplateContext:
        lang = build_language(config)
        if not page.url.endswith("/") and page.url != "":
            return context  # 404 pages are served at any address: no relative links
        if self.edition is None:  # a frozen edition writes no feed of its own
            context["data_links"] = site_data.head_links(lang, page.url)  # type: ignore[typeddict-unknown-key]
        if self.registry is not None and dutch_path(page.file.src_uri) in self.pages_with_active_units:
            release, _ = citations.cited_release(self.registry, self.edition)
            context["citation_meta"] = site_data.citation_meta(  # type: ignore[typeddict-unknown-key]
                page.title or "", lang, page.canonical_url or "", release)
        return context

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        assert self.registry is not None
        lang = build_language(config)
        self._write_short_links(config, self.registry, lang)
        self._write_unit_files(config, self.registry, lang)
        if self.edition is None:  # a frozen edition links the live site's data
            self._write_data(config, self.registry, lang)

    def _write_short_links(self, config: MkDocsConfig, registry: reg.Registry, lang: str) -> None:
        """/c/<id>/: a redirect to the unit's page, or for a retired ID a note naming its replacement."""
        out = Path(config.site_dir) / language_prefix(lang) / "c"
        up = "../../"  # from /c/<id>/ (or /en/c/<id>/) two levels up is the language root
        sheets = sorted((Path(config.site_dir) / "assets" / "stylesheets").glob("main.*.min.css"))
        stylesheet = up + up_from_language(lang) + f"assets/stylesheets/{sheets[0].name}" if sheets else ""
        for anchor, entry in registry.ids.items():
            folder = out / anchor
            folder.mkdir(parents=True, exist_ok=True)
            if entry.get("status") == "active":
                content = citations.redirect_page(lang, anchor, f"{up}{unit_history.page_url(entry['page'])}#{anchor}")
            else:
                new = entry.get("replaced_by")
                new_entry = registry.ids.get(new or "", {})
                target = (f"{up}{unit_history.page_url(new_entry['page'])}#{new}" if new and new_entry.get("page")
                          else None)
                content = citations.retired_page(lang, anchor, new, target, stylesheet)
            (folder / "index.html").write_text(content, encoding="utf-8")

    def _write_unit_files(self, config: MkDocsConfig, registry: reg.Registry, lang: str) -> None:
        """The citation downloads and the history page of every unit, for one language."""
        site = Path(config.site_dir)
        prefix = language_prefix(lang)
        for anchor, cited in self.cited.get(lang, {}).items():
            folder = site / prefix / "c" / anchor
            folder.mkdir(parents=True, exist_ok=True)
            for kind, name in citation_formats.FILES.items():
                (folder / name).write_text(citation_formats.FORMATS[kind](cited), encoding="utf-8", newline="")
        if self.edition is not None:
            return  # a frozen edition links the live histories: its own copy would never learn of later releases
        if self.releases is None:
            self.releases = unit_history.ReleaseSource(Path(config.config_file_path).parent)
        found = unit_history.histories(registry, Path(config.docs_dir), lang, self.releases, self._renderer(config),
                                       self.current.get(lang))
        self.histories[lang] = found
        shell = unit_history.Shell(config.site_name, (config.site_url or "").rstrip("/") + "/",
                                   citations.theme_stylesheets(site))
        unit_history.write_histories(site, found, registry.documents, registry.ids, shell)

    def _write_data(self, config: MkDocsConfig, registry: reg.Registry, lang: str) -> None:
        """/c/onderdelen.json and /c/versies.atom of one language."""
        site = Path(config.site_dir)
        site_url = (config.site_url or "").rstrip("/") + "/"
        cited = self.cited.get(lang, {})
        data = site_data.units_data(registry, self.histories.get(lang, {}), lang, site_url,
                                    {anchor: c.title for anchor, c in cited.items()}, set(cited))
        units = site / site_data.data_path(lang, site_data.UNITS_FILE)
        units.parent.mkdir(parents=True, exist_ok=True)
        units.write_text(site_data.units_json(data), encoding="utf-8")
        changes = [site_data.ReleaseChanges(release, added, changed, retired)
                   for release, added, changed, retired in editions.changes(registry)]
        feed = site / site_data.data_path(lang, site_data.FEED_FILE)
        feed.write_text(site_data.atom_feed(changes, lang, site_url, date.today()), encoding="utf-8")
