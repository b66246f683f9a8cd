"""One search index per language: Dutch readers search Dutch pages, English readers English ones.

Material's search plugin writes `search/search_index.json` after each build, and
mkdocs-static-i18n builds Dutch first and English second into the same site
directory; it then merges both languages into that one file (even with
`reconfigure_search: false`). A Dutch reader would get English results and every
reader would download both languages.

This hook splits it again, with one mechanism for every language:

- right after Material wrote the index of the language just built (priority -50,
  before static-i18n at -100 starts the next language), it reads that file, sets
  lunr's language to this language only (`lunr.nl`: Dutch word handling and stop
  words, so "over" or "door" are not thrown away as English stop words) and
  writes it to the language's own folder: `search/` for Dutch, `en/search/` for
  English. Entry locations become relative to that folder.
- pages that are not translated yet (Dutch text under /en/) stay out of the
  English index, so an English search returns English text only.
- after static-i18n has merged everything into the root file (priority -200 of
  the Dutch build, which runs last), it puts the Dutch index back.

Word forms: Material turns every search word into a prefix query ("woning" ->
"woning*"), and lunr skips its stemmer for such queries. So "woning" finds
"woningen" and "woningbouw", "dorp" finds "dorpen" and "dorpsbelangen". Adding
lunr's stemmer to the index (`pipeline: [stemmer]`) would break that: the index
would hold "woning" for "woningen" and the query "woningen*" would find nothing
(measured on this site: "woningen" 41 results -> 0, "bouwen" 13 -> 0). So the
pipeline stays Material's default; tests/test_search_browser.py checks both
the short and the long forms.

Material's JavaScript loads `search/search_index.json` relative to `base` in the
`__config` block; `overrides/main.html` makes that `en/` on English pages. The
lunr language files (`lunr.nl.min.js`, stemmer support) come with Material and are
served from this site's own `assets/javascripts/lunr/`, never from a CDN.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from untranslated import is_untranslated

DEFAULT_LANGUAGE = "nl"
INDEX = Path("search") / "search_index.json"

_default_index: bytes | None = None


def current_language(config: MkDocsConfig) -> str:
    """static-i18n sets the theme language for each build it runs."""
    return str(config.theme.get("language") or DEFAULT_LANGUAGE)


def language_prefix(language: str) -> str:
    """The folder a language lives in: '' for Dutch at the root, 'en/' for English."""
    return "" if language == DEFAULT_LANGUAGE else f"{language}/"


def index_path(site_dir: str | Path, language: str) -> Path:
    return Path(site_dir) / language_prefix(language) / INDEX


def site_languages(config: MkDocsConfig) -> list[str]:
    """Every language static-i18n builds (just the current one without the plugin)."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return [current_language(config)]
    return [lang.locale for lang in i18n.config.languages if lang.build]


def split_index(data: dict[str, Any], language: str, languages: list[str]) -> dict[str, Any]:
    """The index of one language, with locations relative to that language's folder.

    Entries of other languages are dropped (a safeguard: Material's file holds only
    the language just built), and lunr gets only this language, so it uses this
    language's stemmer and stop words.
    """
    prefix = language_prefix(language)
    others = tuple(language_prefix(lang) for lang in languages if lang not in (language, DEFAULT_LANGUAGE))
    docs: list[dict[str, Any]] = []
    for entry in data.get("docs", []):
        location = str(entry.get("location", ""))
        if prefix:
            if not location.startswith(prefix):
                continue
            location = location[len(prefix):]
        elif others and location.startswith(others):
            continue
        docs.append({**entry, "location": location})
    return {"config": {**data.get("config", {}), "lang": [language]}, "docs": docs}


def dump(data: dict[str, Any]) -> bytes:
    """Compact JSON, as Material writes it (the index is downloaded by every searcher)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """A page not translated yet shows Dutch text under /en/: keep it out of the English index."""
    if is_untranslated(page, config):
        page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
    return markdown


@event_priority(-50)
def _write_language_index(config: MkDocsConfig) -> None:
    global _default_index
    written = Path(config.site_dir) / INDEX
    if not written.exists():  # search plugin disabled
        return
    language = current_language(config)
    data = split_index(json.loads(written.read_text(encoding="utf-8")), language, site_languages(config))
    target = index_path(config.site_dir, language)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(dump(data))
    if language == DEFAULT_LANGUAGE:
        _default_index = target.read_bytes()


@event_priority(-200)
def _restore_default_index(config: MkDocsConfig) -> None:
    """static-i18n has just merged all languages into the root file: undo that.

    Unconditional on purpose: after the nested English build the theme language
    still says `en` in the outer (Dutch) build, and writing the Dutch index a
    second time in between is harmless.
    """
    if _default_index is not None:
        (Path(config.site_dir) / INDEX).write_bytes(_default_index)


on_post_build = CombinedEvent(_write_language_index, _restore_default_index)
