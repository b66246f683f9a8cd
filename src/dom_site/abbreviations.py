"""A faster path for the glossary's abbreviation lines, with the same HTML.

The glossary plugin (dom-begrippen, dom_site.glossary) appends every term of the page's
language to every page as `*[term]: definition` lines, one block each. Python-
Markdown's block parser then tests each of these ~130 blocks against every block
processor before `abbr` takes it: about 13,000 blocks per build for 98 pages, more
than all the pages' own blocks together.

This extension takes that trailing run of one-line abbreviation blocks out of the
lines before block parsing (preprocessor, after every other preprocessor) and
gives the definitions to `abbr` just before `abbr` replaces the words (tree
processor, priority between attr_list and abbr), in the same order as `abbr`'s own
block processor would have read them after the page's blocks. Nothing else in the
block parser sees those blocks (each starts with `*[`, which no other block
processor claims), so the HTML is the same. Anything not exactly of that shape is
left to `abbr` as before.
"""
from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.extensions.abbr import AbbrBlockprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor


def trailing_abbreviations(lines: list[str]) -> tuple[int, int, list[tuple[str, str]]] | None:
    """Where the trailing run `"", *[a]: x, "", *[b]: y, …` (then only blank lines) starts and
    ends, and its definitions; None when the end of the page is not exactly that."""
    end = len(lines)
    while end and not lines[end - 1].strip():
        end -= 1
    found: list[tuple[str, str]] = []
    i = end
    while i >= 2 and lines[i - 2] == "":
        line = lines[i - 1]
        m = AbbrBlockprocessor.RE.search(line)
        if m is None or m.start() != 0 or m.end() != len(line) or "\n" in line:
            break
        abbr, title = m.group("abbr").strip(), m.group("title").strip()
        if not (abbr and title):
            break
        found.append((abbr, title))
        i -= 2
    # The run must follow a non-blank line, so that "" + "*[…]" is exactly a block boundary.
    if not found or i < 1 or not lines[i - 1].strip():
        return None
    found.reverse()
    return i, end, found


class _Take(Preprocessor):
    def __init__(self, md: Markdown, ext: AbbreviationsExtension) -> None:
        super().__init__(md)
        self.ext = ext

    def run(self, lines: list[str]) -> list[str]:
        self.ext.pending[id(self.md)] = []
        if "abbr" not in self.md.treeprocessors:
            return lines
        run = trailing_abbreviations(lines)
        if run is None:
            return lines
        start, end, found = run
        self.ext.pending[id(self.md)] = found
        return lines[:start] + lines[end:]


class _Give(Treeprocessor):
    def __init__(self, md: Markdown, ext: AbbreviationsExtension) -> None:
        super().__init__(md)
        self.ext = ext

    def run(self, root: etree.Element) -> None:
        found = self.ext.pending.pop(id(self.md), [])
        if not found:
            return
        abbrs: dict[str, str] = self.md.treeprocessors["abbr"].abbrs  # type: ignore[attr-defined]
        for abbr, title in found:  # as AbbrBlockprocessor.run does, in order
            if title in ("''", '""'):
                abbrs.pop(abbr, None)
            else:
                abbrs[abbr] = title


class AbbreviationsExtension(Extension):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.pending: dict[int, list[tuple[str, str]]] = {}

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.registerExtension(self)
        md.preprocessors.register(_Take(md, self), "dom_abbreviations", 1)
        md.treeprocessors.register(_Give(md, self), "dom_abbreviations", 7.5)


def makeExtension(**kwargs: Any) -> AbbreviationsExtension:  # noqa: N802
    return AbbreviationsExtension(**kwargs)
