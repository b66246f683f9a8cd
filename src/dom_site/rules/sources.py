"""Footnotes cite the sources registry (registry/bronnen/) by key; every source there is
sound (an address of the page that says the fact, a date read) and cited somewhere.

The rule itself lives with the registry (dom_site.sources.check); this is its place
in the list of rules. The dom-bronnen plugin writes the footnote texts.
"""
from __future__ import annotations

from dom_site import sources, village_data
from dom_site.messages import Problem
from dom_site.rules import Context
from dom_site.source import language_of


def registry(context: Context) -> sources.Registry:
    settings = context.settings
    return sources.read(context.root, context.path(settings.sources_registry), context.path(settings.sources_schema))


def check(context: Context) -> list[Problem]:
    refs, defs = sources.citations(context.model)
    villages = context.settings.villages
    return sources.check(registry(context), refs, defs, context.settings.sources_strict,
                         # The list is in the Dutch page's front matter (the English page has none).
                         listing=lambda page: village_data.is_village_page(page, villages) and language_of(page) == "nl")
