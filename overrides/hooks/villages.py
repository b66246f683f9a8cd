"""MkDocs hook: the village pages under docs/maatwerk/dorpen/ (maatwerk per dorp).

One concern, four steps, the same for Dutch and English:
- on_config: check every village page's front matter against schemas/dorp.schema.json
  (refuse the build with the file, line, field and fix), and put every village page
  in the nav under the section that holds maatwerk/dorpen/index.md, sorted by name,
  so editors never touch mkdocs.yml to add a village;
- on_page_markdown, on a village page: add the status notice at the top;
- on_page_markdown, on the overview page: replace the markers
  <!-- dorpen:tabel -->, <!-- dorpen:kaart --> and <!-- dorpen:sjabloon -->
  with the table, the map and the page template.

The data always comes from the Dutch page; with mkdocs-static-i18n the build runs
once per language, and each run reads the page's language from `page.file.locale`.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from village_map import MapPoint, MapText, render_map

from dom_site import village_data
from dom_site.once import Once, fingerprint
from dom_site.village_data import UNKNOWN, VILLAGE_DIR, Village

INDEX = f"{VILLAGE_DIR.as_posix()}/index.md"
_VILLAGE_PAGE = re.compile(rf"^{re.escape(VILLAGE_DIR.as_posix())}/(?P<slug>[a-z0-9-]+?)(?:\.(?P<lang>[a-z]{{2}}))?\.md$")

# Filled by on_config for each language run; read by the page events of that run.
_villages: dict[str, Village] = {}

MONTHS = {
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
}

KINDS = {
    "nl": {
        "esdorp": "Esdorp",
        "veenkoloniaal-lintdorp": "Veenkoloniaal lint- of kanaaldorp",
        "ontginningsdorp": "Ontginningsdorp",
        "beschermd-dorpsgezicht": "Beschermd dorpsgezicht",
        "fabrieksdorp": "Fabrieksdorp",
        "buurtschap": "Buurtschap",
        "onbekend": "Nog niet bekend",
    },
    "en": {
        "esdorp": "Esdorp (es village)",
        "veenkoloniaal-lintdorp": "Peat-colony ribbon or canal village",
        "ontginningsdorp": "Reclamation village",
        "beschermd-dorpsgezicht": "Protected village view",
        "fabrieksdorp": "Factory village",
        "buurtschap": "Buurtschap (hamlet)",
        "onbekend": "Not yet known",
    },
}

TEXT: dict[str, dict[str, str]] = {
    "nl": {
        "concept_title": "Concept — nog niet besproken met het dorp",
        "concept_body": "Deze pagina is een eerste versie.\n"
                        "Het dorp heeft de tekst nog niet besproken.\n"
                        "Daarom staan onderaan [vragen aan het dorp](#vragen).",
        "done_title": "Besproken met het dorp",
        "done_body": "Het dorp heeft deze pagina besproken.",
        "reviewed": "Laatst bekeken op {date}.",
        "head": "| Naam | Soort | Onderdeel van | Grootte | Paginastatus | Laatst bekeken |",
        "large": "grote kern, geen lid van DOM",
        "small": "kleine kern",
        "unknown": "nog niet bekend",
        "concept": "concept",
        "besproken met het dorp": "besproken met het dorp",
        "map_label": "Kaart van de dorpen in Midden-Drenthe. Elk punt is een link naar de pagina van dat dorp.",
        "map_caption": "Kaart van de dorpen waarvan een bron de ligging geeft. "
                       "Kies een naam om naar de pagina van dat dorp te gaan.",
        "north": "N",
        "without": "Nog niet op de kaart, omdat geen bron de ligging geeft:",
    },
    "en": {
        "concept_title": "Draft — not yet discussed with the village",
        "concept_body": "This page is a first version.\n"
                        "The village has not yet discussed the text.\n"
                        "That is why the page ends with [questions for the village](#vragen).",
        "done_title": "Discussed with the village",
        "done_body": "The village has discussed this page.",
        "reviewed": "Last reviewed on {date}.",
        "head": "| Name | Kind | Part of | Size | Page status | Last reviewed |",
        "large": "large kern, not a DOM member",
        "small": "small kern",
        "unknown": "not yet known",
        "concept": "draft",
        "besproken met het dorp": "discussed with the village",
        "map_label": "Map of the villages in Midden-Drenthe. Each point is a link to that village's page.",
        "map_caption": "Map of the villages whose location a source gives. "
                       "Choose a name to go to that village's page.",
        "north": "N",
        "without": "Not on the map yet, because no source gives the location:",
    },
}


def _language(page: Page, config: MkDocsConfig) -> str:
    """The page's language: static-i18n sets `file.locale`; the theme language is the fallback."""
    language = getattr(page.file, "locale", None) or config.theme.get("language") or "nl"
    return language if language in TEXT else "nl"


def _long_date(iso: str, language: str) -> str:
    year, month, day = (int(part) for part in iso.split("-"))
    return f"{day} {MONTHS[language][month - 1]} {year}"


# --- Config: validate, then fill the nav -------------------------------------------

_loaded: Once[tuple[list[Village], list[village_data.Problem]]] = Once()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    docs_dir = Path(config.docs_dir)
    root = Path(config.config_file_path).resolve().parent if config.config_file_path else docs_dir.parent
    # Once for both languages' builds (static-i18n runs on_config per language); again when a page changed.
    inputs = [village_data.SCHEMA_PATH, *sorted((docs_dir / VILLAGE_DIR).glob("*.md"))]
    villages, problems = _loaded.get(fingerprint(inputs, str(docs_dir), str(root)),
                                     lambda: village_data.load_villages(docs_dir, root))
    if problems:
        lines = "\n".join(str(p) for p in problems)
        raise PluginError(
            f"{len(problems)} fout(en) in de dorpspagina's / error(s) in the village pages:\n{lines}")
    _villages.clear()
    _villages.update((v.slug, v) for v in villages)
    if config.nav:
        fill_nav(config.nav, [f"{VILLAGE_DIR.as_posix()}/{v.slug}.md" for v in villages])
    return config


def fill_nav(nav: list[Any], pages: list[str]) -> bool:
    """Make the nav list that holds the overview page hold exactly the overview plus `pages`.

    Idempotent, because with static-i18n on_config runs once per language on the same
    config. Returns whether the overview page was found.
    """
    def is_index(entry: Any) -> bool:
        return entry == INDEX or (isinstance(entry, dict) and list(entry.values()) == [INDEX])

    if any(is_index(entry) for entry in nav):
        others = [e for e in nav if not (isinstance(e, str) and e != INDEX and _VILLAGE_PAGE.match(e))]
        nav[:] = others + pages
        return True
    for item in nav:
        if isinstance(item, dict):
            for children in item.values():
                if isinstance(children, list) and fill_nav(children, pages):
                    return True
    return False


# --- Pages ----------------------------------------------------------------------

def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    match = _VILLAGE_PAGE.match(page.file.src_uri)
    if not match:
        return markdown
    language = _language(page, config)
    slug = match.group("slug")
    if slug == "index":
        return _overview(markdown, page, files, language)
    village = _villages.get(slug)
    if village is None:
        return markdown
    return _with_notice(markdown, village, language)


def notice(village: Village, language: str) -> str:
    """The status admonition, from the front matter, in the page's language."""
    text = TEXT[language]
    reviewed = text["reviewed"].format(date=_long_date(village.laatst_bekeken, language))
    if village.paginastatus == "concept":
        kind, title, body = "warning", text["concept_title"], text["concept_body"]
    else:
        kind, title, body = "success", text["done_title"], text["done_body"]
    lines = [f'!!! {kind} "{title}"', ""] + [f"    {line}" for line in (body + "\n" + reviewed).splitlines()]
    return "\n".join(lines)


def _with_notice(markdown: str, village: Village, language: str) -> str:
    """Put the notice right after the `# ` title (the title must stay the page's first heading)."""
    lines = markdown.split("\n")
    at = next((i + 1 for i, line in enumerate(lines) if line.startswith("# ")), 0)
    return "\n".join(lines[:at] + ["", notice(village, language), ""] + lines[at:])


def _page_url(slug: str, page: Page, files: Files) -> str:
    """URL of a village page relative to `page`, in the current language (static-i18n picks the twin)."""
    target = files.get_file_from_path(f"{VILLAGE_DIR.as_posix()}/{slug}.md")
    if target is None:
        raise PluginError(f"{VILLAGE_DIR.as_posix()}/{slug}.md: page not found in the build")
    return target.url_relative_to(page.file)


def overview_table(villages: list[Village], language: str) -> str:
    """Markdown table, sorted by name; links are .md links so MkDocs checks them."""
    text, kinds = TEXT[language], KINDS[language]
    rows = [text["head"], "|" + " --- |" * 6]
    for v in villages:
        part = "—" if not v.onderdeel_van else (text["unknown"] if v.onderdeel_van == UNKNOWN else v.onderdeel_van)
        rows.append(
            f"| [{v.naam}]({v.slug}.md) | [{kinds[v.soort]}](../soorten-dorpen.md#{v.soort}) | {part} "
            f"| {text['large'] if v.grote_kern else text['small']} | {text[v.paginastatus]} | {v.laatst_bekeken} |"
        )
    return "\n".join(rows)


def overview_map(villages: list[Village], language: str, url: Callable[[str], str]) -> str:
    """The map (SVG) and, beside it, the villages without coordinates. Raw HTML, no blank lines."""
    text = TEXT[language]
    points = [MapPoint(v.naam, url(v.slug), v.lat, v.lon) for v in villages if v.lat is not None and v.lon is not None]
    svg = render_map(points, MapText(text["map_label"], text["map_caption"], text["north"], "5 km"))
    without = [v for v in villages if not v.has_coordinates]
    items = "\n".join(f'<li><a href="{url(v.slug)}">{v.naam}</a></li>' for v in without)
    return "\n".join([
        '<div class="dorpen-kaart">',
        '<figure class="dorpen-kaart__figuur">',
        svg,
        f"<figcaption>{text['map_caption']}</figcaption>",
        "</figure>",
        '<div class="dorpen-kaart__zonder">',
        f"<p>{text['without']}</p>",
        f"<ul>\n{items}\n</ul>",
        "</div>",
        "</div>",
    ])


def template_block() -> str:
    """sjablonen/dorp.md as a code block, so editors can copy it from the site."""
    body = village_data.TEMPLATE_PATH.read_text(encoding="utf-8").rstrip("\n")
    return f"````markdown\n{body}\n````"


def _overview(markdown: str, page: Page, files: Files, language: str) -> str:
    villages = sorted(_villages.values(), key=lambda v: v.naam.casefold())
    replacements = {
        "<!-- dorpen:tabel -->": lambda: overview_table(villages, language),
        "<!-- dorpen:kaart -->": lambda: overview_map(villages, language, lambda slug: _page_url(slug, page, files)),
        "<!-- dorpen:sjabloon -->": template_block,
    }
    for marker, render in replacements.items():
        if marker in markdown:
            markdown = markdown.replace(marker, render())
    return markdown
