"""Citable IDs against registry/ids.yml: the registry matches its schema, and every ID
in the pages is registered, unique, on its registered page and never reused.

The rule itself lives with the registry (dom_site.citation_registry.problems_in);
this is its place in the list of rules.
"""
from __future__ import annotations

from dom_site import citation_registry as reg
from dom_site.messages import Problem
from dom_site.rules import Context


def check(context: Context) -> list[Problem]:
    path = context.path(context.settings.ids_registry)
    if not path.is_file():
        return [Problem(context.settings.ids_registry, 1, "het register van citeerbare ID's ontbreekt",
                        "zet registry/ids.yml terug (git checkout -- registry/ids.yml)",
                        "the registry of citable IDs is missing", "restore registry/ids.yml")]
    registry, problems = reg.read_registry(path, context.root)
    if registry is None:
        return problems  # the pages are checked once the registry can be read
    return reg.problems_in(context.model, registry)
