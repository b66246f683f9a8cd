"""MkDocs plugin `dom-status`: every page says whose words it holds, and how to respond.

    plugins:
      - dom-status:
          parties:                          # who can agree to a proposal
            bokd: {nl: de BOKD, en: the BOKD}
          pages:                            # the longest matching path decides
            reactie/zoals-ingediend.md: {kind: brief}
            draaiboek/: {kind: voorstel, not_agreed: [bokd]}
          respond: reageren                 # includes/reageren.md and .en.md

A status line goes right under each page's title, so it is the first thing a
reader (and the PDF) shows after the title: the letter as submitted (DOM's words),
an explanation of it (a summary, not DOM's text), a proposal for discussion
(naming who has and has not agreed), or a page about the site. Below every page
stands how to respond without a GitHub account (the text in includes/).
A page may set its kind in front matter (`tekstsoort: voorstel`).
"""
from __future__ import annotations

import html
import re
from pathlib import Path

import markdown as md
from markdown.extensions.toc import slugify
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from dom_site import source
from dom_site.data_file import closest
from dom_site.languages import build_language, language_prefix
from dom_site.messages import problem
from dom_site.plugins import Entries, setting_line
from dom_site.rules.facts import CONTACTS
from dom_site.source import dutch_path, english_path
from dom_site.unit_history import page_url

KINDS = ("brief", "vertaling", "uitleg", "voorstel", "site")
TEXT = {
    "nl": {
        "label": "Wat voor tekst is dit?",
        "brief": "<strong>De brief zoals ingediend.</strong> Dit zijn de woorden van DOM, ongewijzigd.",
        "vertaling": "<strong>De brief zoals ingediend.</strong> Dit zijn de woorden van DOM, ongewijzigd.",
        "uitleg": ("<strong>Uitleg van de reactie van DOM.</strong> Een samenvatting in eenvoudige woorden, "
                   "geen tekst van DOM. Alleen <a href=\"{letter}\">de reactie zoals ingediend</a> is van DOM."),
        "voorstel": "<strong>Voorstel om over te praten.</strong> Dit is geen besluit.",
        "site": "<strong>Over deze site.</strong> Uitleg door de makers van de site, geen tekst van DOM.",
        "agreed": "Ingestemd: {names}.",
        "not_agreed": "Nog niet ingestemd: {names}.",
        "and": "en",
    },
    "en": {
        "label": "What kind of text is this?",
        "brief": "<strong>The letter as submitted.</strong> These are DOM's words, unchanged.",
        "vertaling": ("<strong>Translation of the letter as submitted.</strong> DOM's words in English; "
                      "the Dutch text is authoritative."),
        "uitleg": ("<strong>DOM's response explained.</strong> A summary in plain words, not DOM's text. "
                   "Only <a href=\"{letter}\">the response as submitted</a> is DOM's."),
        "voorstel": "<strong>Proposal for discussion.</strong> This is not a decision.",
        "site": "<strong>About this site.</strong> Written by the site's makers, not a text of DOM.",
        "agreed": "Agreed: {names}.",
        "not_agreed": "Not agreed yet: {names}.",
        "and": "and",
    },
}
FIRST_HEADING_END = re.compile(r"</h1>")
# A link to a page of the site in the respond text: resolved per page (the text stands under every page).
PAGE_LINK = re.compile(r"\x00(?P<page>[^\x00#]+)(?P<fragment>#[^\x00]*)?\x00")
HREF = re.compile(r'(?P<attr>href|src)="(?P<url>[^"]*)"')


class PageRule(Config):
    kind = c.Choice(KINDS)
    agreed = c.ListOfItems(c.Type(str), default=[])
    not_agreed = c.ListOfItems(c.Type(str), default=[])


class StatusConfig(Config):
    parties = c.DictOfItems(c.DictOfItems(c.Type(str)), default={})
    pages = c.DictOfItems(Entries(PageRule), default={})
    letter = c.Type(str, default="reactie/zoals-ingediend.md")
    respond = c.Optional(c.Type(str))  # a text in includes/: <name>.md and <name>.en.md


class StatusPlugin(BasePlugin[StatusConfig]):
    def __init__(self) -> None:
        self.respond_html: dict[str, str] = {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        for path, rule in self.config.pages.items():
            for key, parties in (("agreed", rule.agreed), ("not_agreed", rule.not_agreed)):
                for party in parties:
                    if party not in self.config.parties:
                        raise PluginError(problem(
                            *setting_line(config, "dom-status", "pages", path, key),
                            f"dom-status: '{party}' bij '{path}' staat niet onder parties",
                            "voeg het toe met een naam in nl en en",
                            f"dom-status: '{party}' for '{path}' is not under parties",
                            "add it with a name in nl and en"))
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.respond_html = {}
        if not self.config.respond:
            return
        root = Path(config.config_file_path).parent / "includes"
        dutch = f"{self.config.respond}.md"
        for lang, name in (("nl", dutch), ("en", english_path(dutch))):
            text_file = root / name
            shown = f"includes/{text_file.name}"
            if not text_file.is_file():
                # Without it a page would silently lose how to respond (or show English readers Dutch).
                names = sorted({dutch_path(f.name).removesuffix(".md") for f in root.glob("*.md")})
                like = closest(self.config.respond, names) if not (root / dutch).is_file() \
                    and not (root / english_path(dutch)).is_file() else None
                raise PluginError(problem(
                    *setting_line(config, "dom-status", "respond"),
                    f"dom-status: het bestand {shown} ontbreekt; daarin staat hoe lezers kunnen reageren",
                    f"bedoel je respond: {like}?" if like else f"zet het terug (git checkout -- {shown})",
                    f"dom-status: the file {shown} is missing; it says how readers can respond",
                    f"did you mean respond: {like}?" if like else f"restore it (git checkout -- {shown})"))
            text = text_file.read_text("utf-8")
            _contacts_with_their_source(shown, text)
            self.respond_html[lang] = _with_page_links(shown, text, lang, source.read(Path(config.docs_dir)))

    def rule_for(self, dutch: str) -> PageRule | None:
        matches = [p for p in self.config.pages if dutch == p or (p.endswith("/") and dutch.startswith(p))]
        return self.config.pages[max(matches, key=len)] if matches else None

    def on_page_content(self, html_text: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        lang = build_language(config)
        dutch = dutch_path(page.file.src_uri)
        rule = self.rule_for(dutch)
        kind = page.meta.get("tekstsoort") or (rule.kind if rule else None)
        if kind == "brief" and lang == "en":
            kind = "vertaling"
        if kind:
            html_text = self._with_status(html_text, page, lang, kind, rule)
        respond = self.respond_html.get(lang) or self.respond_html.get("nl")
        if respond and page.file.src_uri not in ("404.md",):
            respond = PAGE_LINK.sub(lambda m: _relative_url(page, m["page"], lang) + (m["fragment"] or ""), respond)
            html_text += f'\n<aside class="page-respond" aria-label="{html.escape(_respond_label(lang))}">{respond}</aside>'
        return html_text

    def _with_status(self, html_text: str, page: Page, lang: str, kind: str, rule: PageRule | None) -> str:
        t = TEXT[lang]
        letter = _relative_url(page, self.config.letter, lang)
        parts = [t[kind].format(letter=html.escape(letter))]
        if kind == "voorstel" and rule is not None:
            if rule.agreed:
                parts.append(t["agreed"].format(names=self._names(rule.agreed, lang)))
            if rule.not_agreed:
                parts.append(t["not_agreed"].format(names=self._names(rule.not_agreed, lang)))
        line = (f'<p class="page-status page-status--{kind}" role="note" aria-label="{html.escape(t["label"])}">'
                f'{" ".join(parts)}</p>')
        match = FIRST_HEADING_END.search(html_text)
        return (html_text[: match.end()] + line + html_text[match.end():]) if match else line + html_text

    def _names(self, keys: list[str], lang: str) -> str:
        names = [self.config.parties[key].get(lang) or self.config.parties[key]["nl"] for key in keys]
        return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} {TEXT[lang]['and']} {names[-1]}"


def _with_page_links(shown: str, text: str, lang: str, model: source.SourceModel) -> str:
    """The respond text's HTML, each link to a page of the site marked for _relative_url.

    The text stands under every page, so a link relative to one page would lead elsewhere (or
    nowhere) on all others; an editor writes the page as its path in docs/ (over/privacy.md).
    A path that names no page, or an anchor that page does not have, is one message at its
    line in the include (the built site's link check would say it once for every page).
    """
    lines = text.splitlines()

    def line_of(url: str) -> int:
        return next((n for form in (f"]({url}", f"({url}", url) for n, text in enumerate(lines, 1) if form in text), 1)

    def mark(match: re.Match[str]) -> str:
        url = html.unescape(match["url"])
        if re.match(r"^[a-z][a-z0-9+.-]*:", url, re.I):
            return match[0]  # https:, mailto:: the same on every page
        path, _, fragment = url.partition("#")
        page = re.sub(r"^(?:\./|\.\./)*(?:docs/)?", "", path)
        dutch = model.get(page) if not page.endswith(source.ENGLISH_SUFFIX) else None
        if dutch is not None:
            # The English text's links open English pages: their titles' automatic anchors are English
            # (an untranslated page is shown in Dutch, with the Dutch anchors).
            shown_page = (model.twin(dutch) if lang == "en" else None) or dutch
            anchors = {heading.id or slugify(heading.text, "-") for heading in shown_page.headings}
            if fragment and fragment not in anchors:
                like = closest(fragment, sorted(anchors))
                raise PluginError(problem(
                    shown, line_of(url), f"dom-status: de link '{url}' wijst naar een anker (#{fragment}) dat {page} "
                    "niet heeft", f"schrijf {page}#{like}" if like else f"laat #{fragment} weg, of kies een kop van {page}",
                    f"dom-status: the link '{url}' points to an anchor (#{fragment}) that {page} does not have",
                    f"write {page}#{like}" if like else f"leave out #{fragment}, or choose a heading of {page}"))
            return f'{match["attr"]}="\x00{page}' + (f"#{fragment}" if fragment else "") + '\x00"'
        pages = sorted(p.path for p in model if p.language == "nl")
        folder = page.rstrip("/")
        like = next((p for p in (f"{folder}/index.md", f"{folder}.md") if folder and p in pages), None) \
            or closest(dutch_path(page), pages)
        fix_nl = (f"schrijf de pagina zoals ze in docs/ staat: ({like})" if like else
                  "schrijf een pagina zoals ze in docs/ staat, bijvoorbeeld (over/privacy.md), of een volledig adres")
        fix_en = (f"write the page as it is in docs/: ({like})" if like else
                  "write a page as it is in docs/, for example (over/privacy.md), or a full address")
        raise PluginError(problem(
            shown, line_of(url), f"dom-status: de link '{url}' leidt naar geen pagina van de site (deze tekst staat "
            "onder elke pagina)", fix_nl, f"dom-status: the link '{url}' leads to no page of the site (this text "
            "stands under every page)", fix_en))

    return HREF.sub(mark, md.markdown(text))


def _contacts_with_their_source(shown: str, text: str) -> None:
    """A phone number or e-mail address in the respond text stands beside a link to the page that gives it.

    The text stands under every page and tells residents whom to contact: a number nobody can
    check would send them to the wrong door. Footnotes do not show here, so the source is the
    link on the same line, as the text already does for DOM's website.
    """
    for number, line in enumerate(text.splitlines(), 1):
        prose = re.sub(r"\]\(https?://[^)]*\)", "]", line)  # a web address is no contact (a mailto: address is)
        for contact in CONTACTS:
            nl, en = contact.a
            if (found := contact.pattern.search(prose)) and not re.search(r"\]\(https://", line):
                raise PluginError(problem(
                    shown, number, f"dom-status: {nl} ('{found.group(0)}') zonder de pagina die het noemt",
                    "zet op dezelfde regel een link naar de pagina (https://…) waar het staat, of haal het weg",
                    f"dom-status: {en} ('{found.group(0)}') without the page that gives it",
                    "put a link to the page (https://…) that gives it on the same line, or remove it"))


def _respond_label(lang: str) -> str:
    return "Reageren" if lang == "nl" else "Respond"


def _relative_url(page: Page, target: str, lang: str) -> str:
    """The URL of another page (a Dutch docs path) relative to this page, in this page's language."""
    depth = page.url.count("/") if page.url not in ("", "./") else 0
    if language_prefix(lang) and page.url.startswith(language_prefix(lang)):
        depth -= 1  # up to /en/, not to the Dutch root
    return "../" * depth + page_url(target)
