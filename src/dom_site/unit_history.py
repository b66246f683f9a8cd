"""The history of a citable unit: its text in every release, now, and what changed.

A release's text comes from git: the registry names each release's commit, and
`git show <commit>:<path>` gives the page as it was (as `dom-site editions` (dom_site.frozen)
builds the frozen edition from the same commit). The registry at that commit says
on which page the unit stood then. Every git call has a timeout; without the
history (a copy of the project, a shallow clone) a release's text is unknown and
the page says so and links the frozen edition instead.

The unit's Markdown is rendered with the site's Markdown extensions and reduced to
plain-text blocks (headings, paragraphs, list items), which `word_diff` compares.
A page is rendered once and split into its units (a unit runs from its heading to
the next heading of the same or a higher level, as in its Markdown), and the current
text comes from the page the build rendered where that is the page's own Markdown
(dom_site.plugins.citations): one conversion per page, not one per unit and release.
"""
from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Protocol

import markdown

from dom_site import citation_registry, source
from dom_site.dates import as_date, long_date
from dom_site.languages import language_prefix, up_from_language
from dom_site.processes import StepFailed, run
from dom_site.source import FOOTNOTE_DEFINITION, HEADING, english_path, without_footnotes
from dom_site.word_diff import Block, Kind, blocks_html, changed_words, compare, diff_html, same_words

GIT_TIMEOUT = 30  # seconds for one git call; the build never hangs on git
BLOCK_TAGS = {"h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading",
              "h6": "heading", "p": "paragraph", "li": "item", "dt": "item", "dd": "paragraph",
              "th": "paragraph", "td": "paragraph", "pre": "paragraph", "summary": "paragraph"}
NESTED = set(BLOCK_TAGS) | {"ul", "ol", "dl", "table", "div", "details", "blockquote"}


class RegistryLike(Protocol):
    """What this module reads of dom_site.citation_registry.Registry."""

    documents: dict[str, dict[str, str]]
    releases: list[dict[str, Any]]
    ids: dict[str, dict[str, Any]]


def page_url(page: str) -> str:
    """docs-relative Dutch page path to its directory URL: reactie/index.md -> reactie/."""
    stem = page[: -len(".md")]
    return "" if stem == "index" else (stem[: -len("index")] if stem.endswith("/index") else stem + "/")


# --- The unit's Markdown --------------------------------------------------------


def unit_markdown(page_text: str, anchor: str) -> str | None:
    """The unit's Markdown on a page (heading line to the next heading of its level), or None.

    The one rule of what a unit's text is lives in the source model (dom_site.source).
    """
    return source.parse("", page_text, "").unit(anchor)


class TextRenderer:
    """Markdown to plain-text blocks, with the site's own Markdown extensions.

    One `markdown.Markdown`, reset between texts. A page is rendered once and split
    into its units (page_units); a text already seen is not rendered again (a
    release's page is often the same file in the next release).
    """

    def __init__(self, extensions: Iterable[Any] = ("attr_list", "def_list", "md_in_html", "tables"),
                 configs: Mapping[str, Any] | None = None) -> None:
        self._md = markdown.Markdown(extensions=list(extensions), extension_configs=dict(configs or {}))
        self._blocks: dict[str, list[Block]] = {}
        self._pages: dict[str, dict[str, list[Block]]] = {}

    def _html(self, text: str) -> str:
        self._md.reset()
        return self._md.convert(without_footnotes(text))  # footnotes as the source model knows them

    def blocks(self, text: str) -> list[Block]:
        """The text's blocks."""
        if text not in self._blocks:
            self._blocks[text] = html_blocks(self._html(text))
        return self._blocks[text]

    def page_units(self, page_text: str) -> dict[str, list[Block]]:
        """The blocks of every unit on a page (by ID), from one rendering of the whole page."""
        if page_text not in self._pages:
            self._pages[page_text] = unit_blocks(self._html(page_text))
        return self._pages[page_text]


# A heading whose ID looks citable ("r-4", dom_site.source.CITABLE_ID) opens a unit.
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
# Elements without content or end tag (the HTML standard's void elements).
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}


class _Frame:
    __slots__ = ("tag", "slot", "owner", "skip")

    def __init__(self, tag: str, slot: int | None, owner: _Frame | None, skip: bool) -> None:
        self.tag = tag
        self.slot = slot     # this element's place in the block list, if it is a block
        self.owner = owner   # the innermost block or container element around (or this one): whose text this is
        self.skip = skip     # inside something that is not the text (the ¶ permalink, a footnote)


class _Blocks(HTMLParser):
    """Plain-text blocks of rendered HTML, in document order, and which units each belongs to.

    A block (heading, paragraph, list item, table cell …) holds its own text, not the
    text of blocks nested in it (a list inside a list item); text whose innermost
    container is not a block (a bare <div>, a <ul>) belongs to none. A unit is its
    heading and every block up to the next heading of the same or a higher level.
    Left out: the permalink ¶, footnote references and the footnotes themselves.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.kinds: list[Kind] = []
        self.texts: list[list[str]] = []
        self.stack: list[_Frame] = []
        self.open_units: list[tuple[int, str]] = []   # (heading level, ID), outermost first
        self.units: dict[str, list[int]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        parent = self.stack[-1] if self.stack else None
        values = dict(attrs)
        classes = (values.get("class") or "").split()
        skip = (parent is not None and parent.skip) or "headerlink" in classes or "footnote" in classes \
            or (tag == "sup" and (values.get("id") or "").startswith("fnref"))
        slot = None
        kind = BLOCK_TAGS.get(tag)
        if kind is not None and not skip:
            level = HEADINGS.get(tag)
            if level is not None:
                while self.open_units and self.open_units[-1][0] >= level:
                    self.open_units.pop()
                anchor = values.get("id") or ""
                if source.CITABLE_ID.fullmatch(anchor):
                    self.open_units.append((level, anchor))
                    self.units[anchor] = []
            slot = len(self.kinds)
            self.kinds.append("number" if tag == "li" and parent is not None and parent.tag == "ol" else _as_kind(kind))
            self.texts.append([])
            for _, anchor in self.open_units:
                self.units[anchor].append(slot)
        frame = _Frame(tag, slot, None, skip)
        frame.owner = frame if tag in NESTED else (parent.owner if parent is not None else None)
        self.stack.append(frame)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        # As an HTML tree builder does: close the innermost open element of that name (and what is open inside it).
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                return

    def handle_data(self, data: str) -> None:
        frame = self.stack[-1] if self.stack else None
        if frame is None or frame.skip or frame.owner is None or frame.owner.slot is None:
            return
        self.texts[frame.owner.slot].append(data)

    handle_comment = handle_data  # a comment inside a paragraph counts as its text, as it always did

    def blocks(self, slots: Iterable[int]) -> list[Block]:
        out = []
        for slot in slots:
            words = " ".join("".join(self.texts[slot]).split())
            if words:
                out.append(Block(self.kinds[slot], words))
        return out


def _parse(page_html: str) -> _Blocks:
    parser = _Blocks()
    parser.feed(page_html)
    parser.close()
    return parser


def html_blocks(page_html: str) -> list[Block]:
    """Rendered HTML to plain-text blocks."""
    parser = _parse(page_html)
    return parser.blocks(range(len(parser.kinds)))


def unit_blocks(page_html: str) -> dict[str, list[Block]]:
    """A rendered page's units: for each heading with a citable ID, its blocks."""
    parser = _parse(page_html)
    return {anchor: parser.blocks(slots) for anchor, slots in parser.units.items()}


# What plugins append to a page without adding words to a unit: footnote texts (dom-bronnen;
# dom_site.source.FOOTNOTE_DEFINITION), one per line, and then perhaps a section of level 1
# or 2 (its heading read as every rule reads one, dom_site.source.HEADING).
SECTION_LEVELS = 2


def same_unit_texts(source: str, built: str) -> bool:
    """Whether the Markdown a page was built from gives every unit the text of the page's own Markdown.

    True when `built` is `source` with only footnote texts appended, or
    with a new section of level 1 or 2 after them (a list of sources): a unit (level 2 to 4)
    ends before it.
    """
    own = source.rstrip()
    if not built.startswith(own):
        return False
    for line in built[len(own):].splitlines():
        if not line.strip() or FOOTNOTE_DEFINITION.match(line):
            continue
        heading = HEADING.match(line)
        return heading is not None and len(heading["hashes"]) <= SECTION_LEVELS
    return True


def _as_kind(kind: str) -> Kind:
    return "heading" if kind == "heading" else "item" if kind == "item" else "paragraph"


# --- Texts of the releases (git) ------------------------------------------------


class ReleaseSource:
    """Files as they were at a commit, read from git (cached, every git call with a timeout).

    prefetch() reads many files with one `git cat-file --batch`; file() reads one
    with `git show` when it was not prefetched.
    """

    def __init__(self, root: Path, timeout: float = GIT_TIMEOUT) -> None:
        self.root = root
        self.timeout = timeout
        self._files: dict[tuple[str, str], str | None] = {}
        self._pages: dict[str, dict[str, Any]] = {}

    def file(self, commit: str, path: str) -> str | None:
        key = (commit, path)
        if key not in self._files:
            self._files[key] = self._show(commit, path)
        return self._files[key]

    def _show(self, commit: str, path: str) -> str | None:
        if not commit:
            return None
        try:
            result = run(["git", "show", f"{commit}:./{path}"], step="git show", about=f"{commit[:12]}:{path}",
                         cwd=self.root, timeout=self.timeout, text=False)
        except StepFailed:
            return None
        return result.stdout.decode("utf-8") if result.returncode == 0 else None

    def prefetch(self, wanted: Iterable[tuple[str, str]]) -> None:
        """Read these (commit, path) files with one git process instead of one per file."""
        todo = sorted({(commit, path) for commit, path in wanted if commit and (commit, path) not in self._files})
        if not todo:
            return
        request = "".join(f"{commit}:./{path}\n" for commit, path in todo)
        try:
            result = run(["git", "cat-file", "--batch"], step="git cat-file", about=f"{len(todo)} files",
                         cwd=self.root, timeout=self.timeout, text=False, stdin_text=request.encode("utf-8"))
        except StepFailed:
            result = None
        found = _batch_contents(result.stdout, len(todo)) if result is not None and result.returncode == 0 else []
        if len(found) != len(todo):  # no repository, or output not understood: the texts are unknown
            found = [None] * len(todo)
        self._files.update(zip(todo, found, strict=True))

    def registry_ids(self, commit: str) -> dict[str, Any]:
        """The registry's ids as they were at the commit (empty when unknown)."""
        if commit not in self._pages:
            self._pages[commit] = citation_registry.ids_in(self.file(commit, "registry/ids.yml")) or {}
        return self._pages[commit]


def _batch_contents(output: bytes, count: int) -> list[str | None]:
    """The files in `git cat-file --batch` output: "<sha> blob <size>\n<bytes>\n", or "<name> missing\n"."""
    found: list[str | None] = []
    position = 0
    while len(found) < count and position < len(output):
        end = output.index(b"\n", position)
        header = output[position:end].split()
        position = end + 1
        if len(header) == 3 and header[1] == b"blob":
            size = int(header[2])
            found.append(output[position:position + size].decode("utf-8"))
            position += size + 1
        elif len(header) == 3:  # a tree or commit: not a file
            position += int(header[2]) + 1
            found.append(None)
        else:  # missing, ambiguous
            found.append(None)
    return found


@dataclass(frozen=True)
class ReleaseText:
    version: str
    date: date
    page: str                     # the Dutch page the unit stood on in that release
    blocks: list[Block] | None    # None: the text could not be read in this build


@dataclass
class History:
    anchor: str
    lang: str
    status: str
    since: str
    replaced_by: str | None
    page: str
    current: list[Block] | None
    releases: list[ReleaseText] = field(default_factory=list)

    @property
    def title(self) -> str:
        """The current title, or the last known one (a retired unit)."""
        for blocks in [self.current, *[r.blocks for r in reversed(self.releases)]]:
            if blocks and blocks[0].kind == "heading":
                return blocks[0].text
        return self.anchor.upper()


def histories(registry: RegistryLike, docs_dir: Path, lang: str, source: ReleaseSource,
              renderer: TextRenderer, current: Mapping[str, list[Block]] | None = None) -> dict[str, History]:
    """The history of every registered unit, in one language.

    current: the units' current blocks as the build rendered their pages (by ID);
    a unit not in it is read from its page in docs_dir.
    """
    out: dict[str, History] = {}
    current_pages: dict[str, str | None] = {}

    def current_file(page: str) -> str | None:
        path = page if lang == "nl" else english_path(page)
        if path not in current_pages:
            file = docs_dir / path
            current_pages[path] = file.read_text("utf-8") if file.is_file() else None
        return current_pages[path]

    def in_language(page: str) -> str:
        return "docs/" + (page if lang == "nl" else english_path(page))

    commits = [str(release.get("commit") or "") for release in registry.releases]
    source.prefetch((commit, "registry/ids.yml") for commit in commits)
    then_pages: dict[tuple[str, str], str] = {}
    for anchor, entry in registry.ids.items():
        for commit in commits:
            then = source.registry_ids(commit).get(anchor) if commit else None
            then_pages[anchor, commit] = (str(then.get("page")) if isinstance(then, dict) and then.get("page")
                                          else str(entry.get("page", "")))
    source.prefetch((commit, in_language(page)) for (_, commit), page in then_pages.items())

    for anchor, entry in registry.ids.items():
        page = str(entry.get("page", ""))
        status = str(entry.get("status", ""))
        blocks = None
        if status == "active":
            if current is not None and anchor in current:
                blocks = current[anchor]
            else:
                text = current_file(page)
                blocks = renderer.page_units(text).get(anchor) if text else None
        sums = {str(k) for k in (entry.get("checksums") or {})}
        releases: list[ReleaseText] = []
        for release, commit in zip(registry.releases, commits, strict=True):
            version = str(release["version"])
            then_page = then_pages[anchor, commit]
            text = source.file(commit, in_language(then_page))
            if text is None:
                if version in sums:  # it existed, but this build cannot read the text
                    releases.append(ReleaseText(version, as_date(release["date"]), then_page, None))
                continue
            then_blocks = renderer.page_units(text).get(anchor)
            if then_blocks is not None:
                releases.append(ReleaseText(version, as_date(release["date"]), then_page, then_blocks))
        replaced = entry.get("replaced_by")
        out[anchor] = History(anchor, lang, status, str(entry.get("since", "")), str(replaced) if replaced else None,
                              page, blocks, releases)
    return out


# --- The page -------------------------------------------------------------------


TEXT: dict[str, dict[str, str]] = {
    "nl": {
        "title": "Geschiedenis van {id}", "skip": "Ga naar inhoud", "header": "Kop", "other": "English",
        "other_lang": "en", "intro": "{id} is een onderdeel van “{document}”.",
        "intro_title": "De kop is nu: “{title}”.",
        "to_current": "Lees {id} op de site", "short": "Korte link", "versions": "Over de versies",
        "now": "Actuele tekst", "release": "Versie {v} ({d})",
        "release_text": "Tekst in versie {v}", "compare": "Verschil tussen versie {v} en nu",
        "unchanged": "De tekst in versie {v} is gelijk aan de actuele tekst.",
        "legend": "Zo leest u het verschil: doorgestreepte woorden tussen [- en -] zijn verwijderd. "
                  "Onderstreepte woorden tussen {+ en +} zijn toegevoegd.",
        "counts": "{deleted} verwijderd, {inserted} toegevoegd.", "word": "woord", "words": "woorden",
        "frozen": "{id} in de bevroren versie {v}",
        "unreadable": "De tekst van deze versie kon bij het bouwen van deze site niet worden gelezen. "
                      "U vindt hem in de bevroren versie.",
        "none": "{id} staat nog in geen enkele vastgestelde versie. Het komt in versie {since}.",
        "retired": "{id} is ingetrokken.", "replaced": "Het is vervangen door {new}.",
        "replaced_links": "Lees de geschiedenis van {new} of lees {new} op de site.",
        "history_of": "de geschiedenis van {new}", "on_site": "{new} op de site",
        "no_text": "De actuele tekst is niet gevonden.",
    },
    "en": {
        "title": "History of {id}", "skip": "Skip to content", "header": "Header", "other": "Nederlands",
        "other_lang": "nl", "intro": "{id} is a section of “{document}”.",
        "intro_title": "Its heading is now: “{title}”.",
        "to_current": "Read {id} on the site", "short": "Short link", "versions": "About the versions",
        "now": "Current text", "release": "Version {v} ({d})",
        "release_text": "Text in version {v}", "compare": "Difference between version {v} and now",
        "unchanged": "The text in version {v} is the same as the current text.",
        "legend": "How to read the difference: struck-through words between [- and -] were deleted. "
                  "Underlined words between {+ and +} were inserted.",
        "counts": "{deleted} deleted, {inserted} inserted.", "word": "word", "words": "words",
        "frozen": "{id} in the frozen version {v}",
        "unreadable": "The text of this version could not be read when this site was built. "
                      "You find it in the frozen version.",
        "none": "{id} is not in any fixed version yet. It will be in version {since}.",
        "retired": "{id} has been retired.", "replaced": "It was replaced by {new}.",
        "replaced_links": "Read the history of {new} or read {new} on the site.",
        "history_of": "the history of {new}", "on_site": "{new} on the site",
        "no_text": "The current text was not found.",
    },
}



@dataclass(frozen=True)
class Shell:
    """What every generated page needs from the site: its name, address and stylesheets."""

    site_name: str
    site_url: str                  # absolute, with a trailing slash
    stylesheets: tuple[str, ...]   # site-relative, e.g. "assets/stylesheets/main.x.min.css"
    favicon: str = "assets/images/favicon.png"


def page_shell(shell: Shell, lang: str, path: str, title: str, body: str, alternates: Mapping[str, str]) -> str:
    """A page styled with the site's theme (Material's stylesheets and classes), for pages written after the build.

    path is the page's site-relative folder (e.g. "en/c/r-4/geschiedenis/");
    alternates maps a language to the site-relative folder of the same page in it.
    """
    t = TEXT[lang]
    root = "../" * path.count("/")
    home = root + language_prefix(lang)
    links = "".join(f'<link rel="alternate " hreflang="{code}" href="{root}{target}">'
                    for code, target in sorted(alternates.items()))
    sheets = "".join(f'<link rel="stylesheet" href="{root}{sheet}">' for sheet in shell.stylesheets)
    other = t["other_lang"]
    switch = (f'<a class="md-header__button history-language" href="{root}{alternates[other]}" hreflang="{other}" '
              f'lang="{other}">{t["other"]}</a>') if other in alternates else ""
    # Material's palette choice (light/dark) as the reader left it, else the system's preference.
    palette = ('<script>(function(){var s;try{var p=JSON.parse(localStorage.getItem(new URL("'
               + root + '",location).pathname+".__palette"));s=p&&p.color&&p.color.scheme}catch(e){}'
               'if(!s)s=matchMedia("(prefers-color-scheme: dark)").matches?"slate":"default";'
               'document.body.setAttribute("data-md-color-scheme",s)})()</script>')
    return (f'<!doctype html>\n<html lang="{lang}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width,initial-scale=1">'
            f'<title>{html.escape(title)} - {html.escape(shell.site_name)}</title>'
            f'<link rel="canonical" href="{html.escape(shell.site_url + path)}">{links}'
            f'<link rel="icon" href="{root}{shell.favicon}">{sheets}</head>\n'
            f'<body dir="ltr" data-md-color-scheme="default" data-md-color-primary="custom" '
            f'data-md-color-accent="custom">{palette}'
            f'<a href="#inhoud" class="md-skip">{t["skip"]}</a>'
            f'<header class="md-header md-header--shadow"><nav class="md-header__inner md-grid" aria-label="{t["header"]}">'
            f'<a class="md-header__title history-site" href="{home}">{html.escape(shell.site_name)}</a>{switch}'
            f'</nav></header>\n<div class="md-container"><main class="md-main"><div class="md-main__inner md-grid">'
            f'<div class="md-content history-page"><article class="md-content__inner md-typeset" id="inhoud">\n'
            f'{body}\n</article></div></div></main></div></body></html>\n')


def history_body(history: History, document: str, registry_ids: Mapping[str, Mapping[str, Any]]) -> str:
    """The page's article: current text, then each release (newest first) with its text and the comparison."""
    lang, anchor = history.lang, history.anchor
    t = TEXT[lang]
    label = anchor.upper()
    root = "../../../" + up_from_language(lang)   # from <lang>c/<id>/geschiedenis/ to the site root
    home = root + language_prefix(lang)
    parts = [f'<h1 id="top">{t["title"].format(id=label)}</h1>',
             f'<p>{html.escape(t["intro"].format(id=label, document=document))}'
             + (f' {html.escape(t["intro_title"].format(title=history.title))}' if history.current else "") + "</p>"]
    nav = []
    if history.status == "active":
        nav.append(f'<a href="{home}{page_url(history.page)}#{anchor}">{t["to_current"].format(id=label)}</a>')
    nav.append(f'<a href="../">{t["short"]}</a>')
    nav.append(f'<a href="{home}over/versies/#wijzigingen">{t["versions"]}</a>')
    parts.append('<ul class="history-links">' + "".join(f"<li>{link}</li>" for link in nav) + "</ul>")
    if history.status != "active":
        text = t["retired"].format(id=label)
        new = history.replaced_by
        if new and new in registry_ids:
            new_label = new.upper()
            text += " " + t["replaced"].format(new=new_label)
            links = [f'<a href="../../{new}/geschiedenis/">{t["history_of"].format(new=new_label)}</a>']
            if registry_ids[new].get("status") == "active":
                links.append(f'<a href="{home}{page_url(str(registry_ids[new].get("page")))}#{new}">'
                             f'{t["on_site"].format(new=new_label)}</a>')
            parts.append(f'<p class="history-retired">{html.escape(text)} ' + " · ".join(links) + "</p>")
        else:
            parts.append(f'<p class="history-retired">{html.escape(text)}</p>')
    else:
        parts.append(f'<h2 id="nu">{t["now"]}</h2>')
        parts.append(f'<div class="history-text">{blocks_html(history.current)}</div>' if history.current
                     else f"<p>{t['no_text']}</p>")
    if not history.releases:
        parts.append(f"<p>{t['none'].format(id=label, since=html.escape(history.since))}</p>")
    for release in reversed(history.releases):
        v = html.escape(release.version)
        slug = release.version.replace(".", "-")
        frozen = f'{root}versies/{v}/{language_prefix(lang)}{page_url(release.page)}#{anchor}'
        parts.append(f'<h2 id="versie-{slug}">{t["release"].format(v=v, d=long_date(release.date, lang))}</h2>')
        if release.blocks is None:
            parts.append(f"<p>{t['unreadable']}</p>")
        else:
            parts.append(f'<h3 id="tekst-{slug}">{t["release_text"].format(v=v)}</h3>')
            parts.append(f'<div class="history-text">{blocks_html(release.blocks)}</div>')
            if history.current is not None:
                if same_words(release.blocks, history.current):
                    parts.append(f'<p class="history-same">{t["unchanged"].format(v=v)}</p>')
                else:
                    diff = compare(release.blocks, history.current)
                    deleted, inserted = changed_words(diff)
                    parts.append(f'<h3 id="verschil-{slug}">{t["compare"].format(v=v)}</h3>')
                    parts.append(f'<p class="history-legend">{html.escape(t["legend"])} '
                                 f'{t["counts"].format(deleted=_count(deleted, t), inserted=_count(inserted, t))}</p>')
                    parts.append(f'<div class="history-diff">{diff_html(diff, lang)}</div>')
        parts.append(f'<p><a href="{frozen}">{t["frozen"].format(id=label, v=v)}</a></p>')
    return "\n".join(parts)


def _count(number: int, t: Mapping[str, str]) -> str:
    return f"{number} {t['word'] if number == 1 else t['words']}"


def history_path(lang: str, anchor: str) -> str:
    """The site-relative folder of a unit's history page."""
    return f"{language_prefix(lang)}c/{anchor}/geschiedenis/"


def history_page(history: History, document: str, registry_ids: Mapping[str, Mapping[str, Any]], shell: Shell) -> str:
    path = history_path(history.lang, history.anchor)
    alternates = {code: history_path(code, history.anchor) for code in ("nl", "en")}
    title = TEXT[history.lang]["title"].format(id=history.anchor.upper())
    return page_shell(shell, history.lang, path, title, history_body(history, document, registry_ids), alternates)


def write_histories(site_dir: Path, found: Mapping[str, History], documents: Mapping[str, Mapping[str, str]],
                    registry_ids: Mapping[str, Mapping[str, Any]], shell: Shell) -> int:
    """Write every unit's history page into the built site; returns how many."""
    count = 0
    for anchor, history in found.items():
        document = documents.get(anchor[0], {}).get(history.lang, "")
        folder = site_dir / history_path(history.lang, anchor)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "index.html").write_text(history_page(history, document, registry_ids, shell), encoding="utf-8")
        count += 1
    return count
