"""The data files of the built site are sound: the units JSON follows its schema, the feed is Atom.

Per language (/c/ and /en/c/): onderdelen.json against schemas/onderdelen.schema.json,
every registered ID listed once; versies.atom well-formed Atom with an entry per release.
"""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema

from dom_site.checks.common import Problem, relative
from dom_site.citation_registry import load_registry
from dom_site.languages import language_prefix

SCHEMA = Path("schemas") / "onderdelen.schema.json"  # in the project folder
ATOM = "{http://www.w3.org/2005/Atom}"


def problem(path: Path, root: Path, wrong_nl: str, wrong_en: str) -> Problem:
    return Problem(relative(path, root), 1, wrong_nl, "bouw de site opnieuw; meld het als het blijft (src/dom_site/site_data.py)",
                   wrong_en, "build the site again; report it if it stays")


def check_language(site: Path, prefix: str, registry: dict[str, Any], root: Path) -> list[Problem]:
    found: list[Problem] = []
    units_file, feed_file = site / prefix / "c" / "onderdelen.json", site / prefix / "c" / "versies.atom"
    if not units_file.is_file():
        return [problem(units_file, root, "het bestand met alle onderdelen ontbreekt", "the units file is missing")]
    data = json.loads(units_file.read_text("utf-8"))
    validator = jsonschema.Draft202012Validator(json.loads((root / SCHEMA).read_text("utf-8")),
                                                format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    for error in validator.iter_errors(data):
        where = "/".join(str(part) for part in error.absolute_path)
        found.append(problem(units_file, root, f"volgt het schema niet bij {where}: {error.message}",
                             f"does not follow the schema at {where}: {error.message}"))
    listed = [unit.get("id") for unit in data.get("units", [])]
    if listed != list(registry.get("ids") or {}):
        found.append(problem(units_file, root, "de onderdelen zijn niet precies die van registry/ids.yml",
                             "the units are not exactly those of registry/ids.yml"))
    if not feed_file.is_file():
        return [*found, problem(feed_file, root, "de feed ontbreekt", "the feed is missing")]
    try:
        feed = ET.parse(feed_file).getroot()
    except ET.ParseError as error:
        return [*found, problem(feed_file, root, f"de feed is geen geldige XML: {error}", f"the feed is not well-formed XML: {error}")]
    if feed.tag != f"{ATOM}feed" or len(feed.findall(f"{ATOM}entry")) != len(registry.get("releases") or []):
        found.append(problem(feed_file, root, "de feed is geen Atom-feed met een bericht per versie",
                             "the feed is not an Atom feed with an entry per release"))
    return found


def findings(site: Path, root: Path) -> list[Problem]:
    loaded = load_registry(root / "registry" / "ids.yml")
    registry = {"ids": loaded.ids, "releases": loaded.releases}
    return [p for prefix in (language_prefix("nl"), language_prefix("en")) for p in check_language(site, prefix, registry, root)]
