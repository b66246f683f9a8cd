"""Markdown the reader would see as text: what Python-Markdown left unconverted on a built page.

Raw HTML keeps the Markdown inside it as text unless its tag says `markdown` (md_in_html),
and a block's title keeps a footnote as text. The page then shows `**bij**`, or
`[Begrippen](begrippen.md)` (a link no check follows), or `[^bron]` (a fact that lost
its source), and no strict build notices. The build (dom-regels, on_page_content) says
each at the line that holds it: a footnote at its line, the rest once per HTML block,
at the tag to change.
"""
from __future__ import annotations

import html
import re

from dom_site import html_text, source
from dom_site.messages import Problem
from dom_site.source import FOOTNOTE_REFERENCE

# Code shows Markdown as code, on purpose: that is no Markdown that failed.
CODE_HTML = re.compile(r"<(pre|code)\b.*?</\1>", re.DOTALL)
# A comment is not on the page, whatever it holds.
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
LINK = re.compile(r"\[[^\]\n]+\]\([^)\s]+\)")
BOLD = re.compile(r"(\*\*|__)(?=[^\s*_])[^*\n]*?[^\s*_]\1")
# The HTML blocks inside which md_in_html converts Markdown when the tag says `markdown`.
MARKDOWN_INSIDE = {"address", "article", "aside", "blockquote", "center", "details", "div", "fieldset", "figure",
                   "footer", "header", "main", "nav", "p", "section"}


def not_converted(line: str) -> bool:
    """Whether a line is raw HTML or a block's title (source.TITLE), where a footnote stays text."""
    return line.lstrip().startswith("<") or source.TITLE.match(line) is not None


def problems(page_html: str, page: source.SourcePage | None, where: str) -> list[Problem]:
    """The messages for the Markdown that stays text in page_html (a page's content), whose source is
    page (its lines give the places) and which messages name `where` (docs/…)."""
    lines = page.text_lines if page else []
    shown = html.unescape(html_text.TAG.sub("", CODE_HTML.sub("", COMMENT.sub("", page_html))))
    found = _footnotes(shown, lines, where)
    blocks = source.html_blocks(lines)
    by_place: dict[int, list[str]] = {}
    marks = sorted((m.start(), m.group(0)) for pattern in (LINK, BOLD) for m in pattern.finditer(shown))
    for snippet in dict.fromkeys(text for _, text in marks):  # in the order the reader meets them
        line = next((number for number, text in lines if snippet in text), 1)
        holding = [b for b in blocks if b.holds(line)]
        if any(b.end is None for b in holding):
            continue  # a block never closed: its one message is the Markdown check's (close it)
        # The innermost block that holds it (blocks come outer first) and keeps Markdown as text.
        block = next((b for b in reversed(holding) if not b.markdown), None)
        by_place.setdefault(block.start if block else line, []).append(snippet)
    for line, snippets in by_place.items():
        block = next((b for b in blocks if b.start == line and not b.markdown), None)
        found.append(_markup(where, line, block, snippets))
    return sorted(found, key=lambda problem: problem.line)


def _footnotes(shown: str, lines: list[tuple[int, str]], where: str) -> list[Problem]:
    """A footnote the reader would see as text, [^key]: in raw HTML (a pasted <table>) or in a block's
    title, so the fact would lose its source."""
    found: list[Problem] = []
    for label in dict.fromkeys(match["label"] for match in FOOTNOTE_REFERENCE.finditer(shown)):
        # Where it is written in HTML or in a block's title. Elsewhere a footnote stays text only when
        # its source is unknown, and that is the sources rule's message (dom_site.rules.sources).
        line = next((number for number, text in lines if f"[^{label}]" in text and not_converted(text)), None)
        if line is None:
            continue
        found.append(Problem(
            where, line, f"de voetnoot [^{label}] komt als tekst op de pagina, niet als voetnoot",
            "een voetnoot werkt niet binnen HTML (zoals <table>) of in de titel van een blok: zet hem "
            "achter een zin in gewone tekst, of schrijf de tabel in Markdown",
            f"the footnote [^{label}] shows as text on the page, not as a footnote",
            "a footnote does not work inside HTML (such as <table>) or in a block's title: put it after "
            "a sentence in plain text, or write the table in Markdown"))
    return found


def _markup(where: str, line: int, block: source.HtmlBlock | None, snippets: list[str]) -> Problem:
    """One message for the Markdown that stays text in one HTML block (or on one line outside any)."""
    quoted = ", ".join(snippets[:3]) + (" …" if len(snippets) > 3 else "")
    if block is None:
        return Problem(where, line, f"hier staat Markdown die de lezer als tekst ziet: {quoted}",
                       "schrijf het als gewone Markdown, buiten HTML en zonder \\ ervoor",
                       f"here is Markdown readers see as text: {quoted}",
                       "write it as plain Markdown, outside HTML and without a \\ before it")
    if block.tag in MARKDOWN_INSIDE:
        with_markdown = re.sub(r"\s*/?>$", " markdown>", block.opening)
        return Problem(where, line, f"in het HTML-blok <{block.tag}> wordt Markdown niet omgezet; de lezer ziet "
                       f"{quoted} als tekst", f"schrijf markdown in de tag die het blok opent: {with_markdown}",
                       f"Markdown in the HTML block <{block.tag}> is not converted; readers see {quoted} as text",
                       f"write markdown in the opening tag: {with_markdown}")
    return Problem(where, line, f"in het HTML-blok <{block.tag}> wordt Markdown niet omgezet; de lezer ziet "
                   f"{quoted} als tekst", "schrijf dit deel in Markdown in plaats van HTML",
                   f"Markdown in the HTML block <{block.tag}> is not converted; readers see {quoted} as text",
                   "write this part in Markdown instead of HTML")

