"""Every section heading has the same id in Dutch and English, so a section can be linked in both.

`/reactie/#r-3` and `/en/reactie/#r-3` must be the same section: the language
switch keeps the reader's place by keeping the `#id`, and citations link to it.
Editors write an explicit `{#id}` on every heading of level 2 or deeper, in both
`x.md` and `x.en.md`. This check compares the two files of every translated page
and refuses the build when the ids differ: a heading without an id, an id only
one language has, the same id twice, or the same ids in another order.

The same function runs in the build (this hook, at on_files) and alone as
`scripts/check_headings.py`. It reads the Markdown sources, so it can name the
line to fix. Headings inside fenced code blocks are not headings; the page
title (level 1) may differ, it is never linked to a section.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from dom_site.messages import Problem

HEADING = re.compile(r"^[ \t]{0,12}(?P<hashes>#{2,6})[ \t]+(?P<text>.*?)[ \t]*#*[ \t]*$")
ATTRS = re.compile(r"\{:?(?P<attrs>[^{}]*)\}[ \t]*$")
ID_IN_ATTRS = re.compile(r"(?:^|\s)#(?P<id>[^\s#.}]+)")
FENCE = re.compile(r"^[ \t]*(?P<fence>`{3,}|~{3,})")


class Heading(NamedTuple):
    line: int
    level: int
    id: str | None  # None: no explicit {#id}


def headings(text: str) -> list[Heading]:
    """The section headings (level 2-6) of a Markdown text, with their explicit ids."""
    found: list[Heading] = []
    fence: str | None = None
    lines = text.splitlines()
    start = 0
    if lines and lines[0].strip() == "---":  # YAML front matter
        for number in range(1, len(lines)):
            if lines[number].strip() in ("---", "..."):
                start = number + 1
                break
    for number in range(start, len(lines)):
        line = lines[number]
        opened = FENCE.match(line)
        if fence is not None:
            if opened and opened["fence"][0] == fence[0] and len(opened["fence"]) >= len(fence) \
                    and not line.strip().strip(fence[0]):
                fence = None
            continue
        if opened:
            fence = opened["fence"]
            continue
        match = HEADING.match(line)
        if not match:
            continue
        attrs = ATTRS.search(match["text"])
        heading_id = None
        if attrs:
            id_match = ID_IN_ATTRS.search(attrs["attrs"])
            heading_id = id_match["id"] if id_match else None
        found.append(Heading(number + 1, len(match["hashes"]), heading_id))
    return found


def compare(dutch: str, dutch_text: str, english: str, english_text: str) -> list[Problem]:
    """What differs between the heading ids of a Dutch page and its English translation."""
    nl, en = headings(dutch_text), headings(english_text)
    problems: list[Problem] = []
    for path, found, other in ((dutch, nl, english), (english, en, dutch)):
        seen: dict[str, int] = {}
        for heading in found:
            if heading.id is None:
                problems.append(Problem(
                    path, heading.line, "deze kop heeft geen vast ID",
                    f"zet er hetzelfde {{#id}} achter als bij de kop in {other}",
                    "this heading has no fixed ID", f"add the same {{#id}} as the heading in {other}"))
            elif heading.id in seen:
                problems.append(Problem(
                    path, heading.line, f"het ID #{heading.id} staat ook al op regel {seen[heading.id]}",
                    "geef elke kop een eigen ID, hetzelfde als in de andere taal",
                    f"the ID #{heading.id} is already used on line {seen[heading.id]}",
                    "give every heading its own ID, the same as in the other language"))
            else:
                seen[heading.id] = heading.line
    nl_ids = [h.id for h in nl if h.id]
    en_ids = [h.id for h in en if h.id]
    last_line = en[-1].line if en else 1
    for heading in en:
        if heading.id and heading.id not in nl_ids:
            problems.append(Problem(
                english, heading.line, f"het ID #{heading.id} staat niet in de Nederlandse pagina {dutch}",
                f"gebruik het ID van dezelfde kop in {dutch}",
                f"the ID #{heading.id} is not in the Dutch page {dutch}",
                f"use the ID of the same heading in {dutch}"))
    for index, heading in enumerate(nl):
        if heading.id and heading.id not in en_ids:
            line = en[index].line if index < len(en) else last_line
            problems.append(Problem(
                english, line, f"de kop #{heading.id} uit {dutch} (regel {heading.line}) ontbreekt in de Engelse pagina",
                f"vertaal die kop en zet er {{#{heading.id}}} achter",
                f"the heading #{heading.id} of {dutch} (line {heading.line}) is missing from the English page",
                f"translate that heading and add {{#{heading.id}}} to it"))
    common = [i for i in nl_ids if i in en_ids]
    english_order = [i for i in en_ids if i in nl_ids]
    first = next((n for n, (a, b) in enumerate(zip(common, english_order, strict=False)) if a != b), None)
    if first is not None:
        line = next(h.line for h in en if h.id == english_order[first])
        problems.append(Problem(
            english, line, f"de koppen staan in een andere volgorde dan in {dutch} (hier #{english_order[first]}, "
                           f"in het Nederlands #{common[first]})",
            "zet de koppen in dezelfde volgorde als in de Nederlandse pagina",
            f"the headings are in another order than in {dutch} (here #{english_order[first]}, "
            f"in Dutch #{common[first]})",
            "put the headings in the same order as in the Dutch page"))
    return problems


def translated_pairs(docs_dir: Path, sources: Iterable[str]) -> list[tuple[str, str]]:
    """(x.md, x.en.md) source paths, relative to docs_dir, for every page that has both."""
    present = set(sources)
    return sorted((src[: -len(".en.md")] + ".md", src) for src in present
                  if src.endswith(".en.md") and src[: -len(".en.md")] + ".md" in present)


def problems(docs_dir: Path, sources: Iterable[str] | None = None) -> list[Problem]:
    """Every heading-id mismatch in docs_dir (or in the given sources, relative to it)."""
    if sources is None:
        sources = [p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md")]
    found: list[Problem] = []
    for dutch, english in translated_pairs(docs_dir, sources):
        found += compare(
            f"{docs_dir.name}/{dutch}", (docs_dir / dutch).read_text(encoding="utf-8"),
            f"{docs_dir.name}/{english}", (docs_dir / english).read_text(encoding="utf-8"),
        )
    return found


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Runs before static-i18n splits the files per language (it runs last, at -100)."""
    found = problems(Path(config.docs_dir), [f.src_uri for f in files.documentation_pages()])
    if found:
        raise PluginError(
            "Koppen hebben niet dezelfde ID's in het Nederlands en het Engels "
            "(headings do not have the same IDs in Dutch and English):\n" + "\n".join(map(str, found))
        )
    return files
