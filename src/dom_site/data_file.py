"""A YAML data file checked against its JSON schema, with every problem at its line.

The registries (registry/ids.yml, registry/bronnen/) are edited by hand. A mistake
there must not crash a later step with a KeyError: the build reads the file here
first, checks it against its schema, and names the line and the field to fix, in
one wording for every data file. A schema helps the messages with annotations: a
field's `title` ("de uitgever / the publisher") names it, its first `examples`
entry shows how to write it.
"""
from __future__ import annotations

import datetime as dt
import difflib
import json
import re
from collections.abc import Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator, FormatChecker, validators
from jsonschema.exceptions import ValidationError

from dom_site import dates
from dom_site.messages import Problem
from dom_site.source import DuplicateKey, FrontMatterLoader, SourcePage, compose, line_of

LATEST_TODAY = "x-uiterlijk-vandaag"


def _not_after_today(_: Any, wanted: Any, instance: Any, __: Any) -> Iterator[ValidationError]:
    """The schema keyword x-uiterlijk-vandaag: a date something happened (a source read, a page
    checked) is today or earlier; a slip of the year (2062) would be shown on the site as it is."""
    if wanted is True and isinstance(instance, str):
        # A month or a year (a source's datum: 2027-10) is after today when its first day is.
        whole = instance + "-01" * (2 - instance.count("-")) if re.fullmatch(r"\d{4}(-\d{2})?", instance) else instance
        try:
            day = dt.date.fromisoformat(whole)
        except ValueError:
            return  # not a date: the format says so
        if day > dt.date.today() + dt.timedelta(days=1):  # a day's slack: CI's clock is UTC, editors' is not
            yield ValidationError(f"{instance} is after today")


# Draft 2020-12 with the project's own keyword (a schema's x-… words are otherwise ignored).
Checker = validators.extend(Draft202012Validator, {LATEST_TODAY: _not_after_today})  # type: ignore[no-untyped-call]


@cache
def validator(schema: Path) -> Any:
    """One validator per schema file for the whole run."""
    return Checker(json.loads(schema.read_text(encoding="utf-8")), format_checker=FormatChecker())


Name = tuple[str, str]  # how a message names something: (Dutch, English)


def _schema(error: ValidationError) -> dict[str, Any]:
    return error.schema if isinstance(error.schema, dict) else {}


def _joined(parts: Sequence[Any], language: str = "nl") -> str:
    """A path in the data as messages name it: 'releases → nr. 1', not the list index 'releases → 0'."""
    number = "nr." if language == "nl" else "no."
    return " → ".join(f"{number} {part + 1}" if isinstance(part, int) else str(part) for part in parts)


def _where(rel: Sequence[Any], at: Sequence[Any], name: Name | None) -> Name:
    """How a message names the part of the file at rel (a path in the checked value, which stands at `at`).

    name: how messages name the checked value itself (a source: "de bron 'x'"); without it, its path.
    """
    if name is None:
        parts = [*at, *rel]
        return (_joined(parts), _joined(parts, "en")) if parts else ("het bestand", "the file")
    if not rel:
        return name
    return f"{name[0]} → {_joined(rel)}", f"{name[1]} → {_joined(rel, 'en')}"


def _label(field_schema: Any, field: str) -> Name:
    """A field as messages name it: the schema's `title` ("de uitgever / the publisher"), else its key."""
    title = field_schema.get("title") if isinstance(field_schema, dict) else None
    if not isinstance(title, str) or not title.strip():
        return f"het veld '{field}'", f"the field '{field}'"
    dutch, _, english = title.partition(" / ")
    return dutch.strip(), (english or dutch).strip()


def _example_line(field_schema: Any, field: str) -> str | None:
    """The schema's first example of the field as a line of YAML ('glossary: false'); None without one."""
    examples = field_schema.get("examples") if isinstance(field_schema, dict) else None
    if not examples:
        return None
    value = examples[0] if isinstance(examples[0], str) else json.dumps(examples[0])  # true, not True
    return f"{field}: {value}"


def _example(field_schema: Any, field: str) -> Name:
    """Advice with the schema's first example of the field, in both languages; empty without one."""
    line = _example_line(field_schema, field)
    return (f", bijvoorbeeld '{line}'", f", for example '{line}'") if line else ("", "")


def _in(where: Name) -> Name:
    """Where a field is missing, with its preposition: "bij releases → 0", "in het bestand"."""
    return ("in het bestand", "the file") if where == ("het bestand", "the file") else (f"bij {where[0]}", where[1])


def _about_a_name(error: ValidationError) -> bool:
    """A key of the wrong form: jsonschema reports the key's own error (its pattern) at the mapping's path."""
    return error.validator == "propertyNames" or "propertyNames" in list(error.absolute_schema_path)[-2:]


def _allowed(error: ValidationError) -> list[str]:
    return [str(key) for key in _schema(error).get("properties") or {}]


def _extra(error: ValidationError) -> list[str]:
    """additionalProperties: the unknown keys."""
    allowed = _allowed(error)
    return [str(key) for key in error.instance if str(key) not in allowed] if isinstance(error.instance, dict) else []


def closest(name: str, allowed: list[str], cutoff: float = 0.6) -> str | None:
    """The allowed key an unknown key most likely means ('titel' → 'title'), if any; a higher
    cutoff keeps to a slip of the keyboard."""
    close = difflib.get_close_matches(name, allowed, n=1, cutoff=cutoff)
    return close[0] if close else None


def _missing(error: ValidationError) -> str:
    """required: the missing key (its message names it: "'date' is a required property")."""
    return next((str(m) for m in error.validator_value  # type: ignore[union-attr]
                 if error.message.startswith(f"{m!r} ")), "?")


def _properties(error: ValidationError, root_schema: Any) -> dict[str, Any]:
    """The properties of the mapping the error is about: its own schema's, or, for a rule in
    an if/then beside them (a hamlet needs onderdeel_van), those at the same place in the root."""
    own = _schema(error).get("properties")
    if own:
        return dict(own)
    node = root_schema
    for part in error.absolute_path:
        if not isinstance(node, dict):
            return {}
        node = node.get("items") if isinstance(part, int) else (node.get("properties") or {}).get(part)
    return dict(node.get("properties") or {}) if isinstance(node, dict) else {}


def problems_of(error: ValidationError, file: str, root: yaml.Node | None,
                at: Sequence[Any] = (), name: Name | None = None, root_schema: Any = None) -> list[Problem]:
    """One schema error as editors' messages at their lines: one, or one per unknown field.

    at: where the checked value stands in the file (for the line); name: how to call it (see _where).
    """
    rel = list(error.absolute_path)
    path = [*at, *rel]
    line = line_of(root, path)
    schema = _schema(error)
    if error.validator == "required":
        properties = _properties(error, root_schema)
        missing = _missing(error)  # one error per missing field
        (where_nl, where_en), (nl, en) = _in(_where(rel, at, name)), _label(properties.get(missing), missing)
        own_fix = _own_fix(properties.get(missing))
        if own_fix:
            fix_nl, fix_en = own_fix
        else:
            ex_nl, ex_en = _example(properties.get(missing), missing)
            fix_nl, fix_en = f"voeg '{missing}: …' toe{ex_nl}", f"add '{missing}: …'{ex_en}"
        return [Problem(file, line, f"{where_nl} ontbreekt {nl}", fix_nl, f"{where_en} lacks {en}", fix_en)]
    if error.validator == "additionalProperties":
        allowed = _allowed(error)
        where_nl, where_en = _where(rel, at, name)
        found = []
        for extra_name in _extra(error) or ["?"]:
            close = closest(extra_name, allowed)
            hint_nl, hint_en = ((f"misschien bedoel je '{close}'; ", f"perhaps you mean '{close}'; ")
                                if close else ("", ""))
            found.append(Problem(file, line_of(root, [*path, extra_name]),
                                 f"{where_nl} heeft een onbekend veld '{extra_name}'",
                                 f"{hint_nl}gebruik alleen: {', '.join(allowed)}",
                                 f"{where_en} has an unknown field '{extra_name}'",
                                 f"{hint_en}use only: {', '.join(allowed)}"))
        return found
    if _about_a_name(error):
        where_nl, where_en = _where(rel, at, name)
        return [Problem(file, line_of(root, [*path, error.instance]),
                        f"de naam '{error.instance}' in {where_nl} heeft niet de juiste vorm",
                        "kijk naar de andere namen in dit deel en schrijf hem zoals zij",
                        f"the name '{error.instance}' in {where_en} is malformed", "write it like the other names there")]
    # A value that is not what the schema says (type, pattern, enum, length, format …).
    field = rel[-1] if rel and isinstance(rel[-1], str) else None
    fix_nl, fix_en = _value_fix(error, schema, field)
    value_nl, value_en = _value(error.instance)
    if rel and isinstance(rel[-1], int):  # an item of a list, counted as editors count
        (where_nl, where_en), (nl, en) = _where(rel[:-1], at, name), (f"nummer {rel[-1] + 1}", f"item {rel[-1] + 1}")
        return [Problem(file, line, f"bij {where_nl} klopt {nl} niet ({value_nl})", fix_nl,
                        f"in {where_en}, {en} is not valid ({value_en})", fix_en)]
    if field is not None:
        (where_nl, where_en), (nl, en) = _where(rel[:-1], at, name), _label(schema, field)
        # A field named in the plural ("de coördinaten"): "kloppen … niet", "are not valid".
        klopt, is_ = ("kloppen", "are") if schema.get("x-meervoud") is True else ("klopt", "is")
        if rel[:-1] or name is not None:
            wrong_nl, wrong_en = f"bij {where_nl} {klopt} {nl} niet", f"in {where_en}, {en} {is_} not valid"
        else:
            wrong_nl, wrong_en = f"{nl} {klopt} niet", f"{en} {is_} not valid"
        return [Problem(file, line, f"{wrong_nl} ({value_nl})", fix_nl, f"{wrong_en} ({value_en})", fix_en)]
    where_nl, where_en = _where(rel, at, name)
    return [Problem(file, line, f"{where_nl} klopt niet ({value_nl})", fix_nl,
                    f"{where_en} is not valid ({value_en})", fix_en)]


def _value(value: Any) -> Name:
    """A wrong value as a message shows it: as written ('false' in quotes is text), or empty."""
    return ("leeg", "empty") if value is None else (repr(value), repr(value))


# What a value of each JSON type is, for "schrijf …" / "write …".
KINDS = {"string": ("tekst", "text"), "boolean": ("true of false", "true or false"),
         "integer": ("een heel getal", "a whole number"), "number": ("een getal", "a number"),
         "array": ("een lijst", "a list"), "object": ("velden eronder", "fields below it")}


def _own_fix(field_schema: Any) -> Name | None:
    """The schema's own advice for a field (x-herstel, "Dutch / English"): for a value a
    command writes, or one whose right form the schema's example cannot show."""
    fix = field_schema.get("x-herstel") if isinstance(field_schema, dict) else None
    if not isinstance(fix, str):
        return None
    dutch, _, english = fix.partition(" / ")
    return dutch.strip(), (english or dutch).strip()


def choices(values: Sequence[Any]) -> Name:
    """How to write a value that must be one of values."""
    options = ", ".join(str(value) for value in values)
    return f"kies uit: {options}", f"choose from: {options}"


YES = {"ja", "yes", "waar", "wel", "j", "y"}
NO = {"nee", "no", "onwaar", "niet", "n"}
# "5 januari 2027" read as a date: the Dutch month names, whatever their capitals.
MONTHS = {name.lower(): number for number, name in enumerate(dates.MONTHS["nl"], start=1)}
DAY_FIRST = re.compile(r"^(?P<day>\d{1,2})[-/. ](?P<month>\d{1,2}|[a-z]+)[-/. ](?P<year>\d{4})$")
YEAR_FIRST = re.compile(r"^(?P<year>\d{4})[-/.](?P<month>\d{1,2})(?:[-/.](?P<day>\d{1,2}))?$")  # 2026-12-4, 2026-11
MONTH_YEAR = re.compile(r"^(?P<month>\d{1,2}|[a-z]+)[-/. ](?P<year>\d{4})$")  # december 2026, 10-2018
# A date field that may also be a month or a year (the sources' `datum`: JJJJ, JJJJ-MM or JJJJ-MM-DD).
LOOSE_DATE_PATTERN = "^[12][0-9]{3}(-"
MARKDOWN_LINK = re.compile(r"^\[[^\]]*\]\((?P<url>https?://[^)\s]+)\)$|^<(?P<bare>https?://[^>\s]+)>$")


def _meant(value: Any, schema: dict[str, Any]) -> str | None:
    """The value the editor meant, written as the schema wants it, where that is certain:
    'ja' for true, 5-1-2027 or 5 januari 2027 for 2027-01-05, a Markdown link for its address,
    an address without https:// for the address with it.
    The schema's example would be a value of its own (another date, another address)."""
    if (schema.get("type") == "string" and isinstance(value, int | float) and not isinstance(value, bool)
            and "x-herstel" not in schema):  # a value a command writes: its own fix says how
        return f'"{value}"'  # since: 1.1 is a number to YAML; the version is text
    if not isinstance(value, str):
        return None
    plain = value.strip().lower()
    if schema.get("type") == "boolean":
        return "true" if plain in YES else "false" if plain in NO else None
    pattern = str(schema.get("pattern", ""))
    if schema.get("format") == "date" or pattern.startswith(LOOSE_DATE_PATTERN):
        return _as_date(plain, partial=pattern.startswith(LOOSE_DATE_PATTERN))
    if "https?://" in pattern and (match := MARKDOWN_LINK.match(value.strip())):
        return match["url"] or match["bare"]
    if "https?://" in pattern and "://" not in value:
        # The address without its beginning (www.…), or with a slip in it (https//…, https:/…).
        rest = re.sub(r"^https?:?/*", "", value.strip(), flags=re.IGNORECASE)
        if re.match(pattern, f"https://{rest}"):
            return f"https://{rest}"
    return None


def _as_date(plain: str, partial: bool) -> str | None:
    """The date the editor wrote, as YYYY-MM-DD (5-1-2027, 5 januari 2027, 2027-1-5); with partial also a
    month (oktober 2018, 2018-10) as YYYY-MM. None when it is no date, or only part of one the field needs whole."""
    found = DAY_FIRST.match(plain) or YEAR_FIRST.match(plain) or (MONTH_YEAR.match(plain) if partial else None)
    if not found:
        return None
    parts = found.groupdict()
    month = MONTHS.get(parts["month"]) or (int(parts["month"]) if parts["month"].isdigit() else 0)
    if parts.get("day") is None:
        return f"{int(parts['year']):04d}-{month:02d}" if partial and 1 <= month <= 12 else None
    try:
        return dt.date(int(parts["year"]), month, int(parts["day"])).isoformat()
    except ValueError:
        return None


def _day_missing(value: Any, schema: dict[str, Any]) -> str | None:
    """A month without its day (2026-11, december 2026) where the field needs a whole date: as YYYY-MM."""
    if schema.get("format") != "date" or not isinstance(value, str):
        return None
    found = _as_date(value.strip().lower(), partial=True)
    return found if found is not None and len(found) == len("JJJJ-MM") else None


def _value_fix(error: ValidationError, schema: dict[str, Any], field: str | None) -> Name:
    """How to write the value: the enum's choices, the value the editor meant (_meant), the
    schema's own fix (x-herstel, for a value a command writes), its example, what kind of
    value, or the schema's words about the field (its description), in that order."""
    if error.validator == "enum":
        return choices(schema.get("enum", []))
    if error.validator == LATEST_TODAY:
        return ("die datum ligt na vandaag: schrijf de dag waarop het gebeurde, als JJJJ-MM-DD",
                "that date is after today: write the day it happened, as YYYY-MM-DD")
    if field is not None and (meant := _meant(error.instance, schema)) is not None:
        return f"schrijf het zo: '{field}: {meant}'", f"write it like this: '{field}: {meant}'"
    if field is not None and (month := _day_missing(error.instance, schema)) is not None:
        # Never a day the editor did not give: the schema's example would be another date altogether.
        return (f"de dag ontbreekt: schrijf de hele datum als JJJJ-MM-DD, zoals '{field}: {month}-…' met de dag erbij",
                f"the day is missing: write the whole date as YYYY-MM-DD, like '{field}: {month}-…' with the day")
    if "https?://" in str(schema.get("pattern", "")):
        # Never the schema's example: that is another source's address, which an editor would copy.
        return ("schrijf het hele adres van de pagina zoals de adresbalk van de browser het toont (https://…)",
                "write the page's whole address as the browser's address bar shows it (https://…)")
    own_fix = _own_fix(schema)
    if error.validator in ("minimum", "maximum") and "minimum" in schema and "maximum" in schema:
        low, high = schema["minimum"], schema["maximum"]
        if own_fix:
            return f"toegestaan is {low} tot {high}; {own_fix[0]}", f"allowed is {low} to {high}; {own_fix[1]}"
        return f"kies een getal van {low} tot {high}", f"choose a number from {low} to {high}"
    if own_fix:
        return own_fix
    example = _example_line(schema, field) if field is not None else None
    if example:
        return f"schrijf het zo: '{example}'", f"write it like this: '{example}'"
    if error.validator == "type" and isinstance(schema.get("type"), str) and schema["type"] in KINDS:
        kind_nl, kind_en = KINDS[schema["type"]]
        return f"schrijf hier {kind_nl}", f"write {kind_en} here"
    description = schema.get("description")
    if isinstance(description, str) and description.strip():
        dutch, _, english = description.partition(" / ")
        return dutch.strip().rstrip("."), (english or dutch).strip().rstrip(".")
    return "schrijf het zoals de andere regels in dit bestand", "write it like the other lines in this file"


def check(value: Any, schema: Path, file: str, root: yaml.Node | None,
          at: Sequence[Any] = (), name: Name | None = None) -> list[Problem]:
    """Every schema problem of `value` (the part of the file at `at`, the whole file by default), by line.

    One message per wrong value (a bad date breaks both its pattern and its format); a
    mapping may lack several fields or have several unknown ones, each its own message.
    A field written under a wrong name ('status' for 'paginastatus') is one mistake: the
    unknown name is reported, with the right one, and not also the missing field.
    """
    checker = validator(schema)
    errors = list(checker.iter_errors(value))
    renamed = {(tuple(error.absolute_path), closest(extra, _allowed(error)))
               for error in errors if error.validator == "additionalProperties" for extra in _extra(error)}
    seen: set[tuple[Any, ...]] = set()
    found: list[Problem] = []
    for error in errors:
        key: tuple[Any, ...] = tuple(error.absolute_path)
        if error.validator == "required" and (key, _missing(error)) in renamed:
            continue
        if error.validator in ("required", "additionalProperties") or _about_a_name(error):
            key += (error.validator, error.message)
        if key in seen:
            continue
        seen.add(key)
        found += problems_of(error, file, root, at, name, checker.schema)
    return sorted(found, key=lambda problem: problem.line)


# How a message names the YAML it is about, and a key in it: a data file, or the data at the top
# of a page (its front matter). The mistakes and their fixes are the same for both.
FILE = {"nl": ("dit bestand is", "de naam", "hetzelfde deel van dit bestand"),
        "en": ("this file is", "the name", "the same part of this file")}
PAGE_DATA = {"nl": ("de gegevens bovenaan deze pagina zijn", "het veld", "de gegevens bovenaan deze pagina"),
             "en": ("the data at the top of this page is", "the field", "the data at the top of this page")}


# PyYAML's context of an error inside a quoted text or a [ ] or { } list.
UNCLOSED = ("while scanning a quoted scalar", "while parsing a flow")


def _unreadable(error: yaml.YAMLError, shown: str, first_line: int,
                what: dict[str, tuple[str, str, str]], text: str | None = None) -> Problem:
    """The one message for YAML that cannot be read, at its line.

    first_line: the file line of the YAML's line 1.
    """
    mark = getattr(error, "problem_mark", None)
    opened = getattr(error, "context_mark", None)
    if opened and str(getattr(error, "context", "")).startswith(UNCLOSED):
        # An unclosed quote, [ or { is noticed lines later (at the next colon, or at the
        # end): the mistake is where it opened.
        mark = opened
    line = mark.line + first_line if mark else 1
    if mark is not None and text is not None and (slipped := _lost_indent(mark.line, text)) is not None:
        line = slipped + first_line
    (is_nl, key_nl, part_nl), (is_en, key_en, part_en) = what["nl"], what["en"]
    if isinstance(error, DuplicateKey):
        first = error.context_mark.line + first_line if error.context_mark else None
        also_nl, also_en = (f" (ook op regel {first})", f" (also on line {first})") if first else ("", "")
        return Problem(shown, line, f"{key_nl} '{error.problem}' staat twee keer in {part_nl}{also_nl}",
                       "houd één van de twee over; is het iets anders, geef het dan een eigen naam",
                       f"{key_en} '{error.problem}' is written twice in {part_en}{also_en}",
                       "keep one of the two; if it is something else, give it a name of its own")
    if "'\\t'" in str(getattr(error, "problem", "")):
        # YAML takes no tab for indentation; a tab looks like spaces to the editor (a helper's probe).
        return Problem(shown, line, f"{is_nl} niet te lezen: deze regel springt in met een tab",
                       "vervang de tab door spaties, even veel als op de regels erboven",
                       f"{is_en} not readable: this line is indented with a tab",
                       "replace the tab by spaces, as many as on the lines above")
    return Problem(shown, line, f"{is_nl} niet te lezen (geen geldige YAML)",
                   "schrijf elke regel als 'veld: waarde', let op de inspringing, "
                   "en zet tekst met een dubbele punt tussen aanhalingstekens",
                   f"{is_en} not readable (not valid YAML)",
                   "write each line as 'field: value', mind the indentation, and put text containing a colon in quotes")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _lost_indent(here: int, text: str) -> int | None:
    """The line (0-based) that lost its indentation, where PyYAML notices it at the next one (here): a
    field written at the left margin between the fields of one entry makes the next 'not allowed here',
    and so does the first field of a group ('coordinaten:' then 'lat: …' at its margin, '  lon: …')."""
    lines = text.split("\n")
    above = [i for i in range(here - 1, -1, -1) if lines[i].strip() and not lines[i].lstrip().startswith("#")]
    if here >= len(lines) or len(above) < 2:
        return None
    previous, before = above[0], above[1]
    fields = [lines[i].split(":", 1) for i in (previous, before, here)]
    if not all(len(field) == 2 for field in fields) or not (fields[0][1].strip() and fields[2][1].strip()):
        return None  # fields with their value on the line: an entry's own fields ('titel: …')
    if fields[1][1].strip():  # between two fields of one entry
        return previous if _indent(lines[previous]) < _indent(lines[here]) == _indent(lines[before]) else None
    # The first field under a group's name ('coordinaten:'), at the name's margin, the next one indented.
    return previous if _indent(lines[before]) == _indent(lines[previous]) < _indent(lines[here]) else None


def unreadable_file(error: yaml.YAMLError, shown: str) -> Problem:
    """The one message for a whole YAML file that cannot be read (mkdocs.yml too), at its line."""
    return _unreadable(error, shown, 1, FILE)


def read(path: Path, shown: str) -> tuple[Any, yaml.Node | None, list[Problem]]:
    """The file's data (dates as text), its YAML nodes (for line_of) and, when it is not valid YAML, why.

    The data and the nodes are None when it is not valid YAML.
    """
    text = path.read_text(encoding="utf-8")
    try:
        root = compose(text)
        data = yaml.load(text, Loader=FrontMatterLoader)  # noqa: S506 (a safe loader)
    except yaml.YAMLError as error:
        return None, None, [_unreadable(error, shown, 1, FILE, text)]
    return data, root, []


def front_matter(page: SourcePage) -> tuple[dict[str, Any] | None, list[Problem]]:
    """A page's front matter as data ({} when it has none), or None and the one message why it cannot be read.

    MkDocs itself shows unreadable front matter as text on the page and says nothing,
    so the rules say it (dom_site.rules.front_matter and the village pages' rule).
    """
    if page.front_matter_unclosed:
        return None, [Problem(page.shown, 1, "de gegevens bovenaan deze pagina hebben geen regel --- eronder",
                              "zet een regel --- onder de laatste regel met gegevens",
                              "the data at the top of this page has no --- line below it",
                              "put a --- line below the last line of data")]
    opens, _ = page.second_data
    if opens:
        end = page.front_matter_end
        return None, [Problem(page.shown, opens, "hier begint een tweede blok gegevens tussen regels ---; de site "
                              "leest alleen het eerste en toont dit blok als tekst",
                              f"zet alle gegevens in één blok: haal de regels --- op regel {end} en {opens} weg",
                              "a second block of data between --- lines starts here; the site reads only the first "
                              "and shows this block as text",
                              f"put all the data in one block: remove the --- lines on lines {end} and {opens}")]
    try:
        data = page.meta if page.front_matter is not None else {}
    except yaml.YAMLError as error:
        # The front matter's line 1 is the file's line 2 (line 1 is the opening ---).
        return None, [_unreadable(error, page.shown, 2, PAGE_DATA, page.front_matter)]
    if page.front_matter_node is not None and not isinstance(page.front_matter_node, yaml.MappingNode):
        return None, [Problem(page.shown, page.front_matter_node.start_mark.line + 1,
                              "de gegevens bovenaan deze pagina bevatten geen velden ('veld: waarde')",
                              "schrijf elke regel tussen de twee regels --- als 'veld: waarde', "
                              "of haal beide regels --- weg als de pagina geen gegevens heeft",
                              "the data at the top of this page holds no fields ('field: value')",
                              "write each line between the two --- lines as 'field: value', "
                              "or remove both --- lines when the page has no data")]
    return data, []


def load(path: Path, schema: Path, shown: str) -> tuple[Any, yaml.Node | None, list[Problem]]:
    """The file's data (dates as text), its YAML nodes (for line_of) and its problems (YAML or schema).

    The data and the nodes are None when it is not valid YAML.
    """
    data, root, problems = read(path, shown)
    if problems:
        return None, None, problems
    return data, root, check(data, schema, shown, root)
