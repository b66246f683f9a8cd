"""Every content rule of the site, each written once against the source model.

The build runs them (the `dom-regels` plugin, before any page renders, so
`mkdocs serve` shows an editor what CI shows) and so does `dom-site check`, from
this one list. A rule takes the `Context` (the parsed sources and the settings)
and returns `Problem`s in the project's one message format.

One mistake, one message: when two rules see the same mistake (a heading that lost
its `{#d-41}` is also an ID missing from the registry's page and an ID only the
English page has), they give their problems the same `subject`, and `run()` keeps
the first: the rules are listed from the most specific advice to the most general.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from dom_site.messages import Problem
from dom_site.source import SourceModel, read
from dom_site.village_data import FOLDER as VILLAGE_FOLDER


@dataclass(frozen=True)
class Settings:
    """Where the rules find their inputs, relative to the project folder (mkdocs.yml's)."""

    ids_registry: str = "registry/ids.yml"
    sources_registry: str = "registry/bronnen"
    sources_schema: str = "schemas/bronnen.schema.json"
    # false only while pages still write their own footnote texts (see dom-bronnen).
    sources_strict: bool = True
    # Folders outside docs/ whose files the plugins put on pages (the glossary, the respond
    # section): checked for unsafe content too.
    extra_dirs: tuple[str, ...] = ("includes",)
    # Folders of docs/ where every page must exist in both languages, and every fact needs a footnote.
    translated: tuple[str, ...] = ("draaiboek/",)
    facts: tuple[str, ...] = ("draaiboek/",)
    # The village pages' folder in docs/ (dom-dorpen's `folder`): the village rule reads it,
    # and the file name rule sends a village page that stands elsewhere there.
    villages: str = VILLAGE_FOLDER
    # The Dutch glossary (dom-begrippen's `file`); each other language's sits next to it.
    glossary: str = "includes/begrippen.md"
    # The settings file, and its redirects (old page, new page) from the redirects plugin's redirect_maps.
    config_file: str = "mkdocs.yml"
    redirects: tuple[tuple[str, str], ...] = ()


@dataclass
class Context:
    root: Path
    model: SourceModel
    settings: Settings = field(default_factory=Settings)

    def path(self, relative: str) -> Path:
        return self.root / relative

    @classmethod
    def of(cls, root: Path, docs_dir: Path | None = None, settings: Settings | None = None) -> Context:
        return cls(root, read(docs_dir or root / "docs"), settings or Settings())


Rule = Callable[[Context], Iterable[Problem]]


@dataclass(frozen=True)
class Named:
    """A rule and what it checks, in one line."""

    check: Rule
    about: str  # what `dom-site checks` says of it: Dutch — English


def _rules() -> dict[str, Named]:
    # Imported here: the rule modules import this module's Context.
    from dom_site import raw_html, village_data
    from dom_site.rules import (
        citable,
        facts,
        fences,
        filenames,
        front_matter,
        glossary,
        headings,
        redirects,
        sources,
        translation,
    )

    return {
        "bestandsnamen": Named(filenames.check, "namen en plaats van bestanden — file names and places"),
        "veilig": Named(raw_html.rule, "geen HTML die iets uitvoert of van buiten laadt — no unsafe HTML"),
        "gegevens": Named(front_matter.check, "de gegevens bovenaan elke pagina — the data at the top of every page"),
        # Before the rules whose messages it says more precisely for a translation (a footnote left out
        # is also a figure without footnote, a village source the English page lacks, a key the registry lacks).
        "vertaling": Named(translation.check, "een bijgewerkte vertaling noemt dezelfde cijfers en voetnoten als het "
                           "Nederlands — a translation names the Dutch text's figures and footnotes"),
        "dorpen": Named(village_data.rule, "de gegevens van de dorpspagina's — the village pages' data"),
        "codeblokken": Named(fences.check, "elk codeblok (```) gesloten — every code block closed"),
        "koppen": Named(headings.check, "elke kop een vast {#id}, gelijk in beide talen — heading IDs in both languages"),
        "citeren": Named(citable.check, "citeerbare ID's tegen registry/ids.yml — citable IDs against the registry"),
        "bronnen": Named(sources.check, "voetnoten uit registry/bronnen/ — footnotes from the sources registry"),
        "feiten": Named(facts.check, "een voetnoot bij elk feit (de pagina's die mkdocs.yml noemt) — a footnote for every fact"),
        "begrippen": Named(glossary.check,
                           "een begrip van de begrippenlijst alleen daar uitgelegd — glossary terms explained once"),
        "omleidingen": Named(redirects.check, "elke omleiding in mkdocs.yml van een oude naar een bestaande pagina "
                             "— every redirect from an old page to one that exists"),
    }


def names() -> list[str]:
    return list(_rules())


def about(name: str) -> str:
    """What the rule checks, in a line: Dutch — English."""
    return _rules()[name].about


def run(context: Context, only: Iterable[str] | None = None) -> list[Problem]:
    """The problems of the chosen rules (all by default), one message per mistake, in rule order."""
    return [problem for _, problem in run_named(context, only)]


def run_named(context: Context, only: Iterable[str] | None = None) -> list[tuple[str, Problem]]:
    """As run(), each problem with the name of the rule that found it."""
    rules = _rules()
    chosen = list(only) if only is not None else list(rules)
    unknown = [name for name in chosen if name not in rules]
    chosen = [name for name in rules if name in chosen]  # always in the order above: most specific advice first
    if unknown:
        raise KeyError(f"onbekende controle / unknown rule: {', '.join(unknown)} (kies uit / choose from: {', '.join(rules)})")
    found: list[tuple[str, Problem]] = []
    subjects: set[str] = set()
    said: set[str] = set()
    for name in chosen:
        for problem in rules[name].check(context):
            if problem.subject is not None and problem.subject in subjects:
                continue
            subjects.update(problem.subjects)
            if str(problem) not in said:
                said.add(str(problem))
                found.append((name, problem))
    return found
