"""MkDocs plugin `dom-talen`: what mkdocs-static-i18n leaves wrong in a two-language site.

    plugins:
      - i18n: ...                          # the languages: one list, static-i18n's own
      - dom-talen:
          search_index: search/search_index.json   # where Material writes it (the default)
          untranslated:                     # per build language: the notice on a fallback page
            en: {title: Not translated yet, text: This page has not been translated ...}
          parallel: true                    # English beside Dutch on a second core (the default)

static-i18n runs MkDocs' whole build once per language (Dutch first, at the root;
then English, under /en/) into the same folder, with this one plugin instance; with
`parallel` the English build runs in a forked copy of it, into a folder of its own.
What it does, each said in full at its method:

- one search index per language (`search/` and `en/search/`), not one for both;
- a page not translated yet: a notice in the build's language above its text,
  which is marked `lang="nl"`; and it stays out of the other language's search index;
- the extension labels (permalink, footnote back-link) and the search dialog's
  name in the page's language;
- `404.html` at the root in Dutch (GitHub Pages serves only that one), the English
  one under `en/`; their language links go to each language's home;
- mkdocs-redirects' old addresses under `en/` too;
- the other languages built beside the default one on a second core, not after it
  (`parallel`, dom_site.side_by_side), with the same files as a result.

Which languages there are, and which one sits at the root, is read from
static-i18n's `languages` (one list, not a second copy here that could disagree);
the language of the build running now from `dom_site.languages.build_language`.
"""
from __future__ import annotations

import json
import logging
import secrets
import shutil
import sys
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext
from mkdocs_redirects.plugin import get_html_path, get_relative_html_path, write_html  # type: ignore[import-untyped]

from dom_site import build_log, github, side_by_side
from dom_site.languages import build_language, language_prefix, source_language
from dom_site.messages import Problem
from dom_site.plugins import setting_line

I18N = "i18n"  # static-i18n's plugin name
REDIRECTS = "redirects"  # mkdocs-redirects' plugin name
COPY_FOLDER = ".dom-talen-"  # where the other languages are built beside the default one

# --- Which languages ---------------------------------------------------------------


def default_language(config: MkDocsConfig) -> str:
    """The language at the site root: static-i18n's `default: true` one (Dutch without the plugin)."""
    i18n = config.plugins.get(I18N)
    if i18n is not None:
        for lang in i18n.config.languages:
            if lang.default:
                return str(lang.locale)
    return "nl"


def site_languages(config: MkDocsConfig) -> list[str]:
    """Every language static-i18n builds (just the current one without the plugin)."""
    i18n = config.plugins.get(I18N)
    if i18n is None:
        return [build_language(config)]
    return [str(lang.locale) for lang in i18n.config.languages if lang.build]


# --- Pages not translated yet ------------------------------------------------------


def is_untranslated(page: Page, config: MkDocsConfig) -> bool:
    """True when this build shows a page from another language (static-i18n's fallback page).

    With `fallback_to_default: true` static-i18n builds the Dutch `x.md` under
    `/en/x/` when `x.en.md` does not exist; `<html lang="en">` then holds Dutch text.
    """
    build = build_language(config)
    return source_language(page, build) != build


def wrap(page_html: str, text_language: str, title: str, text: str) -> str:
    """The notice (in the build's language) above the text, which is marked as text_language.

    The notice stays outside the `lang` div: it is in the page's own language.
    """
    notice = (
        '<div class="admonition info untranslated" role="note">'
        f'<p class="admonition-title">{escape(title)}</p><p>{escape(text)}</p></div>'
    )
    return f'{notice}\n<div lang="{escape(text_language)}">\n{page_html}\n</div>'


# --- Labels in the page's language -------------------------------------------------

# What an extension writes in English for the whole site, and the same in Dutch and
# in English (the toc permalink title, the footnote back-link title): mkdocs.yml sets
# them once, but the site is built once per language.
LABELS: tuple[tuple[str, str, str], ...] = (
    ('title="Permanent link"', 'title="Vaste link naar dit deel"', 'title="Permanent link to this section"'),
    ('title="Jump back to footnote', 'title="Terug naar voetnoot', 'title="Jump back to footnote'),
    (' in the text"', ' in de tekst"', ' in the text"'),
)


def relabel(page_html: str, language: str) -> str:
    for written, dutch, english in LABELS:
        page_html = page_html.replace(written, english if language == "en" else dutch)
    return page_html


# Material's search box is a role="dialog" without a name; screen readers and
# Lighthouse (aria-dialog-name) need one.
DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
DIALOG_NAME = {"nl": "Zoeken", "en": "Search"}


def name_dialog(output: str, language: str) -> str:
    return output.replace(DIALOG, DIALOG[:-1] + f' aria-label="{DIALOG_NAME[language]}">', 1)


# --- Search index per language -----------------------------------------------------


def split_index(data: dict[str, Any], language: str, languages: list[str], default: str = "nl") -> dict[str, Any]:
    """The index of one language, with locations relative to that language's folder.

    Entries of other languages are dropped (a safeguard: Material's file holds only
    the language just built), and lunr gets only this language, so it uses this
    language's stemmer and stop words.
    """
    prefix = language_prefix(language, default)
    others = tuple(language_prefix(lang, default) for lang in languages if lang not in (language, default))
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


# --- 404 pages' language links -----------------------------------------------------


def root_alternates(config: MkDocsConfig) -> list[dict[str, str]] | None:
    """Each built language's home, absolute like every link on an error page."""
    i18n = config.plugins.get(I18N)
    if i18n is None:
        return None
    base = urlsplit(config.site_url or "/").path.rstrip("/")
    return [
        {"name": lang.name, "link": lang.fixed_link or f"{base}{lang.link}", "lang": lang.locale}
        for lang in i18n.config.languages
        if lang.build
    ]


# --- The plugin --------------------------------------------------------------------


class LanguagesConfig(Config):
    # Where Material's search plugin writes its index, relative to the site folder;
    # each language gets its own at the same place under its folder (en/search/...).
    search_index = c.Type(str, default="search/search_index.json")
    # Per build language: the notice above a page that is not translated into it
    # yet. static-i18n only falls back to the default language, so only the other
    # languages need one; a language without an entry gets the first entry.
    untranslated = c.DictOfItems(c.DictOfItems(c.Type(str)), default={
        "en": {"title": "Not translated yet",
               "text": "This page has not been translated into English yet. Below is the Dutch text."},
    })
    # Build the other languages beside the default one (a forked copy of the build, on
    # a second core) instead of after it, where that is safe (dom_site.side_by_side.possible:
    # not in a `mkdocs serve` rebuild, which runs beside the server's threads); the files
    # are the same either way. No on_startup or on_shutdown here on purpose: with either,
    # MkDocs keeps one instance for every build in the process, and a copy would start
    # with the last build's 404 page.
    parallel = c.Type(bool, default=True)


class LanguagesPlugin(BasePlugin[LanguagesConfig]):
    def __init__(self) -> None:
        # The default language's 404 page and search index, kept from its build
        # (static-i18n builds the other languages after it, into the same folder).
        self.default_404: bytes | None = None
        self.default_index: bytes | None = None
        # The copy building the other languages, while the default language builds here.
        self.others: side_by_side.Copy | None = None
        self.joined = False  # their files are in: static-i18n's loop is skipped this once
        self.said: Path | None = None  # where the copy leaves its warnings (dom_site.build_log.deferred_to)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        for language, notice in self.config.untranslated.items():
            missing = [key for key in ("title", "text") if not notice.get(key)]
            if missing:
                raise_config_problem(config, language, missing)
        return config

    # After every plugin's on_nav (static-i18n's is at -100): the copy starts with all this
    # build has read and checked (the rules, both languages' files, this language's
    # menu and pages, which static-i18n's sitemap lists in the other language's build),
    # before any page is converted.
    @event_priority(-150)
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        i18n = config.plugins.get(I18N)
        default = default_language(config)
        others = [lang for lang in site_languages(config) if lang != default]
        if (not self.config.parallel or i18n is None or not others or i18n.building
                or build_language(config) != default or not side_by_side.possible()):
            return nav
        # Inside the site folder. MkDocs' cleaning leaves names with a dot alone, so a folder
        # left by a build that was killed before it merged is removed here.
        site = Path(config.site_dir)
        for left in site.glob(f"{COPY_FOLDER}*"):
            if left.is_dir() and not left.is_symlink():
                shutil.rmtree(left, ignore_errors=True)
            else:
                left.unlink(missing_ok=True)
        folder = site / f"{COPY_FOLDER}{secrets.token_hex(4)}"
        folder.mkdir(parents=True)
        said = folder.with_name(f"{folder.name}.warnings.json")  # beside it: the sweep above takes a leftover
        self.said = said

        def build_others() -> None:
            # What static-i18n's own loop does for each language, with the very function it calls.
            from mkdocs import utils
            from mkdocs_static_i18n.plugin import build  # type: ignore[import-untyped]
            from mkdocs_static_i18n.utils import I18nLoggingFilter  # type: ignore[import-untyped]

            quiet = I18nLoggingFilter()  # no second "Documentation built in …"
            quiet.filtered_prefixes.update({"Documentation built in", "Building documentation to directory",
                                            "Cleaning site directory"})
            logging.getLogger(build.__module__).addFilter(quiet)  # mkdocs.… or properdocs.…

            def keep(directory: str) -> None:
                """The next language must not empty the folder (static-i18n's loop does the same)."""

            utils.clean_directory = keep
            i18n.building = True  # static-i18n's own loop must not start in the copy
            config["site_dir"] = str(folder)
            dirty = "--dirty" in sys.argv or "--dirtyreload" in sys.argv
            # Its warnings are said by this build, after its own and only those it did not say.
            with build_log.deferred_to(said):
                for language in others:
                    i18n.current_language = language
                    build(config, dirty=dirty)

        # The pull request's summary list is appended to like the output is printed: after the join.
        problems = github.problems_file()
        self.others = side_by_side.start(build_others, folder,
                                         appended={"DOM_SITE_PROBLEMS": problems} if problems else None)
        return nav

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """A page not translated yet shows Dutch text under /en/: keep it out of the English index."""
        if is_untranslated(page, config):
            page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
        return markdown

    # After every other plugin and hook changed the page (at 0): the labels are
    # replaced wherever they were written, and the notice and the lang="nl" div wrap
    # the finished content (status line, version line and cite buttons included).
    @event_priority(-10)
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        build = build_language(config)
        html = relabel(html, build)
        if not is_untranslated(page, config):
            return html
        notices = self.config.untranslated
        notice = notices.get(build) or next(iter(notices.values()), None)
        if notice is None:
            return html
        return wrap(html, source_language(page, build), notice["title"], notice["text"])

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        return name_dialog(output, build_language(config))

    def on_template_context(
        self, context: TemplateContext, *, template_name: str, config: MkDocsConfig
    ) -> TemplateContext:
        """The 404 page's language menu and hreflang alternates point to each language's home.

        static-i18n points the language links (`config.extra.alternate`) of every
        page at the same page in the other languages, and leaves them as the last
        page set them. The 404 page is rendered after all pages, so its menu would
        lead to whatever page was built last; a missing page has no counterpart.
        """
        if template_name != "404.html":
            return context
        roots = root_alternates(config)
        if roots:
            # static-i18n sets both the item and, per page, an attribute of the same
            # name, which is what the template reads (Jinja tries attributes first).
            config.extra["alternate"] = roots
            config.extra.alternate = roots  # type: ignore[attr-defined]
        return context

    # --- After each language's build ---------------------------------------------
    # static-i18n's on_post_build (-100) of the default language's build runs the
    # other languages' builds, each with all its events, and then merges every
    # language's search entries into the root index. So, per build:
    #   0     404 page and redirects of the language just built;
    #   -50   its search index, after Material wrote it (0), before the next language;
    #   -200  after static-i18n's merge: the default language's index back at the root.

    def _on_post_build_404_and_redirects(self, *, config: MkDocsConfig) -> None:
        self._keep_404_per_language(config)
        self._redirects_per_language(config)

    def _keep_404_per_language(self, config: MkDocsConfig) -> None:
        """The default language's 404 page at the root, every other one under its folder.

        Every build writes `404.html` at the root, so the last language's one would
        stay. GitHub Pages serves only the root one, so it must be the default
        language's (it links to the other languages).
        """
        page = Path(config.site_dir) / "404.html"
        if not page.exists():
            return
        language, default = build_language(config), default_language(config)
        if language == default:
            self.default_404 = page.read_bytes()
            return
        target = Path(config.site_dir) / language / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(page.read_bytes())
        if self.default_404 is not None:
            page.write_bytes(self.default_404)
        else:  # built beside the default language, whose 404 is at the root of the site itself
            page.unlink()

    def _redirects_per_language(self, config: MkDocsConfig) -> None:
        """Old addresses of renamed pages keep working under /en/ too.

        mkdocs-redirects writes its redirect_maps only at the site root. For every
        other language the same redirects go under that language's folder, with the
        plugin's own functions, so both languages follow one list:
        `redirects.redirect_maps` in mkdocs.yml.
        """
        language = build_language(config)
        plugin = config.plugins.get(REDIRECTS)
        if language == default_language(config) or plugin is None:
            return
        for old, new in plugin.config.get("redirect_maps", {}).items():
            if str(new).lower().startswith(("http://", "https://")):
                continue
            target, _, fragment = str(new).partition("#")
            url = get_html_path(target, True)[: -len("index.html")]
            relative = get_relative_html_path(old, url + (f"#{fragment}" if fragment else ""), True)
            # get_relative_html_path adds a trailing slash after a directory URL; keep exactly one.
            write_html(str(Path(config.site_dir) / language), get_html_path(old, True), relative.replace("//", "/"))

    @event_priority(-50)
    def _on_post_build_search_index(self, *, config: MkDocsConfig) -> None:
        """One search index per language: Dutch readers search Dutch pages, English readers English ones.

        Material's search plugin writes the index of the language just built to the
        root; static-i18n would later merge every language into that one file (even
        with `reconfigure_search: false`). Here it goes to the language's own folder,
        with lunr set to this language only (`lunr.nl`: Dutch word handling and stop
        words, so "over" or "door" are not dropped as English stop words) and entry
        locations relative to that folder. `overrides/main.html` points Material's
        `base` at `en/` on English pages, so they load `en/search/search_index.json`.

        Word forms: Material turns every search word into a prefix query ("woning"
        -> "woning*"), and lunr skips its stemmer for such queries, so "woning" finds
        "woningen" and "woningbouw". Adding lunr's stemmer to the index would break
        that ("woningen" 41 results -> 0 on this site), so the pipeline stays
        Material's default; tests/test_search_browser.py checks both forms.
        """
        written = Path(config.site_dir) / self.config.search_index
        if not written.exists():  # search plugin disabled
            return
        language, default = build_language(config), default_language(config)
        data = split_index(json.loads(written.read_text(encoding="utf-8")), language, site_languages(config), default)
        target = Path(config.site_dir) / language_prefix(language, default) / self.config.search_index
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(dump(data))
        if language == default:
            self.default_index = target.read_bytes()

    @event_priority(-90)
    def _on_post_build_join(self, *, config: MkDocsConfig) -> None:
        """The other languages built beside this one: into the site, as static-i18n would have.

        Their files go into the site folder as if their builds had run after this one
        (a file of theirs replaces one of the same name, as it would have), and
        static-i18n's loop (-100) is told they are built. A build of theirs that
        stopped stops this one with the same message MkDocs would have ended with.
        """
        if self.others is None:
            return
        others, self.others = self.others, None
        failure = side_by_side.finish(others)  # prints its output; a copy that failed leaves no folder
        if self.said is not None:
            build_log.say_deferred(self.said)
            self.said = None
        if failure is not None:
            raise Abort(failure)
        side_by_side.merge(others.folder, Path(config.site_dir))
        i18n = config.plugins.get(I18N)
        if i18n is not None:
            i18n.building = True  # until -200: static-i18n's loop has nothing left to build
            self.joined = True

    @event_priority(-200)
    def _on_post_build_restore_index(self, *, config: MkDocsConfig) -> None:
        """static-i18n has just merged all languages into the root file: undo that.

        Unconditional on purpose: after the nested English build the theme language
        still says `en` in the outer (Dutch) build, and writing the Dutch index a
        second time in between is harmless.
        """
        if self.default_index is not None:
            (Path(config.site_dir) / self.config.search_index).write_bytes(self.default_index)
        i18n = config.plugins.get(I18N)
        if self.joined and i18n is not None:
            i18n.building = False  # set by _on_post_build_join; static-i18n resets it only after its loop
        self.joined = False

    on_post_build = CombinedEvent(
        _on_post_build_404_and_redirects, _on_post_build_search_index, _on_post_build_join,
        _on_post_build_restore_index)

    def on_build_error(self, *, error: Exception) -> None:
        """This build failed: the copy beside it stops, and what it wrote and said goes
        (one build after the other would never have started it)."""
        if self.others is not None:
            side_by_side.stop(self.others)
            self.others = None
        if self.said is not None:
            self.said.unlink(missing_ok=True)
            self.said = None


def raise_config_problem(config: MkDocsConfig, language: str, missing: list[str]) -> None:
    """The notice of a language lacks its title or text: one message at that language's line."""
    option = f"untranslated.{language}"
    fields = ", ".join(missing)
    raise PluginError(str(Problem(
        *setting_line(config, "dom-talen", "untranslated", language), f"dom-talen: bij '{option}' ontbreekt {fields}",
        "geef elke taal onder untranslated een title en een text",
        f"dom-talen: '{option}' lacks {fields}", "give each language under untranslated a title and a text")))
