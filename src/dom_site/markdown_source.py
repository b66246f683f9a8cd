"""What the rules need from a Markdown page, with the line numbers an editor sees.

MkDocs hands plugins the Markdown without its front matter; every line number
reported to an editor counts from the top of the file, front matter included.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

FENCE = re.compile(r"^\s*(```|~~~)")
CODE_SPAN = re.compile(r"`[^`\n]*`")
FOOTNOTE_DEFINITION = re.compile(r"^\[\^(?P<label>[^\]\s]+)\]:")
FOOTNOTE_REFERENCE = re.compile(r"\[\^(?P<label>[^\]\s]+)\](?!:)")


def front_matter_lines(raw: str) -> int:
    """How many lines the YAML front matter takes at the top of a file (0 without one)."""
    lines = raw.splitlines()
    if not lines or lines[0].strip() != "---":
        return 0
    for number, line in enumerate(lines[1:], start=2):
        if line.strip() in ("---", "..."):
            return number
    return 0


def prose_lines(text: str, first_line: int = 1) -> Iterator[tuple[int, str]]:
    """Each line outside fenced code, with code spans blanked, numbered from first_line."""
    fence: str | None = None
    for number, line in enumerate(text.splitlines(), start=first_line):
        marker = FENCE.match(line)
        if marker:
            if fence is None:
                fence = marker.group(1)
            elif marker.group(1) == fence:
                fence = None
            continue
        if fence is None:
            yield number, CODE_SPAN.sub("``", line)


def footnotes(text: str, first_line: int = 1) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """The footnote references and definitions of a page: (line, label) pairs."""
    references: list[tuple[int, str]] = []
    definitions: list[tuple[int, str]] = []
    for number, line in prose_lines(text, first_line):
        definition = FOOTNOTE_DEFINITION.match(line)
        if definition:
            definitions.append((number, definition["label"]))
            line = line[definition.end():]
        references.extend((number, match["label"]) for match in FOOTNOTE_REFERENCE.finditer(line))
    return references, definitions
