"""Read and check the village pages under docs/maatwerk/dorpen/ (dom-dorpen's `folder`).

Not a plugin itself: the plugin `dom-dorpen` (dom_site.plugins.villages) and `dom-site check dorpen`
both import this module, so the build and `make check` give editors the same
messages. Every message has the form the project uses for editor errors:

    path:line: <wat er mis is> — <hoe je het oplost> (English: <what> — <fix>)

The Dutch page holds the data (front matter); the English twin only holds text.
"""
from __future__ import annotations

import json
import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from dom_site import data_file, source
from dom_site.messages import Problem
from dom_site.source import SourcePage

if TYPE_CHECKING:
    from dom_site.rules import Context

# src/dom_site/village_data.py -> the repository root is two folders up (an editable install).
REPO_ROOT = Path(__file__).resolve().parents[2]
SCHEMA_PATH = REPO_ROOT / "schemas" / "dorp.schema.json"
TEMPLATE_PATH = REPO_ROOT / "sjablonen" / "dorp.md"
# The village pages' folder in docs/ unless dom-dorpen's `folder` says another (rules.Settings.villages).
FOLDER = "maatwerk/dorpen"

# The three parts every village page has, in both languages (same ids).
REQUIRED_SECTIONS = ("in-het-kort", "maatwerk", "vragen")
# Front matter keys an English page may carry: everything else lives on the Dutch page.
# vertaald_van: which version of the Dutch page this translates (dom-site translations --stamp).
ENGLISH_KEYS = ("title", "description", "vertaald_van")
UNKNOWN = "onbekend"
# The keys only a village page has (schemas/dorp.schema.json requires them): a page with one of
# them is a village page, wherever it stands (the file name rule sends it to the villages' folder).
VILLAGE_ONLY_KEYS = frozenset({"paginastatus", "grote_kern", "laatst_bekeken"})
# How the schema's messages name the checked data: "bij deze dorpspagina ontbreekt de naam".
THIS_PAGE = ("deze dorpspagina", "this village page")


@dataclass(frozen=True)
class Village:
    """One village page's data, taken from the Dutch page's front matter."""

    slug: str
    naam: str
    soort: str
    paginastatus: str
    grote_kern: bool
    bronnen: tuple[str, ...]
    laatst_bekeken: str
    onderdeel_van: str | None = None
    lat: float | None = None
    lon: float | None = None

    @property
    def has_coordinates(self) -> bool:
        return self.lat is not None and self.lon is not None


# A page as the rules read it: front matter, body and headings with their file lines.
PageText = SourcePage


def as_folder(setting: str) -> str:
    """A folder setting as the rules compare it: relative to docs/, forward slashes, no slash at either end."""
    return PurePosixPath(setting).as_posix().strip("/")


def is_village_page(path: str, folder: str = FOLDER) -> bool:
    """A village's own page, Dutch or English: right in the villages' folder, and not its overview (index)."""
    folder = as_folder(folder) + "/"
    return path.startswith(folder) and "/" not in path[len(folder):] and source.dutch_path(path) != folder + "index.md"


@cache
def _schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return loaded


@cache
def _source_key() -> re.Pattern[str]:
    """A well-formed entry of `bronnen`, as the schema says (the schema reports the others)."""
    return re.compile(_schema()["properties"]["bronnen"]["items"]["pattern"])


@cache
def _bounds() -> dict[str, tuple[float, float]]:
    """The schema's box around Midden-Drenthe: lat and lon, each (minimum, maximum)."""
    axes = _schema()["properties"]["coordinaten"]["properties"]
    return {axis: (axes[axis]["minimum"], axes[axis]["maximum"]) for axis in ("lat", "lon")}


def _swapped(page: SourcePage, data: dict[str, Any]) -> tuple[dict[str, Any], list[Problem]]:
    """lat and lon written the wrong way round is one mistake, said once at lat, with both values in
    their places (the schema said each was out of the box, and neither message said why); the data
    checked further as meant."""
    coords = data.get("coordinaten")
    if not isinstance(coords, dict):
        return data, []
    lat, lon = coords.get("lat"), coords.get("lon")
    numbers = [float(value) for value in (lat, lon) if isinstance(value, int | float) and not isinstance(value, bool)]
    if len(numbers) != 2:
        return data, []
    (lat_min, lat_max), (lon_min, lon_max) = _bounds()["lat"], _bounds()["lon"]
    if not (lat_min <= numbers[1] <= lat_max and lon_min <= numbers[0] <= lon_max):
        return data, []
    return {**data, "coordinaten": {**coords, "lat": lon, "lon": lat}}, [Problem(
        page.shown, source.line_of(page.front_matter_node, ["coordinaten", "lat"]),
        f"de breedte en de lengte zijn verwisseld (lat: {lat}, lon: {lon})",
        f"schrijf lat: {lon} en lon: {lat}",
        f"the latitude and the longitude are swapped (lat: {lat}, lon: {lon})",
        f"write lat: {lon} and lon: {lat}")]


# --- Checks -------------------------------------------------------------------

def _footnotes(page: SourcePage) -> set[str]:
    """The registry keys the page cites as footnotes (their text comes from registry/bronnen/).

    Not a footnote the page writes out itself: that is the sources rule's one message
    (dom_site.sources.check), not also one about the list 'bronnen'."""
    written = {note.label for note in page.definitions}
    return {note.label for note in page.references} - written


def _check_body(page: SourcePage, parts: bool = True) -> list[Problem]:
    """One `#` title and the three required parts (that every heading has an id is the heading rule's).

    parts=False for the English page: the heading rule holds its IDs to the Dutch page's, and says a
    part it lacks or an ID written otherwise at the heading itself ('#tailored-approach hoort #maatwerk
    te zijn'); this rule said it too, at the page's first line (a helper's probe)."""
    problems: list[Problem] = []
    rel = page.shown
    if not any(h.level == 1 for h in page.headings):
        problems.append(Problem(
            rel, page.body_first_line, "de pagina heeft geen titel",
            "begin de tekst met een regel '# ' en de naam van het dorp, zoals '# Elp'",
            "the page has no title", "start the text with a line '# ' and the village name, like '# Elp'"))
    ids = set(page.ids(min_level=1))
    for section in REQUIRED_SECTIONS if parts else ():
        if section not in ids:
            problems.append(Problem(
                rel, page.body_first_line, f"het deel met id {{#{section}}} ontbreekt",
                f"neem de kop over uit sjablonen/dorp.md, met {{#{section}}} aan het eind",
                f"the part with id {{#{section}}} is missing",
                f"copy the heading from sjablonen/dorp.md, ending with {{#{section}}}",
                subject=f"id:{page.dutch}#{section}"))
    return problems


def _parse_front_matter(rel: str, page: SourcePage) -> tuple[dict[str, Any] | None, list[Problem]]:
    if page.front_matter is None and not page.front_matter_unclosed:
        return None, [Problem(
            rel, 1, "de gegevens bovenaan de pagina ontbreken",
            "begin het bestand met de regels tussen --- uit sjablonen/dorp.md",
            "the data at the top of the page is missing",
            "start the file with the lines between --- from sjablonen/dorp.md")]
    return data_file.front_matter(page)


def check_dutch_page(page: SourcePage, english: SourcePage | None, registered: Collection[str] | None = None,
                     others: Collection[str] = ()) -> tuple[Village | None, list[Problem]]:
    """Validate one Dutch village page and its English twin; return its data if sound.

    registered: the keys of the sources registry. A footnote whose key is not there is the
    sources rule's one message (with the whole fix: the registry and the list), not also ours.
    others: the paths of the other village pages (a name may be theirs)."""
    rel = page.shown
    data, problems = _parse_front_matter(rel, page)
    problems += _check_body(page)
    english_name = page.twin.rpartition("/")[2]
    if english is None:
        problems.append(Problem(
            rel, 1, f"de Engelse pagina {english_name} ontbreekt",
            f"maak {english_name} naast deze pagina, met dezelfde koppen en ids, in het Engels",
            f"the English page {english_name} is missing",
            f"create {english_name} next to this page, with the same headings and ids, in English",
            subject=f"page:{page.twin}"))
    else:
        problems += _check_english(english)
    if data is None:
        problems.sort(key=lambda p: (p.path != rel, p.line))
        return None, problems

    # The schema's messages are every data file's (dom_site.data_file): one per wrong value, at its line.
    data, swapped = _swapped(page, data)
    problems += swapped + data_file.check(data, SCHEMA_PATH, rel, page.front_matter_node, name=THIS_PAGE)

    naam = data.get("naam")
    stem = page.path.rpartition("/")[2].removesuffix(".md")
    if isinstance(naam, str) and naam.strip() and source.slug(naam) != stem:
        named = source.slug(naam)
        if f"{page.path.rpartition('/')[0]}/{named}.md" in others:
            # The name is another village's, whose page is there (a page copied and not renamed inside):
            # renaming this file onto it is no fix (a helper's probe).
            fix_nl = f"'{naam}' is de naam van {named}.md; schrijf bij naam: de naam van het dorp van deze pagina"
            fix_en = f"'{naam}' is the name of {named}.md; write at naam: the name of this page's village"
        else:
            fix_nl = f"noem het bestand {named}.md (en {named}.en.md), of pas de naam aan"
            fix_en = f"name the file {named}.md (and {named}.en.md), or correct the name"
        problems.append(Problem(
            rel, page.field_line("naam"), f"de bestandsnaam past niet bij de naam '{naam}'", fix_nl,
            f"the file name does not match the name '{naam}'", fix_en,
            # A name with a capital (Balinge.md) is the file name rule's one message, with the right name.
            subject=f"name:{page.path}"))

    bronnen: list[Any] = data["bronnen"] if isinstance(data.get("bronnen"), list) else []
    # A malformed key has its message from the schema; it is not also a missing footnote.
    labels = {str(b) for b in bronnen if _source_key().match(str(b))}
    line = page.field_line("bronnen")
    for label in sorted(labels - _footnotes(page)):
        problems.append(Problem(
            rel, line, f"bron '{label}' staat in 'bronnen', maar de pagina heeft geen voetnoot [^{label}]",
            f"zet [^{label}] achter de zin die de bron gebruikt, of haal '{label}' uit 'bronnen'",
            f"source '{label}' is listed in 'bronnen', but the page has no footnote [^{label}]",
            f"put [^{label}] after the sentence that uses the source, or remove '{label}' from 'bronnen'"))
    # An empty or missing list has one message, from the schema, not one per footnote.
    for label in sorted(_footnotes(page) - labels) if bronnen else []:
        if registered is not None and label not in registered:
            continue
        problems.append(Problem(
            rel, line, f"de voetnoot [^{label}] staat niet in 'bronnen'",
            f"voeg {label} toe aan de lijst 'bronnen'",
            f"the footnote [^{label}] is not listed in 'bronnen'", f"add {label} to the list 'bronnen'"))
    if english is not None:
        en_rel = english.shown
        # Only what the Dutch page cites: a source listed but cited nowhere is the message above.
        for label in sorted((labels & _footnotes(page)) - _footnotes(english)):
            problems.append(Problem(
                en_rel, english.body_first_line, f"de Engelse pagina mist de voetnoot [^{label}]",
                f"zet [^{label}] achter dezelfde zin als op de Nederlandse pagina",
                f"the English page lacks the footnote [^{label}]",
                f"put [^{label}] after the same sentence as on the Dutch page",
                # The rule `vertaling` says it at the sentence's line, for a translation stamped as up to date.
                subject=f"village-footnote:{en_rel}:{label}"))

    if problems:
        problems.sort(key=lambda p: (p.path != rel, p.line))  # Dutch page first, then by line
        return None, problems
    coords = data.get("coordinaten") or {}
    return Village(
        slug=stem, naam=data["naam"].strip(), soort=data["soort"], paginastatus=data["paginastatus"],
        grote_kern=data["grote_kern"], bronnen=tuple(bronnen), laatst_bekeken=data["laatst_bekeken"],
        onderdeel_van=data.get("onderdeel_van"), lat=coords.get("lat"), lon=coords.get("lon"),
    ), []


def _check_english(page: SourcePage) -> list[Problem]:
    """The English twin: text only (its ids are the heading rule's, dom_site.rules.headings)."""
    problems = _check_body(page, parts=False)
    # One paste of the Dutch data is one mistake: said once, at its first field, naming them all.
    dutch_only = [key for key in page.readable_meta if key not in ENGLISH_KEYS]
    if dutch_only:
        names = ", ".join(f"'{key}'" for key in dutch_only)
        one = len(dutch_only) == 1
        problems.append(Problem(
            page.shown, page.field_line(dutch_only[0]),
            (f"het veld {names} hoort" if one else f"de velden {names} horen") + " alleen op de Nederlandse pagina",
            ("haal de regel hier weg" if one else "haal die velden hier weg, met wat eronder hoort")
            + "; de site leest de gegevens van de Nederlandse pagina",
            (f"the field {names}" if one else f"the fields {names}") + " belong" + ("s" if one else "")
            + " on the Dutch page only",
            ("remove the line here" if one else "remove those fields here, with what belongs under them")
            + "; the site reads the data from the Dutch page"))
    return problems


def load_villages(docs_dir: Path, root: Path | None = None, folder: str = FOLDER) -> tuple[list[Village], list[Problem]]:
    """All village pages in docs_dir/folder, sorted by name, and every problem found in them (root: unused, kept for callers)."""
    return villages_in(source.read(docs_dir), folder)


def villages_in(model: source.SourceModel, folder: str = FOLDER,
                registered: Collection[str] | None = None) -> tuple[list[Village], list[Problem]]:
    """All village pages of the source model in folder (of docs/), sorted by name, and every problem
    found in them (registered: as check_dutch_page)."""
    villages: list[Village] = []
    problems: list[Problem] = []
    pages = {page.path: page for page in model.in_folder(as_folder(folder) + "/")
             if is_village_page(page.path, folder) and page.language == "nl"}
    for page in pages.values():
        village, found = check_dutch_page(page, model.twin(page), registered, others=pages.keys() - {page.path})
        problems += found
        if village is not None:
            villages.append(village)
    # A village whose page has a mistake of its own is still there: its hamlets name it rightly.
    names = {v.naam for v in villages} | {naam.strip() for page in pages.values()
                                          if isinstance(meta := page.readable_meta, dict)
                                          and isinstance(naam := meta.get("naam"), str)}
    # Nor is a page whose data cannot be read gone: its file name stands for its name (a helper's
    # probe: one line indented wrongly on Beilen's page was four messages more, one per hamlet).
    unread = {page.path.rpartition("/")[2].removesuffix(".md") for page in pages.values() if not page.readable_meta}
    for village in villages:
        if (village.onderdeel_van and village.onderdeel_van not in names | {UNKNOWN}
                and source.slug(village.onderdeel_van) not in unread):
            page = pages[f"{as_folder(folder)}/{village.slug}.md"]
            problems.append(Problem(
                page.shown, page.field_line("onderdeel_van"),
                f"'{village.onderdeel_van}' heeft geen eigen dorpspagina",
                "schrijf de naam precies zoals op de pagina van dat dorp (naam:), of schrijf onbekend",
                f"'{village.onderdeel_van}' has no village page of its own",
                "write the name exactly as on that village's page (naam:), or write onbekend"))
    villages.sort(key=lambda v: v.naam.casefold())
    return villages, problems


def rule(context: Context) -> list[Problem]:
    """The village pages' data, as one of the site's rules (dom_site.rules), in the settings' folder."""
    from dom_site.rules import sources as sources_rule

    registered = None  # without a sources registry, every footnote is only this rule's to say
    if context.path(context.settings.sources_registry).is_dir():
        found = sources_rule.registry(context)
        registered = set(found.sources) | set(found.broken)
    return villages_in(context.model, context.settings.villages, registered)[1]
