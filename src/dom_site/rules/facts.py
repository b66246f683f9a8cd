"""Every fact has a source: in the folders and pages dom-regels' `facts` names (the draaiboek,
Maatwerk, the pages about the site and the response, and the home page; not the response
itself, which is DOM's letter as submitted), a figure carries a footnote in its own sentence.
A page named there counts with its English twin.

A sentence, table row, heading or admonition title that names an amount (€, EUR),
a percentage, a legal article, a year, a date, a number of weeks, years, homes and
the like, a phone number or an e-mail address carries a footnote `[^key]` in that
same unit. (That the key names a registered source is the sources rule's:
dom_site.sources.) A phone number or address that no page of a source gives would
send a resident to the wrong door.

Per sentence, not per paragraph: a council member checks a page line by line, and a
footnote elsewhere in the paragraph may be the source of another sentence only. The
pages have one sentence per line; a line that does not end a sentence (no full stop,
question or exclamation mark, colon or semicolon at its end) goes on on the next.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from dom_site.dates import MONTHS as MONTH_NAMES
from dom_site.messages import Problem
from dom_site.rules import Context
from dom_site.source import FOOTNOTE_REFERENCE, NOT_PROSE, SourcePage, blocks, dutch_path, sentences

COUNTED = (
    r"weken|week|maanden|maand|jaren|jaar|dagen|dag|woningen|woning|huizen|huis|huishoudens|"
    r"initiatieven|initiatief|inwoners|inwoner|leden|dorpen|dorpsverenigingen|kernen|projecten|mensen|"
    r"weeks|months|month|years|year|days|day|homes|home|houses|house|households|"
    r"initiatives|initiative|inhabitants|residents|members|villages|village|projects|people"
)
# A date names its month in Dutch, with or without a capital ("5 januari", "5 Januari", as the data files
# read it), or in English with one ("5 January"; "3 may apply" is no date).
MONTHS = "(?i:" + "|".join(MONTH_NAMES["nl"]) + ")|" + "|".join(MONTH_NAMES["en"])
YEAR = r"(?:1[89]|20)\d\d"
# A separator is always followed by digits ("2017, people" is 2017); a space separates
# thousands only before three digits ("€ 10 000").
NUMBER = r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)*"
SCALES = r"miljoen|million|mln|duizend|thousand"


@dataclass(frozen=True)
class Figure:
    """A kind of figure: how the pages write it, and its name in a message. The named groups of a
    compared kind's pattern give its value (dom_site.rules.translation): n or n2 the number as written,
    scale, scale2 or m its scale, raw a value written the same in both languages."""

    kind: str
    pattern: re.Pattern[str]
    noun_nl: str
    het: bool                # the Dutch article: het bedrag, de datum
    noun_en: str
    compared: bool = True    # the translation names the same one (a date or a phone number is not compared)

    @property
    def a(self) -> tuple[str, str]:
        return f"een {self.noun_nl}", f"{'an' if self.noun_en[0] in 'aeiou' else 'a'} {self.noun_en}"

    @property
    def the(self) -> tuple[str, str]:
        return f"{'het' if self.het else 'de'} {self.noun_nl}", f"the {self.noun_en}"


# Every figure a fact needs a footnote for, and that a translation must name the same; one list for both rules.
FIGURES = (
    # € 10.000, € 10.000,-, €1.5m, € 1,5 miljoen, EUR 50.000, 10,000 euros, 1,5 miljoen euro.
    Figure("amount", re.compile(rf"(?:(?:€|\bEUR\b)\s?(?P<n>{NUMBER})(?:,-)?(?:\s*(?P<scale>{SCALES})\b|(?P<m>m)\b)?"
                                rf"|\b(?P<n2>{NUMBER})(?:\s*(?P<scale2>{SCALES}))?\s*(?:euro|euros)\b)", re.I),
           "bedrag", True, "amount"),
    Figure("percentage", re.compile(rf"(?P<n>{NUMBER})\s?(?:%|procent\b|percent\b|per cent\b)", re.I),
           "percentage", True, "percentage"),
    Figure("article", re.compile(r"\b(?:art\.|artikel|article)\s*(?P<raw>\d+(?:\.\d+)*[a-z]?)", re.I),
           "wetsartikel", True, "legal article"),
    Figure("count", re.compile(rf"\b(?P<n>{NUMBER})\s+(?:{COUNTED})\b", re.I), "aantal", True, "number"),
    Figure("year", re.compile(rf"\b(?P<raw>{YEAR})\b"), "jaartal", True, "year"),
    Figure("date", re.compile(rf"\b\d{{1,2}}\s+(?:{MONTHS})\b"), "datum", False, "date", compared=False),
    # Dutch numbers have ten digits (0 and nine more), or +31 and nine.
    Figure("phone", re.compile(r"(?:\+31[\s-]?(?:\(0\))?|\b0)\d(?:[\s-]?\d){8}\b"), "telefoonnummer", True,
           "phone number", compared=False),
    Figure("email", re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b"), "e-mailadres", True, "e-mail address",
           compared=False),
)
CONTACTS = tuple(figure for figure in FIGURES if figure.kind in ("phone", "email"))
# The kinds of block (dom_site.source.blocks) that are one unit, however their text ends.
WHOLE = {"heading", "row", "title"}


@dataclass
class Unit:
    """A sentence (of a paragraph, list item or admonition), a table row, a heading or an admonition title."""

    lines: list[tuple[int, str]] = field(default_factory=list)


def units(page: SourcePage) -> list[Unit]:
    """The page's prose split into the units a footnote belongs to: a heading, a table row or a title
    whole, a paragraph, list item or quote sentence by sentence. A footnote's own text and a glossary
    line are no units (the sources registry and the glossary say what they hold)."""
    found: list[Unit] = []
    for block in blocks(page.prose):
        if block.kind in WHOLE:
            found.append(Unit(list(block.lines)))
        elif block.kind not in ("footnote", "abbreviation"):
            found += [Unit(sentence) for sentence in sentences(block)]
    return found


def first_fact(unit: Unit) -> tuple[int, str, str, str] | None:
    """The first fact in a unit: its line, the matched text, and its kind in both languages."""
    for number, line in unit.lines:
        prose = NOT_PROSE.sub(" ", line)
        hits = [(m.start(), m.group(0), *figure.a) for figure in FIGURES for m in [figure.pattern.search(prose)] if m]
        if hits:
            _, text, nl, en = min(hits)
            return number, text.strip(), nl, en
    return None


def check(context: Context) -> Iterator[Problem]:
    for page in context.model:
        if not any(dutch_path(page.path).startswith(folder) for folder in context.settings.facts):
            continue
        found = units(page)
        for index, unit in enumerate(found):
            fact = first_fact(unit)
            if fact and not any(FOOTNOTE_REFERENCE.search(line) for _, line in unit.lines):
                number, text, nl, en = fact
                near = nearby_footnote(found, index)
                if near:  # the source may be the one of the sentence beside it: say so, never assume it
                    fix_nl = (f"zet achter deze zin de voetnoot van de bron die dit zegt; zegt {near} het, "
                              f"zet dan {near} ook hier")
                    fix_en = f"add the footnote of the source that says it after this sentence; if {near} does, add {near} here too"
                else:
                    # No real key as an example: copied as it stands, it would cite a source that says
                    # something else (found by a helper's probe).
                    fix_nl = ("zet er een voetnoot naar de bron achter: [^sleutel], met de sleutel van de bron die "
                              "dit zegt uit registry/bronnen/ (staat die bron er niet in, voeg hem daar toe)")
                    fix_en = ("add a footnote to the source after it: [^key], with the key of the source that says it "
                              "from registry/bronnen/ (if that source is not there, add it)")
                if "@" in text and "mailto:" not in "".join(line for _, line in unit.lines):
                    # A bare address is markdownlint's too (MD034, the same subject): one fix for both, said once.
                    fix_nl = f"maak er een link van, [{text}](mailto:{text}); en {fix_nl}"
                    fix_en = f"make it a link, [{text}](mailto:{text}); and {fix_en}"
                yield Problem(page.shown, number, f"'{text}' is {nl} zonder voetnoot in dezelfde zin", fix_nl,
                              f"'{text}' is {en} without a footnote in the same sentence", fix_en,
                              subject=f"fact:{page.shown}:{number}")


def nearby_footnote(found: list[Unit], index: int) -> str | None:
    """The first footnote of the sentence right after this one, else of the one right before it (on the next or
    the previous line: the same paragraph)."""
    unit = found[index]
    beside = []
    if index + 1 < len(found) and found[index + 1].lines[0][0] == unit.lines[-1][0] + 1:
        beside.append(found[index + 1])
    if index and found[index - 1].lines[-1][0] == unit.lines[0][0] - 1:
        beside.append(found[index - 1])
    for other in beside:
        for _, line in other.lines:
            mark = FOOTNOTE_REFERENCE.search(line)
            if mark:
                return mark.group(0)
    return None
