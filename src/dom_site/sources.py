"""The sources registry: every source the site cites, once, under registry/bronnen/.

A page cites a source by its key, as a footnote: `…zin.[^drenthe-cpo-regeling]`.
The build writes the footnote's text from the registry, the same way on every page
and in the page's language, and lists a part's sources on that part's sources page.
The rules (each problem one message, at the line an editor fixes):

- an entry has the fields of schemas/bronnen.schema.json;
- an entry says where a reader opens the source: `adres` (the exact page or
  document, never a site's home page) with the date it was `gelezen`; or `pagina`
  (a page of this site); or, for a printed document, its `datum` (at least the year);
- a key is defined once, and every key is cited somewhere;
- a page cites only keys the registry has, and defines no footnote text itself.
"""
from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from dom_site import data_file
from dom_site.dates import long_date, partial_date
from dom_site.messages import Problem
from dom_site.once import Once, fingerprint
from dom_site.source import NAME, SourceModel, line_of, slug

TEXT = {
    "nl": {"read": "gelezen op {date}", "copy": "uit een opgeslagen kopie", "site": "op deze site",
           "printed": "gedrukte uitgave", "all": "Alle bronnen"},
    "en": {"read": "read on {date}", "copy": "from a stored copy", "site": "on this site",
           "printed": "printed publication", "all": "All sources"},
}
LIST_ID = "alle-bronnen"
# Python-Markdown takes a backslash before these as an escape; a < it does not (it would show the backslash),
# so that one becomes &lt;.
_MARKDOWN_SPECIAL = re.compile(r"([*_\[\]>`\\])")


@dataclass(frozen=True)
class Source:
    """One registry entry, with where it stands so a message can point at it."""

    key: str
    uitgever: str
    titel: str
    file: str
    line: int
    datum: str | None = None
    adres: str | None = None
    gelezen: str | None = None
    kopie: bool = False
    pagina: str | None = None
    vindplaats: str | None = None
    taal: str = "nl"  # the language of the title: marked when it differs from the page's

    def render(self, lang: str, page_uri: str) -> str:
        """The footnote text in Markdown, for a page at page_uri (relative to docs/)."""
        t = TEXT[lang]
        parts = [escape(self.uitgever)]
        # A Dutch title on an English page (or the reverse) is read out in its own language.
        marked = f"{{lang={self.taal}}}" if self.taal != lang else ""
        if self.pagina:
            target = posixpath.relpath(self.pagina, posixpath.dirname(page_uri) or ".")
            parts.append(f"[*{escape(self.titel)}*]({target}){marked}")
        else:
            parts.append(f"*{escape(self.titel)}*{marked}")
        if self.datum:
            parts.append(partial_date(self.datum, lang))
        if self.vindplaats:
            parts.append(escape(self.vindplaats))
        text = ", ".join(parts)
        if self.pagina:
            return f"{text}, {t['site']}."
        if not self.adres:
            return f"{text} ({t['printed']})."
        read = [t["read"].format(date=long_date(dt.date.fromisoformat(self.gelezen or ""), lang))]
        if self.kopie:
            read.append(t["copy"])
        return f"{text}. <{self.adres}> ({', '.join(read)})."

    def sort_key(self) -> tuple[str, str]:
        return (self.uitgever.casefold(), self.titel.casefold())


def escape(text: str) -> str:
    """Registry text as literal Markdown."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text).replace("<", "&lt;")


def is_home_page(address: str) -> bool:
    """A bare host or a site's home page: it does not open the page that says a thing."""
    parts = urlsplit(address)
    return parts.path in ("", "/") and not parts.query and not parts.fragment


def _plain(value: Any) -> Any:
    """A year written as a number (datum: 2023) as the text the schema describes (dates stay text already)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


class Registry:
    """Every source of every file in the registry folder, and the problems found reading them."""

    def __init__(self, root: Path, folder: Path, schema: Path) -> None:
        self.sources: dict[str, Source] = {}
        self.problems: list[Problem] = []
        # Keys whose entry has a problem: citing them is not a second mistake.
        self.broken: set[str] = set()
        # Files that cannot be read at all: any key may be in one, so no citation is a second mistake.
        self.unreadable: list[str] = []
        for path in sorted(folder.glob("*.yml")):
            self._read(path, path.relative_to(root).as_posix(), schema, root)

    def _read(self, path: Path, file: str, schema: Path, root: Path) -> None:
        data, nodes, problems = data_file.read(path, file)
        if problems:
            self.problems += problems
            self.unreadable.append(file)
            return
        if data is None:
            return  # an empty file: no sources yet
        if not isinstance(data, dict):
            self.unreadable.append(file)
            self.problems.append(Problem(file, 1, "dit bestand is geen lijst van bronnen",
                                         "begin elke bron met 'sleutel:' aan het begin van de regel",
                                         "this file is not a list of sources",
                                         "start each source with 'key:' at the start of a line"))
            return
        for key, entry in data.items():
            self._entry(str(key), entry, file, nodes, schema, root)

    def _entry(self, key: str, entry: Any, file: str, nodes: yaml.Node | None, schema: Path, root: Path) -> None:
        line = line_of(nodes, [key])
        if not NAME.fullmatch(key):
            good = slug(key)
            self.problems.append(Problem(file, line, f"de sleutel '{key}' is ongeldig",
                                         f"schrijf '{good}:' (kleine letters, cijfers en streepjes)" if good else
                                         "gebruik kleine letters, cijfers en streepjes, bijvoorbeeld drenthe-cpo-regeling",
                                         f"the key '{key}' is not valid",
                                         f"write '{good}:' (lowercase letters, digits and hyphens)" if good else
                                         "use lowercase letters, digits and hyphens, e.g. drenthe-cpo-regeling"))
            # The pages cite it as it should be written (or as written): not a second mistake there.
            self.broken.update({key, good} - {""})
            return
        if key in self.sources:
            first = self.sources[key]
            self.problems.append(Problem(file, line, f"de bron '{key}' staat er twee keer (ook in {first.file}:{first.line})",
                                         "houd één van de twee over", f"the source '{key}' is defined twice "
                                         f"(also in {first.file}:{first.line})", "keep one of them"))
            return
        self.broken.add(key)
        values = {name: _plain(value) for name, value in entry.items()} if isinstance(entry, dict) else entry
        # The fields against schemas/bronnen.schema.json, in data_file's wording, each at its line.
        problems = data_file.check(values, schema, file, nodes, at=[key], name=(f"de bron '{key}'", f"the source '{key}'"))
        if problems:
            self.problems += problems
            return
        source = Source(key=key, file=file, line=line, **values)
        problem = self._where_to_read(source, lambda field: line_of(nodes, [key, field]), root)
        if problem:
            self.problems.append(problem)
            return
        self.sources[key] = source
        self.broken.discard(key)

    @staticmethod
    def _where_to_read(source: Source, line_of: Callable[[str], int], root: Path) -> Problem | None:
        """Where a reader opens the source; line_of: a field's line (the entry's when it has no such field)."""
        file, key = source.file, source.key
        if source.adres:
            at = line_of("adres")
            if is_home_page(source.adres):
                return Problem(file, at, f"het adres van de bron '{key}' is de beginpagina van een site",
                               "zet het adres van de pagina of het document dat het feit zelf noemt",
                               f"the address of the source '{key}' is a site's home page",
                               "give the address of the page or document that states the fact itself")
            if not source.gelezen:
                return Problem(file, source.line, f"bij de bron '{key}' staat niet wanneer hij gelezen is",
                               "voeg 'gelezen: JJJJ-MM-DD' toe", f"the source '{key}' does not say when it was read",
                               "add 'gelezen: YYYY-MM-DD'")
            if source.pagina:
                return Problem(file, line_of("pagina"),
                               f"de bron '{key}' heeft een adres én een pagina", "houd één van de twee over",
                               f"the source '{key}' has both an address and a page", "keep one of them")
            return None
        if source.pagina:
            if not (root / "docs" / source.pagina).is_file():
                return Problem(file, line_of("pagina"),
                               f"de pagina '{source.pagina}' van de bron '{key}' bestaat niet",
                               "schrijf het pad vanaf docs/, bijvoorbeeld reactie/zoals-ingediend.md",
                               f"the page '{source.pagina}' of the source '{key}' does not exist",
                               "write the path from docs/, e.g. reactie/zoals-ingediend.md")
            return None
        if not source.datum:
            return Problem(file, source.line, f"de bron '{key}' heeft geen adres",
                           "zet het adres van de pagina die het feit noemt (adres: https://…); "
                           "is het een gedrukt stuk, zet dan ten minste het jaar (datum: JJJJ)",
                           f"the source '{key}' has no address",
                           "give the address of the page that states the fact (adres: https://…); "
                           "for a printed document give at least the year (datum: YYYY)")
        return None


@dataclass(frozen=True)
class Citation:
    """A footnote reference on a page."""

    page: str   # relative to docs/
    file: str   # relative to the repository, for messages
    line: int
    key: str


_registries: dict[tuple[Path, Path, Path], Once[Registry]] = {}


def read(root: Path, folder: Path, schema: Path) -> Registry:
    """The registry of folder, read again only when one of its files or the schema changed.

    The rule (dom_site.rules.sources) and the dom-bronnen plugin both ask for it in one
    build (and again in each language's build): it is read once. Nobody changes it.
    """
    key = (root.resolve(), folder.resolve(), schema.resolve())
    once = _registries.setdefault(key, Once())
    return once.get(fingerprint([schema, *sorted(folder.glob("*.yml"))]), lambda: Registry(root, folder, schema))


def citations(model: SourceModel, pages: Iterable[str] | None = None) -> tuple[list[Citation], list[Citation]]:
    """Every footnote reference and every page-local definition in these pages (all by default)."""
    refs: list[Citation] = []
    defs: list[Citation] = []
    chosen = set(pages) if pages is not None else None
    for page in model:
        if chosen is not None and page.path not in chosen:
            continue
        refs += [Citation(page.path, page.shown, note.line, note.label) for note in page.references]
        defs += [Citation(page.path, page.shown, note.line, note.label) for note in page.definitions]
    return refs, defs


def footnote_subject(ref: Citation) -> str:
    """What a message about one footnote is about: a footnote the translation rule also sees is one message."""
    return f"footnote:{ref.file}:{ref.line}:{ref.key}"


def meant_key(key: str, registry: Registry) -> str | None:
    """The registry's key a footnote most likely means: written with spaces or capitals
    ('Zin stappenplan-cpo'), or a letter off."""
    plain = "-".join(key.split()).lower()
    if plain in registry.sources:
        return plain
    return data_file.closest(plain, list(registry.sources), cutoff=0.8)


def definition_subject(path: str, line: int) -> str:
    """What a message about a footnote text written on the page (path:line) is about: markdownlint
    calls the same line an unused reference definition (MD053), which is not said besides."""
    return f"footnote-definition:{path}:{line}"


def check(registry: Registry, refs: list[Citation], defs: list[Citation], strict: bool,
          listing: Callable[[str], bool] = lambda page: False) -> list[Problem]:
    """Every problem of the registry and of the pages' citations, each once.

    listing: whether a page lists its sources in its front matter (a village page's
    'bronnen'): a new source there goes in that list too, and the message says so."""
    problems = list(registry.problems)
    local = {(d.page, d.key) for d in defs}
    reported: set[tuple[str, str]] = set()
    for ref in refs:
        # A footnote the page writes out itself has one message, below ("schrijft de bron zelf uit").
        if ref.key in registry.sources or ref.key in registry.broken or (ref.page, ref.key) in local \
                or registry.unreadable:
            continue
        if (ref.page, ref.key) in reported:
            continue
        reported.add((ref.page, ref.key))
        like = meant_key(ref.key, registry)
        if any(space.isspace() for space in ref.key):
            # Python-Markdown shows it as text: the fact would lose its source without a word.
            problems.append(Problem(
                ref.file, ref.line, f"de voetnoot [^{ref.key}] heeft een spatie in de sleutel; zo ziet de lezer hem als tekst",
                f"schrijf [^{like}]" if like else "schrijf de sleutel zonder spaties, zoals hij in registry/bronnen/ staat",
                f"the footnote [^{ref.key}] has a space in its key; readers would see it as text",
                f"write [^{like}]" if like else "write the key without spaces, as it is in registry/bronnen/",
                subject=footnote_subject(ref)))
            continue
        listed_nl, listed_en = ((f", en zet {ref.key} ook in de lijst 'bronnen' bovenaan de pagina",
                                 f", and add {ref.key} to the list 'bronnen' at the top of the page")
                                if listing(ref.page) else ("", ""))
        problems.append(Problem(ref.file, ref.line, f"de bron [^{ref.key}] staat niet in het bronnenregister",
                                (f"bedoel je [^{like}]? Anders: " if like else "")
                                + "gebruik een sleutel uit registry/bronnen/ of voeg de bron daar toe "
                                f"(uitgever, titel, adres, gelezen){listed_nl}",
                                f"the source [^{ref.key}] is not in the sources registry",
                                (f"did you mean [^{like}]? Otherwise: " if like else "")
                                + "use a key from registry/bronnen/ or add the source there "
                                f"(publisher, title, address, date read){listed_en}", subject=footnote_subject(ref)))
    if strict:
        for d in defs:
            if d.key in registry.sources:
                fix_nl = "haal deze regel weg: de bouw zet de bron erbij uit registry/bronnen/"
                fix_en = "remove this line: the build adds the source from registry/bronnen/"
            else:
                fix_nl = ("haal deze regel weg en zet de bron in registry/bronnen/ onder een sleutel "
                          "(uitgever, titel, adres, gelezen); verwijs dan met [^sleutel]")
                fix_en = ("remove this line and add the source to registry/bronnen/ under a key "
                          "(publisher, title, address, date read); then cite it with [^key]")
            problems.append(Problem(d.file, d.line, f"de pagina schrijft de bron [^{d.key}] zelf uit", fix_nl,
                                    f"the page writes out the source [^{d.key}] itself", fix_en,
                                    subject=definition_subject(d.file, d.line)))
        # A miswritten key ([^Drenthe-cpo-regeling]) is that footnote's one message, above.
        cited = {ref.key for ref in refs} | {meant for ref in refs if (meant := meant_key(ref.key, registry))}
        for source in registry.sources.values():
            if source.key not in cited:
                problems.append(Problem(source.file, source.line, f"de bron '{source.key}' wordt nergens geciteerd",
                                        f"verwijs ernaar met [^{source.key}] op een pagina, of haal de bron weg",
                                        f"the source '{source.key}' is not cited anywhere",
                                        f"cite it with [^{source.key}] on a page, or remove it"))
    return problems


def definitions(keys: Iterable[str], registry: Registry, lang: str, page_uri: str) -> str:
    """The footnote definitions a page needs, as Markdown to append to it."""
    lines = [f"[^{key}]: {registry.sources[key].render(lang, page_uri)}"
             for key in dict.fromkeys(keys) if key in registry.sources]
    return "\n".join(lines)


def source_list(keys: Iterable[str], registry: Registry, lang: str, page_uri: str) -> str:
    """A part's sources as a Markdown section: publisher, title, date, address."""
    sources = sorted((registry.sources[key] for key in set(keys) if key in registry.sources), key=Source.sort_key)
    items = "\n".join(f"- {source.render(lang, page_uri)}" for source in sources)
    return f"## {TEXT[lang]['all']} {{#{LIST_ID}}}\n\n{items}\n"
