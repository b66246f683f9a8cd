"""The glossary: every term is defined once per language and shown everywhere.

The Dutch file (`includes/begrippen.md`, the dom-begrippen plugin's `file`) and its
translations next to it (`begrippen.en.md`) hold one abbreviation line per term,
`*[CPO]: Collectief particulier opdrachtgeverschap: ...`. The plugin gives the terms
of the page's language to the `abbr` extension as its glossary (its `glossary`
setting, for that page), so `abbr` and Material's `content.tooltips` show the
definition when a reader hovers over the term (the term cannot take keyboard focus:
a reader without a mouse finds every definition on the glossary page). A page does
not explain a glossary term again with its own `*[term]: …` line (which `abbr` would
let win on that page): the rule `begrippen` (dom_site.rules.glossary) refuses it.
The glossary page itself holds the marker `<!-- begrippenlijst -->`, replaced by all
terms as a definition list, sorted by term. So an editor writes a definition in one
place only.

The language is that of the page's text (dom_site.languages.source_language):
`page.file.locale` (set by mkdocs-static-i18n from the `.en.md` suffix), else the build's. A Dutch
page shown in the English build (fallback) therefore gets Dutch definitions,
which match its Dutch words.

Headings get no hover definitions: a dotted line in a title reads as noise, the
term is explained in the text below it, and heading text is reused elsewhere
(table of contents, citations). Nor does a block with class "verbatim" (the
response exactly as submitted): that text stays free of added markup.
`tidy()` unwraps them again in the page's HTML.

A page can opt out with `glossary: false` in its front matter.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from dom_site.messages import Problem
from dom_site.source import ABBREVIATION_DEFINITION

DEFAULT_LANGUAGE = "nl"
MARKER = "<!-- begrippenlijst -->"
COMMENT = re.compile(r"<!--.*-->")
HEADING_HTML = re.compile(r"<(h[1-6])\b[^>]*>.*?</\1>", re.DOTALL)
ABBR_HTML = re.compile(r"<abbr title=\"[^\"]*\">(.*?)</abbr>", re.DOTALL)
VERBATIM_HTML = re.compile(r"<div\b[^>]*\bclass=\"(?:[^\"]*\s)?verbatim(?:\s[^\"]*)?\"[^>]*>")
DIV_TAG = re.compile(r"<(/?)div\b[^>]*>")


class GlossaryError(ValueError):
    """A line of a glossary file an editor must fix; the message names file and line."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


@dataclass(frozen=True)
class Term:
    """One defined term, with the line it came from (for error messages)."""

    term: str
    definition: str
    line: int


def parse(text: str, where: str) -> list[Term]:
    """Read a glossary file. Blank lines and one-line HTML comments are allowed."""
    terms: list[Term] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or COMMENT.fullmatch(line):
            continue
        match = ABBREVIATION_DEFINITION.fullmatch(line)
        if match is None:
            raise GlossaryError(Problem(
                where, number,
                "deze regel is geen begrip",
                "schrijf elk begrip op één regel als *[Begrip]: uitleg",
                "this line is not a term",
                "write each term on one line as *[Term]: definition",
            ))
        term = match["term"]
        definition = match["definition"].strip()
        if term != term.strip() or not term.strip():
            raise GlossaryError(Problem(
                where, number,
                f"het begrip '{term}' begint of eindigt met een spatie",
                "haal de spaties binnen de [ ] weg",
                f"the term '{term}' starts or ends with a space",
                "remove the spaces inside the [ ]",
            ))
        if not definition:
            raise GlossaryError(Problem(
                where, number,
                f"het begrip '{term}' heeft geen uitleg",
                "schrijf de uitleg achter de dubbele punt",
                f"the term '{term}' has no definition",
                "write the definition after the colon",
            ))
        if term in seen:
            raise GlossaryError(Problem(
                where, number,
                f"het begrip '{term}' staat er twee keer in (ook op regel {seen[term]})",
                "houd één uitleg over en haal de andere regel weg",
                f"the term '{term}' is defined twice (also on line {seen[term]})",
                "keep one definition and remove the other line",
            ))
        seen[term] = number
        terms.append(Term(term, definition, number))
    return terms


def sort_key(term: Term) -> str:
    """Alphabetical as a reader expects it: ignore case and accents (coöperatie = cooperatie)."""
    plain = unicodedata.normalize("NFKD", term.term)
    return "".join(c for c in plain if not unicodedata.combining(c)).casefold()


def hover_terms(terms: list[Term]) -> dict[str, Term]:
    """Every word that gets a hover definition -> its term. A lowercase term also gets a
    capitalised twin, because matching is case-sensitive and a sentence may start with it."""
    found: dict[str, Term] = {}
    defined = {t.term for t in terms}
    for t in terms:
        found[t.term] = t
        upper = t.term[:1].upper() + t.term[1:]
        if upper != t.term and upper not in defined:
            found[upper] = t
    return found


def hover_definitions(terms: list[Term]) -> dict[str, str]:
    """The abbr extension's glossary: word -> definition."""
    return {word: term.definition for word, term in hover_terms(terms).items()}


def definition_list(terms: list[Term]) -> str:
    """All terms, sorted, as a Markdown definition list (extension def_list)."""
    blocks = [f"**{t.term}**\n:   {t.definition}" for t in sorted(terms, key=sort_key)]
    return "\n\n".join(blocks)


def glossary_file(dutch: Path, language: str) -> Path:
    """The Dutch file for Dutch, `<name>.<lang>.md` next to it for any other language
    (like the pages). A language without its own file falls back to Dutch, like the site's pages."""
    if language != DEFAULT_LANGUAGE:
        own = dutch.with_name(f"{dutch.stem}.{language}{dutch.suffix}")
        if own.is_file():
            return own
    return dutch


def shown(path: Path, root: Path) -> str:
    """A glossary file as messages name it: relative to the project folder when inside it."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def load(path: Path, root: Path) -> list[Term]:
    """Parse a glossary file; errors name the file as shown()."""
    where = shown(path, root)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise GlossaryError(Problem(
            where, 1,
            "het bestand met begrippen ontbreekt",
            "maak het bestand aan met één regel *[Begrip]: uitleg per begrip",
            "the glossary file is missing",
            "create it with one line *[Term]: definition per term",
        )) from error
    return parse(text, where)


def is_glossary_page(markdown: str) -> bool:
    """The page that lists every term (and so needs no hover definitions)."""
    return MARKER in markdown


def render(markdown: str, terms: list[Term]) -> str:
    """The glossary page with every term at the marker, as a definition list."""
    return markdown.replace(MARKER, definition_list(terms))


def unwrap_headings(html: str) -> str:
    """Remove the <abbr> wrappers inside h1–h6 (see the module docstring)."""
    return HEADING_HTML.sub(lambda m: ABBR_HTML.sub(r"\1", m.group(0)), html)


def unwrap_verbatim(html: str) -> str:
    """Remove the <abbr> wrappers inside every <div class="verbatim"> (nested divs included)."""
    parts: list[str] = []
    position = 0
    while (start := VERBATIM_HTML.search(html, position)) is not None:
        depth, end = 1, len(html)
        for tag in DIV_TAG.finditer(html, start.end()):
            depth += -1 if tag.group(1) else 1
            if depth == 0:
                end = tag.end()
                break
        parts.append(html[position:start.start()])
        parts.append(ABBR_HTML.sub(r"\1", html[start.start():end]))
        position = end
    parts.append(html[position:])
    return "".join(parts)


def first_mentions_only(html: str) -> str:
    """Keep the hover definition on the first mention of each term in a page.

    Readers need a term explained once per page, and every tooltip costs the
    browser work on load (Lighthouse: total blocking time on the response page,
    which mentions DOM and woonvisie dozens of times)."""
    seen: set[str] = set()

    def keep_first(match: re.Match[str]) -> str:
        term = match.group(1)
        if term in seen:
            return term
        seen.add(term)
        return match.group(0)

    return ABBR_HTML.sub(keep_first, html)


def tidy(html: str) -> str:
    """A page's HTML with hover definitions only where they help: none inside headings or
    verbatim text, and one per term."""
    return first_mentions_only(unwrap_verbatim(unwrap_headings(html)))
