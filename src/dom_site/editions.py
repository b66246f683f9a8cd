"""Versions: which version a reader reads, and what changed per release.

The live site is built from main; every release is also published, frozen, under
/versies/<version>/ (`dom-site editions` (dom_site.frozen) builds it from the release's commit,
with the `dom-citeren` plugin's edition settings set; see dom_site.plugins.citations).

- notice(): on every page with citable units, a one-line notice:
  live: "actuele webversie" with a link to the latest frozen version of the page;
  frozen: "bevroren versie 1.0 van <datum>" with a link to the live page.
- changelog_markdown(): for the marker <!-- versies --> on the versions page, per
  release the units added, changed (checksum differs) and retired, generated from
  registry/ids.yml, followed by links to the Atom feed and the units JSON.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from dom_site import citation_registry as reg
from dom_site import site_data
from dom_site.dates import as_date, long_date

MARKER = "<!-- versies -->"
TEXT = {
    "nl": {"live": "U leest de actuele webversie.", "frozen": "U leest de bevroren versie {v} van {d}.",
           "to_frozen": "Bekijk versie {v} ({d})", "to_live": "Naar de actuele webversie",
           "added": "Nieuw", "changed": "Gewijzigd", "retired": "Ingetrokken", "none": "geen",
           "release": "Versie {v} — {d}", "no_release": "Er is nog geen vastgestelde versie.",
           "data": "Voor programma's: dezelfde lijst als nieuwsfeed, en alle onderdelen als gegevens. "
                   "Elk onderdeel heeft ook een eigen geschiedenis, via de link bij de knop Citeer."},
    "en": {"live": "You are reading the current web version.", "frozen": "You are reading the frozen version {v} of {d}.",
           "to_frozen": "See version {v} ({d})", "to_live": "Go to the current web version",
           "added": "Added", "changed": "Changed", "retired": "Retired", "none": "none",
           "release": "Version {v} — {d}", "no_release": "There is no fixed version yet.",
           "data": "For programs: the same list as a news feed, and all sections as data. "
                   "Each section also has its own history, through the link next to the Cite button."},
}


@dataclass(frozen=True)
class Edition:
    """The frozen edition being built: its release, and the live site whose histories it links."""

    version: str
    date: date
    live_url: str   # absolute, with a trailing slash

    @property
    def release(self) -> dict[str, Any]:
        return {"version": self.version, "date": self.date}


def changes(registry: reg.Registry) -> list[tuple[dict[str, Any], list[str], list[str], list[str]]]:
    """Per release: the IDs added, changed (checksum differs from the release before) and retired."""
    result = []
    previous: str | None = None
    for release in registry.releases:
        version = str(release["version"])
        added, changed, retired = [], [], []
        for anchor, entry in registry.ids.items():
            sums = {str(k): v for k, v in (entry.get("checksums") or {}).items()}
            if str(entry.get("since")) == version:
                added.append(anchor)
            elif previous and version in sums and previous in sums and sums[version] != sums[previous]:
                changed.append(anchor)
            if entry.get("status") == "retired" and previous in sums and version not in sums:
                retired.append(anchor)
        result.append((release, added, changed, retired))
        previous = version
    return result


def changelog_markdown(registry: reg.Registry, lang: str) -> str:
    t = TEXT[lang]
    if not registry.releases:
        return f"{t['no_release']}\n\n{t['data']}\n\n{site_data.versions_page_links(lang)}"
    order = {anchor: i for i, anchor in enumerate(registry.ids)}
    blocks = []
    for release, added, changed, retired in reversed(changes(registry)):
        heading = t["release"].format(v=release["version"], d=long_date(as_date(release["date"]), lang))
        rows = [f"### {heading} {{#versie-{str(release['version']).replace('.', '-')}}}", ""]
        for label, ids in ((t["added"], added), (t["changed"], changed), (t["retired"], retired)):
            # Raw links: /c/<id>/ pages are written after the build, so MkDocs cannot check them
            # (`dom-site check` (site-links) does, on the built site).
            shown = ", ".join(f'<a href="../../c/{a}/">{a.upper()}</a>'
                              for a in sorted(ids, key=lambda a: order[a])) or t["none"]
            rows.append(f"- **{label}:** {shown}")
        blocks.append("\n".join(rows))
    return "\n\n".join([*blocks, f"{t['data']}\n\n{site_data.versions_page_links(lang)}"])


def with_this_edition(registry: reg.Registry, edition: Edition | None) -> reg.Registry:
    """In a frozen edition, the release being built is listed even though the
    registry at its commit does not name it yet (`dom-site release` records a
    release in the commit after its content)."""
    if edition is None or any(str(r["version"]) == edition.version for r in registry.releases):
        return registry
    return reg.Registry(registry.documents, [*registry.releases, edition.release], registry.ids, registry.lines,
                        registry.path)


def notice(lang: str, page_url: str, registry: reg.Registry, edition: Edition | None) -> str:
    """The version line for a page; page_url is the page's site-relative URL (e.g. "en/reactie/")."""
    t = TEXT[lang]
    if edition is not None:
        text = t["frozen"].format(v=edition.version, d=long_date(edition.date, lang))
        return f'<p class="edition-notice">{text} <a href="{edition.live_url + page_url}">{t["to_live"]}</a></p>'
    if not registry.releases:
        return f'<p class="edition-notice">{t["live"]}</p>'
    latest = registry.releases[-1]
    frozen = "../" * page_url.count("/") + f"versies/{latest['version']}/{page_url}"
    link = t["to_frozen"].format(v=latest["version"], d=long_date(as_date(latest["date"]), lang))
    return f'<p class="edition-notice">{t["live"]} <a href="{frozen}">{link}</a></p>'
