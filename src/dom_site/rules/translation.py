"""A translation names the same figures and the same sources as its Dutch text.

Dutch is the authoritative text. An English page whose stamp `vertaald_van` matches
its Dutch page (dom_site.translations) says it translates that text; so each part of
it, from one heading to the next, names the same amounts, percentages, legal
articles, years, counted numbers ("37 inwoners": "37 inhabitants") and footnotes
as the same part in Dutch. A figure changed in the English page only (€ 100,000
where the Dutch says € 10.000), or a footnote left out, told English readers what the
Dutch text does not say, and every other check passed.

An English page that is behind its Dutch text is the translations report's (it is a
warning there, never a failure): a Dutch edit never waits for its translation.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from dom_site import translations
from dom_site.messages import Problem
from dom_site.rules import Context
from dom_site.rules.facts import COUNTED, NOT_PROSE
from dom_site.source import SourcePage, in_footnote_definition
from dom_site.sources import Citation, footnote_subject

NUMBER = r"\d+(?:[.,]\d+)*"  # a separator is always followed by digits: "2017, people" is 2017
SCALE = {"miljoen": 10**6, "million": 10**6, "mln": 10**6, "duizend": 10**3, "thousand": 10**3}
PATTERNS = (
    ("amount", re.compile(rf"(?:€|\bEUR\b)\s?(?P<n>{NUMBER})(?:,-)?(?:\s*(?P<scale>{'|'.join(SCALE)})\b)?", re.I)),
    ("percentage", re.compile(rf"(?P<n>{NUMBER})\s?(?:%|procent\b|percent\b)", re.I)),
    ("article", re.compile(r"\b(?:art\.|artikel|article)\s*(?P<raw>\d+(?:\.\d+)*[a-z]?)", re.I)),
    ("count", re.compile(rf"\b(?P<n>{NUMBER})\s+(?:{COUNTED})\b", re.I)),
    ("year", re.compile(r"\b(?P<raw>(?:1[89]|20)\d\d)\b")),
)
KINDS = {"amount": ("het bedrag", "the amount"), "percentage": ("het percentage", "the percentage"),
         "article": ("het wetsartikel", "the legal article"), "count": ("het aantal", "the number"),
         "year": ("het jaartal", "the year"), "footnote": ("de voetnoot", "the footnote")}


@dataclass(frozen=True)
class Fact:
    line: int
    text: str               # as written on the page
    kind: str
    value: str              # the same in either language: "10000" for "€ 10.000" and "€ 10,000"


def value(number: str, language: str, scale: str | None = None) -> str:
    """The number a figure means: Dutch writes 10.000,5 where English writes 10,000.5."""
    thousands, decimal = (".", ",") if language == "nl" else (",", ".")
    whole, _, fraction = number.partition(decimal)
    amount = float(f"{whole.replace(thousands, '')}.{fraction or 0}") * SCALE.get((scale or "").lower(), 1)
    return f"{amount:g}" if amount != int(amount) else str(int(amount))


def english(fact: Fact) -> str:
    """How the English text writes the Dutch figure: € 10.000 is € 10,000 (its other forms as written)."""
    if fact.kind not in ("amount", "count", "percentage") or "," not in fact.text and "." not in fact.text:
        return fact.text
    swapped = {".": ",", ",": "."}
    return re.sub(NUMBER, lambda m: "".join(swapped.get(c, c) for c in m.group(0)), fact.text, count=1)


def facts(page: SourcePage) -> list[Fact]:
    """Every figure and footnote of the page's text, in reading order."""
    found = [Fact(note.line, f"[^{note.label}]", "footnote", note.label) for note in page.references]
    notes = in_footnote_definition(line for _, line in page.prose)
    for (number, line), note in zip(page.prose, notes, strict=True):
        if note:
            continue  # a footnote's own text: the sources registry's
        prose = NOT_PROSE.sub(" ", line)
        for kind, pattern in PATTERNS:
            for match in pattern.finditer(prose):
                groups = match.groupdict()
                meant = groups.get("raw") or value(groups["n"], page.language, groups.get("scale"))
                found.append(Fact(number, match.group(0).strip(), kind, meant))
    return sorted(found, key=lambda fact: fact.line)


def parts(page: SourcePage) -> list[list[Fact]]:
    """The page's facts per part: before the first heading, then from each heading to the next."""
    starts = [heading.line for heading in page.headings]
    grouped: list[list[Fact]] = [[] for _ in range(len(starts) + 1)]
    for fact in facts(page):
        grouped[bisect.bisect_right(starts, fact.line)].append(fact)
    return grouped


def check(context: Context) -> Iterator[Problem]:
    for dutch in sorted((page for page in context.model if page.language == "nl"), key=lambda page: page.path):
        translation = context.model.twin(dutch)
        if translation is None or str(translation.readable_meta.get(translations.FIELD)) != translations.dutch_hash(dutch.text):
            continue  # not translated, or behind the Dutch text: the translations report's
        if [h.level for h in dutch.headings] != [h.level for h in translation.headings]:
            continue  # the parts do not line up: the heading rule's one message
        heading_lines = [translation.body_first_line] + [heading.line for heading in translation.headings]
        for part, (said, written) in enumerate(zip(parts(dutch), parts(translation), strict=True)):
            yield from differences(dutch, translation, said, written, heading_lines[part])


def unmatched(these: list[Fact], others: list[Fact]) -> list[Fact]:
    """The facts of `these` that `others` do not have as often (the later ones of a repeated fact)."""
    spare = Counter((f.kind, f.value) for f in these) - Counter((f.kind, f.value) for f in others)
    found = []
    for fact in reversed(these):
        if spare[(fact.kind, fact.value)] > 0:
            spare[(fact.kind, fact.value)] -= 1
            found.append(fact)
    return found[::-1]


def differences(dutch: SourcePage, translation: SourcePage, said: list[Fact], written: list[Fact],
                heading: int) -> Iterator[Problem]:
    """One message per figure or footnote that differs; a changed figure is one message, at its English line."""
    absent = unmatched(said, written)
    added = unmatched(written, said)
    for fact in added:
        nl_kind, en_kind = KINDS[fact.kind]
        instead = next((f for f in absent if f.kind == fact.kind), None)
        # A footnote whose key the sources rule refuses is that rule's one message.
        subject = footnote_subject(Citation(translation.path, translation.shown, fact.line, fact.value)) \
            if fact.kind == "footnote" else None
        if instead is not None and instead.text == fact.text:
            absent.remove(instead)
            # "€ 10.000" copied from the Dutch: in English, the point is a decimal point (ten euros).
            yield Problem(translation.shown, fact.line,
                          f"'{fact.text}' leest in het Engels als een ander getal: Engels schrijft duizendtallen met een "
                          "komma en decimalen met een punt", f"schrijf {english(instead)}",
                          f"'{fact.text}' reads as another number in English, which writes thousands with a comma "
                          "and decimals with a point", f"write {english(instead)}", subject=subject)
        elif instead is not None:
            absent.remove(instead)
            where = f"{dutch.shown}:{instead.line}"
            yield Problem(translation.shown, fact.line,
                          f"'{fact.text}' zegt iets anders dan de Nederlandse tekst: daar staat '{instead.text}' ({where})",
                          f"schrijf {english(instead)}, zoals het Nederlands (dat is de geldende tekst); klopt het "
                          "Nederlands niet, verbeter dat dan eerst",
                          f"'{fact.text}' says something else than the Dutch text, which has '{instead.text}' ({where})",
                          f"write {english(instead)}, as the Dutch does (it is the authoritative text); if the Dutch is "
                          "wrong, correct that first", subject=subject)
        else:
            yield Problem(translation.shown, fact.line,
                          f"{nl_kind} '{fact.text}' staat niet in de Nederlandse tekst van dit deel",
                          "haal het weg, of zet het eerst in de Nederlandse tekst (dat is de geldende tekst)",
                          f"{en_kind} '{fact.text}' is not in the Dutch text of this part",
                          "remove it, or add it to the Dutch text first (it is the authoritative text)", subject=subject)
    # What the English leaves out, per Dutch line: a sentence left untranslated is one message.
    for dutch_line in dict.fromkeys(fact.line for fact in absent):
        left = [fact for fact in absent if fact.line == dutch_line]
        names = ", ".join(f"'{fact.text}'" for fact in left)
        where = f"{dutch.shown}:{dutch_line}"
        # Where the English says the rest of that Dutch line (its other figures and footnotes), else the part's heading.
        beside = [f for f in said if f.line == dutch_line and f not in left]
        line = next((w.line for f in beside for w in written if (w.kind, w.value) == (f.kind, f.value)), heading)
        if len(left) == 1 and left[0].kind == "footnote" and beside:
            fix_nl = f"zet {left[0].text} achter dezelfde zin als in het Nederlands"
            fix_en = f"add {left[0].text} after the same sentence as in the Dutch text"
        else:
            fix_nl = f"vertaal ook de zin met {names}"
            fix_en = f"translate the sentence with {names} too"
        if len(left) == 1:
            nl_kind, en_kind = KINDS[left[0].kind]
            wrong_nl, wrong_en = f"{nl_kind} {names}", f"{en_kind} {names}"
        else:
            wrong_nl, wrong_en = names, names
        yield Problem(translation.shown, line, f"in dit deel ontbreekt {wrong_nl} van de Nederlandse tekst ({where})",
                      fix_nl, f"this part lacks {wrong_en} of the Dutch text ({where})", fix_en)
