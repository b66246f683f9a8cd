"""File names under docs/: lowercase, no spaces, a known kind of file, in the right folder.

    .venv/bin/python scripts/check_filenames.py            # everything under docs/
    .venv/bin/python scripts/check_filenames.py --docs DIR # another docs folder (tests)

Why: a file name becomes a web address. `Elp.md` and `elp.md` are different files
on GitHub but the same on some computers; a space becomes `%20` in a link; an
accent breaks a link that someone typed. So every folder and file name is
lowercase ASCII letters, digits and hyphens, followed by one of the known endings:

- `.md` (Dutch) and `.en.md` (English, next to its Dutch page);
- images: `.png`, `.jpg`, `.jpeg`, `.gif`, `.webp`, `.avif`, `.svg`;
- `.txt` (such as the reactie's original text file) and `.css` (a page's stylesheet).

A village page (Markdown with the village data block at the top) belongs in
`docs/maatwerk/dorpen/`, directly, and nowhere else.
"""
from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from pathlib import Path, PurePosixPath

from sitecheck import DOCS, Problem, relative, report

NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg")
ALLOWED_SUFFIXES = (".en.md", ".md", ".txt", ".css", *IMAGE_SUFFIXES)
VILLAGE_FOLDER = PurePosixPath("maatwerk/dorpen")
# The keys only a village page has (schemas/dorp.schema.json requires them).
VILLAGE_KEYS = re.compile(r"^(?:paginastatus|grote_kern|laatst_bekeken)\s*:", re.MULTILINE)
KNOWN = "Markdown (.md, .en.md), afbeeldingen (.png, .jpg, .webp, .svg), .txt of .css"
KNOWN_EN = "Markdown (.md, .en.md), images (.png, .jpg, .webp, .svg), .txt or .css"


def suggestion(name: str) -> str:
    """The name as it should be: lowercase ASCII, hyphens for spaces and underscores."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    ascii_name = re.sub(r"[\s_.]+", "-", ascii_name.lower())
    ascii_name = re.sub(r"[^a-z0-9-]", "", ascii_name)
    return re.sub(r"-{2,}", "-", ascii_name).strip("-") or "naam"


def split_suffix(name: str) -> tuple[str, str]:
    """(stem, known ending) of a file name; the ending is '' when it is not allowed."""
    lowered = name.lower()
    for suffix in ALLOWED_SUFFIXES:
        if lowered.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)], name[-len(suffix):]
    return name, ""


def front_matter(path: Path) -> str:
    """The YAML block at the top of a Markdown file, or ''."""
    text = path.read_text(encoding="utf-8", errors="replace")
    match = re.match(r"---\r?\n(.*?)\r?\n---\s*(?:\r?\n|$)", text, re.DOTALL)
    return match.group(1) if match else ""


def check_folder(path: Path) -> list[Problem]:
    if NAME.fullmatch(path.name):
        return []
    good = suggestion(path.name)
    return [Problem(relative(path), 1, f"de mapnaam '{path.name}' mag alleen kleine letters, cijfers en streepjes hebben",
                    f"noem de map '{good}'",
                    f"the folder name '{path.name}' may only have lowercase letters, digits and hyphens",
                    f"name the folder '{good}'")]


def check_name(path: Path, rel: PurePosixPath) -> list[Problem]:
    where = relative(path)
    problems: list[Problem] = []
    stem, suffix = split_suffix(rel.name)
    if not suffix:
        return problems + [Problem(
            where, 1, f"'{rel.name}' is geen soort bestand dat in docs/ hoort",
            f"zet hier alleen {KNOWN}; haal dit bestand weg",
            f"'{rel.name}' is not a kind of file that belongs in docs/",
            f"only {KNOWN_EN} belong here; remove this file")]
    if not NAME.fullmatch(stem) or suffix != suffix.lower():
        good = suggestion(stem) + suffix.lower()
        problems.append(Problem(
            where, 1, f"de bestandsnaam '{rel.name}' mag alleen kleine letters, cijfers en streepjes hebben (geen spaties, hoofdletters of accenten)",
            f"noem het bestand '{good}'",
            f"the file name '{rel.name}' may only have lowercase letters, digits and hyphens (no spaces, capitals or accents)",
            f"name the file '{good}'"))
    return problems


def check_place(path: Path, rel: PurePosixPath) -> list[Problem]:
    where = relative(path)
    problems: list[Problem] = []
    if rel.name.endswith(".en.md") and not path.with_name(rel.name[: -len(".en.md")] + ".md").exists():
        dutch = rel.name[: -len(".en.md")] + ".md"
        problems.append(Problem(
            where, 1, f"bij deze Engelse pagina ontbreekt de Nederlandse pagina '{dutch}' in dezelfde map",
            f"maak eerst '{dutch}': het Nederlands is leidend",
            f"this English page has no Dutch page '{dutch}' in the same folder",
            f"write '{dutch}' first: the Dutch text is authoritative"))
    if rel.suffix == ".md" and VILLAGE_KEYS.search(front_matter(path)) and rel.parent != VILLAGE_FOLDER:
        target = f"docs/{VILLAGE_FOLDER}/{rel.name}"
        problems.append(Problem(
            where, 1, "dit is een dorpspagina, maar hij staat niet in docs/maatwerk/dorpen/",
            f"verplaats het bestand naar {target}",
            "this is a village page, but it is not in docs/maatwerk/dorpen/",
            f"move the file to {target}"))
    return problems


def check(docs: Path = DOCS) -> list[Problem]:
    problems: list[Problem] = []
    for path in sorted(docs.rglob("*")):
        rel = PurePosixPath(path.relative_to(docs).as_posix())
        if path.is_dir():
            problems += check_folder(path)
            continue
        problems += check_name(path, rel)
        if split_suffix(rel.name)[1]:
            problems += check_place(path, rel)
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=Path, default=DOCS, help="the docs folder (default: docs/)")
    args = parser.parse_args(argv)
    return report(check(args.docs))


if __name__ == "__main__":
    sys.exit(main())
