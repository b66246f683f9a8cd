"""Raw HTML safety: nothing in a pull request may run code in, or track, a reader's browser.

One rule, used by the build (the `dom-veilig` plugin refuses a page before anything
renders it, so `mkdocs serve`, `make build` and CI stop with the message) and by
`dom-site check veilig` (dom_site.rules).

Markdown lets an editor write raw HTML, and Python-Markdown passes it through
unchanged; attribute lists (`{ … }`) can set any attribute. So every pull request
is untrusted input, and this rule refuses, wherever it stands (code blocks and
comments included, because raw HTML around them can make them live):

- elements that run code, embed other sites, send data or change how the page
  loads: <script>, <iframe>, <frame>, <object>, <embed>, <applet>, <form> and its
  fields, <style>, <link>, <meta>, <base>, and <foreignObject> inside an SVG;
- event handlers (`onclick=`, `onerror=` …) in HTML or in attribute lists;
- `javascript:`, `vbscript:` and `data:` URLs in links, images and attributes,
  also when hidden with entities or whitespace (`jav&#x61;script:`);
- images, media and CSS `url()` that load from another website;
- in Markdown, any `style` attribute (in HTML or in an attribute list): a page's text
  can set no layout of its own, so it cannot hide words, or lay them over the line
  that says whose words the page holds (`position: fixed`). Design is the site's
  stylesheet's (overrides/), which maintainers review.

An inline <svg> is allowed (the site draws some), as long as it has none of the above.
Files checked: Markdown and the text formats a browser would run (SVG, HTML, XML);
in a stylesheet (.css) only url() to another host, @import and expression() are refused.
"""
from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from dom_site import source
from dom_site.messages import Problem

if TYPE_CHECKING:
    from dom_site.rules import Context

SCANNED_SUFFIXES = {".md", ".svg", ".html", ".htm", ".xhtml", ".xml", ".css"}

# Refused element -> why, in Dutch and English.
REFUSED: dict[str, tuple[str, str]] = {}
for _names, _nl, _en in (
    (("script",), "een script kan alles doen op de pagina, ook bezoekers volgen",
     "a script can do anything on the page, including tracking readers"),
    (("iframe", "frame", "frameset", "object", "embed", "applet", "portal"),
     "dit haalt een andere website of een programma binnen in de pagina",
     "this embeds another website or a program in the page"),
    (("form", "input", "button", "textarea", "select"),
     "een formulier kan gegevens van bezoekers wegsturen",
     "a form can send readers' data away"),
    (("style",), "opmaak in de pagina kan bestanden van andere websites laden en hoort in het stijlbestand van de site",
     "styles in the page can load files from other websites and belong in the site's stylesheet"),
    (("link", "meta", "base"), "dit verandert hoe de browser de pagina laadt of waar links heen gaan",
     "this changes how the browser loads the page or where links go"),
    (("foreignobject",), "dit verstopt HTML in een tekening (SVG)", "this hides HTML inside a drawing (SVG)"),
):
    for _name in _names:
        REFUSED[_name] = (_nl, _en)

REFUSED_TAG = re.compile(r"<\s*/?\s*(" + "|".join(sorted(REFUSED, key=len, reverse=True)) + r")(?![\w-])", re.IGNORECASE)
ON_HANDLER = re.compile(r"(?<![\w.:&?-])(on[a-z]+)\s*=", re.IGNORECASE)
BAD_SCHEMES = ("javascript:", "vbscript:", "data:")
# Attributes that hold a URL (data: is only a URL scheme there; "Data: …" in alt text is prose).
URL_ATTRS = {"href", "src", "srcset", "action", "formaction", "poster", "data", "xlink:href", "background",
             "cite", "longdesc", "usemap", "codebase", "manifest", "ping", "to", "from", "values", "by"}
# Elements whose URL the browser fetches by itself (so another host means a third-party request).
FETCHING = {("img", "src"), ("img", "srcset"), ("source", "src"), ("source", "srcset"), ("video", "src"),
            ("video", "poster"), ("audio", "src"), ("track", "src"), ("image", "href"), ("image", "xlink:href"),
            ("use", "href"), ("use", "xlink:href"), ("feimage", "href"), ("feimage", "xlink:href")}
CSS_FETCH = re.compile(r"url\(\s*['\"]?(?!#)|@import|expression\(", re.IGNORECASE)
# In a stylesheet file local url()s are fine; another host, @import and old IE code are not.
CSS_FILE_FETCH = re.compile(r"url\(\s*['\"]?\s*(?:[a-z]+:|//)|@import|expression\(|behavior\s*:", re.IGNORECASE)
# Where Markdown itself puts a URL: [text](url), ![alt](url) (source.LINK_TARGET), <url>, [ref]: url, and { key=value }.
MD_AUTOLINK = re.compile(r"<([a-z][a-z0-9+.\-]*:[^>\s]*)>", re.IGNORECASE)
MD_REFERENCE = re.compile(r"^\s{0,3}\[(?!\^)[^\]]+\]:\s*<?(\S+)")
# Python-Markdown's own autolink patterns (markdown.inlinepatterns AUTOLINK_RE, AUTOMAIL_RE).
PY_MARKDOWN_AUTOLINK = re.compile(r"<[A-Za-z][A-Za-z0-9+.-]*://[^<>]*>|<[^<> !]+@[^@<> ]+>")
# A quoted value may hold braces ({: title="{x}" style=… }): Python-Markdown reads past them.
ATTR_LIST = re.compile(r"\{:?((?:\"[^\"\n]*\"|'[^'\n]*'|[^{}\"'\n])*)\}")
ATTR_PAIR = re.compile(r"([\w:-]+)\s*=\s*(\"[^\"]*\"|'[^']*'|\S+)")


@dataclass(frozen=True)
class Finding:
    line: int
    wrong_nl: str
    fix_nl: str
    wrong_en: str
    fix_en: str


def normalized(value: str) -> str:
    """A URL as the browser reads it: entities decoded, whitespace and control characters gone."""
    decoded = html.unescape(html.unescape(value))
    return re.sub(r"[\x00-\x20\x7f]+", "", decoded).lower()


def bad_scheme(value: str) -> str | None:
    url = normalized(value)
    return next((scheme for scheme in BAD_SCHEMES if url.startswith(scheme)), None)


def is_other_host(url: str) -> bool:
    url = normalized(url)
    return url.startswith(("http:", "https:", "//", "ftp:"))


def scheme_finding(line: int, scheme: str) -> Finding:
    return Finding(line, f"een '{scheme}'-adres is niet toegestaan: zo'n adres kan code uitvoeren of iets verbergen",
                   "zet een afbeelding als bestand in docs/ en verwijs daarnaar; maak van een link een gewoon "
                   "https://-adres of een link naar een pagina van deze site",
                   f"a '{scheme}' URL is not allowed: it can run code or hide content",
                   "put an image as a file in docs/ and refer to it there; make a link a normal https:// address "
                   "or a link to a page of this site")


def handler_finding(line: int, name: str) -> Finding:
    return Finding(line, f"het attribuut '{name}' voert code uit in de browser van de lezer",
                   f"haal '{name}=…' weg; de site heeft geen code van bijdragers nodig",
                   f"the attribute '{name}' runs code in the reader's browser",
                   f"remove '{name}=…'; the site needs no code from contributors")


def element_finding(line: int, name: str) -> Finding:
    why_nl, why_en = REFUSED[name]
    shown = "foreignObject" if name == "foreignobject" else name
    return Finding(line, f"<{shown}> is niet toegestaan: {why_nl}",
                   "haal het element weg en schrijf de inhoud in gewone Markdown; is het echt nodig, vraag het dan de beheerders van de site",
                   f"<{shown}> is not allowed: {why_en}",
                   "remove the element and write the content in plain Markdown; if it is really needed, ask the site's maintainers")


def third_party_finding(line: int, what: str) -> Finding:
    return Finding(line, f"{what} laadt iets van een andere website; dan ziet die website wie de pagina leest",
                   "zet het bestand in docs/ en verwijs daar naar, of maak er een gewone link van",
                   f"{what} loads something from another website, which then sees who reads the page",
                   "put the file in docs/ and refer to it there, or make it a normal link")


def css_finding(line: int) -> Finding:
    return Finding(line, "opmaak in een style-attribuut laadt een bestand (url(), @import)",
                   "haal de opmaak weg; vormgeving hoort in het stijlbestand van de site",
                   "a style attribute loads a file (url(), @import)",
                   "remove the style; design belongs in the site's stylesheet")


def style_finding(line: int) -> Finding:
    return Finding(line, "een style-attribuut geeft tekst een eigen opmaak; zo kan tekst onzichtbaar worden of over de "
                   "pagina komen te liggen, ook over de regel die zegt wiens woorden dit zijn",
                   "haal style=… weg; de vormgeving hoort in het stijlbestand van de site (vraag de beheerders om een "
                   "klasse als u echt iets anders nodig hebt)",
                   "a style attribute gives text a layout of its own, which can hide text or lay it over the page, "
                   "also over the line that says whose words these are",
                   "remove style=…; design belongs in the site's stylesheet (ask the maintainers for a class if you "
                   "really need something else)")


def from_markdown_lines(text: str) -> Iterator[Finding]:
    """What a line-by-line look finds: tags however they are spelled, handlers, URL schemes."""
    for number, line in enumerate(text.splitlines(), start=1):
        for match in REFUSED_TAG.finditer(line):
            yield element_finding(number, match.group(1).lower())
        for match in ON_HANDLER.finditer(line):
            yield handler_finding(number, match.group(1).lower())
        targets = [source.destination(m) or "" for m in source.LINK_TARGET.finditer(line)]
        targets += [m.group(1) for m in MD_AUTOLINK.finditer(line)]
        reference = MD_REFERENCE.match(line)
        if reference:
            targets.append(reference.group(1))
        for attrs in ATTR_LIST.finditer(line):
            pairs = ATTR_PAIR.findall(attrs.group(1))
            targets += [value.strip("\"'") for _key, value in pairs]
            if any(key.lower() == "style" for key, _value in pairs):
                yield style_finding(number)
        for target in targets:
            scheme = bad_scheme(target)
            if scheme:
                yield scheme_finding(number, scheme)


def without_autolinks(text: str) -> str:
    """Blank out Markdown autolinks: Markdown turns them into plain links, they are no raw HTML."""
    return PY_MARKDOWN_AUTOLINK.sub(lambda m: " " * len(m.group(0)), text)


class _Elements(HTMLParser):
    """Every start tag with its line and attributes, as the browser's parser would read them.

    The standard library's parser (what BeautifulSoup's "html.parser" builds on), without
    building a tree: the check needs each element once, not the document.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[int, str, list[tuple[str, str]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((self.getpos()[0], tag, [(name, value or "") for name, value in attrs]))


def from_parsed_html(text: str, markdown: bool = False) -> Iterator[Finding]:
    """What an HTML parser finds in the raw HTML that Markdown passes through (markdown: in a page's text)."""
    parser = _Elements()
    parser.feed(without_autolinks(text))
    parser.close()
    for line, tag, attrs in parser.elements:
        name = tag.lower()
        if name in REFUSED:
            yield element_finding(line, name)
        for attr, value in attrs:
            attr = attr.lower()
            if attr.startswith("on") or attr in {"formaction", "srcdoc"}:
                yield handler_finding(line, attr)
            if attr == "attributename" and value.strip().lower().startswith("on"):
                # An SVG animation (<set>, <animate>) that writes an event handler.
                yield handler_finding(line, value.strip().lower())
            scheme = bad_scheme(value) if attr in URL_ATTRS else None
            if scheme:
                yield scheme_finding(line, scheme)
            if attr in {"background", "ping"} and is_other_host(value):
                yield third_party_finding(line, f"<{name} {attr}=\"{value}\">")
            if (name, attr) in FETCHING:
                urls = [part.strip().split(" ")[0] for part in value.split(",")] if attr == "srcset" else [value]
                if any(is_other_host(url) for url in urls):
                    yield third_party_finding(line, f"<{name} {attr}=\"{value}\">")
            if attr == "style" and markdown:
                yield style_finding(line)
            elif attr == "style" and CSS_FETCH.search(value):
                yield css_finding(line)


def from_stylesheet(text: str) -> Iterator[Finding]:
    for number, line in enumerate(text.splitlines(), start=1):
        if CSS_FILE_FETCH.search(line):
            yield Finding(number, "de opmaak laadt een bestand van buiten de site of voert code uit (url() met een adres, @import, expression)",
                          "gebruik alleen bestanden van deze site, met een relatief pad",
                          "the stylesheet loads a file from outside the site or runs code (url() with an address, @import, expression)",
                          "use only files of this site, with a relative path")


def check_text(where: str, text: str) -> list[Problem]:
    if where.lower().endswith(".css"):
        findings = set(from_stylesheet(text))
    else:
        findings = {*from_markdown_lines(text), *from_parsed_html(text, markdown=where.lower().endswith(".md"))}
    return [Problem(where, f.line, f.wrong_nl, f.fix_nl, f.wrong_en, f.fix_en)
            for f in sorted(findings, key=lambda f: (f.line, f.wrong_nl))]


def scanned_files(folders: list[Path]) -> list[Path]:
    """Every file in these folders that a browser would read as markup or style."""
    found: list[Path] = []
    for folder in folders:
        if folder.is_dir():
            found += [p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in SCANNED_SUFFIXES]
    return sorted(found)


def check_files(files: list[Path], root: Path) -> list[Problem]:
    """The problems of these files, each named relative to root."""
    problems: list[Problem] = []
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        try:
            where = path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            where = str(path)
        problems += check_text(where, text)
    return problems


def rule(context: Context) -> list[Problem]:
    """The rule over docs/ (Markdown from the source model) and the folders pages pull files from."""
    model = context.model
    problems: list[Problem] = []
    for rel in model.files:
        if PurePosixPath(rel).suffix.lower() not in SCANNED_SUFFIXES:
            continue
        page = model.get(rel)
        text = page.text if page else (model.docs_dir / rel).read_text(encoding="utf-8", errors="replace")
        problems += check_text(f"{model.shown}/{rel}", text)
    problems += check_files(scanned_files([context.path(folder) for folder in context.settings.extra_dirs]), context.root)
    return problems
