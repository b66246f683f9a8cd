"""The history of a citable unit: its text in every release, now, and what changed.

A release's text comes from git: the registry names each release's commit, and
`git show <commit>:<path>` gives the page as it was (as scripts/build_editions.py
builds the frozen edition from the same commit). The registry at that commit says
on which page the unit stood then. Every git call has a timeout; without the
history (a copy of the project, a shallow clone) a release's text is unknown and
the page says so and links the frozen edition instead.

The unit's Markdown is rendered with the site's Markdown extensions and reduced to
plain-text blocks (headings, paragraphs, list items), which `word_diff` compares.
"""
from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Protocol

import markdown
import yaml
from bs4 import BeautifulSoup, Tag

from dom_site.dates import long_date
from dom_site.processes import StepFailed, run
from dom_site.word_diff import Block, Kind, blocks_html, changed_words, compare, diff_html, same_words

GIT_TIMEOUT = 30  # seconds for one git call; the build never hangs on git
HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<title>.*?)\s*\{[^}]*#(?P<id>[^\s}]+)[^}]*\}\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")
FOOTNOTE_REF = re.compile(r"\[\^[^\]\s]+\]")
BLOCK_TAGS = {"h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading",
              "h6": "heading", "p": "paragraph", "li": "item", "dt": "item", "dd": "paragraph",
              "th": "paragraph", "td": "paragraph", "pre": "paragraph", "summary": "paragraph"}
NESTED = set(BLOCK_TAGS) | {"ul", "ol", "dl", "table", "div", "details", "blockquote"}


class RegistryLike(Protocol):
    """What this module reads of dom_site.citation_registry.Registry."""

    documents: dict[str, dict[str, str]]
    releases: list[dict[str, Any]]
    ids: dict[str, dict[str, Any]]


def as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def english_twin(path: str) -> str:
    return path if path.endswith(".en.md") else path[: -len(".md")] + ".en.md"


def page_url(page: str) -> str:
    """docs-relative Dutch page path to its directory URL: reactie/index.md -> reactie/."""
    stem = page[: -len(".md")]
    return "" if stem == "index" else (stem[: -len("index")] if stem.endswith("/index") else stem + "/")


# --- The unit's Markdown --------------------------------------------------------


def section(lines: Sequence[str], index: int) -> list[str]:
    """The heading at lines[index] and everything up to the next heading of the same or higher level."""
    level = len(lines[index]) - len(lines[index].lstrip("#"))
    body = [lines[index]]
    for line in lines[index + 1:]:
        stripped = line.lstrip("#")
        depth = len(line) - len(stripped)
        if depth and depth <= level and stripped.startswith(" "):
            break
        body.append(line)
    return body


def unit_markdown(page_text: str, anchor: str) -> str | None:
    """The unit's Markdown on a page (heading line to the next heading of its level), or None."""
    lines = page_text.splitlines()
    in_fence = False
    for index, line in enumerate(lines):
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        match = None if in_fence else HEADING.match(line)
        if match and match["id"] == anchor:
            return "\n".join(section(lines, index)).strip()
    return None


class TextRenderer:
    """Markdown to plain-text blocks, with the site's own Markdown extensions."""

    def __init__(self, extensions: Iterable[Any] = ("attr_list", "def_list", "md_in_html", "tables"),
                 configs: Mapping[str, Any] | None = None) -> None:
        self._md = markdown.Markdown(extensions=list(extensions), extension_configs=dict(configs or {}))
        self._cache: dict[str, list[Block]] = {}

    def blocks(self, text: str) -> list[Block]:
        """The text's blocks (a release's text is often the current text: rendered once)."""
        if text not in self._cache:
            self._cache[text] = self._render(text)
        return self._cache[text]

    def _render(self, text: str) -> list[Block]:
        self._md.reset()
        rendered = self._md.convert(FOOTNOTE_REF.sub("", text))
        soup = BeautifulSoup(rendered, "html.parser")
        for link in soup.select("a.headerlink"):
            link.decompose()
        out: list[Block] = []
        _walk(soup, out)
        return out


def _walk(node: Tag, out: list[Block]) -> None:
    for child in node.children:
        if not isinstance(child, Tag):
            continue
        kind = BLOCK_TAGS.get(child.name)
        if kind is None:
            _walk(child, out)
            continue
        words = " ".join("".join(_own_strings(child)).split())
        if words:
            numbered = child.name == "li" and child.parent is not None and child.parent.name == "ol"
            out.append(Block("number" if numbered else _as_kind(kind), words))
        _walk(child, out)


def _own_strings(block: Tag) -> list[str]:
    """The block's text without the text of blocks nested in it (a list inside a list item)."""
    strings = []
    for string in block.find_all(string=True):
        parent = string.parent
        while parent is not None and parent is not block and parent.name not in NESTED:
            parent = parent.parent
        if parent is block:
            strings.append(str(string))
    return strings


def _as_kind(kind: str) -> Kind:
    return "heading" if kind == "heading" else "item" if kind == "item" else "paragraph"


# --- Texts of the releases (git) ------------------------------------------------


class ReleaseSource:
    """Files as they were at a commit, read with `git show` (cached, with a timeout)."""

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

    def registry_ids(self, commit: str) -> dict[str, Any]:
        """The registry's ids as they were at the commit (empty when unknown)."""
        if commit not in self._pages:
            text = self.file(commit, "registry/ids.yml")
            data = yaml.safe_load(text) if text else None
            ids = data.get("ids") if isinstance(data, dict) else None
            self._pages[commit] = ids if isinstance(ids, dict) else {}
        return self._pages[commit]


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
              renderer: TextRenderer) -> dict[str, History]:
    """The history of every registered unit, in one language."""
    out: dict[str, History] = {}
    current_pages: dict[str, str | None] = {}

    def current_file(page: str) -> str | None:
        path = page if lang == "nl" else english_twin(page)
        if path not in current_pages:
            file = docs_dir / path
            current_pages[path] = file.read_text("utf-8") if file.is_file() else None
        return current_pages[path]

    for anchor, entry in registry.ids.items():
        page = str(entry.get("page", ""))
        status = str(entry.get("status", ""))
        current = None
        if status == "active":
            text = current_file(page)
            unit = unit_markdown(text, anchor) if text else None
            current = renderer.blocks(unit) if unit else None
        sums = {str(k) for k in (entry.get("checksums") or {})}
        releases: list[ReleaseText] = []
        for release in registry.releases:
            version, commit = str(release["version"]), str(release.get("commit") or "")
            then = source.registry_ids(commit).get(anchor) if commit else None
            then_page = str(then.get("page")) if isinstance(then, dict) and then.get("page") else page
            text = source.file(commit, "docs/" + (then_page if lang == "nl" else english_twin(then_page)))
            if text is None:
                if version in sums:  # it existed, but this build cannot read the text
                    releases.append(ReleaseText(version, as_date(release["date"]), then_page, None))
                continue
            unit = unit_markdown(text, anchor)
            if unit is not None:
                releases.append(ReleaseText(version, as_date(release["date"]), then_page, renderer.blocks(unit)))
        replaced = entry.get("replaced_by")
        out[anchor] = History(anchor, lang, status, str(entry.get("since", "")), str(replaced) if replaced else None,
                              page, current, releases)
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
    home = root + ("en/" if lang == "en" else "")
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
    root = "../../../" + ("../" if lang == "en" else "")   # from <lang>c/<id>/geschiedenis/ to the site root
    home = root + ("en/" if lang == "en" else "")
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
        frozen = f'{root}versies/{v}/{"en/" if lang == "en" else ""}{page_url(release.page)}#{anchor}'
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
    return f"{'en/' if lang == 'en' else ''}c/{anchor}/geschiedenis/"


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
