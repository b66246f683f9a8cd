"""Every fact in the draaiboek has a source: a figure carries a footnote in its own paragraph.

A paragraph, list item, table row, heading or admonition title that names an
amount (€, EUR), a percentage, a legal article, a year, a date, a number of weeks,
years, homes and the like, a phone number or an e-mail address carries a footnote
`[^key]` in that same unit. (That the key names a registered source is the sources
rule's: dom_site.sources.) A phone number or address that no page of a source gives
would send a resident to the wrong door.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from dom_site.data_file import MONTHS as DUTCH_MONTHS
from dom_site.messages import Problem
from dom_site.rules import Context
from dom_site.source import (
    ABBREVIATION_DEFINITION,
    FOOTNOTE_REFERENCE,
    HEADING,
    SourcePage,
    in_footnote_definition,
)

COUNTED = (
    r"weken|week|maanden|maand|jaren|jaar|dagen|dag|woningen|woning|huizen|huis|huishoudens|"
    r"initiatieven|initiatief|inwoners|inwoner|leden|dorpen|dorpsverenigingen|kernen|projecten|mensen|"
    r"weeks|months|month|years|year|days|day|homes|home|houses|house|households|"
    r"initiatives|initiative|inhabitants|residents|members|villages|village|projects|people"
)
# Dutch month names are the data files' (they read "5 januari 2027" as a date); English ones beside them.
MONTHS = "|".join([*DUTCH_MONTHS, "January", "February", "March", "April", "May", "June", "July", "August",
                   "September", "October", "November", "December"])
YEAR = r"(?:1[89]|20)\d\d"  # also the translation rule's
CONTACTS: tuple[tuple[re.Pattern[str], str, str], ...] = (
    # Dutch numbers have ten digits (0 and nine more), or +31 and nine.
    (re.compile(r"(?:\+31[\s-]?(?:\(0\))?|\b0)\d(?:[\s-]?\d){8}\b"), "een telefoonnummer", "a phone number"),
    (re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b"), "een e-mailadres", "an e-mail address"),
)
FACTS: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (re.compile(r"€|\bEUR\b"), "een bedrag", "an amount"),
    (re.compile(r"\d\s?%|\bprocent\b|\bpercent\b", re.IGNORECASE), "een percentage", "a percentage"),
    (re.compile(r"\b(?:art\.|artikel|article)\s*\d[\w.()]*", re.IGNORECASE), "een wetsartikel", "a legal article"),
    (re.compile(rf"\b\d[\d.,]*\s+(?:{COUNTED})\b", re.IGNORECASE), "een aantal", "a number"),
    (re.compile(rf"\b{YEAR}\b"), "een jaartal", "a year"),
    (re.compile(rf"\b\d{{1,2}}\s+(?:{MONTHS})\b"), "een datum", "a date"),
    *CONTACTS,
)
TABLE_ROW = re.compile(r"^\s*\|")
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
ADMONITION = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s")
# Text that is not prose: link targets, autolinks, attribute lists, code, HTML tags, footnote marks.
NOT_PROSE = re.compile(r"\]\([^)]*\)|<https?://[^>]*>|\{[^}]*\}|`[^`]*`|<[^>]*>|\[\^[^\]]*\]")


@dataclass
class Unit:
    """A paragraph, list item, table row, heading or admonition title."""

    lines: list[tuple[int, str]] = field(default_factory=list)


def units(page: SourcePage) -> list[Unit]:
    """The page's prose split into the units a footnote belongs to."""
    found: list[Unit] = []
    current: Unit | None = None

    def close() -> None:
        nonlocal current
        if current is not None and current.lines:
            found.append(current)
        current = None

    notes = in_footnote_definition(line for _, line in page.prose)
    for (number, line), note in zip(page.prose, notes, strict=True):
        if note:  # a footnote's text (with its indented lines) is no unit of its own
            close()
            continue
        if not line.strip() or ABBREVIATION_DEFINITION.match(line):
            close()
            continue
        if HEADING.match(line) or TABLE_ROW.match(line) or ADMONITION.match(line):
            close()
            found.append(Unit([(number, line)]))
            continue
        if LIST_ITEM.match(line):
            close()
        if current is None:
            current = Unit()
        current.lines.append((number, line))
    close()
    return found


def first_fact(unit: Unit) -> tuple[int, str, str, str] | None:
    """The first fact in a unit: its line, the matched text, and its kind in both languages."""
    for number, line in unit.lines:
        prose = NOT_PROSE.sub(" ", line)
        hits = [(m.start(), m.group(0), nl, en) for pattern, nl, en in FACTS for m in [pattern.search(prose)] if m]
        if hits:
            _, text, nl, en = min(hits)
            return number, text.strip(), nl, en
    return None


def check(context: Context) -> Iterator[Problem]:
    for page in context.model:
        if not any(page.path.startswith(folder) for folder in context.settings.facts):
            continue
        for unit in units(page):
            fact = first_fact(unit)
            if fact and not any(FOOTNOTE_REFERENCE.search(line) for _, line in unit.lines):
                number, text, nl, en = fact
                yield Problem(page.shown, number, f"'{text}' is {nl} zonder voetnoot in dezelfde alinea",
                              "zet er een voetnoot naar de bron achter, met de sleutel uit registry/bronnen/, "
                              "bijvoorbeeld [^drenthe-cpo-regeling]",
                              f"'{text}' is {en} without a footnote in the same paragraph",
                              "add a footnote with the source's key from registry/bronnen/, "
                              "for example [^drenthe-cpo-regeling]", subject=f"fact:{page.shown}:{number}")
