"""Check the draaiboek: every fact has a source, and Dutch and English match.

    .venv/bin/python scripts/check_footnotes.py            # all of docs/draaiboek
    .venv/bin/python scripts/check_footnotes.py FILE|DIR … # only these

In every `docs/draaiboek/*.md` (both languages):
- a paragraph, list item, table row or heading that names an amount (€, EUR), a
  percentage, a legal article (art., artikel, article), a year, or a number of
  weeks, years, homes and the like carries a footnote `[^x]` in that same unit;
- (that every footnote names a registered source is the build's rule:
  src/dom_site/sources.py);
- every heading of level 2 or deeper has an explicit `{#id}` in lowercase ASCII,
  no id appears twice, and a Dutch page and its `.en.md` twin exist together
  and have the same ids (so a citation works in both languages).

Each problem is printed as `path:line: Dutch — fix (English: …)`; the exit code is 1
if there is any. It reads Markdown only, so it needs no build.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sitecheck import ROOT, Problem, relative, report

DEFAULT_DIR = ROOT / "docs" / "draaiboek"

# What counts as a fact that needs a source, with its name in Dutch and English.
COUNTED = (
    r"weken|week|maanden|maand|jaren|jaar|dagen|dag|woningen|woning|huizen|huis|huishoudens|"
    r"initiatieven|initiatief|inwoners|inwoner|leden|dorpen|dorpsverenigingen|kernen|projecten|mensen|"
    r"weeks|months|month|years|year|days|day|homes|home|houses|house|households|"
    r"initiatives|initiative|inhabitants|residents|members|villages|village|projects|people"
)
FACTS: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (re.compile(r"€|\bEUR\b"), "een bedrag", "an amount"),
    (re.compile(r"\d\s?%|\bprocent\b|\bpercent\b", re.IGNORECASE), "een percentage", "a percentage"),
    (re.compile(r"\b(?:art\.|artikel|article)\s*\d[\w.()]*", re.IGNORECASE), "een wetsartikel", "a legal article"),
    (re.compile(rf"\b\d[\d.,]*\s+(?:{COUNTED})\b", re.IGNORECASE), "een aantal", "a number"),
    (re.compile(r"\b(?:1[89]|20)\d\d\b"), "een jaartal", "a year"),
)

FENCE = re.compile(r"^\s*(```|~~~)")
HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.*?)\s*$")
HEADING_ID = re.compile(r"\{[^}]*#(?P<id>[^\s}]+)[^}]*\}\s*$")
GOOD_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
TABLE_ROW = re.compile(r"^\s*\|")
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
ADMONITION = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s")
DEFINITION = re.compile(r"^\[\^(?P<label>[^\]\s]+)\]:")
ABBREVIATION = re.compile(r"^\*\[[^\]]*\]:")
REFERENCE = re.compile(r"\[\^(?P<label>[^\]\s]+)\](?!:)")
# Text that is not prose: link targets, autolinks, attribute lists, code, HTML tags.
NOT_PROSE = re.compile(r"\]\([^)]*\)|<https?://[^>]*>|\{[^}]*\}|`[^`]*`|<[^>]*>|\[\^[^\]]*\]")


@dataclass
class Unit:
    """A paragraph, list item, table row, heading or admonition title."""

    lines: list[tuple[int, str]] = field(default_factory=list)


@dataclass
class Page:
    """What the check needs from one Markdown file."""

    path: Path
    units: list[Unit] = field(default_factory=list)
    references: list[tuple[int, str]] = field(default_factory=list)
    definitions: list[tuple[int, str]] = field(default_factory=list)
    headings: list[tuple[int, int, str, str | None]] = field(default_factory=list)  # line, level, text, id


def parse(path: Path) -> Page:
    """Split a page into units, and collect footnotes and headings with their lines."""
    page = Page(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    current: Unit | None = None
    in_fence = in_comment = in_definition = False
    start = 0
    if lines and lines[0].strip() == "---":  # front matter
        for index in range(1, len(lines)):
            if lines[index].strip() == "---":
                start = index + 1
                break

    def close() -> None:
        nonlocal current
        if current is not None and current.lines:
            page.units.append(current)
        current = None

    for index in range(start, len(lines)):
        number, line = index + 1, lines[index]
        stripped = line.strip()
        if FENCE.match(line):
            in_fence = not in_fence
            close()
            continue
        if in_fence:
            continue
        if in_comment or stripped.startswith("<!--"):
            in_comment = "-->" not in stripped
            close()
            continue
        for match in REFERENCE.finditer(line):
            page.references.append((number, match["label"]))
        definition = DEFINITION.match(line)
        if definition:
            close()
            page.definitions.append((number, definition["label"]))
            in_definition = True
            continue
        if in_definition:
            # A definition continues on indented lines (and blank lines between them).
            if not stripped or line.startswith(("    ", "\t")):
                continue
            in_definition = False
        if not stripped:
            close()
            continue
        if ABBREVIATION.match(line):
            close()
            continue
        heading = HEADING.match(line)
        if heading:
            close()
            found = HEADING_ID.search(heading["text"])
            page.headings.append((number, len(heading["hashes"]), heading["text"], found["id"] if found else None))
            page.units.append(Unit([(number, line)]))
            continue
        if TABLE_ROW.match(line) or ADMONITION.match(line):
            close()
            page.units.append(Unit([(number, line)]))
            continue
        if LIST_ITEM.match(line):
            close()
        if current is None:
            current = Unit()
        current.lines.append((number, line))
    close()
    return page


def first_fact(unit: Unit) -> tuple[int, str, str, str] | None:
    """The first fact in a unit: its line, the matched text, and its kind in both languages."""
    for number, line in unit.lines:
        prose = NOT_PROSE.sub(" ", line)
        hits = [(m.start(), m.group(0), nl, en) for pattern, nl, en in FACTS for m in [pattern.search(prose)] if m]
        if hits:
            _, text, nl, en = min(hits)
            return number, text.strip(), nl, en
    return None


def footnote_problems(page: Page) -> list[Problem]:
    """Facts without a source, and references and definitions that do not match."""
    where = relative(page.path)
    problems: list[Problem] = []
    for unit in page.units:
        fact = first_fact(unit)
        if fact and not any(REFERENCE.search(line) for _, line in unit.lines):
            number, text, nl, en = fact
            problems.append(Problem(
                where, number,
                f"'{text}' is {nl} zonder voetnoot in dezelfde alinea",
                "zet er een voetnoot naar de bron achter, met de sleutel uit registry/bronnen/, bijvoorbeeld [^drenthe-cpo-regeling]",
                f"'{text}' is {en} without a footnote in the same paragraph",
                "add a footnote with the source's key from registry/bronnen/, for example [^drenthe-cpo-regeling]",
            ))
    return problems


def heading_problems(page: Page) -> list[Problem]:
    """Headings of level 2 or deeper need a well-formed, unique {#id}."""
    where = relative(page.path)
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for number, level, text, anchor in page.headings:
        if level < 2:
            continue
        if anchor is None:
            problems.append(Problem(
                where, number,
                f"de kop '{text}' heeft geen vast ID",
                "zet er {#d-N} achter met het eerstvolgende vrije nummer (ID's worden nooit hergebruikt)",
                f"the heading '{text}' has no fixed ID",
                "add {#d-N} with the next free number (IDs are never reused)",
            ))
            continue
        if not GOOD_ID.fullmatch(anchor):
            problems.append(Problem(
                where, number,
                f"het ID '{anchor}' mag alleen kleine letters, cijfers en streepjes hebben",
                "schrijf het bijvoorbeeld als d-12",
                f"the ID '{anchor}' may only hold lowercase letters, digits and hyphens",
                "write it as, for example, d-12",
            ))
        if anchor in seen:
            problems.append(Problem(
                where, number,
                f"het ID '{anchor}' staat twee keer op deze pagina (ook op regel {seen[anchor]})",
                "geef deze kop een nieuw, nog nooit gebruikt ID",
                f"the ID '{anchor}' appears twice on this page (also on line {seen[anchor]})",
                "give this heading a new, never used ID",
            ))
        seen.setdefault(anchor, number)
    return problems


def ids(page: Page) -> dict[str, int]:
    """The section ids of a page with their first line."""
    found: dict[str, int] = {}
    for number, level, _, anchor in page.headings:
        if level >= 2 and anchor:
            found.setdefault(anchor, number)
    return found


def twin_of(path: Path) -> Path:
    """`x.md` ↔ `x.en.md`."""
    if path.name.endswith(".en.md"):
        return path.with_name(path.name[: -len(".en.md")] + ".md")
    return path.with_name(path.name[: -len(".md")] + ".en.md")


def twin_problems(pages: dict[Path, Page]) -> list[Problem]:
    """Every Dutch page has an English twin with the same section ids, and vice versa."""
    problems: list[Problem] = []
    for path, page in sorted(pages.items()):
        twin = twin_of(path)
        english = path.name.endswith(".en.md")
        if not twin.is_file():
            if english:
                problems.append(Problem(
                    relative(path), 1,
                    f"deze Engelse pagina heeft geen Nederlandse pagina {twin.name}",
                    "maak de Nederlandse pagina (die is leidend), of haal deze weg",
                    f"this English page has no Dutch page {twin.name}",
                    "write the Dutch page (it is authoritative), or remove this one",
                ))
            else:
                problems.append(Problem(
                    relative(path), 1,
                    f"deze pagina heeft geen Engelse vertaling {twin.name}",
                    f"maak {twin.name} met dezelfde koppen en ID's",
                    f"this page has no English translation {twin.name}",
                    f"create {twin.name} with the same headings and IDs",
                ))
            continue
        other = pages.get(twin) or parse(twin)
        missing = [(anchor, number) for anchor, number in ids(page).items() if anchor not in ids(other)]
        for anchor, number in missing:
            problems.append(Problem(
                relative(path), number,
                f"de sectie #{anchor} staat niet op {twin.name}",
                f"zet in {twin.name} de vertaalde kop met hetzelfde ID {{#{anchor}}}, of haal het ID hier weg",
                f"the section #{anchor} is missing from {twin.name}",
                f"add the translated heading with the same ID {{#{anchor}}} to {twin.name}, or remove the ID here",
            ))
    return problems


def cross_page_problems(pages: dict[Path, Page]) -> list[Problem]:
    """An id belongs to one page: the same id on two Dutch pages breaks citations."""
    problems: list[Problem] = []
    owner: dict[str, tuple[Path, int]] = {}
    for path, page in sorted(pages.items()):
        if path.name.endswith(".en.md"):
            continue
        for anchor, number in ids(page).items():
            if anchor in owner and owner[anchor][0] != path:
                first, first_line = owner[anchor]
                problems.append(Problem(
                    relative(path), number,
                    f"het ID '{anchor}' staat ook op {relative(first)}:{first_line}",
                    "geef deze kop een nieuw, nog nooit gebruikt ID",
                    f"the ID '{anchor}' is also used in {relative(first)}:{first_line}",
                    "give this heading a new, never used ID",
                ))
            else:
                owner.setdefault(anchor, (path, number))
    return problems


def collect(targets: Iterable[Path]) -> list[Path]:
    """The Markdown files to check: given files, or every *.md in given folders."""
    files: list[Path] = []
    for target in targets:
        files.extend(sorted(target.glob("*.md")) if target.is_dir() else [target])
    return files


def check(files: list[Path]) -> list[Problem]:
    """All problems in these files (footnotes, headings, twins, shared ids)."""
    pages = {path.resolve(): parse(path.resolve()) for path in files}
    problems: list[Problem] = []
    for page in pages.values():
        problems += footnote_problems(page) + heading_problems(page)
    problems += twin_problems(pages) + cross_page_problems(pages)
    return sorted(problems, key=lambda p: (p.path, p.line))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", type=Path, help="files or folders (default: docs/draaiboek)")
    args = parser.parse_args(argv)
    targets = args.paths or [DEFAULT_DIR]
    missing = [t for t in targets if not t.exists()]
    if missing:
        return report([Problem(str(t), 1, "dit bestand of deze map bestaat niet", "controleer het pad",
                               "this file or folder does not exist", "check the path") for t in missing])
    return report(check(collect(targets)))


if __name__ == "__main__":
    sys.exit(main())
