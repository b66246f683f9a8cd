"""Every section heading has a fixed `{#id}`, the same in Dutch and English.

`/reactie/#r-3` and `/en/reactie/#r-3` must be the same section: the language
switch keeps the reader's place by keeping the `#id`, and citations link to it.
So every heading of level 2 or deeper has an explicit `{#id}`, unique on its page,
and a page and its translation have the same ids in the same order. The page
title (level 1) may differ: it is never linked to.

A heading that lost its id while its translation still has one is told to put
that id back: the advice "pick a new number" would break every citation of it.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from dom_site import citation_registry as reg
from dom_site import source
from dom_site.messages import Problem
from dom_site.rules import Context
from dom_site.source import Heading, SourceModel, SourcePage


def sections(page: SourcePage) -> list[Heading]:
    return [h for h in page.headings if h.level >= 2]


def slug(text: str) -> str:
    """The ID to suggest for a heading (dom_site.source.slug)."""
    return source.slug(text) or "onderdeel"


def subject(page: SourcePage, anchor: str) -> str:
    """What a problem with an id is about: that id on that page (in either language)."""
    return f"id:{page.dutch}#{anchor}"


def registry_of(context: Context) -> reg.Registry | None:
    """The registry of citable IDs, when there is one and it can be read (its own rule reports it)."""
    registry_file = context.path(context.settings.ids_registry)
    return reg.read_registry(registry_file, context.root)[0] if registry_file.is_file() else None


def vanished_id(registry: reg.Registry, model: SourceModel, page: SourcePage) -> str | None:
    """An ID the registry places on this page that no heading (in either language) carries any more."""
    twin = model.twin(page)
    present = set(page.ids(1)) | set(twin.ids(1) if twin else {})
    return next((anchor for anchor, entry in registry.ids.items() if entry.get("status") == "active"
                 and entry.get("page") == page.dutch and anchor not in present), None)


def right_id(context: Context, page: SourcePage, own: str, other: str) -> str:
    """Of two IDs one heading has in the two languages, the one to keep: the one the registry
    has as active on this page (citations point to it), else the Dutch page's (it is authoritative)."""
    registry = registry_of(context)
    # Active on this very page: an ID the registry places on another page is no ID to keep here.
    active = {anchor for anchor, entry in registry.ids.items()
              if entry.get("status") == "active" and entry.get("page") == page.dutch} if registry else set()
    if (own in active) != (other in active):
        return own if own in active else other
    return own if page.language == "nl" else other


def new_id_advice(context: Context, registry: reg.Registry | None, page: SourcePage,
                  heading: Heading) -> tuple[str, str]:
    """What id to add to a heading that has none, in Dutch and English."""
    letters = {h.id[0] for p in (page, context.model.twin(page)) if p for h in p.headings
               if h.id and reg.WELL_FORMED.match(h.id)}
    if len(letters) == 1 and registry is not None:
        letter = letters.pop()
        numbers = [int(anchor[2:]) for anchor in registry.ids if anchor[0] == letter and anchor[2:].isdigit()]
        new = f"{letter}-{max(numbers, default=0) + 1}"
        line = f"{new}: {{page: {page.dutch}, status: active, since: \"{reg.next_release(registry)}\"}}"
        return (f"zet er een nieuw citeerbaar ID achter, {{#{new}}} (het eerstvolgende vrije nummer), in beide talen, "
                f"en voeg toe aan {context.settings.ids_registry}:   {line}",
                f"add a new citable ID, {{#{new}}} (the next free number), in both languages, "
                f"and add to {context.settings.ids_registry}:   {line}")
    good = slug(heading.text)
    return (f"zet er een vast ID achter, bijvoorbeeld {{#{good}}}, en dezelfde achter de kop in de andere taal",
            f"add a fixed ID, for example {{#{good}}}, and the same to the heading in the other language")


def citable_form(anchor: str) -> str:
    """What an attempt at a citable ID ("D-1", "d1", "d_01") should read: "d-1"."""
    return f"{anchor[0].lower()}-{int(re.sub(r'[^0-9]', '', anchor))}"


def page_problems(context: Context, page: SourcePage) -> Iterator[Problem]:
    twin = context.model.twin(page)
    twin_sections = sections(twin) if twin else []
    own_ids = page.ids()
    twin_ids = twin.ids() if twin else {}
    seen: dict[str, int] = {}
    twice = Counter(h.id for h in sections(page) if h.id)

    def lost_here(i: int) -> Heading | None:
        """The other language's heading at this place, when its ID is one this page no longer has."""
        other = twin_sections[i] if i < len(twin_sections) else None
        return other if other is not None and other.id and other.id not in own_ids else None

    # IDs used twice where the other language shows which heading is wrong: said there, with its fix.
    shown_wrong = {h.id for i, h in enumerate(sections(page)) if h.id and twice[h.id] > 1 and lost_here(i)}
    for index, heading in enumerate(sections(page)):
        if heading.id is None:
            counterpart = twin_sections[index] if index < len(twin_sections) else None
            if twin and counterpart and counterpart.id and counterpart.id not in own_ids:
                anchor = counterpart.id
                yield Problem(
                    page.shown, heading.line,
                    f"de kop '{heading.text}' heeft geen vast ID meer; in {twin.shown} (regel {counterpart.line}) "
                    f"heeft dezelfde kop {{#{anchor}}}",
                    f"zet {{#{anchor}}} terug achter de kop (ID's veranderen nooit: citaten verwijzen ernaar)",
                    f"the heading '{heading.text}' has lost its fixed ID; in {twin.shown} (line {counterpart.line}) "
                    f"the same heading has {{#{anchor}}}",
                    f"put {{#{anchor}}} back after the heading (IDs never change: citations point to them)",
                    subject=subject(page, anchor))
            else:
                registry = registry_of(context)
                lost = vanished_id(registry, context.model, page) if registry is not None else None
                if lost is not None:  # this heading is where a registered ID vanished from
                    yield Problem(
                        page.shown, heading.line, f"de kop '{heading.text}' heeft geen vast ID; het register noemt "
                        f"{{#{lost}}} voor deze pagina, maar geen kop heeft het nog",
                        f"zet {{#{lost}}} terug achter de kop waar het hoort, in beide talen (ID's veranderen nooit)",
                        f"the heading '{heading.text}' has no fixed ID; the registry places {{#{lost}}} on this "
                        "page, but no heading carries it any more",
                        f"put {{#{lost}}} back after the heading it belongs to, in both languages (IDs never change)",
                        subject=subject(page, lost))
                    continue
                fix_nl, fix_en = new_id_advice(context, registry, page, heading)
                # The same new heading in both languages is one mistake: said once, on the Dutch page.
                yield Problem(page.shown, heading.line, f"de kop '{heading.text}' heeft geen vast ID", fix_nl,
                              f"the heading '{heading.text}' has no fixed ID", fix_en,
                              subject=f"new-heading:{page.dutch}:{index}")
            continue
        anchor = heading.id
        counterpart = lost_here(index)
        if twin and counterpart and counterpart.id and twice[anchor] == 1 and anchor not in twin_ids \
                and right_id(context, page, anchor, counterpart.id) == counterpart.id:
            # Changed in this language only: the other still has the ID at this place. One
            # message, at this heading, with the ID to put back; it says what the other rules
            # would say of the same change (the other page's heading missing here, this ID
            # missing there and from the registry, this ID's form).
            right = counterpart.id
            yield Problem(page.shown, heading.line,
                          f"het ID #{anchor} hoort #{right} te zijn: in {twin.shown} (regel {counterpart.line}) "
                          f"heeft dezelfde kop {{#{right}}}",
                          f"schrijf {{#{right}}} achter de kop (ID's veranderen nooit: citaten verwijzen ernaar)",
                          f"the ID #{anchor} should be #{right}: in {twin.shown} (line {counterpart.line}) "
                          f"the same heading has {{#{right}}}",
                          f"write {{#{right}}} after the heading (IDs never change: citations point to them)",
                          subject=subject(page, right),
                          covers=(subject(page, anchor), f"registry:{anchor}", f"twice:{anchor}",
                                  f"heading:{page.path}:{heading.line}"))
            seen.setdefault(anchor, heading.line)
            continue
        if not source.NAME.fullmatch(anchor):
            if reg.LOOKS_LIKE_ID.match(anchor):
                good = citable_form(anchor)
                fix_nl = f"schrijf een kleine letter, een streepje en een getal zonder voorloopnul, zoals {{#{good}}}"
                fix_en = f"write a lowercase letter, a hyphen and a number without leading zero, like {{#{good}}}"
            else:
                good = slug(anchor)
                fix_nl, fix_en = f"schrijf bijvoorbeeld {{#{good}}}", f"write, for example, {{#{good}}}"
            yield Problem(page.shown, heading.line,
                          f"het ID '{anchor}' mag alleen kleine letters, cijfers en streepjes hebben", fix_nl,
                          f"the ID '{anchor}' may only hold lowercase letters, digits and hyphens", fix_en,
                          subject=f"heading:{page.path}:{heading.line}")
        elif reg.WELL_FORMED.match(anchor) is None and reg.LOOKS_LIKE_ID.match(anchor):
            good = citable_form(anchor)
            yield Problem(page.shown, heading.line, f"het ID '{anchor}' heeft niet de juiste vorm",
                          f"schrijf een kleine letter, een streepje en een getal zonder voorloopnul, zoals {{#{good}}}",
                          f"the ID '{anchor}' is malformed",
                          f"write a lowercase letter, a hyphen and a number without leading zero, like {{#{good}}}",
                          subject=f"heading:{page.path}:{heading.line}")
        if twice[anchor] > 1 and twin and counterpart and counterpart.id:
            # An ID changed into one the page has already (before or after this heading): the
            # other language still has the old one here, so this is the heading to fix. One
            # mistake, one message (the other language's "#… is not in the Dutch page" is the
            # same mistake: same subject), with the right fix.
            lost = counterpart.id
            also = next(h.line for h in sections(page) if h.id == anchor and h.line != heading.line)
            yield Problem(page.shown, heading.line,
                          f"het ID #{anchor} staat ook op regel {also}; in {twin.shown} "
                          f"(regel {counterpart.line}) heeft dezelfde kop {{#{lost}}}",
                          f"zet {{#{lost}}} terug achter deze kop (ID's veranderen nooit: citaten verwijzen ernaar)",
                          f"the ID #{anchor} is also used on line {also}; in {twin.shown} "
                          f"(line {counterpart.line}) the same heading has {{#{lost}}}",
                          f"put {{#{lost}}} back after this heading (IDs never change: citations point to them)",
                          subject=subject(page, lost))
        elif anchor in seen and anchor not in shown_wrong:
            registry = registry_of(context)
            lost = vanished_id(registry, context.model, page) if registry is not None else None
            if lost is not None:  # changed in both languages: the registry knows the ID one of them had
                yield Problem(page.shown, heading.line, f"het ID #{anchor} staat ook al op regel {seen[anchor]}; "
                              f"het register noemt {{#{lost}}} voor deze pagina, maar geen kop heeft het nog",
                              f"geef de kop die {{#{lost}}} had dat ID terug, in beide talen (ID's veranderen nooit)",
                              f"the ID #{anchor} is already used on line {seen[anchor]}; the registry places "
                              f"{{#{lost}}} on this page, but no heading carries it any more",
                              f"give the heading that had {{#{lost}}} that ID back, in both languages (IDs never change)",
                              subject=subject(page, lost))
            else:
                # The same duplicate in both languages is one mistake: said once, on the Dutch page.
                yield Problem(page.shown, heading.line, f"het ID #{anchor} staat ook al op regel {seen[anchor]}",
                              "geef deze kop een eigen ID, hetzelfde als in de andere taal",
                              f"the ID #{anchor} is already used on line {seen[anchor]}",
                              "give this heading its own ID, the same as in the other language",
                              subject=f"twice:{page.dutch}:{index}")
        seen.setdefault(anchor, heading.line)


def pair_problems(dutch: SourcePage, english: SourcePage) -> Iterator[Problem]:
    """Ids only one language has, a section at another level, and ids in another order."""
    nl_ids, en_ids = dutch.ids(), english.ids()
    for anchor, line in en_ids.items():
        if anchor not in nl_ids:
            yield Problem(english.shown, line, f"het ID #{anchor} staat niet in de Nederlandse pagina {dutch.shown}",
                          f"gebruik het ID van dezelfde kop in {dutch.shown}, of zet de kop met {{#{anchor}}} ook daar",
                          f"the ID #{anchor} is not in the Dutch page {dutch.shown}",
                          f"use the ID of the same heading in {dutch.shown}, or add the heading with {{#{anchor}}} there",
                          subject=subject(english, anchor))
    en_sections = sections(english)
    last_line = en_sections[-1].line if en_sections else 1
    for index, heading in enumerate(sections(dutch)):
        if heading.id and heading.id not in en_ids:
            line = en_sections[index].line if index < len(en_sections) else last_line
            yield Problem(english.shown, line,
                          f"de kop #{heading.id} uit {dutch.shown} (regel {heading.line}) ontbreekt in de Engelse pagina",
                          f"vertaal die kop en zet er {{#{heading.id}}} achter",
                          f"the heading #{heading.id} of {dutch.shown} (line {heading.line}) is missing from the English page",
                          f"translate that heading and add {{#{heading.id}}} to it",
                          subject=subject(dutch, heading.id))
    # The same section at another level: the two languages would have another outline (table of
    # contents, a unit's extent in citations and histories).
    dutch_levels = {h.id: h for h in sections(dutch) if h.id}
    for heading in sections(english):
        same = dutch_levels.get(heading.id or "")
        if same is not None and same.level != heading.level:
            hashes, wanted = "#" * heading.level, "#" * same.level
            yield Problem(english.shown, heading.line,
                          f"de kop #{heading.id} is hier {hashes} maar in {dutch.shown} {wanted} (regel {same.line})",
                          f"schrijf {wanted} voor deze kop, zoals in de Nederlandse pagina",
                          f"the heading #{heading.id} is {hashes} here but {wanted} in {dutch.shown} (line {same.line})",
                          f"write {wanted} before this heading, as in the Dutch page",
                          subject=f"level:{subject(dutch, heading.id or '')}")
    common = [anchor for anchor in nl_ids if anchor in en_ids]
    english_order = [anchor for anchor in en_ids if anchor in nl_ids]
    first = next((n for n, (a, b) in enumerate(zip(common, english_order, strict=True)) if a != b), None)
    if first is not None:
        yield Problem(english.shown, en_ids[english_order[first]],
                      f"de koppen staan in een andere volgorde dan in {dutch.shown} (hier #{english_order[first]}, "
                      f"in het Nederlands #{common[first]})",
                      "zet de koppen in dezelfde volgorde als in de Nederlandse pagina",
                      f"the headings are in another order than in {dutch.shown} (here #{english_order[first]}, "
                      f"in Dutch #{common[first]})",
                      "put the headings in the same order as in the Dutch page",
                      subject=f"order:{dutch.path}")


def check(context: Context) -> Iterator[Problem]:
    model = context.model
    for page in sorted(model, key=lambda p: (p.language != "nl", p.path)):  # Dutch first: it is authoritative
        yield from page_problems(context, page)
    for dutch, english in model.pairs():
        yield from pair_problems(dutch, english)
    for page in model:
        if page.language == "nl" and model.twin(page) is None \
                and any(page.path.startswith(folder) for folder in context.settings.translated):
            name = page.twin.rpartition("/")[2]
            yield Problem(page.shown, 1, f"deze pagina heeft geen Engelse vertaling {name}",
                          f"maak {name} met dezelfde koppen en ID's",
                          f"this page has no English translation {name}",
                          f"create {name} with the same headings and IDs",
                          subject=f"page:{page.twin}")
