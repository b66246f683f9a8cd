"""Say MkDocs' own build warnings again the way an editor can act on them.

MkDocs reports a broken link as "Doc file 'x.md' contains a link ...", in
English and without a line number. The handler here (installed by the
dom-meldingen plugin) listens to those warnings and prints, instead of each,
`docs/x.md:12: wat er mis is — hoe je het oplost (English: ...)`: one message per
mistake, so MkDocs' own line is not printed beside it (Explained, a filter on the
handlers that print). It changes nothing else: the warning itself still fails the
strict build (MkDocs' counter has no filter). It works the same in `mkdocs serve`,
so editors see what CI sees.

Inside a GitHub Actions run every warning and error of the build also becomes a
workflow command (dom_site.messages.say): the explained ones and the lines of a
plugin's error that name a place (`docs/x.md:12: …`) on their line of the pull
request, anything else without a place.

Each warning is said once per build, however many languages' builds meet it: a Dutch
page not translated yet is rendered in the Dutch build and again, as the English page,
in the English one, and MkDocs warned (and this handler explained) a broken link in it
twice. Once, a filter on the handlers that print, lets a warning through the first
time only; MkDocs' counter of warnings has no such filter, so --strict still fails.
The English build in a forked copy (dom_site.side_by_side) prints none of its warnings:
it hands them to the build that waits for it (deferred_to), which says those it has not
said itself (say_deferred).
"""
from __future__ import annotations

import contextlib
import difflib
import json
import logging
import posixpath
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from dom_site.messages import Problem, locate, say
from dom_site.source import ENGLISH_SUFFIX, dutch_path, parse

Explain = Callable[[re.Match[str]], tuple[str, str, str, str]]
NOT_FOUND = re.compile(r"Doc file '(?P<src>[^']+)' contains a link '(?P<link>[^']+)', but the target.* is not found")
NAV_MISSING = re.compile(r"A reference to '(?P<src>[^']+)' is included in the 'nav' configuration, which is not found")


def _nav_missing(m: re.Match[str]) -> tuple[str, str, str, str]:
    return (f"het menu (nav in mkdocs.yml) noemt '{m['src']}', maar dat bestand bestaat niet",
            "controleer de naam in mkdocs.yml of maak het bestand aan",
            f"the menu (nav in mkdocs.yml) names '{m['src']}', but that file does not exist",
            "check the name in mkdocs.yml or create the file")


PATTERNS: list[tuple[re.Pattern[str], Explain]] = [
    (
        NOT_FOUND,
        lambda m: (f"de link '{m['link']}' wijst naar een pagina die niet bestaat",
                   "controleer de bestandsnaam en de map (bijvoorbeeld ../draaiboek/index.md), of haal de link weg",
                   f"the link '{m['link']}' points to a page that does not exist",
                   "check the file name and folder (for example ../draaiboek/index.md), or remove the link"),
    ),
    (
        re.compile(r"Doc file '(?P<src>[^']+)' contains a link '(?P<link>[^']+)', but (?:there is no such anchor|the doc '[^']+' does not contain an anchor)"),
        lambda m: (f"de link '{m['link']}' wijst naar een onderdeel (#…) dat niet bestaat",
                   "gebruik het {#id} van een kop op die pagina; ID's veranderen nooit, dus controleer op een tikfout",
                   f"the link '{m['link']}' points to a section (#…) that does not exist",
                   "use the {#id} of a heading on that page; IDs never change, so check for a typo"),
    ),
    (
        re.compile(r"Doc file '(?P<src>[^']+)' contains an absolute link '(?P<link>[^']+)'"),
        lambda m: (f"de link '{m['link']}' begint met / en werkt daardoor niet als de site in een submap staat",
                   "maak er een relatieve link naar het .md-bestand van (bijvoorbeeld ../reactie/index.md)",
                   f"the link '{m['link']}' starts with / and breaks when the site lives under a sub-path",
                   "make it a relative link to the .md file (for example ../reactie/index.md)"),
    ),
    (
        re.compile(r"Doc file '(?P<src>[^']+)' contains an unrecognized relative link '(?P<link>[^']+)'"),
        lambda m: (f"de link '{m['link']}' wijst niet naar een bestand",
                   "link naar het .md-bestand zelf (bijvoorbeeld ../maatwerk/index.md in plaats van ../maatwerk/)",
                   f"the link '{m['link']}' does not point to a file",
                   "link to the .md file itself (for example ../maatwerk/index.md instead of ../maatwerk/)"),
    ),
    (NAV_MISSING, _nav_missing),
]
TITLE = "Bouw van de site"
DID_YOU_MEAN = re.compile(r"Did you mean '(?P<target>[^']+)'\?")
OMITTED = re.compile(r"The following pages exist in the docs directory, but are not included in the \"nav\"")


def find_line(docs_dir: Path, src: str, needle: str) -> tuple[str, int]:
    """The editor-facing path of a page and the first line that contains needle."""
    shown = f"{docs_dir.name}/{src}"
    try:
        text = (docs_dir / src).read_text(encoding="utf-8")
    except OSError:
        return shown, 1
    return shown, parse(src, text, shown).line_holding(needle) or 1


def menu_slips(config_file: Path | None, docs_dir: Path) -> dict[str, str]:
    """The menu's entries (nav in mkdocs.yml) that name no page, each with the page it most
    likely means ('maatwerk/soorten-dorp.md' → 'maatwerk/soorten-dorpen.md'), where there is one."""
    named = _nav_names(config_file)
    pages = sorted(path.relative_to(docs_dir).as_posix() for path in docs_dir.rglob("*.md")
                   if not path.name.endswith(ENGLISH_SUFFIX))
    slips = {}
    from dom_site.village_data import FOLDER  # the villages' pages: their plugin puts them in the menu

    # Two entries made one by their indentation (merged_entry) name their pages, in their own message.
    merged = [part for name in named for part in (merged_entry(name, docs_dir) or [])]
    left_out = [p for p in pages if p not in named and p not in merged and not p.startswith(f"{FOLDER.strip('/')}/")]
    missing = [name for name in named if not (docs_dir / name).is_file() and not merged_entry(name, docs_dir)]
    for name in missing:
        # Stricter than for a setting's name: paths share their folder and ".md" ('over/nergens.md'
        # is not 'over/los.md'); a slip of a letter or two stays well above it. With one entry
        # that names no page and one page the menu lacks, that page is the one it means.
        like = difflib.get_close_matches(name, left_out, n=1, cutoff=0.8)
        if not like and len(missing) == 1 and len(left_out) == 1 and not name.endswith(ENGLISH_SUFFIX):
            like = left_out
        if like:
            slips[name] = like[0]
    return slips


def merged_entry(name: str, docs_dir: Path) -> list[str] | None:
    """The pages of a menu entry that is lines made one ('over/versies.md - over/privacy.md': the
    second indented further than the first, YAML reads it as the first one's text; or a group's
    title without its colon, 'Draaiboek - draaiboek/index.md - …'); None if it is not."""
    parts = [part.strip() for part in name.split(" - ")]
    if len(parts) < 2 or not all((docs_dir / part).is_file() for part in parts[1:]):
        return None
    if (docs_dir / parts[0]).is_file():
        return parts
    return None if parts[0].endswith(".md") else parts[1:]  # a title, not a page that is not there


def group_title(name: str, docs_dir: Path) -> str | None:
    """The title of a group of the menu written without its colon ('- Draaiboek' above its pages):
    the part of a merged entry (merged_entry) that is no page."""
    pages = merged_entry(name, docs_dir)
    title = name.partition(" - ")[0].strip()
    return title if pages is not None and title not in pages else None


IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"}


def _nav_names(config_file: Path | None) -> list[str]:
    """Every page the menu (nav in mkdocs.yml) names, as written."""
    from dom_site.config_file import menu_pages

    return [page for page, _ in menu_pages(config_file)] if config_file else []


def _outside_docs(docs_dir: Path, src: str, link: str) -> str | None:
    """The project file (its path in the project) a link from page src points to, when it is outside
    docs/ and exists: the site has only what docs/ holds."""
    path = link.partition("#")[0]
    if not path or "://" in path or path.startswith("/"):
        return None
    target = (docs_dir / posixpath.dirname(src) / path).resolve()
    project = docs_dir.resolve().parent
    if target.is_relative_to(docs_dir.resolve()) or not target.is_relative_to(project) or not target.is_file():
        return None
    return target.relative_to(project).as_posix()


# A file name alone shares only ".md" with the others in its folder: a letter or two wrong, or a
# word added ('bijdragen pagina.md' for 'bijdragen.md', 0.77), stays above this; another page does not.
CLOSE_NAME = 0.75


def same_name(docs_dir: Path, src: str, link: str) -> str | None:
    """The link to the page meant, from src; None if no one page is.

    The one page with the linked file's name (a link into the wrong folder:
    '../maatwerk/financiering.md' for '../draaiboek/financiering.md'), else the one page of
    the folder linked into whose name is close (a slip in the name: 'financeiring.md',
    'bijdragen pagina.md' for 'bijdragen.md')."""
    path, hash_, anchor = link.partition("#")
    name = posixpath.basename(path)
    if not name.endswith(".md"):
        return None
    found = [page for page in docs_dir.rglob(name) if page.is_file()]
    if len(found) == 1:
        relative = posixpath.relpath(found[0].relative_to(docs_dir).as_posix(), posixpath.dirname(src) or ".")
        return f"{relative}{hash_}{anchor}"
    folder = posixpath.normpath(posixpath.join(posixpath.dirname(src), posixpath.dirname(path)))
    if found or folder.startswith("..") or not (docs_dir / folder).is_dir():
        return None
    # Links name the Dutch page (the English build links the translation by itself).
    names = sorted(page.name for page in (docs_dir / folder).glob("*.md") if not page.name.endswith(ENGLISH_SUFFIX))
    like = difflib.get_close_matches(name, names, n=2, cutoff=CLOSE_NAME)
    if len(like) != 1:
        return None
    return f"{posixpath.join(posixpath.dirname(path), like[0])}{hash_}{anchor}"


def explain(message: str, docs_dir: Path, config_file: Path | None = None) -> list[str]:
    """Dutch-first explanations for one MkDocs warning; empty when we have none.

    A misspelt menu entry is one mistake, said at its line in config_file (mkdocs.yml) with
    the page it means; that page, now not in the menu in either language, is not said again.
    A warning a plugin of ours gives in the editor's form already (`docs/x.md:12: …`) is said as it is."""
    if "\n" not in message and locate(message):
        return [message]
    if OMITTED.search(message):
        meant = set(menu_slips(config_file, docs_dir).values())
        pages = [line.strip()[2:] for line in message.splitlines()[1:] if line.strip().startswith("- ")]
        # The menu names only the Dutch page; its translation follows it (the English build warns
        # of it when the Dutch page is missing from the menu): said once, at the Dutch page.
        named = [dutch_path(page) if (docs_dir / dutch_path(page)).is_file() else page for page in pages]
        meant |= {part for name in _nav_names(config_file) for part in (merged_entry(name, docs_dir) or [])}
        return [
            str(Problem(f"{docs_dir.name}/{page}", 1, "deze pagina staat niet in het menu",
                        "zet haar in nav in mkdocs.yml, of haal het bestand weg",
                        "this page is not in the menu", "add it to nav in mkdocs.yml, or remove the file"))
            for page in dict.fromkeys(named) if page not in meant
        ]
    if config_file and (match := NAV_MISSING.search(message)):
        like = menu_slips(config_file, docs_dir).get(match["src"])
        wrong_nl, fix_nl, wrong_en, fix_en = _nav_missing(match)
        merged = merged_entry(match["src"], docs_dir)
        if like:
            fix_nl, fix_en = f"bedoel je '{like}'? Schrijf dan dat", f"did you mean '{like}'? Then write that"
        elif (title := group_title(match["src"], docs_dir)):
            wrong_nl = (f"in het menu (nav in mkdocs.yml) staat geen dubbele punt achter '{title}': zo leest het menu "
                        f"'{title}' en de pagina's eronder als één naam")
            fix_nl = f"schrijf '- {title}:'"
            wrong_en = (f"in the menu (nav in mkdocs.yml) there is no colon after '{title}': so the menu reads "
                        f"'{title}' and the pages below it as one name")
            fix_en = f"write '- {title}:'"
        elif merged:
            wrong_nl = f"in het menu (nav in mkdocs.yml) zijn twee regels één geworden: '{match['src']}'"
            fix_nl = f"de regel met '{merged[1]}' springt verder in dan die erboven: zet zijn - recht onder de - van '{merged[0]}'"
            wrong_en = f"in the menu (nav in mkdocs.yml) two lines became one: '{match['src']}'"
            fix_en = f"the line with '{merged[1]}' is indented further than the one above: put its - right below the - of '{merged[0]}'"
        elif match["src"].endswith(ENGLISH_SUFFIX) and (docs_dir / match["src"]).is_file():
            wrong_nl = f"het menu (nav in mkdocs.yml) noemt de Engelse pagina '{match['src']}'"
            fix_nl = "haal deze regel weg: het menu noemt alleen de Nederlandse pagina, de Engelse volgt vanzelf"
            wrong_en = f"the menu (nav in mkdocs.yml) names the English page '{match['src']}'"
            fix_en = "remove this line: the menu names only the Dutch page, the English one follows by itself"
        from dom_site.plugins import setting_line_in

        return [str(Problem(*setting_line_in(config_file, "", "nav", holding=match["src"]),
                            wrong_nl, fix_nl, wrong_en, fix_en))]
    if (match := NOT_FOUND.search(message)) and (outside := _outside_docs(docs_dir, match["src"], match["link"])):
        where, line = find_line(docs_dir, match["src"], match["link"])
        link = match["link"]
        if Path(outside).suffix.lower() in IMAGE_SUFFIXES:
            fix_nl = f"zet de afbeelding in docs/, naast de pagina, en link haar daar: ![…]({Path(outside).name})"
            fix_en = f"put the image in docs/, next to the page, and link it there: ![…]({Path(outside).name})"
        else:
            fix_nl = f"link naar het bestand in de repository: REPO_URL/blob/main/{outside}"
            fix_en = f"link to the file in the repository: REPO_URL/blob/main/{outside}"
        return [str(Problem(where, line, f"de link '{link}' wijst naar {outside}, buiten docs/: dat komt niet op de site",
                            fix_nl, f"the link '{link}' points to {outside}, outside docs/: that is not on the site",
                            fix_en))]
    if match and match["link"].partition("#")[0].endswith(ENGLISH_SUFFIX):
        # The English page of a link: the Dutch build has no such file, and the English build
        # links a page's translation by itself. Linking the Dutch page is the fix.
        link = match["link"]
        path, hash_, anchor = link.partition("#")
        dutch = dutch_path(path)
        where, line = find_line(docs_dir, match["src"], link)
        return [str(Problem(where, line, f"de link '{link}' wijst naar de Engelse pagina",
                            f"schrijf '{dutch}{hash_}{anchor}': op de Engelse site wijst de link vanzelf naar de vertaling",
                            f"the link '{link}' points to the English page",
                            f"write '{dutch}{hash_}{anchor}': on the English site the link points to the translation by itself"))]
    for pattern, describe in PATTERNS:
        match = pattern.search(message)
        if match:
            needle = match.groupdict().get("link") or ""
            where, line = find_line(docs_dir, match["src"], needle)
            wrong_nl, fix_nl, wrong_en, fix_en = describe(match)
            hint = DID_YOU_MEAN.search(message)
            target = hint["target"] if hint else (same_name(docs_dir, match["src"], match["link"])
                                                  if pattern is NOT_FOUND else None)
            if target:  # MkDocs knows the right target ('mailto:…', '../maatwerk/index.md'), or one page has that name
                fix_nl = f"bedoel je '{target}'? Schrijf dan dat"
                fix_en = f"did you mean '{target}'? Then write that"
            return [str(Problem(where, line, wrong_nl, fix_nl, wrong_en, fix_en))]
    return []


def explainable(message: str) -> bool:
    """True for a warning explain() says in Dutch (it needs no file for that)."""
    return (bool(OMITTED.search(message)) or any(pattern.search(message) for pattern, _ in PATTERNS)
            or ("\n" not in message and locate(message) is not None))


# The editor's messages said in this build (EditorMessages), each once.
SAID: set[str] = set()


class EditorMessages(logging.Handler):
    """Prints the Dutch explanation of MkDocs' own warning, which is then not printed itself (Explained)."""

    def __init__(self, docs_dir: Path, config_file: Path | None = None) -> None:
        super().__init__(level=logging.WARNING)
        self.docs_dir = docs_dir
        self.config_file = config_file

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        explained = explain(message, self.docs_dir, self.config_file)
        for line in explained:
            # Two warnings can be one mistake: each language's build warns of a page left out of
            # the menu (docs/x.md, docs/x.en.md), and both are said at the Dutch page.
            if line not in SAID:
                SAID.add(line)
                say(line, title=TITLE, stream=sys.stderr)
        if explained:
            return
        # MkDocs printed it already; in a GitHub Actions run it also goes on its line.
        placed = [line for line in message.splitlines() if locate(line)]
        for line in placed or [message]:
            say(line, title=TITLE, stream=sys.stderr, echo=False)


class Once(logging.Filter):
    """On a handler that prints: each warning (by its text) once per build."""

    def __init__(self) -> None:
        super().__init__()
        self.said: set[str] = set()
        # In the forked copy: what it leaves to the build that waits for it (deferred_to).
        self.deferred: list[dict[str, object]] | None = None

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING:
            return True
        first: bool | None = getattr(record, "dom_said_here", None)
        if first is None:  # the first handler to see this record decides for all of them
            text = record.getMessage()
            first = text not in self.said
            self.said.add(text)
            if first and self.deferred is not None:
                self.deferred.append({"name": record.name, "levelno": record.levelno,
                                      "levelname": record.levelname, "msg": text})
                first = False
            record.dom_said_here = first
        return first


ONCE = Once()


class Explained(logging.Filter):
    """On a handler that prints, other than EditorMessages: not MkDocs' English line of a
    warning EditorMessages says in Dutch at its file and line (its English is in there too)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno < logging.WARNING or not explainable(record.getMessage())


EXPLAINED = Explained()


def new_build() -> None:
    """A build starts (not a language's build inside it): every warning may be said again."""
    ONCE.said.clear()
    SAID.clear()


def _printing(logger: logging.Logger) -> list[logging.Handler]:
    # MkDocs' CountHandler counts the warnings for --strict: it must see every one.
    return [h for h in logger.handlers if type(h).__name__ != "CountHandler"]


@contextlib.contextmanager
def deferred_to(path: Path) -> Iterator[None]:
    """In the forked copy: the warnings it would print go to path instead, also when its build fails."""
    ONCE.deferred = []
    try:
        yield
    finally:
        path.write_text(json.dumps(ONCE.deferred), "utf-8")
        ONCE.deferred = None


def say_deferred(path: Path) -> None:
    """In the build that waited: the copy's warnings that it has not said itself, as its own."""
    if not path.is_file():
        return
    entries = json.loads(path.read_text("utf-8"))
    path.unlink()
    # One handler may be on two loggers (attach): each prints the record once.
    handlers = list(dict.fromkeys(h for logger in builder_loggers() for h in _printing(logger)))
    for entry in entries:
        record = logging.makeLogRecord(entry)
        for handler in handlers:
            if record.levelno >= handler.level:
                handler.handle(record)


def builder_loggers() -> list[logging.Logger]:
    """The loggers the build's warnings pass, each record through exactly one of them.

    MkDocs logs to "mkdocs". ProperDocs logs to "properdocs"; run as `properdocs`, it also
    feeds "mkdocs" (plugins still use it) into "properdocs" (properdocs.__main__), so one
    handler there sees all. Built in-process under ProperDocs (properdocs.replacement, as the
    tests do) the two stay apart: then both get the handler."""
    mkdocs, properdocs = logging.getLogger("mkdocs"), logging.getLogger("properdocs")
    return [properdocs] if mkdocs.parent is properdocs else [mkdocs, properdocs]


def attach(docs_dir: Path, config_file: Path | None = None) -> EditorMessages:
    """The one handler on the build's loggers, now for docs_dir.

    One, however often a build starts in this process: static-i18n builds each language
    with the same config, `mkdocs serve` loads the config again for every rebuild, and
    tests build many projects. A second handler would print every explanation twice."""
    loggers = builder_loggers()
    found = [h for logger in loggers for h in logger.handlers if isinstance(h, EditorMessages)]
    handler = found[0] if found else EditorMessages(docs_dir, config_file)
    handler.docs_dir, handler.config_file = docs_dir, config_file
    for logger in loggers:
        if handler not in logger.handlers:
            logger.addHandler(handler)
        for printing in _printing(logger):
            if ONCE not in printing.filters:
                printing.addFilter(ONCE)
            if printing is not handler and EXPLAINED not in printing.filters:
                printing.addFilter(EXPLAINED)
    return handler


def detach() -> None:
    """Take the handler off again (the end of `mkdocs serve` or of a build run by a test)."""
    for logger in (logging.getLogger("mkdocs"), logging.getLogger("properdocs")):
        for handler in [h for h in logger.handlers if isinstance(h, EditorMessages)]:
            logger.removeHandler(handler)
        for printing in logger.handlers:
            printing.removeFilter(ONCE)
            printing.removeFilter(EXPLAINED)
