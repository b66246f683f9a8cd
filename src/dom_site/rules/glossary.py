"""A term of the glossary is explained in the glossary only.

The glossary (`includes/begrippen.md`, dom-begrippen's `file`; English next to it)
gives every page of its language the term's hover definition. A page that writes
`*[term]: …` for a term its glossary already has would explain that word on that
page differently (the `abbr` extension lets the page's own line win), so a reader
would meet two explanations of one word. A term the glossary does not have may still
be explained on a page of its own.

A glossary file that cannot be read (a line that is no `*[term]: …`, a term defined
twice) is reported here too, at its line: dom-begrippen reads the same file with the
same parser (dom_site.glossary.load), but only when the build renders a page, and
`dom-site check` without a build must not pass it.
"""
from __future__ import annotations

from collections.abc import Iterator

from dom_site import glossary
from dom_site.messages import Problem
from dom_site.rules import Context
from dom_site.source import ABBREVIATION_DEFINITION


def _terms(context: Context, language: str, read: dict[str, dict[str, tuple[str, int]]],
           unreadable: list[Problem]) -> dict[str, tuple[str, int]]:
    """The glossary of a language: each term a page may not define again (with its capitalised
    twin, as dom-begrippen gives it) -> the glossary file as shown in messages, and its line.
    A glossary that cannot be read has no terms; its problem goes to `unreadable`."""
    if language not in read:
        path = glossary.glossary_file(context.path(context.settings.glossary), language)
        try:
            terms = glossary.load(path, context.root) if path.is_file() else []  # none: dom-begrippen says so
        except glossary.GlossaryError as error:
            if error.problem not in unreadable:  # a language without its own file reads the Dutch one
                unreadable.append(error.problem)
            terms = []
        where = glossary.shown(path, context.root)
        read[language] = {word: (where, term.line) for word, term in glossary.hover_terms(terms).items()}
    return read[language]


def check(context: Context) -> Iterator[Problem]:
    read: dict[str, dict[str, tuple[str, int]]] = {}
    unreadable: list[Problem] = []
    for language in sorted({glossary.DEFAULT_LANGUAGE, *(page.language for page in context.model)}):
        _terms(context, language, read, unreadable)
    yield from unreadable
    for page in context.model:
        for number, line in page.prose:
            match = ABBREVIATION_DEFINITION.match(line)  # at the start of the line
            if match is None:
                continue
            term = match["term"].strip()
            known = _terms(context, page.language, read, unreadable).get(term)
            if known is None:
                continue
            where, at = known
            yield Problem(page.shown, number, f"het begrip '{term}' staat al in de begrippenlijst ({where}:{at})",
                          f"haal deze regel weg; wil je de uitleg veranderen, doe dat in {where}",
                          f"the term '{term}' is already in the glossary ({where}:{at})",
                          f"remove this line; to change the explanation, change it in {where}")
