"""The registry of citable IDs and the rules that keep citations from breaking.

Every citable unit (a section of the citable response, a step of the draaiboek,
a shared maatwerk principle) has an opaque ID: a document letter and a number,
written `{#r-4}` after its heading and shown as "R-4". `registry/ids.yml` lists
every ID ever published. `problems()` compares the Markdown sources of both
languages with that registry; the build hook and `scripts/check_citations.py`
both call it, so an editor sees the same message in `mkdocs serve` and in CI.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from dom_site.messages import Problem

WELL_FORMED = re.compile(r"^[a-z]-[1-9][0-9]*$")
# Anchors that look like an attempt at a citable ID but are not well formed:
# "D-1", "d1", "d_1", "d-01", "d- 1".
LOOKS_LIKE_ID = re.compile(r"^[A-Za-z][-_ ]?[0-9]+$")
HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<title>.*?)\s*\{[^}]*#(?P<id>[^\s}]+)[^}]*\}\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass(frozen=True)
class Unit:
    """A heading with an explicit anchor, where it stands in the sources."""

    anchor: str
    title: str
    path: str          # relative to docs/, e.g. "reactie/index.en.md"
    line: int
    language: str      # "nl" or "en"


@dataclass
class Registry:
    documents: dict[str, dict[str, str]]
    releases: list[dict[str, Any]]
    ids: dict[str, dict[str, Any]]
    lines: dict[str, int] = field(default_factory=dict)
    path: str = "registry/ids.yml"


# The C parser when PyYAML has it: the registry is read by several hooks per language build.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_loaded: dict[Path, tuple[float, Registry]] = {}


def load_registry(path: Path) -> Registry:
    """The registry, read once per change of the file (the hooks share it)."""
    mtime = path.stat().st_mtime
    cached = _loaded.get(path)
    if cached and cached[0] == mtime:
        return cached[1]
    text = path.read_text(encoding="utf-8")
    data = yaml.load(text, Loader=_YAML_LOADER) or {}
    lines = {}
    for number, line in enumerate(text.splitlines(), start=1):
        match = re.match(r"^\s{2}([a-z]-[0-9]+):", line)
        if match:
            lines[match.group(1)] = number
    registry = Registry(data.get("documents") or {}, data.get("releases") or [], data.get("ids") or {}, lines,
                        f"{path.parent.name}/{path.name}")
    _loaded[path] = (mtime, registry)
    return registry


def language_of(path: str) -> str:
    return "en" if path.endswith(".en.md") else "nl"


def dutch_twin(path: str) -> str:
    return path[: -len(".en.md")] + ".md" if path.endswith(".en.md") else path


def english_twin(path: str) -> str:
    return path if path.endswith(".en.md") else path[: -len(".md")] + ".en.md"


def headings(docs_dir: Path) -> list[Unit]:
    """Every heading with an explicit {#anchor} in every Markdown page, outside code fences."""
    units: list[Unit] = []
    for file in sorted(docs_dir.rglob("*.md")):
        rel = file.relative_to(docs_dir).as_posix()
        in_fence = False
        for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
            if FENCE.match(line):
                in_fence = not in_fence
                continue
            match = None if in_fence else HEADING.match(line)
            if match:
                units.append(Unit(match["id"], match["title"], rel, number, language_of(rel)))
    return units


def unit_text(docs_dir: Path, unit: Unit) -> str:
    """The unit's Markdown: its heading line up to the next heading of the same or higher level."""
    lines = (docs_dir / unit.path).read_text(encoding="utf-8").splitlines()
    level = len(lines[unit.line - 1]) - len(lines[unit.line - 1].lstrip("#"))
    body = [lines[unit.line - 1]]
    for line in lines[unit.line:]:
        stripped = line.lstrip("#")
        depth = len(line) - len(stripped)
        if depth and depth <= level and stripped.startswith(" "):
            break
        body.append(line)
    return "\n".join(body).strip()


def checksum(text: str) -> str:
    """Whitespace-insensitive fingerprint of a unit's Dutch text (12 hex digits)."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:12]


def next_release(registry: Registry) -> str:
    """The version the next release will have: the last one's minor number plus one."""
    if not registry.releases:
        return "1.0"
    major, _, minor = str(registry.releases[-1]["version"]).partition(".")
    return f"{major}.{int(minor or 0) + 1}"


def problems(docs_dir: Path, registry: Registry) -> list[Problem]:
    """Everything that would break a citation."""
    found: list[Problem] = []
    docs = docs_dir.name
    units = headings(docs_dir)
    citable = [u for u in units if WELL_FORMED.match(u.anchor)]

    for unit in units:
        if not WELL_FORMED.match(unit.anchor) and LOOKS_LIKE_ID.match(unit.anchor):
            good = f"{unit.anchor[0].lower()}-{int(re.sub(r'[^0-9]', '', unit.anchor))}"
            found.append(Problem(f"{docs}/{unit.path}", unit.line,
                          f"het ID '{unit.anchor}' heeft niet de juiste vorm",
                          f"schrijf een kleine letter, een streepje en een getal zonder voorloopnul, zoals {{#{good}}}",
                          f"the ID '{unit.anchor}' is malformed",
                          f"write a lowercase letter, a hyphen and a number without leading zero, like {{#{good}}}"))

    seen: dict[tuple[str, str], Unit] = {}
    for unit in citable:
        key = (unit.anchor, unit.language)
        if key in seen:
            first = seen[key]
            found.append(Problem(f"{docs}/{unit.path}", unit.line,
                          f"het ID {unit.anchor} staat twee keer in de site (ook in {docs}/{first.path}:{first.line})",
                          "geef één van beide een nieuw ID en zet dat in registry/ids.yml",
                          f"the ID {unit.anchor} is defined twice (also in {docs}/{first.path}:{first.line})",
                          "give one of them a new ID and add it to registry/ids.yml"))
        else:
            seen[key] = unit

    registered = registry.ids
    for unit in citable:
        entry = registered.get(unit.anchor)
        where = (f"{docs}/{unit.path}", unit.line)
        if unit.anchor[0] not in registry.documents:
            found.append(Problem(*where, f"het ID {unit.anchor} begint met een onbekende documentletter '{unit.anchor[0]}'",
                          f"gebruik een van de letters {', '.join(sorted(registry.documents))} (zie registry/ids.yml)",
                          f"the ID {unit.anchor} starts with an unknown document letter '{unit.anchor[0]}'",
                          f"use one of the letters {', '.join(sorted(registry.documents))} (see registry/ids.yml)"))
        elif entry is None:
            found.append(Problem(*where, f"het ID {unit.anchor} staat niet in het register",
                          f"voeg één regel toe aan registry/ids.yml:   {unit.anchor}: {{page: {dutch_twin(unit.path)}, status: active, since: \"{next_release(registry)}\"}}",
                          f"the ID {unit.anchor} is not in the registry",
                          "add one line to registry/ids.yml (see the Dutch text for the line)"))
        elif entry.get("status") == "retired":
            instead = entry.get("replaced_by")
            found.append(Problem(*where, f"het ID {unit.anchor} is ingetrokken en mag niet opnieuw gebruikt worden"
                          + (f" (vervangen door {instead})" if instead else ""),
                          "kies een nieuw nummer dat nog nooit gebruikt is en zet het in registry/ids.yml",
                          f"the ID {unit.anchor} was retired and must not be used again",
                          "choose a new number that was never used and add it to registry/ids.yml"))
        elif entry.get("page") != dutch_twin(unit.path):
            found.append(Problem(*where, f"het ID {unit.anchor} staat volgens het register op {entry.get('page')}",
                          f"verplaats je het onderdeel? Zet dan page: {dutch_twin(unit.path)} bij {unit.anchor} in registry/ids.yml",
                          f"the registry places {unit.anchor} on {entry.get('page')}",
                          f"did you move the unit? Then set page: {dutch_twin(unit.path)} for {unit.anchor} in registry/ids.yml"))

    by_language = {(u.anchor, u.language): u for u in citable}
    for (anchor, language), unit in sorted(by_language.items()):
        other = "en" if language == "nl" else "nl"
        if (anchor, other) not in by_language:
            twin = english_twin(unit.path) if language == "nl" else dutch_twin(unit.path)
            found.append(Problem(f"{docs}/{unit.path}", unit.line,
                          f"het ID {anchor} staat alleen in de {'Nederlandse' if language == 'nl' else 'Engelse'} tekst",
                          f"zet dezelfde kop met {{#{anchor}}} ook in {docs}/{twin}",
                          f"the ID {anchor} exists in {'Dutch' if language == 'nl' else 'English'} only",
                          f"add the same heading with {{#{anchor}}} to {docs}/{twin}"))

    for anchor, entry in sorted(registered.items()):
        line = registry.lines.get(anchor, 1)
        if not WELL_FORMED.match(anchor):
            found.append(Problem(registry.path, line, f"het ID '{anchor}' in het register heeft niet de juiste vorm",
                          "schrijf een kleine letter, een streepje en een getal, zoals d-12",
                          f"the registry ID '{anchor}' is malformed", "write a lowercase letter, a hyphen and a number, like d-12"))
            continue
        if entry.get("status") not in ("active", "retired"):
            found.append(Problem(registry.path, line, f"{anchor} heeft status '{entry.get('status')}'",
                          "gebruik status: active of status: retired",
                          f"{anchor} has status '{entry.get('status')}'", "use status: active or status: retired"))
        if entry.get("status") == "active" and (anchor, "nl") not in by_language:
            found.append(Problem(registry.path, line, f"het actieve ID {anchor} komt niet meer voor in de site ({entry.get('page')})",
                          f"zet de kop met {{#{anchor}}} terug, of trek het ID in: status: retired en replaced_by: <nieuw ID>",
                          f"the active ID {anchor} is missing from the site ({entry.get('page')})",
                          f"restore the heading with {{#{anchor}}}, or retire the ID: status: retired and replaced_by: <new ID>"))
        replacement = entry.get("replaced_by")
        if replacement and replacement not in registered:
            found.append(Problem(registry.path, line, f"{anchor} wordt vervangen door {replacement}, maar dat ID staat niet in het register",
                          "controleer replaced_by", f"{anchor} is replaced by {replacement}, which is not registered",
                          "check replaced_by"))
    return found
