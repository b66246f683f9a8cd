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
import difflib
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from dom_site import translations
from dom_site.data_file import closest
from dom_site.messages import Problem
from dom_site.rules import Context
from dom_site.rules.facts import FIGURES, first_fact, units
from dom_site.source import NOT_PROSE, SourcePage, in_footnote_definition
from dom_site.sources import Citation, footnote_subject

SCALE = {"miljoen": 10**6, "million": 10**6, "mln": 10**6, "m": 10**6, "duizend": 10**3, "thousand": 10**3}
IN_ENGLISH = {"miljoen": "million", "mln": "million", "duizend": "thousand"}
DIGIT = re.compile(r"\d")  # every figure has one: a line without is skipped at once
COMPARED = tuple(figure for figure in FIGURES if figure.compared)
KINDS = {**{figure.kind: figure.the for figure in COMPARED}, "footnote": ("de voetnoot", "the footnote")}


@dataclass(frozen=True)
class Fact:
    line: int
    text: str               # as written on the page
    kind: str
    value: str              # the same in either language: "10000" for "€ 10.000" and "€ 10,000"
    number: str = ""        # the number as written ("10.000"), for amounts, percentages and counts
    scale: str = ""         # "miljoen", "m" …


def value(number: str, language: str, scale: str | None = None) -> str:
    """The number a figure means: Dutch writes 10.000,5 where English writes 10,000.5."""
    thousands, decimal = (".", ",") if language == "nl" else (",", ".")
    number = re.sub(r"[ \u00a0\u202f]", "", number)
    whole, _, fraction = number.partition(decimal)
    amount = float(f"{whole.replace(thousands, '')}.{fraction or 0}") * SCALE.get((scale or "").lower(), 1)
    return f"{amount:g}" if amount != int(amount) else str(int(amount))


def english(fact: Fact) -> str:
    """How the English text writes the Dutch figure: € 10.000 is € 10,000, 2,5% is 2.5%, 3.000 inwoners is 3,000."""
    if not fact.number:
        return fact.text
    number = re.sub(r"[ \u00a0\u202f]", ",", fact.number.translate(str.maketrans(".,", ",.")))
    if fact.kind == "percentage":
        return f"{number}%"
    if fact.kind == "amount":
        scale = IN_ENGLISH.get(fact.scale.lower(), fact.scale)
        return f"€ {number}" + (f" {scale}" if scale and scale != "m" else "m" if scale else "")
    return number


def facts(page: SourcePage) -> list[Fact]:
    """Every figure and footnote of the page's text, in reading order."""
    found = [Fact(note.line, f"[^{note.label}]", "footnote", note.label) for note in page.references]
    notes = in_footnote_definition(line for _, line in page.prose)
    for (number, line), note in zip(page.prose, notes, strict=True):
        if note or not DIGIT.search(line):
            continue  # a footnote's own text (the sources registry's), or no figure at all
        prose = NOT_PROSE.sub(" ", line)
        for figure in COMPARED:
            for match in figure.pattern.finditer(prose):
                groups = {key: text for key, text in match.groupdict().items() if text}
                written = groups.get("n") or groups.get("n2") or ""
                scale = groups.get("scale") or groups.get("scale2") or groups.get("m") or ""
                meant = groups.get("raw") or value(written, page.language, scale)
                found.append(Fact(number, match.group(0).strip(), figure.kind, meant, written, scale))
    return sorted(found, key=lambda fact: fact.line)


def parts(page: SourcePage) -> list[list[Fact]]:
    """The page's facts per part: before the first heading, then from each heading to the next."""
    starts = [heading.line for heading in page.headings]
    grouped: list[list[Fact]] = [[] for _ in range(len(starts) + 1)]
    for fact in facts(page):
        grouped[bisect.bisect_right(starts, fact.line)].append(fact)
    return grouped


def part_starts(page: SourcePage) -> list[int]:
    """The first line of each part (parts()): the body's first line, then each heading's."""
    return [page.body_first_line] + [heading.line for heading in page.headings]


def check(context: Context) -> Iterator[Problem]:
    behind: dict[str, tuple[str, str]] = {}
    for dutch in sorted((page for page in context.model if page.language == "nl"), key=lambda page: page.path):
        translation = context.model.twin(dutch)
        stamp = translation.readable_meta.get(translations.FIELD) if translation is not None else None
        if translation is None or stamp is None:
            continue  # not translated, or not stamped: the translations report's
        if str(stamp) != translations.page_hash(dutch):
            if translations.STAMP.fullmatch(str(stamp)):  # else not a stamp at all: the rule `gegevens` says so
                behind[translation.path] = (dutch.path, str(stamp))
            continue  # behind the Dutch text: the translations report's, unless its stamp never was
        if [h.level for h in dutch.headings] != [h.level for h in translation.headings]:
            continue  # the parts do not line up: the heading rule's one message
        yield from differences(dutch, translation)
    for page, hashes in translations.unknown_stamps(context.model.docs_dir, behind).items():
        yield unknown_stamp(context.model.get(page), behind[page], hashes, context.model.shown)


def unknown_stamp(translation: SourcePage | None, stamped: tuple[str, str], hashes: list[str], docs: str) -> Problem:
    """A stamp no version of the Dutch page had: this translation is compared with nothing, without a word."""
    assert translation is not None
    dutch, stamp = f"{docs}/{stamped[0]}", stamped[1]
    command = f"dom-site translations --stamp {translation.shown}"
    meant = closest(stamp, hashes, cutoff=0.8)
    fix_nl = (f"bedoel je \"{meant}\"? Zet dat terug; " if meant else "") + \
        f"past de vertaling bij het Nederlands van nu, draai dan '{command}'"
    fix_en = (f"did you mean \"{meant}\"? Put that back; " if meant else "") + \
        f"if the translation matches the Dutch text of now, run '{command}'"
    return Problem(translation.shown, translation.field_line(translations.FIELD),
                   f"vertaald_van \"{stamp}\" is van geen enkele versie van {dutch}; zo vergelijkt de controle deze "
                   "vertaling niet met het Nederlands", fix_nl,
                   f"vertaald_van \"{stamp}\" is of no version of {dutch}; so the check does not compare this "
                   "translation with the Dutch text", fix_en)


@dataclass
class Part:
    """One part (heading to heading) in both languages, its facts lined up in reading order."""

    said: list[Fact]        # the Dutch part's
    written: list[Fact]     # the English part's
    heading: int            # the English heading's line (the body's first line before the first heading)
    end: int                # the English part's last line
    dutch_heading: int      # the Dutch heading's line (likewise)
    pairs: dict[int, int] = field(init=False)   # Dutch fact's index → the English fact's that says it
    absent: list[Fact] = field(init=False)      # what the English part lacks
    added: list[Fact] = field(init=False)       # what the Dutch part lacks

    def __post_init__(self) -> None:
        keys = [(f.kind, f.value) for f in self.said], [(f.kind, f.value) for f in self.written]
        blocks = difflib.SequenceMatcher(None, *keys, autojunk=False).get_matching_blocks()
        # Which Dutch fact the English one says (one sentence per line, in the same order, mostly).
        self.pairs = {i + k: j + k for i, j, n in blocks for k in range(n)}
        self.absent = spare(self.said, keys[0], keys[1], set(self.pairs))
        self.added = spare(self.written, keys[1], keys[0], set(self.pairs.values()))

    def english_line(self, fact: Fact) -> int:
        """Where the English says what the Dutch says on the line of `fact`: the line of its other figures
        and footnotes there, else as far from the last fact before it, else as far from the heading
        (one sentence per line: the English sentence stands about where the Dutch one does)."""
        index = self.said.index(fact)
        beside = [i for i, f in enumerate(self.said) if f.line == fact.line and i in self.pairs]
        if beside:
            return self.written[self.pairs[beside[0]]].line
        before = [i for i in range(index - 1, -1, -1) if i in self.pairs]
        if before:
            return min(self.written[self.pairs[before[0]]].line + fact.line - self.said[before[0]].line, self.end)
        return min(self.heading + fact.line - self.dutch_heading, self.end)


def spare(facts: list[Fact], keys: list[tuple[str, str]], others: list[tuple[str, str]], lined_up: set[int]) -> list[Fact]:
    """The facts the other language has fewer of; of a repeated one, those the other language does not line up with."""
    left = Counter(keys) - Counter(others)
    chosen = set()
    for pass_ in ("unmatched", "any"):
        for index, key in enumerate(keys):
            if left[key] > 0 and index not in chosen and (pass_ == "any" or index not in lined_up):
                left[key] -= 1
                chosen.add(index)
    return [facts[index] for index in sorted(chosen)]


def differences(dutch: SourcePage, translation: SourcePage) -> Iterator[Problem]:
    """One message per figure or footnote that differs, at its English line."""
    heading_lines, dutch_lines = part_starts(translation), part_starts(dutch)
    ends = [line - 1 for line in heading_lines[1:]] + [len(translation.lines)]
    parts_ = [Part(said, written, heading, end, dutch_heading) for said, written, heading, end, dutch_heading
              in zip(parts(dutch), parts(translation), heading_lines, ends, dutch_lines, strict=True)]
    absent = [(number, fact) for number, part in enumerate(parts_) for fact in part.absent]
    for number, part in enumerate(parts_):
        lone: list[Fact] = []
        for fact in part.added:
            said = paired(dutch, translation, number, fact, absent)
            if said is None:
                lone.append(fact)
            else:
                yield said
        for line in dict.fromkeys(fact.line for fact in lone):
            yield extra(translation, part, [fact for fact in lone if fact.line == line])
    yield from left_out(dutch, translation, absent, parts_)


def paired(dutch: SourcePage, translation: SourcePage, part: int, fact: Fact,
           absent: list[tuple[int, Fact]]) -> Problem | None:
    """The message for a figure or footnote the English part has instead of one of the Dutch text's;
    None when the Dutch text lacks nothing it could stand for."""
    # In another part of the Dutch text: moved, one message (not "missing here" and "extra there").
    moved = next(((p, f) for p, f in absent if (f.kind, f.value) == (fact.kind, fact.value)), None)
    same_part = [(p, f) for p, f in absent if p == part and f.kind == fact.kind]
    instead = moved or (same_part[0] if same_part else None)
    if instead is None:
        return None
    absent.remove(instead)
    # A footnote whose key the sources rule refuses is one message (this rule's, with the key to write).
    subject = footnote_subject(Citation(translation.path, translation.shown, fact.line, fact.value)) \
        if fact.kind == "footnote" else None
    where = f"{dutch.shown}:{instead[1].line}"
    if moved is not None:
        return Problem(translation.shown, fact.line, f"'{fact.text}' staat in de Nederlandse tekst in een ander deel ({where})",
                       "zet het in hetzelfde deel als in het Nederlands",
                       f"'{fact.text}' is in another part of the Dutch text ({where})",
                       "put it in the same part as in the Dutch text", subject=subject)
    if (instead[1].number or instead[1].text) == (fact.number or fact.text):
        # "€ 10.000" copied from the Dutch: in English, the point is a decimal point (ten euros).
        return Problem(translation.shown, fact.line,
                       f"'{fact.text}' leest in het Engels als een ander getal: Engels schrijft duizendtallen met een "
                       "komma en decimalen met een punt", f"schrijf {english(instead[1])}",
                       f"'{fact.text}' reads as another number in English, which writes thousands with a comma "
                       "and decimals with a point", f"write {english(instead[1])}", subject=subject)
    return Problem(translation.shown, fact.line,
                   f"'{fact.text}' zegt iets anders dan de Nederlandse tekst: daar staat '{instead[1].text}' ({where})",
                   f"schrijf {english(instead[1])}, zoals het Nederlands (dat is de geldende tekst); klopt het "
                   "Nederlands niet, verbeter dat dan eerst",
                   f"'{fact.text}' says something else than the Dutch text, which has '{instead[1].text}' ({where})",
                   f"write {english(instead[1])}, as the Dutch does (it is the authoritative text); if the Dutch "
                   "is wrong, correct that first", subject=subject)


def extra(translation: SourcePage, part: Part, facts_: list[Fact]) -> Problem:
    """One message for what one English line names that the Dutch part does not (as often): a sentence
    written twice is one mistake."""
    names = ", ".join(f"'{fact.text}'" for fact in facts_)
    said = {(f.kind, f.value) for f in part.said}
    more = all((fact.kind, fact.value) in said for fact in facts_)
    if len(facts_) == 1:
        nl_kind, en_kind = KINDS[facts_[0].kind]
        names_nl, names_en = f"{nl_kind} {names}", f"{en_kind} {names}"
    else:
        names_nl = names_en = names
    wrong_nl = (f"{names_nl} staat hier vaker dan in de Nederlandse tekst van dit deel" if more
                else f"{names_nl} staat niet in de Nederlandse tekst van dit deel")
    wrong_en = (f"{names_en} is here more often than in the Dutch text of this part" if more
                else f"{names_en} is not in the Dutch text of this part")
    fix_nl = ("staat de zin twee keer, haal hem dan één keer weg" if more
              else "haal het weg, of zet het eerst in de Nederlandse tekst (dat is de geldende tekst)")
    fix_en = ("if the sentence is there twice, remove it once" if more
              else "remove it, or add it to the Dutch text first (it is the authoritative text)")
    notes = tuple(footnote_subject(Citation(translation.path, translation.shown, f.line, f.value))
                  for f in facts_ if f.kind == "footnote")
    # Nor is it also "a figure without footnote" (the facts rule): the fix is to remove it, not to source it.
    return Problem(translation.shown, facts_[0].line, wrong_nl, fix_nl, wrong_en, fix_en,
                   subject=notes[0] if notes else None,
                   covers=(*notes[1:], f"fact:{translation.shown}:{facts_[0].line}"))


def left_out(dutch: SourcePage, translation: SourcePage, absent: list[tuple[int, Fact]],
             parts_: list[Part]) -> Iterator[Problem]:
    """What the English leaves out, per Dutch line: a sentence left untranslated is one message."""
    for number, dutch_line in dict.fromkeys((number, fact.line) for number, fact in absent):
        part = parts_[number]
        left = [fact for n, fact in absent if (n, fact.line) == (number, dutch_line)]
        names = ", ".join(f"'{fact.text}'" for fact in left)
        where = f"{dutch.shown}:{dutch_line}"
        line = part.english_line(left[0])
        # The sentence is there when the English says the rest of that Dutch line.
        there = any(f.line == dutch_line and f not in left for f in part.said)
        kinds = {fact.kind for fact in left}
        if kinds == {"footnote"}:
            keys = " ".join(fact.text for fact in left)
            fix_nl, fix_en = (f"zet {keys} achter dezelfde zin als in het Nederlands",
                              f"add {keys} after the same sentence as in the Dutch text")
        elif kinds <= {"count", "amount", "percentage", "year"} and there:
            # Its other figures or footnotes are there: the number is written otherwise, in words perhaps.
            shown = ", ".join(english(fact) for fact in left)
            fix_nl, fix_en = (f"schrijf ook in het Engels het getal in cijfers: {shown}",
                              f"write the number in figures in English too: {shown}")
        else:
            fix_nl, fix_en = f"vertaal ook de zin met {names}", f"translate the sentence with {names} too"
        if len(left) == 1:
            nl_kind, en_kind = KINDS[left[0].kind]
            wrong_nl, wrong_en = f"{nl_kind} {names}", f"{en_kind} {names}"
        else:
            wrong_nl, wrong_en = names, names
        # The facts rule sees a figure on this line without its footnote, the village rule a source the English
        # page lacks: the same mistake, said here with the key and the line.
        covers = tuple(f"fact:{translation.shown}:{fact_line}" for fact_line in unsourced_at(translation, line)) + tuple(
            f"village-footnote:{translation.shown}:{fact.value}" for fact in left if fact.kind == "footnote")
        yield Problem(translation.shown, line, f"in dit deel ontbreekt {wrong_nl} van de Nederlandse tekst ({where})",
                      fix_nl, f"this part lacks {wrong_en} of the Dutch text ({where})", fix_en, covers=covers)


def unsourced_at(page: SourcePage, line: int) -> list[int]:
    """Where the facts rule would report the paragraph that holds `line` (its first fact's line)."""
    unit = next((unit for unit in units(page) if any(number == line for number, _ in unit.lines)), None)
    found = first_fact(unit) if unit else None
    return [found[0]] if found else []
