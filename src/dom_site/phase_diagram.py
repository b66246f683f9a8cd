"""Phase diagram of the draaiboek, drawn at build time as inline SVG.

The overview page (`docs/draaiboek/index.md` and its `.en.md` twin) holds the
marker `<!-- fasendiagram: <caption> -->`. The dom-fasen plugin replaces it with a
`<figure>`: a vertical flow of the phases, each box a link to its chapter, and the
caption as `<figcaption>` and as the SVG's accessible name.

The phases are the other pages of the overview's section in the nav of mkdocs.yml,
in that order (less the pages the plugin's `skip` names): the order is written once,
and both languages' builds read it from their own nav. Each box shows the chapter's
own H1 title in the page's language. Rename a chapter and the diagram follows. No
script, no style element, no request to another site: the colours are
`currentColor`, so the diagram follows Material's light and dark scheme (boxes in
the link colour, arrows in the text colour), and the `viewBox` lets it shrink to a
360 px wide phone.
"""
from __future__ import annotations

import html
import re
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from mkdocs.structure.nav import Link
from mkdocs.structure.pages import Page

from dom_site import source
from dom_site.messages import problem
from dom_site.source import dutch_path

MARKER = re.compile(r"<!--\s*fasendiagram:\s*(?P<caption>.*?)\s*-->")

# Geometry in SVG user units; the drawing is WIDTH wide and scales down.
WIDTH = 360
BOX_X = 8
BOX_W = WIDTH - 2 * BOX_X
LINE_H = 22
PAD_Y = 14
GAP = 26            # room for the arrow between two boxes
TEXT_X = 64         # text starts right of the numbered circle
MAX_CHARS = 28      # about what fits in one line at font size 17


class DiagramError(ValueError):
    """Something an editor must fix; the message names file and line."""


@dataclass(frozen=True)
class Phase:
    """One box: its number, the chapter title, and the link to the chapter."""

    number: int
    title: str
    href: str


def chapter_title(text: str, where: str) -> str:
    """The chapter's H1 title (without an attribute list such as {#top}), as the source model reads
    headings: not in the front matter, a code block or a comment."""
    title = next((h.text for h in source.parse(where, text, where).headings if h.level == 1), None)
    if title:
        return title
    raise DiagramError(problem(
        where, 1,
        "dit hoofdstuk heeft geen titel (een regel die begint met '# ')",
        "zet de titel bovenaan, bijvoorbeeld: # Organiseren",
        "this chapter has no title (a line starting with '# ')",
        "put the title at the top, for example: # Organise",
    ))


def wrap(title: str, width: int = MAX_CHARS) -> list[str]:
    """Split a title into lines of at most `width` characters, at spaces."""
    lines: list[str] = []
    for word in title.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [title]


def svg(phases: list[Phase], caption: str) -> str:
    """The figure. One line of output per element: Markdown keeps a raw HTML
    block together only while it has no blank line."""
    parts: list[str] = []
    y = 0
    for index, phase in enumerate(phases):
        lines = wrap(phase.title)
        height = 2 * PAD_Y + LINE_H * len(lines)
        middle = y + height / 2
        first_baseline = middle - (len(lines) - 1) * LINE_H / 2 + 6
        tspans = "".join(
            f'<tspan x="{TEXT_X}" y="{first_baseline + i * LINE_H:g}">{html.escape(text)}</tspan>'
            for i, text in enumerate(lines)
        )
        parts.append(
            f'<a href="{html.escape(phase.href)}">'
            f'<rect x="{BOX_X}" y="{y}" width="{BOX_W}" height="{height}" rx="10" '
            f'fill="currentColor" fill-opacity="0.08" stroke="currentColor" stroke-width="2"/>'
            f'<circle cx="{BOX_X + 28}" cy="{middle:g}" r="15" fill="none" stroke="currentColor" stroke-width="2"/>'
            f'<text x="{BOX_X + 28}" y="{middle + 6:g}" text-anchor="middle" font-size="17" '
            f'font-weight="700" fill="currentColor" aria-hidden="true">{phase.number}</text>'
            f'<text font-size="17" font-weight="700" fill="currentColor">{tspans}</text>'
            f"</a>"
        )
        y += height
        if index < len(phases) - 1:
            x = WIDTH / 2
            parts.append(
                f'<path d="M{x:g} {y + 4} v{GAP - 10} m-7 -8 l7 8 l7 -8" fill="none" '
                f'stroke="currentColor" stroke-width="2.5" stroke-linecap="round" '
                f'stroke-linejoin="round" aria-hidden="true"/>'
            )
            y += GAP
    label = html.escape(caption)
    return (
        '<figure class="fasendiagram">\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {y}" width="{WIDTH}" '
        f'height="{y}" role="group" aria-labelledby="fasendiagram-titel">\n'
        f'<title id="fasendiagram-titel">{label}</title>\n'
        + "\n".join(parts)
        + "\n</svg>\n"
        f"<figcaption>{label}</figcaption>\n"
        "</figure>"
    )


def phases_of(page: Page, skip: Collection[str], where: str, line: int) -> list[Phase]:
    """The phases of the page's nav section: every other page, in nav order, less `skip`
    (Dutch paths); each with its chapter's title and its link, both in this build's language."""
    section = page.parent
    if section is None:
        raise DiagramError(problem(
            where, line,
            "het fasendiagram staat op een pagina die in het menu niet in een deel staat",
            "zet de pagina in nav in mkdocs.yml bovenaan het deel met de hoofdstukken van de fasen",
            "the phase diagram is on a page that is not in a section of the menu",
            "put the page in nav in mkdocs.yml at the top of the section with the phases' chapters",
        ))
    phases: list[Phase] = []
    for item in section.children:
        if item is page:
            continue
        if isinstance(item, Page):
            if dutch_path(item.file.src_uri) in skip:
                continue
            source = f"docs/{item.file.src_uri}"
            title = chapter_title(Path(item.file.abs_src_path or "").read_text(encoding="utf-8"), source)
            phases.append(Phase(len(phases) + 1, title, item.file.url_relative_to(page.file)))
            continue
        name = item.url if isinstance(item, Link) else str(item.title)
        if name in skip:
            continue
        if isinstance(item, Link) and name.partition("#")[0].endswith(".md"):
            # A menu entry whose page is missing: the menu's message says it, with the page it
            # likely means (dom_site.build_log), and the strict build stops on it.
            continue
        # A nav entry whose file is missing becomes a Link (MkDocs warns about it as well).
        raise DiagramError(problem(
            where, line,
            f"het fasendiagram mist het hoofdstuk {name}",
            "maak dat bestand aan, of haal het uit nav in mkdocs.yml (of zet het bij skip van dom-fasen)",
            f"the phase diagram misses the chapter {name}",
            "create that file, or remove it from nav in mkdocs.yml (or add it to skip of dom-fasen)",
        ))
    return phases


def marker_line(page: Page, fallback: int) -> int:
    """The marker's line in the source file (page.markdown lacks the front matter)."""
    try:
        text = Path(page.file.abs_src_path or "").read_text(encoding="utf-8")
    except OSError:
        return fallback
    match = MARKER.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else fallback


def render(markdown: str, page: Page, skip: Collection[str]) -> str:
    """The page's Markdown with the marker replaced by the diagram; unchanged without a marker."""
    match = MARKER.search(markdown)
    if match is None:
        return markdown
    where = f"docs/{page.file.src_uri}"
    line = marker_line(page, markdown.count("\n", 0, match.start()) + 1)
    caption = match["caption"]
    if not caption:
        raise DiagramError(problem(
            where, line,
            "het fasendiagram heeft geen onderschrift",
            "schrijf het achter de dubbele punt: <!-- fasendiagram: De fasen van een wooninitiatief -->",
            "the phase diagram has no caption",
            "write it after the colon: <!-- fasendiagram: The phases of a housing initiative -->",
        ))
    figure = svg(phases_of(page, skip, where, line), caption)
    return markdown[: match.start()] + figure + markdown[match.end():]
