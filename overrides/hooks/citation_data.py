"""Citations machines read: citation_* meta tags, and the units JSON and the Atom feed of the releases.

- on_page_context: on every page with citable units, the citation_* meta tags
  (Zotero, Google Scholar) in the page's language; on every page, links to the
  feed and the JSON of its language. overrides/main.html writes both into the head.
- on_post_build: /c/onderdelen.json and /c/versies.atom (and under /en/), made by
  dom_site.site_data from the registry, the cite bars and the unit histories
  that citations.py made in this build (dom_site.build_state).
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import citations
import editions
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from dom_site import build_state, site_data
from dom_site import citation_registry as reg
from dom_site.languages import build_language as language

_registry: reg.Registry | None = None
_pages_with_units: set[str] = set()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _registry, _pages_with_units
    _registry = reg.load_registry(Path(config.config_file_path).parent / "registry" / "ids.yml")
    _pages_with_units = {str(e.get("page")) for e in _registry.ids.values() if e.get("status") == "active"}
    return config


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    lang = language(config)
    if not page.url.endswith("/") and page.url != "":
        return context  # 404 pages are served at any address: no relative links
    if not citations.frozen_live_url():  # a frozen edition writes no feed of its own
        context["data_links"] = site_data.head_links(lang, page.url)
    source = page.file.src_uri.replace(".en.md", ".md")
    if _registry is not None and source in _pages_with_units:
        release, _ = citations.cited_release(_registry)
        context["citation_meta"] = site_data.citation_meta(page.title or "", lang, page.canonical_url or "", release)
    return context


def on_post_build(config: MkDocsConfig) -> None:
    if _registry is None or citations.frozen_live_url():
        return
    lang = language(config)
    site = Path(config.site_dir)
    site_url = (config.site_url or "").rstrip("/") + "/"
    cited = build_state.cited[lang]
    data = site_data.units_data(_registry, build_state.histories.get(lang, {}), lang, site_url,
                                {anchor: c.title for anchor, c in cited.items()}, set(cited))
    units = site / site_data.data_path(lang, site_data.UNITS_FILE)
    units.parent.mkdir(parents=True, exist_ok=True)
    units.write_text(site_data.units_json(data), encoding="utf-8")
    changes = [site_data.ReleaseChanges(release, added, changed, retired)
               for release, added, changed, retired in editions.changes(_registry)]
    feed = site / site_data.data_path(lang, site_data.FEED_FILE)
    feed.write_text(site_data.atom_feed(changes, lang, site_url, date.today()), encoding="utf-8")
