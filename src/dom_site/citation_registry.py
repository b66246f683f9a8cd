"""The registry of citable IDs and the rules that keep citations from breaking.

Every citable unit (a section of the citable response, a step of the draaiboek,
a shared maatwerk principle) has an opaque ID: a document letter and a number,
written `{#r-4}` after its heading and shown as "R-4". `registry/ids.yml` lists
every ID ever published. `problems()` compares the Markdown sources of both
languages with that registry; the build (dom-regels) and `dom-site check citeren`
both call it, so an editor sees the same message in `mkdocs serve` and in CI.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from mkdocs.exceptions import PluginError

from dom_site import data_file, source
from dom_site.messages import Problem
from dom_site.source import dutch_path as dutch_twin

WELL_FORMED = source.CITABLE_ID
# The heading levels a citable section may have (## to ####): the cite bar goes under these
# (dom_site.citations), and the rule `citeren` refuses an ID on any other level.
CITABLE_LEVELS = range(2, 5)
# Anchors that look like an attempt at a citable ID but are not well formed:
# "D-1", "d1", "d_1", "d-01", "d- 1".
LOOKS_LIKE_ID = re.compile(r"^[A-Za-z][-_ ]?[0-9]+$")


@dataclass(frozen=True)
class Unit:
    """A heading with an explicit anchor, where it stands in the sources."""

    anchor: str
    title: str
    path: str          # relative to docs/, e.g. "reactie/index.en.md"
    line: int
    language: str      # "nl" or "en"
    level: int         # the heading's level: 2 for ##


@dataclass
class Registry:
    documents: dict[str, dict[str, str]]
    releases: list[dict[str, Any]]
    ids: dict[str, dict[str, Any]]
    lines: dict[str, int] = field(default_factory=dict)
    path: str = "registry/ids.yml"
    release_lines: list[int] = field(default_factory=list)  # each release's line, in order

    def release_line(self, version: str) -> int:
        """The line of the release of that version, where a message about it points (1: none)."""
        for release, line in zip(self.releases, self.release_lines, strict=False):
            if str(release.get("version")) == version:
                return line
        return 1


class RegistryError(PluginError):
    """registry/ids.yml does not match its schema: the build stops with the lines to fix."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("Het register van citeerbare ID's klopt niet (the registry of citable IDs is broken):\n"
                         + "\n".join(map(str, problems)))


REPO_ROOT = Path(__file__).resolve().parents[2]


def schema_for(path: Path) -> Path:
    """schemas/ids.schema.json beside the registry's project (a test's copy), else this repository's."""
    beside = path.resolve().parent.parent / "schemas" / "ids.schema.json"
    return beside if beside.is_file() else REPO_ROOT / "schemas" / "ids.schema.json"


_loaded: dict[Path, tuple[int, tuple[Registry | None, list[Problem]]]] = {}


def read_registry(path: Path, root: Path | None = None) -> tuple[Registry | None, list[Problem]]:
    """The registry and the problems its schema finds (read once per change of the file).

    Dates stay text ("2026-11-28"), as the schema describes them; readers use dates.as_date().
    """
    mtime = path.stat().st_mtime_ns
    cached = _loaded.get(path)
    if cached and cached[0] == mtime:
        return cached[1]
    try:
        shown = path.resolve().relative_to((root or path.parent.parent).resolve()).as_posix()
    except ValueError:
        shown = f"{path.parent.name}/{path.name}"
    data, nodes, problems = data_file.load(path, schema_for(path), shown)
    registry = None
    if not problems and isinstance(data, dict):
        # Each ID's line from the YAML nodes, as every data file's (quoted, indented or in flow style alike).
        lines = {anchor: source.line_of(nodes, ["ids", anchor]) for anchor in data["ids"]}
        release_lines = [source.line_of(nodes, ["releases", index]) for index in range(len(data["releases"]))]
        registry = Registry(data["documents"], data["releases"], data["ids"], lines, shown, release_lines)
    _loaded[path] = (mtime, (registry, problems))
    return registry, problems


def ids_in(text: str | None) -> dict[str, dict[str, Any]] | None:
    """The `ids` of a registry's text (as it was at a commit, or as a pull request has it), or None
    when the text is no readable registry (missing, not YAML, no `ids` mapping).

    For the readers that compare registries (the history pages, the pull request's summary):
    they must not stop on a mistake the rule `citeren` already reports at its line. An entry that
    is not a mapping counts as an entry without fields.
    """
    try:
        data = yaml.load(text or "", Loader=source.FrontMatterLoader)  # noqa: S506 (a safe loader)
    except yaml.YAMLError:
        return None
    ids = data.get("ids") if isinstance(data, dict) else None
    if not isinstance(ids, dict):
        return None
    return {str(anchor): entry if isinstance(entry, dict) else {} for anchor, entry in ids.items()}


def load_registry(path: Path) -> Registry:
    """The registry; raises RegistryError (every problem at its line) when it does not match its schema."""
    registry, problems = read_registry(path)
    if registry is None:
        raise RegistryError(problems)
    return registry


def headings(docs_dir: Path) -> list[Unit]:
    """Every heading with an explicit {#anchor} in every Markdown page (from the source model)."""
    return [Unit(h.id, h.text, page.path, h.line, page.language, h.level)
            for page in source.read(docs_dir) for h in page.headings if h.id]


def unit_text(docs_dir: Path, unit: Unit) -> str:
    """The unit's Markdown: its heading line up to the next heading of the same or higher level."""
    page = source.read(docs_dir).get(unit.path)
    return (page.unit(unit.anchor) if page else None) or ""


def checksum(text: str) -> str:
    """Whitespace-insensitive fingerprint of a unit's Dutch text (12 hex digits)."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:12]


def next_release(registry: Registry) -> str:
    """The version the next release will have: the last one's minor number plus one."""
    if not registry.releases:
        return "1.0"
    major, _, minor = str(registry.releases[-1]["version"]).partition(".")
    return f"{major}.{int(minor or 0) + 1}"


def wrong_since(registry: Registry) -> list[Problem]:
    """IDs whose `since` is not the release they first appeared in.

    The changelog, the feed and onderdelen.json say "new in <since>", so a wrong one tells a
    council member a section is new when it is not, or old when it is new. What a release
    held is on record: the release script gives every active unit a checksum for it. Only
    releases that wrote checksums count (a registry kept by hand has none to compare).
    """
    order = [str(release.get("version")) for release in registry.releases]
    recorded = {str(version) for entry in registry.ids.values() for version in entry.get("checksums") or {}}
    found = []
    for anchor, entry in sorted(registry.ids.items()):
        since = str(entry.get("since"))
        held = {str(version) for version in entry.get("checksums") or {}}
        first = next((version for version in order if version in held), None)
        if first is not None and since != first:
            right = first
            earlier = since not in order or order.index(first) < order.index(since)
            nl = f"{anchor} staat al in versie {first}" if earlier else f"{anchor} staat pas in versie {first}"
            en = f"{anchor} is in release {first} already" if earlier else f"{anchor} first appeared in release {first}"
        elif first is None and since in recorded and entry.get("status") == "active":
            # (A unit retired before any release held it was in none; its `since` tells nothing false.)
            right = next_release(registry)
            nl = f"versie {since} had {anchor} nog niet; het is nieuw in versie {right}"
            en = f"release {since} did not have {anchor}; it is new in release {right}"
        elif first is None and since not in order and since != next_release(registry) and entry.get("status") == "active":
            # A release that is not there yet, and not the next one: the release script writes its own number.
            right = next_release(registry)
            nl = f"er is geen versie {since}; {anchor} is nieuw in de volgende versie, {right}"
            en = f"there is no release {since}; {anchor} is new in the next release, {right}"
        else:
            continue
        found.append(Problem(registry.path, registry.lines.get(anchor, 1), f"since: \"{since}\" klopt niet: {nl}",
                             f"schrijf since: \"{right}\" bij {anchor}", f"since: \"{since}\" is wrong: {en}",
                             f"write since: \"{right}\" for {anchor}", subject=f"since:{anchor}"))
    return found


def problems(docs_dir: Path, registry: Registry) -> list[Problem]:
    """Everything that would break a citation (see problems_in)."""
    return problems_in(source.read(docs_dir), registry)


def problems_in(model: source.SourceModel, registry: Registry) -> list[Problem]:
    """Everything that would break a citation, in the sources against the registry.

    The form of an ID and whether both languages have it are the heading rule's
    (dom_site.rules.headings); problems about the same ID carry the same subject,
    so an editor reads one message for one mistake.
    """
    found: list[Problem] = []
    # Dutch pages first: where a mistake shows in both languages, the message names the Dutch page.
    ordered = sorted(model, key=lambda p: (p.language != "nl", p.path))
    units = [Unit(h.id, h.text, page.path, h.line, page.language, h.level) for page in ordered for h in page.headings
             if h.id and WELL_FORMED.match(h.id)]
    shown = {page.path: page.shown for page in model}
    letters = ", ".join(sorted(registry.documents))

    seen: dict[tuple[str, str], Unit] = {}
    for unit in units:
        key = (unit.anchor, unit.language)
        if key in seen and seen[key].path == unit.path:
            pass  # twice on one page: the heading rule's message, with the fix the other language shows
        elif key in seen:
            first = seen[key]
            found.append(Problem(shown[unit.path], unit.line,
                                 f"het ID {unit.anchor} staat twee keer in de site (ook in {shown[first.path]}:{first.line})",
                                 "geef één van beide een nieuw ID en zet dat in registry/ids.yml",
                                 f"the ID {unit.anchor} is defined twice (also in {shown[first.path]}:{first.line})",
                                 "give one of them a new ID and add it to registry/ids.yml",
                                 subject=f"twice:{unit.anchor}"))
        else:
            seen[key] = unit

    for unit in units:
        entry = registry.ids.get(unit.anchor)
        where = (shown[unit.path], unit.line)
        # One message per ID, not one per language: the Dutch page is where an editor fixes it.
        subject = f"registry:{unit.anchor}"
        level = unit.level
        if level not in CITABLE_LEVELS:
            low, high = "#" * CITABLE_LEVELS[0], "#" * CITABLE_LEVELS[-1]
            found.append(Problem(*where, f"het ID {unit.anchor} staat bij een kop van niveau {level}; "
                                 "zo'n kop krijgt geen knop om te citeren",
                                 f"maak er een kop van {low} tot {high} van, of haal {{#{unit.anchor}}} weg "
                                 "en uit registry/ids.yml",
                                 f"the ID {unit.anchor} is on a level {level} heading, which gets no cite button",
                                 f"make it a {low} to {high} heading, or remove {{#{unit.anchor}}} and its line "
                                 "in registry/ids.yml", subject=f"level:{unit.anchor}"))
        elif unit.anchor[0] not in registry.documents:
            found.append(Problem(*where, f"het ID {unit.anchor} begint met een onbekende documentletter '{unit.anchor[0]}'",
                                 f"gebruik een van de letters {letters} (zie registry/ids.yml)",
                                 f"the ID {unit.anchor} starts with an unknown document letter '{unit.anchor[0]}'",
                                 f"use one of the letters {letters} (see registry/ids.yml)", subject=subject))
        elif entry is None:
            found.append(Problem(*where, f"het ID {unit.anchor} staat niet in het register",
                                 f"voeg één regel toe aan registry/ids.yml:   {unit.anchor}: {{page: {dutch_twin(unit.path)}, "
                                 f"status: active, since: \"{next_release(registry)}\"}}",
                                 f"the ID {unit.anchor} is not in the registry",
                                 "add one line to registry/ids.yml (see the Dutch text for the line)", subject=subject))
        elif entry.get("status") == "retired":
            instead = entry.get("replaced_by")
            found.append(Problem(*where, f"het ID {unit.anchor} is ingetrokken en mag niet opnieuw gebruikt worden"
                                 + (f" (vervangen door {instead})" if instead else ""),
                                 "is dit nog hetzelfde onderdeel, zet dan in registry/ids.yml status: active terug; "
                                 "is het een nieuw onderdeel, kies dan een nummer dat nog nooit gebruikt is en zet "
                                 "het in registry/ids.yml",
                                 f"the ID {unit.anchor} was retired and must not be used again",
                                 "if it is still the same unit, set status: active again in registry/ids.yml; if it "
                                 "is a new unit, choose a number never used before and add it to registry/ids.yml",
                                 subject=subject))
        elif entry.get("page") != dutch_twin(unit.path) and not source.NAME.fullmatch(
                dutch_twin(unit.path).rpartition("/")[2].removesuffix(".md")):
            pass  # the page's file is named wrongly (Beheer.md): the file name rule's one message, not one per ID
        elif entry.get("page") != dutch_twin(unit.path) and model.get(str(entry.get("page"))) is None:
            # The registry names a page that is not there: the slip is in registry/ids.yml.
            found.append(Problem(registry.path, registry.lines.get(unit.anchor, 1),
                                 f"de pagina {entry.get('page')} van {unit.anchor} bestaat niet; het onderdeel staat "
                                 f"op {dutch_twin(unit.path)}", f"schrijf page: {dutch_twin(unit.path)}",
                                 f"the page {entry.get('page')} of {unit.anchor} does not exist; the unit is on "
                                 f"{dutch_twin(unit.path)}", f"write page: {dutch_twin(unit.path)}", subject=subject))
        elif entry.get("page") != dutch_twin(unit.path):
            found.append(Problem(*where, f"het ID {unit.anchor} staat volgens het register op {entry.get('page')}",
                                 f"verplaats je het onderdeel? Zet dan page: {dutch_twin(unit.path)} bij {unit.anchor} "
                                 "in registry/ids.yml",
                                 f"the registry places {unit.anchor} on {entry.get('page')}",
                                 f"did you move the unit? Then set page: {dutch_twin(unit.path)} for {unit.anchor} "
                                 "in registry/ids.yml", subject=subject))

    # A page with citable units needs its translation: one message for the page, not one per ID.
    for page in model:
        if page.language == "nl" and model.twin(page) is None and any(u.path == page.path for u in units):
            name = page.twin.rpartition("/")[2]
            found.append(Problem(page.shown, 1, f"deze pagina heeft citeerbare onderdelen maar geen Engelse vertaling {name}",
                                 f"maak {name} met dezelfde koppen en ID's",
                                 f"this page has citable units but no English translation {name}",
                                 f"create {name} with the same headings and IDs", subject=f"page:{page.twin}"))

    present = {(u.anchor, u.language) for u in units}
    found += wrong_since(registry)
    for anchor, entry in sorted(registry.ids.items()):
        line = registry.lines.get(anchor, 1)
        registered_page = str(entry.get("page"))
        if entry.get("status") == "active" and (anchor, "nl") not in present:
            found.append(Problem(registry.path, line, f"het actieve ID {anchor} komt niet meer voor in de site ({registered_page})",
                                 f"zet de kop met {{#{anchor}}} terug in docs/{registered_page}, of trek het ID in: "
                                 "status: retired en replaced_by: <nieuw ID>",
                                 f"the active ID {anchor} is missing from the site ({registered_page})",
                                 f"restore the heading with {{#{anchor}}} in docs/{registered_page}, or retire the ID: "
                                 "status: retired and replaced_by: <new ID>",
                                 subject=f"id:{registered_page}#{anchor}"))
        replacement = entry.get("replaced_by")
        if replacement and replacement not in registry.ids:
            found.append(Problem(registry.path, line,
                                 f"{anchor} wordt vervangen door {replacement}, maar dat ID staat niet in het register",
                                 "controleer replaced_by", f"{anchor} is replaced by {replacement}, which is not registered",
                                 "check replaced_by"))
    return found
