"""Citable sections: refuse broken citations, show each unit's ID with a cite button, write short links.

- on_files (once per `mkdocs build`): check every ID in both languages against
  registry/ids.yml (see dom_site/citation_registry.py); any problem stops the build.
- on_page_content: after each citable heading, show its ID ("R-4") and a real
  <button> that copies a full citation with Material's clipboard integration
  (data-clipboard-text) and toast. The citation is in the page's language.
  A small script (assets/javascripts/cite.js) fills in the reader's date.
  Next to the button: the citation as BibTeX, RIS and CSL-JSON files, and a
  link to the unit's history.
- on_post_build: write /c/<id>/ (and /en/c/<id>/), a redirect to the unit's
  current page and anchor; a retired ID gets a note that names its replacement.
  Beside it the citation files (/c/<id>/citeer.bib, .ris, .json) and the history
  page /c/<id>/geschiedenis/: the unit's text in every release, now, and the
  word-level difference (dom_site.unit_history, dom_site.citation_formats).
"""
from __future__ import annotations

import html
import os
import re
from datetime import date
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from dom_site import build_state, citation_formats, unit_history
from dom_site import citation_registry as reg
from dom_site.languages import build_language as language

REGISTRY = Path("registry") / "ids.yml"
CITABLE_HEADING = re.compile(r'<(h[2-4]) id="(?P<id>[a-z]-[1-9][0-9]*)"(?P<attrs>[^>]*)>(?P<inner>.*?)</\1>', re.S)

TEXT: dict[str, dict[str, str]] = {
    "nl": {"cite": "Citeer", "aria": "Citeer {id}: {title}", "section": "§", "version": "versie",
           "accessed": "geraadpleegd op {datum}", "org": "Dorpenoverleg Midden-Drenthe (DOM)",
           "moved": "Dit onderdeel staat nu op een andere plek.", "go": "Ga naar {id}",
           "retired": "{id} is ingetrokken.", "replaced": "Het is vervangen door {new}.",
           "retired_title": "{id} is ingetrokken", "short": "Korte link naar {id}",
           "history": "Geschiedenis", "history_aria": "Geschiedenis van {id}", "file": "{format}-bestand van {id}"},
    "en": {"cite": "Cite", "aria": "Cite {id}: {title}", "section": "§", "version": "version",
           "accessed": "accessed {datum}", "org": "Dorpenoverleg Midden-Drenthe (DOM)",
           "moved": "This section has moved.", "go": "Go to {id}",
           "retired": "{id} has been retired.", "replaced": "It was replaced by {new}.",
           "retired_title": "{id} has been retired", "short": "Short link to {id}",
           "history": "History", "history_aria": "History of {id}", "file": "{format} file of {id}"},
}





def plain(fragment: str) -> str:
    """Heading HTML to plain text (drops the permalink ¶ and tags)."""
    text = re.sub(r'<a class="headerlink".*?</a>', "", fragment, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", text)).strip()


def cited_release(registry: reg.Registry) -> tuple[dict[str, Any] | None, bool]:
    """The release a citation names, and whether this is the live site.

    A frozen edition (built with DOM_EDITION) names itself; the live site names
    the latest release and adds the reader's date of access.
    """
    edition, edition_date = os.environ.get("DOM_EDITION"), os.environ.get("DOM_EDITION_DATE")
    if edition and edition_date:
        return {"version": edition, "date": edition_date}, False
    return (registry.releases[-1] if registry.releases else None), True


def as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def make_citation(lang: str, document: str, release: dict[str, Any] | None, live: bool, number: int, title: str,
                  anchor: str, url: str) -> citation_formats.Citation:
    return citation_formats.Citation(lang, document, number, title, anchor, url,
                                     str(release["version"]) if release is not None else None,
                                     as_date(release["date"]) if release is not None else None, live)


def citation(lang: str, document: str, release: dict[str, Any] | None, live: bool, number: int, title: str,
             anchor: str, url: str) -> str:
    return citation_formats.clipboard(make_citation(lang, document, release, live, number, title, anchor, url))


def short_url(site_url: str, lang: str, anchor: str) -> str:
    return f"{site_url.rstrip('/')}/{'en/' if lang == 'en' else ''}c/{anchor}/"


FORMAT_NAMES = {"bibtex": "BibTeX", "ris": "RIS", "csl_json": "CSL-JSON"}


def frozen_live_url() -> str | None:
    """In a frozen edition: the live site's address (its histories live there, kept up to date)."""
    if os.environ.get("DOM_EDITION") and os.environ.get("DOM_EDITION_DATE"):
        return os.environ.get("DOM_LIVE_URL", "").rstrip("/") + "/"
    return None


def unit_links(lang: str, anchor: str, page: str) -> str:
    """The downloads and the history link of a cite bar; page is the page's site-relative URL."""
    t = TEXT[lang]
    base = "../" * page.count("/") + ("en/" if lang == "en" else "") + f"c/{anchor}/"
    live = frozen_live_url()
    history = f"{live}{'en/' if lang == 'en' else ''}c/{anchor}/geschiedenis/" if live else f"{base}geschiedenis/"
    files = " ".join(
        f'<a href="{base}{name}" download="dom-{anchor}.{name.rpartition(".")[2]}" '
        f'aria-label="{html.escape(t["file"].format(format=FORMAT_NAMES[kind], id=anchor.upper()))}">'
        f'{FORMAT_NAMES[kind]}</a>' for kind, name in citation_formats.FILES.items())
    return (f'<span class="cite-downloads">{files}</span> '
            f'<a class="cite-history" href="{history}" '
            f'aria-label="{html.escape(t["history_aria"].format(id=anchor.upper()))}">{t["history"]}</a>')


def render(page_html: str, lang: str, registry: reg.Registry, site_url: str, page: str = "") -> str:
    """Add the visible ID, the cite button, the downloads and the history link after every citable heading."""
    counter = 0

    def add(match: re.Match[str]) -> str:
        nonlocal counter
        anchor = match["id"]
        if anchor not in registry.ids or anchor[0] not in registry.documents:
            return match.group(0)
        counter += 1
        title = plain(match["inner"])
        release, live = cited_release(registry)
        cited = make_citation(lang, registry.documents[anchor[0]][lang], release, live, counter, title,
                              anchor, short_url(site_url, lang, anchor))
        build_state.cited[lang][anchor] = cited
        text = citation_formats.clipboard(cited)
        label = TEXT[lang]["aria"].format(id=anchor.upper(), title=title)
        tag = match.group(1)
        return (f'<{tag} id="{anchor}"{match["attrs"]}><span class="cite-number">{counter}.</span> {match["inner"]}</{tag}>'
                f'<p class="cite-bar"><span class="cite-id" title="ID">{anchor.upper()}</span> '
                f'<button type="button" class="md-button cite-button" data-clipboard-text="{html.escape(text)}" '
                f'aria-label="{html.escape(label)}">{TEXT[lang]["cite"]}</button> {unit_links(lang, anchor, page)}</p>')

    return CITABLE_HEADING.sub(add, page_html)


_registry: reg.Registry | None = None


def on_files(files: Files, config: MkDocsConfig) -> Files:
    global _registry
    root = Path(config.config_file_path).parent
    _registry = reg.load_registry(root / REGISTRY)
    build_state.cited[language(config)] = {}  # a new build (mkdocs serve rebuilds)
    if language(config) == "nl":  # the check covers both languages at once
        found = reg.problems(Path(config.docs_dir), _registry)
        if found:
            lines = [str(problem) for problem in found]
            raise PluginError("Citeerbare ID's kloppen niet (citable IDs are broken):\n" + "\n".join(lines))
    return files


def on_page_content(page_html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    assert _registry is not None
    return render(page_html, language(config), _registry, config.site_url or "", page.url)


def redirect_page(lang: str, anchor: str, target: str) -> str:
    t = TEXT[lang]
    return (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
            f'<title>{html.escape(t["short"].format(id=anchor.upper()))}</title>'
            f'<meta name="robots" content="noindex"><meta http-equiv="refresh" content="0; url={target}">'
            f'<link rel="canonical" href="{target}"></head><body>'
            f'<p>{t["moved"]} <a href="{target}">{t["go"].format(id=anchor.upper())}</a></p></body></html>\n')


def retired_page(lang: str, anchor: str, replacement: str | None, target: str | None, stylesheet: str) -> str:
    t = TEXT[lang]
    link = ""
    if replacement and target:
        anchor_link = f'<a href="{target}">{replacement.upper()}</a>'
        link = " " + t["replaced"].format(new=anchor_link)
    return (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width,initial-scale=1">'
            f'<title>{html.escape(t["retired_title"].format(id=anchor.upper()))}</title>'
            f'<meta name="robots" content="noindex"><link rel="stylesheet" href="{stylesheet}"></head>'
            f'<body><main class="md-main"><div class="md-content md-typeset" style="padding:1rem">'
            f'<h1>{html.escape(t["retired_title"].format(id=anchor.upper()))}</h1>'
            f'<p>{t["retired"].format(id=anchor.upper())}{link}</p>'
            f'<p><a href="geschiedenis/">{t["history_aria"].format(id=anchor.upper())}</a></p>'
            f'</div></main></body></html>\n')


page_url = unit_history.page_url  # docs-relative Dutch page path to its directory URL: reactie/index.md -> reactie/


def theme_stylesheets(site_dir: Path) -> tuple[str, ...]:
    """Material's stylesheets (names with a hash) and the site's own, site-relative."""
    sheets = Path(site_dir) / "assets" / "stylesheets"
    found = [*sorted(sheets.glob("main.*.min.css")), *sorted(sheets.glob("palette.*.min.css"))]
    return (*(f"assets/stylesheets/{sheet.name}" for sheet in found), "assets/stylesheets/site.css")


def write_unit_files(config: MkDocsConfig, registry: reg.Registry, lang: str) -> None:
    """The citation downloads and the history page of every unit, for one language."""
    site = Path(config.site_dir)
    prefix = "en/" if lang == "en" else ""
    for anchor, cited in build_state.cited[lang].items():
        folder = site / prefix / "c" / anchor
        folder.mkdir(parents=True, exist_ok=True)
        for kind, name in citation_formats.FILES.items():
            (folder / name).write_text(citation_formats.FORMATS[kind](cited), encoding="utf-8", newline="")
    if frozen_live_url():
        return  # a frozen edition links the live histories: its own copy would never learn of later releases
    root = Path(config.config_file_path).parent
    extensions = [e for e in config.markdown_extensions if isinstance(e, str)]
    renderer = unit_history.TextRenderer(extensions, {k: v for k, v in config.mdx_configs.items() if k in extensions})
    found = unit_history.histories(registry, Path(config.docs_dir), lang, unit_history.ReleaseSource(root), renderer)
    build_state.histories[lang] = found
    shell = unit_history.Shell(config.site_name, (config.site_url or "").rstrip("/") + "/", theme_stylesheets(site))
    unit_history.write_histories(site, found, registry.documents, registry.ids, shell)


def on_post_build(config: MkDocsConfig) -> None:
    assert _registry is not None
    lang = language(config)
    out = Path(config.site_dir) / ("en" if lang == "en" else "") / "c"
    # From /c/<id>/ (or /en/c/<id>/) two levels up is the language root.
    up = "../../"
    sheets = sorted((Path(config.site_dir) / "assets" / "stylesheets").glob("main.*.min.css"))
    stylesheet = ("../../../" if lang == "en" else up) + f"assets/stylesheets/{sheets[0].name}" if sheets else ""
    for anchor, entry in _registry.ids.items():
        folder = out / anchor
        folder.mkdir(parents=True, exist_ok=True)
        if entry.get("status") == "active":
            content = redirect_page(lang, anchor, f"{up}{page_url(entry['page'])}#{anchor}")
        else:
            new = entry.get("replaced_by")
            new_entry = _registry.ids.get(new or "", {})
            target = f"{up}{page_url(new_entry['page'])}#{new}" if new and new_entry.get("page") else None
            content = retired_page(lang, anchor, new, target, stylesheet)
        (folder / "index.html").write_text(content, encoding="utf-8")
    write_unit_files(config, _registry, lang)
