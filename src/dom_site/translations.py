"""Which English pages are not translated yet, and which are behind their Dutch text.

    .venv/bin/dom-site translations                                     # the report
    .venv/bin/dom-site translations --stamp docs/x.en.md  # after translating

Dutch is the authoritative text. Each English page `x.en.md` records which version
of its Dutch page `x.md` it translates, in its front matter:

    ---
    vertaald_van: "3f2a9c41d07e"
    ---

That is the start of the SHA-256 of the Dutch text: the Markdown and the front
matter's title and description (line endings normalised; other front matter,
such as a village's data, is not translated and does not count).
When the Dutch file changes, the hash no longer matches and the English page is
reported as outdated, until a translator has updated it and stamped it again
with `--stamp`. A Dutch page without `x.en.md` is reported as not translated
(the site shows the Dutch text there, with a notice in English).

The report is a warning, never a failure: it always exits 0, so CI prints it
without blocking a Dutch-only change.
"""
from __future__ import annotations

import argparse
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from dom_site import data_file, git, source
from dom_site.messages import Problem, say

FIELD = "vertaald_van"
TRANSLATED_FIELDS = ("title", "description")  # front matter a translator translates
HASH_LENGTH = 12
STAMP = re.compile(rf"[0-9a-f]{{{HASH_LENGTH}}}")  # as --stamp writes it (schemas/pagina.schema.json: the same)
SUFFIX = source.ENGLISH_SUFFIX

def front_matter(text: str) -> tuple[dict[str, object], int]:
    """The front matter of a Markdown text (dom_site.source), and the index of the line after its closing '---' (0: none)."""
    page = source.parse("", text, "")
    # front_matter_end is the closing '---''s line number, so also the index of the body's first line.
    return page.readable_meta, page.front_matter_end


def dutch_hash(text: str) -> str:
    """The version of a Dutch page's text: the start of a SHA-256, the same on every platform.

    What a translator translates counts: the Markdown text and the front matter's
    `title` and `description`. Other front matter (a village's data, a review
    date) is read from the Dutch page only, so changing it needs no translation.
    """
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    data, body_start = front_matter(normalised)
    return _digest(normalised, data, body_start)


def page_hash(page: source.SourcePage) -> str:
    """dutch_hash of a page of the source model, without parsing it again (the rule `vertaling` asks for every page)."""
    if "\r" in page.text:
        return dutch_hash(page.text)
    return _digest(page.text, page.readable_meta, page.front_matter_end)


def _digest(normalised: str, data: dict[str, object], body_start: int) -> str:
    body = "\n".join(normalised.split("\n")[body_start:]) if body_start else normalised
    words = [str(data.get(key, "")) for key in TRANSLATED_FIELDS] + [body]
    return hashlib.sha256("\n\x00".join(words).encode("utf-8")).hexdigest()[:HASH_LENGTH]


def unknown_stamps(docs: Path, stamped: dict[str, tuple[str, str]]) -> dict[str, list[str]]:
    """The English pages (paths in docs/) whose committed stamp no version of their Dutch page in the git
    history ever had: a slip of the keyboard, a copied stamp. stamped: English page → (its Dutch page,
    its stamp), for pages whose stamp is not the Dutch text's of now. The answer: English page → the
    hashes its Dutch page did have, newest first.

    Nothing is said where the history cannot tell: no git, a shallow clone, or a stamp not committed
    yet (it may be of a Dutch text that was never committed). One git log and one git cat-file for all.
    """
    top = git.output(docs, "rev-parse", "--show-toplevel") if stamped else None
    if top is None:
        return {}
    repo = Path(top.strip())
    if (git.output(repo, "rev-parse", "--is-shallow-repository") or "").strip() != "false":
        return {}
    folder = docs.resolve().relative_to(repo.resolve()).as_posix() if docs.resolve().is_relative_to(repo.resolve()) \
        else None
    log = git.output(repo, "log", "--name-only", "--format=%x1e%H", "--", folder) if folder is not None else None
    if not log:
        return {}
    wanted = {f"{folder}/{dutch}" for dutch, _ in stamped.values()}
    versions: dict[str, list[str]] = {}  # Dutch page (in the repository) → its commits, newest first
    for record in log.split("\x1e")[1:]:
        commit, *names = [line for line in record.splitlines() if line.strip()]
        for name in wanted.intersection(names):
            versions.setdefault(name, []).append(commit)
    english = list(stamped)
    specs = [f"HEAD:{folder}/{page}" for page in english]
    specs += [f"{commit}:{name}" for name, commits in versions.items() for commit in commits]
    blobs = git.blobs(repo, specs)
    if blobs is None:
        return {}
    heads, contents = blobs[:len(english)], iter(blobs[len(english):])
    had = {name: [dutch_hash(blob.decode("utf-8-sig", "replace")) for _ in commits
                  if (blob := next(contents)) is not None] for name, commits in versions.items()}
    found: dict[str, list[str]] = {}
    for page, head in zip(english, heads, strict=True):
        dutch, stamp = stamped[page]
        committed = source.parse(page, head.decode("utf-8-sig", "replace"), page).readable_meta.get(FIELD) \
            if head is not None else None
        hashes = list(dict.fromkeys(had.get(f"{folder}/{dutch}", [])))
        if str(committed) == stamp and hashes and stamp not in hashes:
            found[page] = hashes
    return found


@dataclass(frozen=True)
class Entry:
    """One English page that needs a translator."""

    kind: str  # "untranslated", "outdated", "unstamped"
    dutch: Path
    english: Path
    line: int = 1


def entries(docs: Path) -> list[Entry]:
    """Every English page that is missing, behind or unstamped.

    An English page without its Dutch page is not listed: the rule `bestandsnamen` refuses it
    (one mistake, one message), and this report has nothing to compare it with.
    """
    found: list[Entry] = []
    model = source.load(docs)
    for dutch in sorted((page for page in model if page.language == "nl"), key=lambda page: page.path):
        english = model.twin(dutch)
        dutch_file, english_file = docs / dutch.path, docs / dutch.twin
        if english is None:
            found.append(Entry("untranslated", dutch_file, english_file))
            continue
        stamped = english.readable_meta.get(FIELD)
        if stamped is None:
            found.append(Entry("unstamped", dutch_file, english_file))
        elif str(stamped) != dutch_hash(dutch.text):
            found.append(Entry("outdated", dutch_file, english_file, english.field_line(FIELD)))
    return found


def shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def problem(entry: Entry, root: Path) -> Problem:
    """The entry in the project's message format: path:line: Dutch — fix (English: …)."""
    nl, en = shown(entry.dutch, root), shown(entry.english, root)
    stamp = f"dom-site translations --stamp {en}"
    if entry.kind == "untranslated":
        return Problem(nl, 1, "deze pagina heeft nog geen Engelse vertaling",
                       f"vertaal haar in {en} en draai daarna '{stamp}'",
                       "this page has no English translation yet",
                       f"translate it into {en}, then run '{stamp}'")
    if entry.kind == "outdated":
        return Problem(en, entry.line, f"de Nederlandse tekst ({nl}) is veranderd sinds deze vertaling",
                       f"werk de vertaling bij (zie 'git log -p {nl}') en draai daarna '{stamp}'",
                       f"the Dutch text ({nl}) has changed since this translation",
                       f"update the translation (see 'git log -p {nl}'), then run '{stamp}'")
    return Problem(en, 1, f"deze vertaling zegt niet van welke versie van {nl} ze is",
                   f"controleer of ze bij is en draai dan '{stamp}'",
                   f"this translation does not say which version of {nl} it translates",
                   f"check that it is up to date, then run '{stamp}'")


class StampError(Exception):
    """Why a page cannot be stamped, in Dutch and in English (shown as one message)."""

    def __init__(self, dutch: str, english: str) -> None:
        super().__init__(english)
        self.dutch, self.english = dutch, english


def stamp(english: Path) -> str:
    """Record the current Dutch version in the English page's front matter; return the hash.

    The hash is written in quotes: twelve hex digits can all be digits (YAML would read a
    number, and the rule `gegevens` wants text) or look like a number in another notation.
    """
    if not english.name.endswith(SUFFIX):
        raise StampError(f"dit is geen Engelse pagina (*{SUFFIX})", f"not an English page (*{SUFFIX})")
    dutch = english.with_name(source.dutch_path(english.name))
    digest = dutch_hash(dutch.read_text(encoding="utf-8-sig"))
    text = english.read_text(encoding="utf-8-sig")
    line = f'{FIELD}: "{digest}"'
    lines = text.split("\n")
    page = source.parse(english.name, text, english.name)
    if page.front_matter_end:  # replace the field in the front matter, or add it as its first line
        _, problems = data_file.front_matter(page)
        if problems or page.front_matter_node is None:
            raise StampError("de gegevens bovenaan de pagina zijn niet leesbaar; 'make check' zegt waarom",
                             "the data at the top of the page cannot be read; 'make check' says why")
        at = page.field_line(FIELD)  # line 1 (the opening ---): the field is not there yet
        if at > 1:
            lines[at - 1] = line
        else:
            lines.insert(1, line)
        text = "\n".join(lines)
    else:
        text = f"---\n{line}\n---\n\n{text}"
    english.write_text(text, encoding="utf-8")
    return digest


SUMMARY = {
    "untranslated": ("niet vertaald", "not translated"),
    "outdated": ("verouderd", "outdated"),
    "unstamped": ("zonder versie", "without version"),
}


def main(argv: list[str] | None, root: Path) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=Path, default=root / "docs", help="the docs folder (default: docs)")
    parser.add_argument("--stamp", nargs="+", type=Path, metavar="X.en.md",
                        help="record the current Dutch version in these English pages")
    args = parser.parse_args(argv)
    if args.stamp:
        for english in args.stamp:
            try:
                digest = stamp(english)
            except StampError as error:
                say(Problem(str(english), 1, f"kan niet stempelen: {error.dutch}", "geef een x.en.md naast een x.md",
                            f"cannot stamp: {error.english}", "name an x.en.md next to an x.md"))
                return 1
            except OSError as error:
                say(Problem(str(english), 1, f"kan niet stempelen: bestand niet te lezen ({error.strerror})",
                            "geef een bestaand x.en.md naast een bestaand x.md",
                            f"cannot stamp: file cannot be read ({error.strerror})",
                            "name an existing x.en.md next to an existing x.md"))
                return 1
            print(f"{english}: {FIELD}: {digest}")
        return 0
    found = entries(args.docs)
    # A report, not errors: printed, not annotated as errors on the pull request (messages.say).
    for entry in found:
        print(problem(entry, root))
    if not found:
        print("Alle Engelse pagina's zijn bij. (All English pages are up to date.)")
        return 0
    counts = {kind: sum(1 for e in found if e.kind == kind) for kind in SUMMARY}
    nl = ", ".join(f"{n} {SUMMARY[k][0]}" for k, n in counts.items() if n)
    en = ", ".join(f"{n} {SUMMARY[k][1]}" for k, n in counts.items() if n)
    print(f"Vertaling: {nl}. (Translation: {en}.) Dit is een waarschuwing, geen fout. (A warning, not an error.)")
    return 0
