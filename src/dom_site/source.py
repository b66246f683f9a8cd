"""The site's Markdown sources, read once: what every rule needs, with the lines an editor sees.

Every rule (file names, heading IDs, citable IDs, footnotes and sources, facts,
villages, unsafe content) reads the pages from this one model instead of parsing
the files itself, so a fence, a heading or a front matter block means the same
to all of them, and line numbers always count from the top of the file, front
matter included. `read()` parses docs/ once and keeps the result until a file
changes (static-i18n builds the site once per language; `mkdocs serve` rebuilds).

Languages: `x.md` is Dutch, `x.en.md` its English twin (static-i18n's suffix layout).
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from dom_site.once import Once, fingerprint

ENGLISH_SUFFIX = ".en.md"

# A fence opens with three or more backticks or tildes (indented inside admonitions and
# tabs); it closes on a line of only the same character, at least as many (CommonMark).
FENCE = re.compile(r"^[ \t]*(?P<fence>`{3,}|~{3,})")
# An ATX heading; inside an admonition or a tab it is indented by four spaces a level.
# Python-Markdown needs no space after the #'s (###Kop is a heading there too; markdownlint's
# MD018 asks for the space): so the rules see the heading and its {#id} the reader sees.
HEADING = re.compile(r"^[ \t]{0,12}(?P<hashes>#{1,6})(?!#)[ \t]*(?P<text>.*?)[ \t]*#*[ \t]*$")
ATTRS = re.compile(r"[ \t]*\{:?(?P<attrs>[^{}]*)\}[ \t]*$")
ID_IN_ATTRS = re.compile(r"(?:^|\s)#(?P<id>[^\s#.}]+)")
CODE_SPAN = re.compile(r"`[^`\n]*`")
# A footnote as Python-Markdown reads it: its label may hold a space ([^zin stappenplan-cpo]),
# which no source's key has, so the sources rule says so instead of the page showing it as text.
FOOTNOTE_DEFINITION = re.compile(r"^\[\^(?P<label>[^\]\n]+)\]:")
FOOTNOTE_REFERENCE = re.compile(r"\[\^(?P<label>[^\]\n]+)\](?!:)")
# `*[term]: definition`, the syntax of Python-Markdown's abbr extension: a glossary line.
ABBREVIATION_DEFINITION = re.compile(r"\*\[(?P<term>[^\[\]\\]+)\]:[ \t]*(?P<definition>.*)")
# Where Python-Markdown starts a block of its own (blocks()): a list item, a block quote, an
# admonition's or a content tab's title, a table row, and a thematic break between blocks.
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s")
QUOTE = re.compile(r"^\s*>")
TITLE = re.compile(r"^\s*(?:!!!|\?\?\?\+?|===\+?(?:\s|$))")  # !!!note is an admonition too
TABLE_ROW = re.compile(r"^\s*\|")
THEMATIC_BREAK = re.compile(r"^\s{0,3}(?:(?:\*\s*){3,}|(?:_\s*){3,}|(?:-\s*){3,})$")
# Text in a line that is no prose: link targets, autolinks, attribute lists, code, HTML tags, footnote marks.
NOT_PROSE = re.compile(r"\]\([^)]*\)|<https?://[^>]*>|\{[^}]*\}|`[^`]*`|<[^>]*>|\[\^[^\]]*\]")
# Where Markdown puts a link's or an image's address, after its ]: (address "title"), or (<address>)
# when it holds a space; destination() gives it.
LINK_DESTINATION = r"\(\s*(?:<(?P<angled>[^>\n]*)>|(?P<plain>[^)\s]*))"
LINK_TARGET = re.compile(rf"\]{LINK_DESTINATION}")
# What is no readable text either: NOT_PROSE, bare addresses and reference definitions ([x]: https://…),
# whose underscores are no bold and whose words are no sentence.
NOT_TEXT = re.compile(rf"{NOT_PROSE.pattern}|https?://\S+|^\s{{0,3}}\[[^\]]+\]:\s*\S+")
# What may follow a sentence's last mark on its line: closing quotes, brackets and emphasis.
CLOSING = " \t*_)\"'’”»"
# A file name, a heading's ID or a source's key: lowercase letters and digits, joined by single hyphens.
NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# A citable ID: a document letter, a hyphen and a number without leading zero ("r-4", "d-41").
CITABLE_ID_TEXT = r"[a-z]-[1-9][0-9]*"  # inside a larger pattern (an id="…" in HTML)
CITABLE_ID = re.compile(rf"^{CITABLE_ID_TEXT}$")


def language_of(path: str) -> str:
    """"en" for `x.en.md`, "nl" for every other page."""
    return "en" if path.endswith(ENGLISH_SUFFIX) else "nl"


def dutch_path(path: str) -> str:
    """The Dutch page of a page path: x.en.md → x.md (a Dutch path stays as it is)."""
    return path[: -len(ENGLISH_SUFFIX)] + ".md" if path.endswith(ENGLISH_SUFFIX) else path


def english_path(path: str) -> str:
    """The English twin of a page path: x.md → x.en.md (an English path stays as it is)."""
    return path if path.endswith(ENGLISH_SUFFIX) else path[: -len(".md")] + ENGLISH_SUFFIX


def twin_path(path: str) -> str:
    """The other language's file of a page: x.md ↔ x.en.md."""
    return dutch_path(path) if path.endswith(ENGLISH_SUFFIX) else english_path(path)


# --- Front matter ---------------------------------------------------------------

# libyaml's parser when PyYAML has it (the registries are read on every build).
_SAFE_BASE: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class FrontMatterLoader(_SAFE_BASE):  # type: ignore[misc]
    """Safe YAML that keeps dates as text and refuses a key written twice.

    Why: PyYAML turns 2026-11-28 into a date (and crashes on 2026-02-30), so a schema
    could never say "write the date as YYYY-MM-DD"; a key written twice would
    silently keep the last value.
    """


FrontMatterLoader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class DuplicateKey(yaml.MarkedYAMLError):
    """A key that appears twice in one mapping."""


def key_written_twice(node: yaml.MappingNode, key_of: Callable[[yaml.Node], Any]) -> DuplicateKey | None:
    """The first key of this mapping written twice, as YAML reads its keys (key_of): 'yes' and 'true' are
    one key, 1 and "1" two. Its mark is the second, its context mark where it was written first."""
    seen: dict[Any, yaml.Mark] = {}
    for key_node, _ in node.value:
        key = key_of(key_node)
        if key in seen:
            return DuplicateKey(problem=key_node.value if isinstance(key_node, yaml.ScalarNode) else f"{key}",
                                problem_mark=key_node.start_mark, context_mark=seen[key])
        seen[key] = key_node.start_mark
    return None


def _construct_mapping(loader: Any, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    if (twice := key_written_twice(node, lambda key: loader.construct_object(key, deep=deep))) is not None:
        raise twice
    return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)


FrontMatterLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def compose(text: str) -> yaml.Node | None:
    """The YAML's nodes (with their lines), nothing constructed; raises yaml.YAMLError."""
    return yaml.compose(text, Loader=_SAFE_BASE)


def entry(node: yaml.Node | None, key: Any) -> tuple[yaml.Node, yaml.Node] | None:
    """The key and value nodes of `key` in a mapping node, or None."""
    if not isinstance(node, yaml.MappingNode):
        return None
    return next(((k, v) for k, v in node.value if k.value == str(key)), None)


def walk(node: yaml.Node | None) -> Iterator[yaml.Node]:
    """Every node under node (itself first), depth first, in the order they are written (a key before its value)."""
    todo = [node] if node is not None else []
    while todo:
        current = todo.pop()
        yield current
        if isinstance(current, yaml.MappingNode):
            todo.extend(part for pair in reversed(current.value) for part in reversed(pair))
        elif isinstance(current, yaml.SequenceNode):
            todo.extend(reversed(current.value))


def line_of(root: yaml.Node | None, path: Sequence[Any]) -> int:
    """The 1-based line of the deepest part of `path` the document has (a missing field: its parent's line).

    YAML's own parser finds the line, so a quoted key, a flow mapping or a `naam:` inside a
    block of text mean what they mean to the data, not what a pattern guesses.
    """
    return node_at(root, path)[0]


def node_at(root: yaml.Node | None, path: Sequence[Any]) -> tuple[int, yaml.Node | None]:
    """line_of(root, path), and the value node of that deepest part."""
    node, line = root, 1
    for key in path:
        if isinstance(node, yaml.MappingNode):
            found = entry(node, key)
            if found is None:
                break
            line, node = found[0].start_mark.line + 1, found[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
            line = node.start_mark.line + 1
        else:
            break
    return line, node


def front_matter_end(lines: list[str]) -> int:
    """The line number of the `---` (or `...`) that closes the front matter; 0 without one."""
    if not lines or lines[0].strip() != "---":
        return 0
    for number, line in enumerate(lines[1:], start=2):
        if line.strip() in ("---", "..."):
            return number
    return 0


DATA_FIELD = re.compile(r"^[A-Za-z_][\w-]*\s*:")


def second_data_block(lines: list[str], end: int) -> tuple[int, int]:
    """A second block of data between --- lines straight below the front matter (closed at line `end`):
    the lines of its opening and closing ---, else (0, 0). MkDocs reads only the first block and shows
    this one as text (its closing --- even makes the fields a heading)."""
    if not end:
        return 0, 0
    index = next((i for i in range(end, len(lines)) if lines[i].strip()), None)
    if index is None or lines[index].strip() != "---" or index + 1 >= len(lines) \
            or not DATA_FIELD.match(lines[index + 1]):
        return 0, 0
    close = next((i for i in range(index + 1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    return (0, 0) if close is None else (index + 1, close + 1)


# --- One page -------------------------------------------------------------------

@dataclass(frozen=True)
class Heading:
    line: int
    level: int
    text: str          # without its attribute list
    id: str | None     # the explicit {#id}; None without one


@dataclass(frozen=True)
class Footnote:
    line: int
    label: str


@dataclass
class SourcePage:
    """One Markdown file of docs/, parsed once."""

    path: str                       # relative to docs/, with forward slashes
    shown: str                      # as an editor names it in a message: docs/…
    text: str
    lines: list[str] = field(repr=False)
    front_matter_end: int           # line of the closing ---; 0 without front matter
    headings: list[Heading] = field(repr=False)
    prose: list[tuple[int, str]] = field(repr=False)   # lines outside front matter, fences and comments,
    #                                                    code spans blanked (`…` → ``)
    text_lines: list[tuple[int, str]] = field(repr=False)  # the same lines as written (code spans kept)
    references: list[Footnote] = field(repr=False)
    definitions: list[Footnote] = field(repr=False)
    # The line of a ``` (or ~~~) that nothing closes (in_fence): the site shows it as text; 0 without one.
    unclosed_fence: int = 0
    # The lines of the --- that open and close a second data block below the front matter
    # (second_data_block); its lines are no prose: the front matter rule says where they belong.
    second_data: tuple[int, int] = (0, 0)

    @property
    def language(self) -> str:
        return language_of(self.path)

    @property
    def dutch(self) -> str:
        return dutch_path(self.path)

    @property
    def twin(self) -> str:
        return twin_path(self.path)

    @property
    def body_first_line(self) -> int:
        return self.front_matter_end + 1

    @property
    def front_matter_lines(self) -> list[str]:
        return self.lines[1:self.front_matter_end - 1] if self.front_matter_end else []

    @property
    def front_matter_unclosed(self) -> bool:
        """The file opens front matter with --- but no line closes it: MkDocs then shows the data as text."""
        return not self.front_matter_end and bool(self.lines) and self.lines[0].strip() == "---"

    @property
    def front_matter(self) -> str | None:
        return "\n".join(self.front_matter_lines) if self.front_matter_end else None

    def line_holding(self, *needles: str) -> int | None:
        """The first line the reader's text holds the first needle on (code blocks, comments and front
        matter are not searched: a link shown as an example is not the link that broke), else the next one."""
        for needle in needles:
            found = next((number for number, line in self.text_lines if needle and needle in line), None)
            if found is not None:
                return found
        return None

    @property
    def body(self) -> str:
        return "\n".join(self.lines[self.front_matter_end:])

    @cached_property
    def meta(self) -> dict[str, Any]:
        """The front matter as data (dates as text); raises yaml.YAMLError when it is not valid YAML."""
        data = yaml.load(self.front_matter or "", Loader=FrontMatterLoader)  # noqa: S506 (a safe loader)
        return data if isinstance(data, dict) else {}

    @property
    def readable_meta(self) -> dict[str, Any]:
        """The front matter as data, {} when it is not valid YAML: for readers that are not
        the rule that reports it (dom_site.rules.front_matter), so one mistake gives one message."""
        try:
            return self.meta
        except yaml.YAMLError:
            return {}

    @cached_property
    def front_matter_node(self) -> yaml.Node | None:
        """The front matter's YAML nodes, their lines the file's (the opening --- is line 1);
        None without front matter or when it is not valid YAML."""
        if not self.front_matter_end:
            return None
        try:
            return compose("\n".join(self.lines[:self.front_matter_end - 1]))
        except yaml.YAMLError:
            return None

    def field_line(self, *path: Any) -> int:
        """The file line of a front matter field such as ("coordinaten", "lat"); a missing
        field gives its parent's line, and a missing top-level field line 1 (the opening ---)."""
        return line_of(self.front_matter_node, path)

    def unit(self, anchor: str) -> str | None:
        """A unit's Markdown: the heading with {#anchor} up to the next heading of its level or higher.

        This is the text a citation names: the registry's checksums, the history pages
        and the pull request summary all read a unit through here.
        """
        for index, heading in enumerate(self.headings):
            if heading.id == anchor:
                end = next((h.line for h in self.headings[index + 1:] if h.level <= heading.level), None)
                stop = end - 1 if end is not None else len(self.lines)
                return "\n".join(self.lines[heading.line - 1:stop]).strip()
        return None

    def units(self) -> dict[str, tuple[Heading, str]]:
        """Every heading with an explicit id, with its unit's Markdown (see unit())."""
        return {h.id: (h, self.unit(h.id) or "") for h in self.headings if h.id}

    def ids(self, min_level: int = 2) -> dict[str, int]:
        """The explicit heading ids of this page (level >= min_level) with their first line."""
        found: dict[str, int] = {}
        for heading in self.headings:
            if heading.level >= min_level and heading.id:
                found.setdefault(heading.id, heading.line)
        return found


def in_fence(lines: Iterable[str]) -> Iterator[bool]:
    """For each line, whether it belongs to a fenced code block (its fences included).

    The one rule of what is code, as the site's renderer (pymdownx.superfences) has it: a
    fence closes only with the same character, at least as many of them and nothing after
    them, so a ```` block can show a ``` block inside it. A fence that nothing closes is
    text (_fences says what superfences does after it).
    """
    return iter(_fences(list(lines))[0])


def _fences(lines: list[str]) -> tuple[list[bool], int | None]:
    """Which lines are code, and the first fence that opens no block (None if every one does).

    A fence indented inside a block (an admonition, a list item, a tab) ends at the first
    line indented less than it: closed before that, it is a block; else superfences shows it
    as text and goes on looking for fences after that line (which opens none itself). A
    fence at the margin that nothing closes is text, and superfences looks for no fence after it."""
    code = [False] * len(lines)
    unclosed: int | None = None
    index = 0
    while index < len(lines):
        opened = FENCE.match(lines[index])
        if opened:
            fence, indent = opened["fence"], _indent(lines[index])
            end = ended = None
            for later in range(index + 1, len(lines)):
                if indent and lines[later].strip() and _indent(lines[later]) < indent:
                    ended = later  # the block the fence stands in ended first
                    break
                if _closes(fence, lines[later]):
                    end = later
                    break
            if end is None:
                unclosed = index if unclosed is None else unclosed
                if not indent:
                    return code, unclosed
                if ended is not None:
                    index = ended  # the line that ended the block opens no fence itself
            else:
                code[index:end + 1] = [True] * (end + 1 - index)
                index = end
        index += 1
    return code, unclosed


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def _closes(fence: str, line: str) -> bool:
    found = FENCE.match(line)
    return found is not None and found["fence"][0] == fence[0] and len(found["fence"]) >= len(fence) \
        and not line.strip().strip(fence[0])


def in_footnote_definition(lines: Iterable[str | None]) -> Iterator[bool]:
    """For each line, whether it belongs to a footnote definition: the line that opens it and
    the blank or indented lines that continue it. None stands for a line of code, which ends one."""
    inside = False
    for line in lines:
        if line is None:
            inside = False
        elif FOOTNOTE_DEFINITION.match(CODE_SPAN.sub("``", line)):
            inside = True
        elif inside and line.strip() and not line.startswith(("    ", "\t")):
            inside = False
        yield inside


# A block of raw HTML as Python-Markdown reads it: a block-level tag at the start of a line (up to
# three spaces in) opens it, and it runs on to that tag's matching closing tag, or to the end of
# the page when there is none. Inside it Markdown stays text unless the tag says `markdown`; then
# its lines are Markdown again, and a tag at the start of one of them opens a block of its own.
HTML_BLOCK_TAGS = {"address", "article", "aside", "blockquote", "center", "details", "div", "dl", "fieldset",
                   "figure", "footer", "header", "main", "nav", "ol", "p", "section", "summary", "table", "ul"}
HTML_BLOCK_START = re.compile(r"^ {0,3}<(?P<tag>[a-zA-Z][a-zA-Z0-9]*)(?=[\s>/])")
HTML_TAG = re.compile(r"<(?P<end>/?)(?P<tag>[a-zA-Z][a-zA-Z0-9]*)(?=[\s>/])[^>]*?(?P<empty>/?)>")
MARKDOWN_ATTRIBUTE = re.compile(r"\smarkdown(?:\s*=\s*[\"']?(?:1|block|span)[\"']?)?(?=[\s/>])")


@dataclass(frozen=True)
class HtmlBlock:
    """A block of raw HTML in a page: its tag, the line that opens it and the line that closes it (None:
    never closed, it runs to the end of the page)."""

    tag: str
    start: int
    end: int | None
    opening: str  # the opening tag as written

    @property
    def markdown(self) -> bool:
        """Whether its tag says `markdown` (md_in_html): then Markdown inside it is converted."""
        return MARKDOWN_ATTRIBUTE.search(self.opening) is not None

    def holds(self, line: int) -> bool:
        return self.start <= line and (self.end is None or line <= self.end)


def html_blocks(prose: Sequence[tuple[int, str]]) -> list[HtmlBlock]:
    """The raw HTML blocks in the prose lines (number, line), inner ones (inside a block with
    `markdown`) after the block that holds them; code spans and code blocks open none."""
    found: list[HtmlBlock] = []
    stack: list[tuple[HtmlBlock, int]] = []  # the open blocks and the depth of their tag, innermost last
    for number, line in prose:
        text = CODE_SPAN.sub("", line)
        if (not stack or stack[-1][0].markdown) and (start := HTML_BLOCK_START.match(text)) \
                and start["tag"].lower() in HTML_BLOCK_TAGS:
            first = HTML_TAG.search(text)
            stack.append((HtmlBlock(start["tag"].lower(), number, None, first.group(0) if first else ""), 0))
        for tag in HTML_TAG.finditer(text):
            if not stack or tag["tag"].lower() != stack[-1][0].tag or tag["empty"]:
                continue
            block, depth = stack.pop()
            depth += -1 if tag["end"] else 1
            if depth <= 0:
                found.append(HtmlBlock(block.tag, block.start, number, block.opening))
            else:
                stack.append((block, depth))
    found += [block for block, _ in stack]
    return sorted(found, key=lambda block: block.start)


@dataclass(frozen=True)
class Block:
    """A block of Markdown as the reader sees it: bold cannot run on out of it, a sentence cannot go on
    into the next one. kind is "heading", "row" (of a table), "title" (of an admonition or a tab),
    "abbreviation" (a glossary line), "footnote" (a footnote's text), "item" (of a list), "quote" or
    "paragraph"."""

    kind: str
    lines: tuple[tuple[int, str], ...]


ONE_LINE = (("heading", HEADING), ("row", TABLE_ROW), ("title", TITLE), ("abbreviation", ABBREVIATION_DEFINITION))


def blocks(prose: Sequence[tuple[int, str]]) -> list[Block]:
    """The prose lines (number, line) split into blocks. A heading, a table row, a title and a glossary
    line are one line each; a list item, a quote, a footnote's text and a paragraph run on until a
    blank line, a thematic break or the start of another block."""
    found: list[Block] = []
    kind, lines = "", list[tuple[int, str]]()

    def close() -> None:
        nonlocal kind, lines
        if lines:
            found.append(Block(kind, tuple(lines)))
        kind, lines = "", []

    notes = in_footnote_definition(line for _, line in prose)
    for (number, line), note in zip(prose, notes, strict=True):
        if not line.strip() or THEMATIC_BREAK.match(line):
            close()
            continue
        if note:
            if kind != "footnote" or FOOTNOTE_DEFINITION.match(CODE_SPAN.sub("``", line)):
                close()
                kind = "footnote"
            lines.append((number, line))
            continue
        one = next((name for name, pattern in ONE_LINE if pattern.match(line)), None)
        if one:
            close()
            found.append(Block(one, ((number, line),)))
            continue
        start = "item" if LIST_ITEM.match(line) else "quote" if QUOTE.match(line) and kind != "quote" else ""
        if start:
            close()
            kind = start
        elif kind in ("", "footnote"):
            close()
            kind = "paragraph"
        lines.append((number, line))
    close()
    return found


def destination(match: re.Match[str]) -> str | None:
    """The address a LINK_DESTINATION match holds (None for a reference-style link, ![alt][ref])."""
    return match["angled"] if match["angled"] is not None else match["plain"]


def slug(text: str) -> str:
    """text as a NAME: lowercase ASCII without accents, one hyphen for each run of anything else
    (Nieuw Balinge -> nieuw-balinge, Coöperatie & financiën -> cooperatie-financien); '' when nothing is left."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def ends_sentence(line: str) -> bool:
    """Does this line end a sentence? The pages have one sentence per line; a line without a full stop,
    question or exclamation mark, colon or semicolon at its end goes on on the next. (A line with no
    prose at all, a tag or a footnote mark only, ends one too.)"""
    prose = NOT_PROSE.sub(" ", line).rstrip(CLOSING)
    return not prose.strip() or prose[-1] in ".!?:;"


def sentences(block: Block) -> list[list[tuple[int, str]]]:
    """A block's lines grouped into sentences (ends_sentence); its last sentence ends with the block."""
    found: list[list[tuple[int, str]]] = [[]]
    for number, line in block.lines:
        found[-1].append((number, line))
        if ends_sentence(line):
            found.append([])
    return [sentence for sentence in found if sentence]


def parse(path: str, text: str, shown: str) -> SourcePage:
    """Split a Markdown file into what the rules read, keeping every line number."""
    lines = text.splitlines()
    end = front_matter_end(lines)
    headings: list[Heading] = []
    prose: list[tuple[int, str]] = []
    text_lines: list[tuple[int, str]] = []
    references: list[Footnote] = []
    definitions: list[Footnote] = []
    in_comment = False
    fenced, open_at = _fences(lines[end:])
    second = second_data_block(lines, end)
    for index, code in zip(range(end, len(lines)), fenced, strict=True):
        if code or second[0] <= index + 1 <= second[1]:
            continue
        number, line = index + 1, lines[index]
        stripped = line.strip()
        if in_comment or stripped.startswith("<!--"):
            in_comment = "-->" not in stripped
            continue
        visible = CODE_SPAN.sub("``", line)
        prose.append((number, visible))
        text_lines.append((number, line))
        heading = HEADING.match(line)
        if heading:
            text_part = heading["text"]
            attrs = ATTRS.search(text_part)
            anchor = None
            if attrs:
                id_match = ID_IN_ATTRS.search(attrs["attrs"])
                anchor = id_match["id"] if id_match else None
                text_part = text_part[: attrs.start()]
            headings.append(Heading(number, len(heading["hashes"]), text_part.strip(), anchor))
        definition = FOOTNOTE_DEFINITION.match(visible)
        if definition:
            definitions.append(Footnote(number, definition["label"]))
            visible = visible[definition.end():]
        references.extend(Footnote(number, m["label"]) for m in FOOTNOTE_REFERENCE.finditer(visible))
    return SourcePage(path, shown, text, lines, end, headings, prose, text_lines, references, definitions,
                      0 if open_at is None else end + open_at + 1, second)


def without_footnotes(text: str) -> str:
    """The Markdown as a reader reads the text itself: no footnote references, no footnote definitions.

    Footnotes are recognised as parse() recognises them (FOOTNOTE_REFERENCE, FOOTNOTE_DEFINITION);
    a definition goes with its indented continuation lines. Code (fenced blocks, code spans) stays
    as it is: a `[^s1]` there is shown, not a footnote.
    """
    lines = text.split("\n")
    code = list(in_fence(lines))
    notes = in_footnote_definition(None if fenced else line for line, fenced in zip(lines, code, strict=True))
    kept: list[str] = []
    for line, fenced, note in zip(lines, code, notes, strict=True):
        if fenced:
            kept.append(line)
            continue
        if note:  # the definition goes; a blank line in it stays, as it separates blocks
            if not line.strip():
                kept.append(line)
            continue
        parts, last = [], 0
        for span in CODE_SPAN.finditer(line):
            parts += [FOOTNOTE_REFERENCE.sub("", line[last:span.start()]), span.group()]
            last = span.end()
        kept.append("".join([*parts, FOOTNOTE_REFERENCE.sub("", line[last:])]))
    return "\n".join(kept)


# --- All pages ------------------------------------------------------------------

@dataclass
class SourceModel:
    """Every Markdown page of docs/ and the names of its other files."""

    docs_dir: Path
    pages: dict[str, SourcePage]
    files: list[str]                # every file under docs/, Markdown included, relative, sorted
    shown: str = "docs"             # how messages name docs/

    def __iter__(self) -> Iterator[SourcePage]:
        return iter(self.pages.values())

    def get(self, path: str) -> SourcePage | None:
        return self.pages.get(path)

    def twin(self, page: SourcePage) -> SourcePage | None:
        return self.pages.get(page.twin)

    def pairs(self) -> list[tuple[SourcePage, SourcePage]]:
        """(Dutch, English) for every page that exists in both languages."""
        return [(page, english) for page in self if page.language == "nl"
                and (english := self.pages.get(english_path(page.path))) is not None]

    def in_folder(self, folder: str) -> list[SourcePage]:
        """The pages directly or deeper in a docs folder ("draaiboek/"); "" is every page."""
        return [page for page in self if page.path.startswith(folder)]


def _files(docs_dir: Path) -> list[Path]:
    return sorted(p for p in docs_dir.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def load(docs_dir: Path, shown: str | None = None) -> SourceModel:
    """Parse every Markdown file of docs_dir (no caching: see read()).

    shown: how messages name the folder (default: its name, "docs").
    """
    docs_dir = docs_dir.resolve()
    shown_root = shown if shown is not None else docs_dir.name
    pages: dict[str, SourcePage] = {}
    files: list[str] = []
    for file in _files(docs_dir):
        rel = file.relative_to(docs_dir).as_posix()
        files.append(rel)
        if file.suffix == ".md":
            # utf-8-sig, as MkDocs reads pages: a byte order mark (some Windows editors write one)
            # is not text, and the front matter after it is front matter.
            pages[rel] = parse(rel, file.read_text(encoding="utf-8-sig"), f"{shown_root}/{rel}")
    return SourceModel(docs_dir, pages, files, shown_root)


_models: dict[Path, Once[SourceModel]] = {}


def read(docs_dir: Path) -> SourceModel:
    """The model of docs_dir, parsed again only when a file in it was added, removed or changed."""
    docs_dir = docs_dir.resolve()
    once = _models.setdefault(docs_dir, Once())
    return once.get(fingerprint(_files(docs_dir)), lambda: load(docs_dir))
