"""Read and check the village pages under docs/maatwerk/dorpen/.

Not a plugin itself: the plugin `dom-dorpen` (dom_site.plugins.villages) and the tool `scripts/check_villages.py`
both import this module, so the build and `make check` give editors the same
messages. Every message has the form the project uses for editor errors:

    path:line: <wat er mis is> — <hoe je het oplost> (English: <what> — <fix>)

The Dutch page holds the data (front matter); the English twin only holds text.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError

from dom_site.markdown_source import footnotes
from dom_site.messages import Problem

# src/dom_site/village_data.py -> the repository root is two folders up (an editable install).
REPO_ROOT = Path(__file__).resolve().parents[2]
SCHEMA_PATH = REPO_ROOT / "schemas" / "dorp.schema.json"
TEMPLATE_PATH = REPO_ROOT / "sjablonen" / "dorp.md"
VILLAGE_DIR = Path("maatwerk") / "dorpen"

# The three parts every village page has, in both languages (same ids).
REQUIRED_SECTIONS = ("in-het-kort", "maatwerk", "vragen")
# Front matter keys an English page may carry: everything else lives on the Dutch page.
# vertaald_van: which version of the Dutch page this translates (scripts/translation_report.py --stamp).
ENGLISH_KEYS = ("title", "description", "vertaald_van")
UNKNOWN = "onbekend"

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
_HEADING_ID = re.compile(r"\{#([a-z0-9-]+)\}\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")


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


@dataclass
class PageText:
    """A Markdown file split into front matter and body, with line numbers kept."""

    front_matter: str | None
    body: str
    body_first_line: int  # 1-based line number of the body's first line
    front_matter_lines: list[str] = field(default_factory=list)


# --- YAML --------------------------------------------------------------------

class _Loader(yaml.SafeLoader):
    """Safe YAML without the date resolver, and refusing duplicate keys.

    Why: PyYAML turns 2026-11-28 into a date object (and crashes on 2026-02-30),
    so the schema could never say "write the date as YYYY-MM-DD". Keeping dates as
    text lets the schema check them. Duplicate keys would silently keep the last.
    """


_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class DuplicateKey(yaml.MarkedYAMLError):
    """A key that appears twice in one mapping."""


def _construct_mapping(loader: _Loader, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise DuplicateKey(problem=f"{key}", problem_mark=key_node.start_mark)
        seen.add(key)
    return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


# --- Reading ------------------------------------------------------------------

def split_page(text: str) -> PageText:
    """Split front matter (between --- lines at the very top) from the body."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        return PageText(None, text, 1)
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            fm_lines = lines[1:index]
            return PageText("\n".join(fm_lines), "\n".join(lines[index + 1:]), index + 2, fm_lines)
    return PageText(None, text, 1)


def slugify(name: str) -> str:
    """File name for a village name: lowercase ASCII with hyphens (Nieuw-Balinge -> nieuw-balinge)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def field_line(fm_lines: list[str], path: tuple[Any, ...]) -> int:
    """1-based file line of a front matter field such as ('coordinaten', 'lat').

    Walks the keys in order, each one deeper than the last; stops at the deepest key
    found, so a missing `lat` points at `coordinaten:`. Line 1 is the opening `---`.
    """
    line = 1
    start, min_indent = 0, 0
    for key in path:
        if not isinstance(key, str):
            break  # a list index: the list's own line is the best place to point at
        flow = re.compile(rf"[{{,]\s*{re.escape(key)}\s*:")
        if line > 1 and flow.search(fm_lines[line - 2]):
            continue  # flow style on the parent's line: coordinaten: {lat: 52.86, lon: 6.52}
        pattern = re.compile(rf"^(\s*){re.escape(key)}\s*:")
        for index in range(start, len(fm_lines)):
            match = pattern.match(fm_lines[index])
            if match and len(match.group(1)) >= min_indent:
                line = index + 2
                start, min_indent = index + 1, len(match.group(1)) + 1
                break
        else:
            break
    return line


# --- Messages -----------------------------------------------------------------

def _schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return schema


def _example(field_name: str) -> str:
    today = dt.date.today().isoformat()
    return {
        "naam": "naam: Elp",
        "soort": "soort: esdorp",
        "paginastatus": "paginastatus: concept",
        "grote_kern": "grote_kern: false",
        "bronnen": "bronnen: [s1]",
        "laatst_bekeken": f"laatst_bekeken: {today}",
        "onderdeel_van": "onderdeel_van: Beilen",
        "lat": "lat: 52.86",
        "lon": "lon: 6.52",
    }.get(field_name, f"{field_name}: …")


_TYPE_WORDS = {
    "string": ("tekst", "text", "schrijf gewone tekst", "write plain text"),
    "boolean": ("true of false", "true or false", "schrijf true of false", "write true or false"),
    "number": ("een getal", "a number", "schrijf een getal met een punt, zoals 52.86",
               "write a number with a decimal point, like 52.86"),
    "array": ("een lijst", "a list", "schrijf een lijst tussen blokhaken, zoals [s1, v11]",
              "write a list in square brackets, like [s1, v11]"),
    "object": ("twee regels lat en lon", "two lines lat and lon",
               "schrijf lat: en lon: op eigen regels, twee spaties ingesprongen",
               "write lat: and lon: on their own lines, indented by two spaces"),
}


def _problem_for(error: ValidationError, schema: dict[str, Any], rel: str, fm_lines: list[str]) -> Problem:
    """Turn one schema error into a message an editor can act on."""
    path = tuple(error.absolute_path)
    name = ".".join(str(p) for p in path) or "gegevens"
    last = str(path[-1]) if path else ""
    value = error.instance
    line = field_line(fm_lines, path)
    # jsonschema types these as "may be unset"; for the validators handled below they are set.
    expected: Any = error.validator_value
    error_schema: Any = error.schema

    def make(nl: str, nl_fix: str, en: str, en_fix: str, at: int = line) -> Problem:
        return Problem(rel, at, nl, nl_fix, en, en_fix)

    if error.validator == "required":
        missing = next((m for m in expected if isinstance(error.instance, dict) and m not in error.instance), "?")
        if missing == "onderdeel_van":
            return make(
                "een buurtschap hoort bij een dorp, maar het veld 'onderdeel_van' ontbreekt",
                "voeg een regel toe zoals 'onderdeel_van: Beilen', of 'onderdeel_van: onbekend' als geen bron het noemt",
                "a buurtschap belongs to a village, but the field 'onderdeel_van' is missing",
                "add a line like 'onderdeel_van: Beilen', or 'onderdeel_van: onbekend' if no source names it",
            )
        where = f" onder '{name}'" if path else ""
        where_en = f" under '{name}'" if path else ""
        return make(
            f"het veld '{missing}' ontbreekt{where}",
            f"voeg een regel toe zoals '{_example(missing)}' (zie schemas/dorp.schema.json)",
            f"the field '{missing}' is missing{where_en}",
            f"add a line like '{_example(missing)}' (see schemas/dorp.schema.json)",
        )
    if error.validator == "additionalProperties" and isinstance(value, dict):
        allowed = list(error_schema.get("properties", {}))
        extra = sorted(str(k) for k in value if k not in allowed)
        key = extra[0] if extra else "?"
        hint_nl = "gebruik 'paginastatus'" if key == "status" else "controleer de spelling"
        hint_en = "use 'paginastatus'" if key == "status" else "check the spelling"
        return make(
            f"onbekend veld '{key}'",
            f"{hint_nl}; toegestaan zijn: {', '.join(allowed)}",
            f"unknown field '{key}'",
            f"{hint_en}; allowed are: {', '.join(allowed)}",
            at=field_line(fm_lines, path + (key,)),
        )
    if error.validator == "enum":
        options = ", ".join(str(o) for o in expected)
        return make(
            f"'{value}' is geen geldige waarde voor '{name}'",
            f"kies een van: {options}",
            f"'{value}' is not a valid value for '{name}'",
            f"choose one of: {options}",
        )
    if error.validator == "type":
        expected = error.validator_value if isinstance(error.validator_value, str) else "string"
        nl_word, en_word, nl_fix, en_fix = _TYPE_WORDS.get(expected, (expected, expected, "", ""))
        return make(
            f"'{name}' moet {nl_word} zijn, maar is '{value}'", nl_fix,
            f"'{name}' must be {en_word}, but is '{value}'", en_fix,
        )
    if error.validator in ("minimum", "maximum") and last in ("lat", "lon"):
        bounds = schema["properties"]["coordinaten"]["properties"][last]
        low, high = bounds["minimum"], bounds["maximum"]
        return make(
            f"{name} {value} ligt buiten Midden-Drenthe (toegestaan: {low:.2f} tot {high:.2f})",
            "controleer het getal (decimale graden, zoals 52.86 en 6.52), of laat coordinaten weg als geen bron ze geeft",
            f"{name} {value} lies outside Midden-Drenthe (allowed: {low:.2f} to {high:.2f})",
            "check the number (decimal degrees, like 52.86 and 6.52), or leave out coordinaten if no source gives them",
        )
    if last == "laatst_bekeken" and error.validator in ("format", "pattern"):
        today = dt.date.today().isoformat()
        return make(
            f"'{value}' is geen geldige datum",
            f"schrijf de datum als JJJJ-MM-DD, bijvoorbeeld {today}",
            f"'{value}' is not a valid date",
            f"write the date as YYYY-MM-DD, for example {today}",
        )
    if len(path) == 2 and path[0] == "bronnen" and error.validator == "pattern":
        return make(
            f"'{value}' is geen geldig bronlabel",
            "gebruik kleine letters en cijfers, zoals s1 of v11, gelijk aan de voetnoot [^s1]",
            f"'{value}' is not a valid source label",
            "use lowercase letters and digits, like s1 or v11, the same as the footnote [^s1]",
        )
    if last == "bronnen" and error.validator == "minItems":
        return make(
            "de lijst 'bronnen' is leeg",
            "noem ten minste één bron, zoals [s1], met een voetnoot [^s1] onderaan de pagina",
            "the list 'bronnen' is empty",
            "name at least one source, like [s1], with a footnote [^s1] at the bottom of the page",
        )
    if last == "bronnen" and error.validator == "uniqueItems":
        return make(
            "een bron staat twee keer in 'bronnen'", "haal de dubbele weg",
            "a source appears twice in 'bronnen'", "remove the duplicate",
        )
    if error.validator in ("minLength", "pattern"):
        return make(
            f"'{name}' is leeg", f"vul het in, zoals '{_example(last)}'",
            f"'{name}' is empty", f"fill it in, like '{_example(last)}'",
        )
    return make(
        f"'{name}' klopt niet ({error.validator})", "zie de uitleg in schemas/dorp.schema.json",
        f"'{name}' is not valid: {error.message}", "see the descriptions in schemas/dorp.schema.json",
    )


# --- Checks -------------------------------------------------------------------

def _headings(body: str, first_line: int) -> list[tuple[int, int, str | None]]:
    """(line, level, id) for every Markdown heading outside code fences."""
    found: list[tuple[int, int, str | None]] = []
    in_fence = False
    for offset, text in enumerate(body.splitlines()):
        if _FENCE.match(text):
            in_fence = not in_fence
            continue
        match = _HEADING.match(text)
        if match and not in_fence:
            anchor = _HEADING_ID.search(match.group(2))
            found.append((first_line + offset, len(match.group(1)), anchor.group(1) if anchor else None))
    return found


def _footnotes(body: str) -> set[str]:
    """The registry keys the page cites as footnotes (their text comes from registry/bronnen/)."""
    references, _ = footnotes(body)
    return {label for _, label in references}


def _check_body(rel: str, page: PageText) -> list[Problem]:
    """Headings: one `#` title, ids on all deeper headings, and the three required parts."""
    problems: list[Problem] = []
    heads = _headings(page.body, page.body_first_line)
    if not any(level == 1 for _, level, _ in heads):
        problems.append(Problem(
            rel, page.body_first_line, "de pagina heeft geen titel",
            "begin de tekst met een regel '# ' en de naam van het dorp, zoals '# Elp'",
            "the page has no title", "start the text with a line '# ' and the village name, like '# Elp'"))
    for line, level, anchor in heads:
        if level >= 2 and anchor is None:
            problems.append(Problem(
                rel, line, "deze kop heeft geen id",
                "zet aan het eind van de kop een id in kleine letters, zoals {#vragen}, gelijk in het Nederlands en Engels",
                "this heading has no id",
                "end the heading with a lowercase id, like {#vragen}, the same in Dutch and English"))
    ids = {anchor for _, _, anchor in heads if anchor}
    for section in REQUIRED_SECTIONS:
        if section not in ids:
            problems.append(Problem(
                rel, page.body_first_line, f"het deel met id {{#{section}}} ontbreekt",
                f"neem de kop over uit sjablonen/dorp.md, met {{#{section}}} aan het eind",
                f"the part with id {{#{section}}} is missing",
                f"copy the heading from sjablonen/dorp.md, ending with {{#{section}}}"))
    return problems


def _section_ids(page: PageText) -> set[str]:
    return {anchor for _, level, anchor in _headings(page.body, page.body_first_line) if anchor and level >= 2}


def _parse_front_matter(rel: str, page: PageText) -> tuple[dict[str, Any] | None, list[Problem]]:
    if page.front_matter is None:
        return None, [Problem(
            rel, 1, "de gegevens bovenaan de pagina ontbreken",
            "begin het bestand met de regels tussen --- uit sjablonen/dorp.md",
            "the data at the top of the page is missing",
            "start the file with the lines between --- from sjablonen/dorp.md")]
    try:
        data = yaml.load(page.front_matter, Loader=_Loader) or {}
    except DuplicateKey as exc:
        line = (exc.problem_mark.line + 2) if exc.problem_mark else 1
        return None, [Problem(
            rel, line, f"het veld '{exc.problem}' staat twee keer in de gegevens",
            "haal een van de twee regels weg", f"the field '{exc.problem}' appears twice in the data",
            "remove one of the two lines")]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = (mark.line + 2) if mark else 1
        return None, [Problem(
            rel, line, "de gegevens bovenaan zijn niet te lezen",
            "schrijf elke regel als 'veld: waarde', en zet tekst met een dubbele punt tussen aanhalingstekens",
            "the data at the top cannot be read",
            "write each line as 'field: value', and put text containing a colon in quotes")]
    if not isinstance(data, dict):
        return None, [Problem(
            rel, 2, "de gegevens bovenaan zijn geen lijst van velden",
            "schrijf elke regel als 'veld: waarde', zoals in sjablonen/dorp.md",
            "the data at the top is not a list of fields",
            "write each line as 'field: value', as in sjablonen/dorp.md")]
    return data, []


def check_dutch_page(path: Path, root: Path) -> tuple[Village | None, list[Problem]]:
    """Validate one Dutch village page and its English twin; return its data if sound."""
    rel = _relative(path, root)
    page = split_page(path.read_text(encoding="utf-8"))
    data, problems = _parse_front_matter(rel, page)
    english_path = path.with_name(f"{path.stem}.en.md")
    english = split_page(english_path.read_text(encoding="utf-8")) if english_path.exists() else None
    problems += _check_body(rel, page)
    if english is None:
        problems.append(Problem(
            rel, 1, f"de Engelse pagina {english_path.name} ontbreekt",
            f"maak {english_path.name} naast deze pagina, met dezelfde koppen en ids, in het Engels",
            f"the English page {english_path.name} is missing",
            f"create {english_path.name} next to this page, with the same headings and ids, in English"))
    else:
        problems += _check_english(english_path, root, english, page)
    if data is None:
        problems.sort(key=lambda p: (p.path != rel, p.line))
        return None, problems

    schema = _schema()
    validator = Draft202012Validator(schema, format_checker=FormatChecker())
    seen: set[tuple[Any, ...]] = set()
    for error in sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path]):
        # One message per field value is enough (a bad date fails both pattern and format);
        # but a mapping may lack several fields, or have several unknown ones.
        key: tuple[Any, ...] = tuple(error.absolute_path)
        if error.validator in ("required", "additionalProperties"):
            key += (error.validator, error.message)
        if key in seen:
            continue
        seen.add(key)
        problems.append(_problem_for(error, schema, rel, page.front_matter_lines))

    naam = data.get("naam")
    if isinstance(naam, str) and naam.strip() and slugify(naam) != path.stem:
        problems.append(Problem(
            rel, field_line(page.front_matter_lines, ("naam",)),
            f"de bestandsnaam past niet bij de naam '{naam}'",
            f"noem het bestand {slugify(naam)}.md (en {slugify(naam)}.en.md), of pas de naam aan",
            f"the file name does not match the name '{naam}'",
            f"name the file {slugify(naam)}.md (and {slugify(naam)}.en.md), or correct the name"))

    bronnen: list[Any] = data["bronnen"] if isinstance(data.get("bronnen"), list) else []
    labels = {str(b) for b in bronnen}
    line = field_line(page.front_matter_lines, ("bronnen",))
    for label in sorted(labels - _footnotes(page.body)):
        problems.append(Problem(
            rel, line, f"bron '{label}' staat in 'bronnen', maar de pagina heeft geen voetnoot [^{label}]",
            f"zet [^{label}] achter de zin die de bron gebruikt, of haal '{label}' uit 'bronnen'",
            f"source '{label}' is listed in 'bronnen', but the page has no footnote [^{label}]",
            f"put [^{label}] after the sentence that uses the source, or remove '{label}' from 'bronnen'"))
    for label in sorted(_footnotes(page.body) - labels):
        problems.append(Problem(
            rel, line, f"de voetnoot [^{label}] staat niet in 'bronnen'",
            f"voeg {label} toe aan de lijst 'bronnen'",
            f"the footnote [^{label}] is not listed in 'bronnen'", f"add {label} to the list 'bronnen'"))
    if english is not None:
        en_rel = _relative(english_path, root)
        for label in sorted(labels - _footnotes(english.body)):
            problems.append(Problem(
                en_rel, english.body_first_line, f"de Engelse pagina mist de voetnoot [^{label}]",
                f"zet [^{label}] achter dezelfde zin als op de Nederlandse pagina",
                f"the English page lacks the footnote [^{label}]",
                f"put [^{label}] after the same sentence as on the Dutch page"))

    if problems:
        problems.sort(key=lambda p: (p.path != rel, p.line))  # Dutch page first, then by line
        return None, problems
    coords = data.get("coordinaten") or {}
    return Village(
        slug=path.stem, naam=data["naam"].strip(), soort=data["soort"], paginastatus=data["paginastatus"],
        grote_kern=data["grote_kern"], bronnen=tuple(bronnen), laatst_bekeken=data["laatst_bekeken"],
        onderdeel_van=data.get("onderdeel_van"), lat=coords.get("lat"), lon=coords.get("lon"),
    ), []


def _check_english(path: Path, root: Path, page: PageText, dutch: PageText) -> list[Problem]:
    """The English twin: text only, and the same section ids as the Dutch page."""
    rel = _relative(path, root)
    problems = _check_body(rel, page)
    if page.front_matter is not None:
        try:
            data = yaml.load(page.front_matter, Loader=_Loader) or {}
        except yaml.YAMLError:
            data = {}
        for key in (data if isinstance(data, dict) else {}):
            if key not in ENGLISH_KEYS:
                problems.append(Problem(
                    rel, field_line(page.front_matter_lines, (str(key),)),
                    f"het veld '{key}' hoort alleen op de Nederlandse pagina",
                    "haal de regel hier weg; de site leest de gegevens van de Nederlandse pagina",
                    f"the field '{key}' belongs on the Dutch page only",
                    "remove the line here; the site reads the data from the Dutch page"))
    missing = sorted(_section_ids(dutch) - _section_ids(page))
    extra = sorted(_section_ids(page) - _section_ids(dutch))
    if missing or extra:
        problems.append(Problem(
            rel, page.body_first_line,
            "de koppen hebben niet dezelfde ids als de Nederlandse pagina"
            + (f" (ontbreekt: {', '.join(missing)})" if missing else "")
            + (f" (extra: {', '.join(extra)})" if extra else ""),
            "geef elke kop hetzelfde {#id} als de Nederlandse kop",
            "the headings do not have the same ids as the Dutch page"
            + (f" (missing: {', '.join(missing)})" if missing else "")
            + (f" (extra: {', '.join(extra)})" if extra else ""),
            "give each heading the same {#id} as the Dutch heading"))
    return problems


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def village_files(docs_dir: Path) -> list[Path]:
    """Dutch village pages: docs/maatwerk/dorpen/*.md except index and the English twins."""
    folder = docs_dir / VILLAGE_DIR
    return sorted(p for p in folder.glob("*.md") if p.name != "index.md" and not p.name.endswith(".en.md"))


def load_villages(docs_dir: Path, root: Path) -> tuple[list[Village], list[Problem]]:
    """All village pages, sorted by name, and every problem found in them."""
    villages: list[Village] = []
    problems: list[Problem] = []
    folder = docs_dir / VILLAGE_DIR
    for english in sorted(folder.glob("*.en.md")):
        dutch = english.with_name(english.name.removesuffix(".en.md") + ".md")
        if english.name != "index.en.md" and not dutch.exists():
            problems.append(Problem(
                _relative(english, root), 1, f"er is geen Nederlandse pagina {dutch.name}",
                f"maak eerst {dutch.name} met de gegevens, of haal deze Engelse pagina weg",
                f"there is no Dutch page {dutch.name}",
                f"create {dutch.name} with the data first, or remove this English page"))
    for path in village_files(docs_dir):
        village, found = check_dutch_page(path, root)
        problems += found
        if village is not None:
            villages.append(village)
    names = {v.naam for v in villages}
    for village in villages:
        if village.onderdeel_van and village.onderdeel_van not in names | {UNKNOWN}:
            path = folder / f"{village.slug}.md"
            page = split_page(path.read_text(encoding="utf-8"))
            problems.append(Problem(
                _relative(path, root), field_line(page.front_matter_lines, ("onderdeel_van",)),
                f"'{village.onderdeel_van}' heeft geen eigen dorpspagina",
                "schrijf de naam precies zoals op de pagina van dat dorp (naam:), of schrijf onbekend",
                f"'{village.onderdeel_van}' has no village page of its own",
                "write the name exactly as on that village's page (naam:), or write onbekend"))
    villages.sort(key=lambda v: v.naam.casefold())
    return villages, problems
