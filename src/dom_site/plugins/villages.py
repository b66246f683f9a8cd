"""MkDocs plugin `dom-dorpen`: the village pages (maatwerk per dorp).

    plugins:
      - dom-dorpen:
          folder: maatwerk/dorpen               # in docs/: <naam>.md, <naam>.en.md and index.md
          template: sjablonen/dorp.md           # from mkdocs.yml's folder; shown on the overview page

One concern, the same for Dutch and English:
- on_config: read every village page's data (dom_site.village_data) and put every
  sound village page in the nav under the section that holds the overview page,
  sorted by name, so editors never touch mkdocs.yml to add a village. A broken page
  is refused by the village rule, with the file, line, field and fix (`dorpen` in
  dom-regels, the same rule `dom-site check dorpen` runs, which reads `folder` from
  here: dom_site.plugins.rules.settings_of);
- on_page_markdown, on a village page: add the status notice at the top;
- on_page_markdown, on the overview page: replace the markers
  <!-- dorpen:tabel -->, <!-- dorpen:kaart --> and <!-- dorpen:sjabloon -->
  with the table, the map (dom_site.village_map) and the page template.

The data always comes from the Dutch page. mkdocs-static-i18n runs the build once
per language on this one plugin instance: the pages are read once for both
(again when a page or the schema changed, as in `mkdocs serve`), and each page
event reads the page's language from `page.file.locale`.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from dom_site import source, village_data
from dom_site.dates import long_date
from dom_site.languages import build_language, source_language
from dom_site.messages import Problem
from dom_site.once import Once, fingerprint
from dom_site.plugins import setting_line
from dom_site.source import dutch_path
from dom_site.village_data import FOLDER, UNKNOWN, Village
from dom_site.village_map import MapPoint, MapText, render_map

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
    """The page's language: static-i18n sets `file.locale`; the build's language is the fallback."""
    language = source_language(page, build_language(config))
    return language if language in TEXT else "nl"


def fill_nav(nav: list[Any], pages: list[str], folder: str = FOLDER) -> bool:
    """Make the nav list that holds the overview page hold exactly the overview plus `pages`.

    Idempotent, because with static-i18n on_config runs once per language on the same
    config. Returns whether the overview page was found.
    """
    index = f"{folder}/index.md"

    def is_index(entry: Any) -> bool:
        return entry == index or (isinstance(entry, dict) and list(entry.values()) == [index])

    if any(is_index(entry) for entry in nav):
        others = [e for e in nav if not (isinstance(e, str) and village_data.is_village_page(e, folder))]
        nav[:] = others + pages
        return True
    for item in nav:
        if isinstance(item, dict):
            for children in item.values():
                if isinstance(children, list) and fill_nav(children, pages, folder):
                    return True
    return False


# --- Pages ----------------------------------------------------------------------

def notice(village: Village, language: str) -> str:
    """The status admonition, from the front matter, in the page's language."""
    text = TEXT[language]
    reviewed = text["reviewed"].format(date=long_date(date.fromisoformat(village.laatst_bekeken), language))
    if village.paginastatus == "concept":
        kind, title, body = "warning", text["concept_title"], text["concept_body"]
    else:
        kind, title, body = "success", text["done_title"], text["done_body"]
    lines = [f'!!! {kind} "{title}"', ""] + [f"    {line}" for line in (body + "\n" + reviewed).splitlines()]
    return "\n".join(lines)


def _with_notice(markdown: str, village: Village, language: str) -> str:
    """Put the notice right after the `# ` title (the title must stay the page's first heading), the title
    the source model and so the village rule read (#Elp is one too, as Python-Markdown reads it)."""
    lines = markdown.split("\n")
    at = next((h.line for h in source.parse("", markdown, "").headings if h.level == 1), 0)
    return "\n".join(lines[:at] + ["", notice(village, language), ""] + lines[at:])


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


def template_block(template: Path) -> str:
    """The page template (sjablonen/dorp.md) as a code block, so editors can copy it from the site."""
    body = template.read_text(encoding="utf-8").rstrip("\n")
    return f"````markdown\n{body}\n````"


# --- The plugin ---------------------------------------------------------------------


class Folder(c.Type[str]):
    """A folder of docs/, as every reader of the setting compares it (village_data.as_folder):
    forward slashes, no slash at either end. Normalised here, once."""

    def __init__(self, default: str) -> None:
        super().__init__(str, default=default)

    def run_validation(self, value: object) -> str:
        return village_data.as_folder(super().run_validation(value))


class VillagesConfig(Config):
    # The villages' pages, in docs/. The village rule (dom-regels, `dom-site check dorpen`)
    # reads the same folder: the rules' settings take it from here (settings_of).
    # The schema is not a setting: village_data reads schemas/dorp.schema.json.
    folder = Folder(default=FOLDER)
    # From the folder of mkdocs.yml, like the other plugins' files.
    template = c.Type(str, default="sjablonen/dorp.md")


class VillagesPlugin(BasePlugin[VillagesConfig]):
    def __init__(self) -> None:
        # Filled by on_config for each language's build; read by that build's page events.
        self.villages: dict[str, Village] = {}
        self.loaded: Once[tuple[list[Village], list[Problem]]] = Once()
        self.folder = FOLDER
        self.template = village_data.TEMPLATE_PATH

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        docs_dir = Path(config.docs_dir)
        root = Path(config.config_file_path).resolve().parent if config.config_file_path else docs_dir.parent
        self.folder = self.config.folder
        self.template = root / self.config.template
        self._refuse_missing_template(config)
        # Once for both languages' builds (static-i18n runs on_config per language); again when a page changed.
        inputs = [village_data.SCHEMA_PATH, *sorted((docs_dir / self.folder).glob("*.md"))]
        # The sound villages only: a broken page is the village rule's to report (dom-regels, with
        # the other rules, one message per mistake), which stops the build before any page renders.
        villages, _ = self.loaded.get(fingerprint(inputs, str(docs_dir), self.folder),
                                      lambda: village_data.load_villages(docs_dir, folder=self.folder))
        self.villages = {v.slug: v for v in villages}
        if config.nav:
            fill_nav(config.nav, [f"{self.folder}/{v.slug}.md" for v in villages], self.folder)
        return config

    def _refuse_missing_template(self, config: MkDocsConfig) -> None:
        """A template that is not there: the overview page could not show it."""
        if not self.template.is_file():
            raise PluginError(str(Problem(
                *setting_line(config, "dom-dorpen", "template"), f"dom-dorpen: het sjabloon {self.config.template} bestaat niet",
                "geef bij template het pad van het sjabloon voor een dorpspagina, vanaf de map van mkdocs.yml",
                f"dom-dorpen: the template {self.config.template} does not exist",
                "set template to the path of the village page template, from the folder of mkdocs.yml")))

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        # The overview and the village pages as the village rule knows them (village_data.is_village_page).
        dutch = dutch_path(page.file.src_uri)
        overview = dutch == f"{self.folder}/index.md"
        if not overview and not village_data.is_village_page(dutch, self.folder):
            return markdown
        language = _language(page, config)
        if overview:
            return self._overview(markdown, page, files, language)
        village = self.villages.get(PurePosixPath(dutch).stem)
        if village is None:
            return markdown
        return _with_notice(markdown, village, language)

    def _page_url(self, slug: str, page: Page, files: Files) -> str:
        """URL of a village page relative to `page`, in the current language (static-i18n picks the twin)."""
        path = f"{self.folder}/{slug}.md"
        target = files.get_file_from_path(path)
        if target is None:
            raise PluginError(str(Problem(
                f"docs/{path}", 1, "deze dorpspagina hoort niet bij de bouw",
                "haal haar uit exclude_docs in mkdocs.yml",
                "this village page is not part of the build", "remove it from exclude_docs in mkdocs.yml")))
        return target.url_relative_to(page.file)

    def _overview(self, markdown: str, page: Page, files: Files, language: str) -> str:
        villages = sorted(self.villages.values(), key=lambda v: v.naam.casefold())
        replacements: dict[str, Callable[[], str]] = {
            "<!-- dorpen:tabel -->": lambda: overview_table(villages, language),
            "<!-- dorpen:kaart -->": lambda: overview_map(villages, language,
                                                          lambda slug: self._page_url(slug, page, files)),
            "<!-- dorpen:sjabloon -->": lambda: template_block(self.template),
        }
        for marker, render in replacements.items():
            if marker in markdown:
                markdown = markdown.replace(marker, render())
        return markdown
