"""Citable sections: refuse broken citations, show each unit's ID with a cite button, write short links.

- on_files (once per `mkdocs build`): check every ID in both languages against
  registry/ids.yml (see citation_registry.py); any problem stops the build.
- on_page_content: after each citable heading, show its ID ("R-4") and a real
  <button> that copies a full citation with Material's clipboard integration
  (data-clipboard-text) and toast. The citation is in the page's language.
  A small script (assets/javascripts/cite.js) fills in the reader's date.
- on_post_build: write /c/<id>/ (and /en/c/<id>/), a redirect to the unit's
  current page and anchor; a retired ID gets a note that names its replacement.
"""
from __future__ import annotations

import html
import os
import re
from datetime import date
from pathlib import Path
from typing import Any

import citation_registry as reg
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from dom_site.languages import build_language as language

REGISTRY = Path("registry") / "ids.yml"
CITABLE_HEADING = re.compile(r'<(h[2-4]) id="(?P<id>[a-z]-[1-9][0-9]*)"(?P<attrs>[^>]*)>(?P<inner>.*?)</\1>', re.S)

TEXT: dict[str, dict[str, str]] = {
    "nl": {"cite": "Citeer", "aria": "Citeer {id}: {title}", "section": "§", "version": "versie",
           "accessed": "geraadpleegd op {datum}", "org": "Dorpenoverleg Midden-Drenthe (DOM)",
           "moved": "Dit onderdeel staat nu op een andere plek.", "go": "Ga naar {id}",
           "retired": "{id} is ingetrokken.", "replaced": "Het is vervangen door {new}.",
           "retired_title": "{id} is ingetrokken", "short": "Korte link naar {id}"},
    "en": {"cite": "Cite", "aria": "Cite {id}: {title}", "section": "§", "version": "version",
           "accessed": "accessed {datum}", "org": "Dorpenoverleg Midden-Drenthe (DOM)",
           "moved": "This section has moved.", "go": "Go to {id}",
           "retired": "{id} has been retired.", "replaced": "It was replaced by {new}.",
           "retired_title": "{id} has been retired", "short": "Short link to {id}"},
}
MONTHS = {"nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
                 "september", "oktober", "november", "december"],
          "en": ["January", "February", "March", "April", "May", "June", "July", "August",
                 "September", "October", "November", "December"]}




def long_date(value: date, lang: str) -> str:
    return f"{value.day} {MONTHS[lang][value.month - 1]} {value.year}"


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


def citation(lang: str, document: str, release: dict[str, Any] | None, live: bool, number: int, title: str,
             anchor: str, url: str) -> str:
    t = TEXT[lang]
    version = ""
    if release is not None:
        released = release["date"] if isinstance(release["date"], date) else date.fromisoformat(str(release["date"]))
        version = f"{t['version']} {release['version']} ({long_date(released, lang)}), "
    accessed = f" ({t['accessed']})" if live else ""
    return (f"{t['org']}, \"{document}\", {version}"
            f"{t['section']} {number} \"{title}\", {anchor.upper()}. {url}{accessed}")


def short_url(site_url: str, lang: str, anchor: str) -> str:
    return f"{site_url.rstrip('/')}/{'en/' if lang == 'en' else ''}c/{anchor}/"


def render(page_html: str, lang: str, registry: reg.Registry, site_url: str) -> str:
    """Add the visible ID and the cite button after every citable heading."""
    counter = 0

    def add(match: re.Match[str]) -> str:
        nonlocal counter
        anchor = match["id"]
        if anchor not in registry.ids or anchor[0] not in registry.documents:
            return match.group(0)
        counter += 1
        title = plain(match["inner"])
        release, live = cited_release(registry)
        text = citation(lang, registry.documents[anchor[0]][lang], release, live, counter, title,
                        anchor, short_url(site_url, lang, anchor))
        label = TEXT[lang]["aria"].format(id=anchor.upper(), title=title)
        tag = match.group(1)
        return (f'<{tag} id="{anchor}"{match["attrs"]}><span class="cite-number">{counter}.</span> {match["inner"]}</{tag}>'
                f'<p class="cite-bar"><span class="cite-id" title="ID">{anchor.upper()}</span> '
                f'<button type="button" class="md-button cite-button" data-clipboard-text="{html.escape(text)}" '
                f'aria-label="{html.escape(label)}">{TEXT[lang]["cite"]}</button></p>')

    return CITABLE_HEADING.sub(add, page_html)


_registry: reg.Registry | None = None


def on_files(files: Files, config: MkDocsConfig) -> Files:
    global _registry
    root = Path(config.config_file_path).parent
    _registry = reg.load_registry(root / REGISTRY)
    if language(config) == "nl":  # the check covers both languages at once
        found = reg.problems(Path(config.docs_dir), _registry)
        if found:
            lines = [str(problem) for problem in found]
            raise PluginError("Citeerbare ID's kloppen niet (citable IDs are broken):\n" + "\n".join(lines))
    return files


def on_page_content(page_html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    assert _registry is not None
    return render(page_html, language(config), _registry, config.site_url or "")


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
            f'<p>{t["retired"].format(id=anchor.upper())}{link}</p></div></main></body></html>\n')


def page_url(page: str) -> str:
    """docs-relative Dutch page path to its directory URL: reactie/index.md -> reactie/."""
    stem = page[: -len(".md")]
    return "" if stem == "index" else (stem[: -len("index")] if stem.endswith("/index") else stem + "/")


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
