"""Citable sections on the page: each unit's ID with a cite button, and its short link.

- render(): after each citable heading, show its ID ("R-4") and a real <button>
  that copies a full citation with Material's clipboard integration
  (data-clipboard-text) and toast. The citation is in the page's language.
  A small script (assets/javascripts/cite.js) fills in the reader's date.
  Next to the button: the citation as BibTeX, RIS and CSL-JSON files, and a
  link to the unit's history.
- redirect_page() / retired_page(): /c/<id>/ (and /en/c/<id>/), a redirect to the
  unit's current page and anchor; a retired ID gets a note that names its replacement.

The `dom-citeren` plugin (dom_site.plugins.citations) calls these during the build.
"""
from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from dom_site import citation_formats
from dom_site import citation_registry as reg
from dom_site.dates import as_date
from dom_site.editions import Edition
from dom_site.html_text import text_of
from dom_site.languages import language_prefix
from dom_site.source import CITABLE_ID_TEXT

_LEVELS = "".join(str(level) for level in reg.CITABLE_LEVELS)
CITABLE_HEADING = re.compile(rf'<(h[{_LEVELS}]) id="(?P<id>{CITABLE_ID_TEXT})"(?P<attrs>[^>]*)>(?P<inner>.*?)</\1>', re.S)
HEADERLINK = re.compile(r'<a class="headerlink".*?</a>', re.S)

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
FORMAT_NAMES = {"bibtex": "BibTeX", "ris": "RIS", "csl_json": "CSL-JSON"}


def plain(fragment: str) -> str:
    """Heading HTML to plain text (drops the permalink ¶ and tags)."""
    return text_of(HEADERLINK.sub("", fragment))


def cited_release(registry: reg.Registry, edition: Edition | None) -> tuple[dict[str, Any] | None, bool]:
    """The release a citation names, and whether this is the live site.

    A frozen edition names itself; the live site names the latest release and
    adds the reader's date of access.
    """
    if edition is not None:
        return edition.release, False
    return (registry.releases[-1] if registry.releases else None), True


def make_citation(lang: str, document: str, release: dict[str, Any] | None, live: bool, number: int, title: str,
                  anchor: str, url: str) -> citation_formats.Citation:
    return citation_formats.Citation(lang, document, number, title, anchor, url,
                                     str(release["version"]) if release is not None else None,
                                     as_date(release["date"]) if release is not None else None, live)


def short_url(site_url: str, lang: str, anchor: str) -> str:
    return f"{site_url.rstrip('/')}/{language_prefix(lang)}c/{anchor}/"


# The cite bar's buttons and links are the same words under every heading ("Cite BibTeX RIS
# CSL-JSON History"): Material's search leaves out an element with this attribute, so a
# section's search result starts with its ID and its own text instead.
NOT_SEARCHED = "data-search-exclude"


def unit_links(lang: str, anchor: str, page: str, edition: Edition | None = None) -> str:
    """The downloads and the history link of a cite bar; page is the page's site-relative URL.

    A frozen edition links the live site's history (kept up to date with later releases).
    """
    t = TEXT[lang]
    base = "../" * page.count("/") + language_prefix(lang) + f"c/{anchor}/"
    history = (f"{edition.live_url}{language_prefix(lang)}c/{anchor}/geschiedenis/" if edition is not None
               else f"{base}geschiedenis/")
    files = " ".join(
        f'<a href="{base}{name}" download="dom-{anchor}.{name.rpartition(".")[2]}" '
        f'aria-label="{html.escape(t["file"].format(format=FORMAT_NAMES[kind], id=anchor.upper()))}">'
        f'{FORMAT_NAMES[kind]}</a>' for kind, name in citation_formats.FILES.items())
    return (f'<span class="cite-downloads" {NOT_SEARCHED}>{files}</span> '
            f'<a class="cite-history" href="{history}" {NOT_SEARCHED} '
            f'aria-label="{html.escape(t["history_aria"].format(id=anchor.upper()))}">{t["history"]}</a>')


def render(page_html: str, lang: str, registry: reg.Registry, site_url: str, page: str = "",
           edition: Edition | None = None, cited: dict[str, citation_formats.Citation] | None = None) -> str:
    """Add the visible ID, the cite button, the downloads and the history link after every citable heading.

    cited, when given, receives each unit's citation by ID (its download files say the same).
    """
    counter = 0
    release, live = cited_release(registry, edition)

    def add(match: re.Match[str]) -> str:
        nonlocal counter
        anchor = match["id"]
        if anchor not in registry.ids or anchor[0] not in registry.documents:
            return match.group(0)
        counter += 1
        title = plain(match["inner"])
        citation = make_citation(lang, registry.documents[anchor[0]][lang], release, live, counter, title,
                                 anchor, short_url(site_url, lang, anchor))
        if cited is not None:
            cited[anchor] = citation
        text = citation_formats.clipboard(citation)
        label = TEXT[lang]["aria"].format(id=anchor.upper(), title=title)
        tag = match.group(1)
        return (f'<{tag} id="{anchor}"{match["attrs"]}><span class="cite-number">{counter}.</span> {match["inner"]}</{tag}>'
                f'<p class="cite-bar"><span class="cite-id" title="ID">{anchor.upper()}</span> '
                f'<button type="button" class="md-button cite-button" {NOT_SEARCHED} '
                f'data-clipboard-text="{html.escape(text)}" '
                f'aria-label="{html.escape(label)}">{TEXT[lang]["cite"]}</button> '
                f'{unit_links(lang, anchor, page, edition)}</p>')

    return CITABLE_HEADING.sub(add, page_html)


def redirect_page(lang: str, anchor: str, target: str) -> str:
    t = TEXT[lang]
    return (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
            f'<title>{html.escape(t["short"].format(id=anchor.upper()))}</title>'
            f'<meta name="robots" content="noindex"><meta http-equiv="refresh" content="0; url={target}">'
            f'<link rel="canonical" href="{target}"></head><body>'
            f'<p>{t["moved"]} <a href="{target}">{t["go"].format(id=anchor.upper())}</a></p></body></html>\n')


def retired_page(lang: str, anchor: str, replacement: str | None, target: str | None, stylesheet: str) -> str:
    """The page a retired ID's short link shows, in one language, with its twin in the other (hreflang:
    both exist, as /c/<id>/ and /en/c/<id>/)."""
    t = TEXT[lang]
    # From /c/<id>/ the English twin is ../../en/c/<id>/; from /en/c/<id>/ the Dutch one is ../../../c/<id>/.
    other, there = ("en", f"../../en/c/{anchor}/") if lang == "nl" else ("nl", f"../../../c/{anchor}/")
    twins = {lang: f"../{anchor}/", other: there}
    alternates = "".join(f'<link rel="alternate" hreflang="{code}" href="{href}">' for code, href in sorted(twins.items()))
    link = ""
    if replacement and target:
        anchor_link = f'<a href="{target}">{replacement.upper()}</a>'
        link = " " + t["replaced"].format(new=anchor_link)
    return (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width,initial-scale=1">'
            f'<title>{html.escape(t["retired_title"].format(id=anchor.upper()))}</title>'
            f'<meta name="robots" content="noindex">{alternates}<link rel="stylesheet" href="{stylesheet}"></head>'
            f'<body><main class="md-main"><div class="md-content md-typeset" style="padding:1rem">'
            f'<h1>{html.escape(t["retired_title"].format(id=anchor.upper()))}</h1>'
            f'<p>{t["retired"].format(id=anchor.upper())}{link}</p>'
            f'<p><a href="geschiedenis/">{t["history_aria"].format(id=anchor.upper())}</a></p>'
            f'</div></main></body></html>\n')


def theme_stylesheets(site_dir: Path) -> tuple[str, ...]:
    """Material's stylesheets (names with a hash) and the site's own, site-relative."""
    sheets = Path(site_dir) / "assets" / "stylesheets"
    found = [*sorted(sheets.glob("main.*.min.css")), *sorted(sheets.glob("palette.*.min.css"))]
    return (*(f"assets/stylesheets/{sheet.name}" for sheet in found), "assets/stylesheets/site.css")
