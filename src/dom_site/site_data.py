"""Data for others: every unit as JSON, an Atom feed of the releases, and citation_* meta tags.

Written per language into the built site next to the short links:
/c/onderdelen.json and /c/versies.atom (Dutch), /en/c/onderdelen.json and
/en/c/versies.atom (English). schemas/onderdelen.schema.json describes the JSON.
"""
from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from dom_site.citation_formats import FILES, ORGANISATION
from dom_site.dates import as_date, long_date
from dom_site.languages import language_prefix
from dom_site.unit_history import History, RegistryLike, history_path, page_url

UNITS_FILE = "onderdelen.json"
FEED_FILE = "versies.atom"
TEXT = {
    "nl": {"feed": "Versies van de citeerbare teksten — DOM", "entry": "Versie {v} — {d}",
           "added": "Nieuw", "changed": "Gewijzigd", "retired": "Ingetrokken", "none": "geen",
           "history": "geschiedenis", "units": "Alle citeerbare onderdelen (JSON)",
           "feed_link": "Nieuwe versies (Atom-feed)"},
    "en": {"feed": "Versions of the citable texts — DOM", "entry": "Version {v} — {d}",
           "added": "Added", "changed": "Changed", "retired": "Retired", "none": "none",
           "history": "history", "units": "All citable sections (JSON)",
           "feed_link": "New versions (Atom feed)"},
}


@dataclass(frozen=True)
class ReleaseChanges:
    release: Mapping[str, Any]
    added: Sequence[str]
    changed: Sequence[str]
    retired: Sequence[str]


def language_root(site_url: str, lang: str) -> str:
    return site_url.rstrip("/") + "/" + language_prefix(lang)


def data_path(lang: str, name: str) -> str:
    """Site-relative path of a data file: c/onderdelen.json, en/c/versies.atom."""
    return f"{language_prefix(lang)}c/{name}"


def units_data(registry: RegistryLike, found: Mapping[str, History], lang: str, site_url: str,
               titles: Mapping[str, str], downloads: set[str]) -> dict[str, Any]:
    """Every unit of the registry, in one language (see schemas/onderdelen.schema.json).

    titles: the unit's title as the page shows it (the cite bar's), by ID;
    downloads: the IDs whose citation files were written.
    """
    root = language_root(site_url, lang)
    site = site_url.rstrip("/") + "/"
    units = []
    for anchor, entry in registry.ids.items():
        history = found.get(anchor)
        active = entry.get("status") == "active"
        short = f"{root}c/{anchor}/"
        unit: dict[str, Any] = {
            "id": anchor,
            "label": anchor.upper(),
            "document": {"letter": anchor[0], "title": registry.documents.get(anchor[0], {}).get(lang, "")},
            "title": titles.get(anchor) or (history.title if history else anchor.upper()),
            "titles": {r.version: r.blocks[0].text for r in (history.releases if history else [])
                       if r.blocks and r.blocks[0].kind == "heading"},
            "page_url": f"{root}{page_url(str(entry.get('page')))}#{anchor}" if active else None,
            "short_link": short,
            "history_url": site + history_path(lang, anchor),
            "status": str(entry.get("status")),
            "since": str(entry.get("since")),
            "replaced_by": entry.get("replaced_by") or None,
            "checksums": {str(k): str(v) for k, v in (entry.get("checksums") or {}).items()},
        }
        if anchor in downloads:
            unit["downloads"] = {kind: short + name for kind, name in FILES.items()}
        units.append(unit)
    releases = [{"version": str(r["version"]), "date": as_date(r["date"]).isoformat(),
                 "edition_url": f"{site}versies/{r['version']}/{language_prefix(lang)}"}
                for r in registry.releases]
    return {"language": lang, "organisation": ORGANISATION, "site_url": root,
            "feed_url": site + data_path(lang, FEED_FILE), "releases": releases, "units": units}


def units_json(data: Mapping[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _day(value: date) -> str:
    return f"{value.isoformat()}T00:00:00Z"


def atom_feed(changes: Sequence[ReleaseChanges], lang: str, site_url: str, today: date) -> str:
    """An Atom 1.0 feed with an entry per release: what was added, changed and retired, with links to the histories."""
    t = TEXT[lang]
    root = language_root(site_url, lang)
    site = site_url.rstrip("/") + "/"
    feed_url = site + data_path(lang, FEED_FILE)
    versions_page = f"{root}over/versies/"
    updated = max((as_date(c.release["date"]) for c in changes), default=today)
    entries = []
    for change in reversed(changes):
        version = str(change.release["version"])
        released = as_date(change.release["date"])
        slug = version.replace(".", "-")
        items = []
        for label, ids in ((t["added"], change.added), (t["changed"], change.changed), (t["retired"], change.retired)):
            links = ", ".join(f'<a href="{site}{history_path(lang, a)}">{a.upper()}</a>' for a in ids) or t["none"]
            items.append(f"<li><strong>{label}:</strong> {links}</li>")
        content = f"<ul>{''.join(items)}</ul>"
        summary = "; ".join(f"{label}: {', '.join(a.upper() for a in ids) or t['none']}"
                            for label, ids in ((t["added"], change.added), (t["changed"], change.changed),
                                               (t["retired"], change.retired)))
        link = f"{versions_page}#versie-{slug}"
        entries.append(
            "  <entry>\n"
            f"    <id>{escape(link)}</id>\n"
            f"    <title>{escape(t['entry'].format(v=version, d=long_date(released, lang)))}</title>\n"
            f"    <updated>{_day(released)}</updated>\n"
            f"    <link rel=\"alternate\" type=\"text/html\" href={quoteattr(link)}/>\n"
            f"    <link rel=\"related\" type=\"text/html\" href={quoteattr(f'{site}versies/{version}/' + language_prefix(lang))}/>\n"
            f"    <summary>{escape(summary)}</summary>\n"
            f"    <content type=\"html\">{escape(content)}</content>\n"
            "  </entry>\n")
    return ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
            f"<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\">\n"
            f"  <id>{escape(feed_url)}</id>\n"
            f"  <title>{escape(t['feed'])}</title>\n"
            f"  <updated>{_day(updated)}</updated>\n"
            f"  <author><name>{escape(ORGANISATION)}</name></author>\n"
            f"  <link rel=\"self\" type=\"application/atom+xml\" href={quoteattr(feed_url)}/>\n"
            f"  <link rel=\"alternate\" type=\"text/html\" href={quoteattr(versions_page)}/>\n"
            + "".join(entries) + "</feed>\n")


def citation_meta(title: str, lang: str, page_absolute_url: str,
                  release: Mapping[str, Any] | None) -> list[tuple[str, str]]:
    """The citation_* meta tags (Highwire Press, read by Zotero and Google Scholar) of a page with citable units."""
    tags = [("citation_title", title), ("citation_author", ORGANISATION), ("citation_publisher", ORGANISATION)]
    if release is not None:
        tags += [("citation_publication_date", as_date(release["date"]).strftime("%Y/%m/%d")),
                 ("citation_version", str(release["version"]))]
    tags += [("citation_language", lang), ("citation_public_url", page_absolute_url),
             ("citation_abstract_html_url", page_absolute_url)]
    return tags


def head_links(lang: str, page_url_: str) -> list[tuple[str, str, str]]:
    """(type, href relative to the page, title) of the feed and the units JSON, for the page head."""
    up = "../" * page_url_.count("/")
    t = TEXT[lang]
    return [("application/atom+xml", up + data_path(lang, FEED_FILE), t["feed_link"]),
            ("application/json", up + data_path(lang, UNITS_FILE), t["units"])]


def versions_page_links(lang: str) -> str:
    """Markdown for the versions page (docs/over/versies*.md, two folders below the language root)."""
    t = TEXT[lang]
    return (f'- <a href="../../c/{FEED_FILE}" type="application/atom+xml">{t["feed_link"]}</a>\n'
            f'- <a href="../../c/{UNITS_FILE}" type="application/json">{t["units"]}</a>')
