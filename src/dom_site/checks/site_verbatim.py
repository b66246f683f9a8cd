"""The published response must have the submitted words, all of them, in order.

Compares the words of the verbatim block on /reactie/zoals-ingediend/ with the
canonical source file and names the first difference. Only whitespace (line
breaks, paragraphs) may differ.
"""
from __future__ import annotations

import difflib
from pathlib import Path

from dom_site.checks.common import Problem, relative, soup

# In the project folder.
SOURCE = Path("docs") / "reactie" / "dom-reactie-concept-woonvisie.txt"
PAGE_MD = Path("docs") / "reactie" / "zoals-ingediend.md"
PAGE_HTML = Path("reactie") / "zoals-ingediend" / "index.html"
MARKER = 'class="verbatim"'
# The letter was submitted as plain text: paragraphs, nothing else. Bold, italics, a link or a
# <span> added to it would change what DOM submitted (and split the words, so the word
# comparison would blame a full stop).
PLAIN = {"p", "br"}


def published_words(html_file: Path) -> list[str]:
    block = soup(html_file).select_one(".verbatim")
    if block is None:
        return []
    return block.get_text(" ").split()


def line_of_word(markdown_file: Path, index: int) -> int:
    """The line in the page's Markdown that holds the index-th verbatim word."""
    lines = markdown_file.read_text(encoding="utf-8").splitlines()
    inside, seen = False, 0
    for number, line in enumerate(lines, start=1):
        if MARKER in line:
            inside = True
            continue
        if inside:
            if line.strip().startswith("</div>"):
                return number
            words = line.split()
            if seen + len(words) > index:
                return number
            seen += len(words)
    return 1


def compare(source_words: list[str], found: list[str], markdown_file: Path, root: Path) -> list[Problem]:
    where = relative(markdown_file, root)
    if not found:
        return [Problem(where, 1, "de tekst zoals ingediend staat niet in een blok met class=\"verbatim\"",
                        "zet de tekst tussen <div class=\"verbatim\" markdown> en </div>",
                        "the text as submitted is not inside a block with class=\"verbatim\"",
                        "put the text between <div class=\"verbatim\" markdown> and </div>")]
    # The first place the words part: a word changed, a word too many, or words left out. The
    # fix follows from which (a word inserted is taken out, not "restored" over its neighbour).
    matcher = difflib.SequenceMatcher(None, source_words, found, autojunk=False)
    tag, i1, i2, j1, j2 = next((op for op in matcher.get_opcodes() if op[0] != "equal"), ("equal", 0, 0, 0, 0))
    if tag == "equal":
        return []
    want, got = quoted(source_words[i1:i2]), quoted(found[j1:j2])
    # Where it is said (the word at which the text parts) and what, in both languages.
    if tag == "insert" and j1 >= len(source_words):
        at, said = j1, (f"na het einde van de ingediende tekst staat nog: {got}",
                        "haal die woorden uit het blok; opmerkingen horen in de noot onder de tekst",
                        f"after the end of the submitted text there is more: {got}",
                        "remove those words from the block; remarks belong in the note below the text")
    elif tag == "insert":
        at, said = j1, (f"na woord {j1} staat {got}, dat niet in de ingediende tekst staat",
                        f"haal {got} weg; opmerkingen horen in de noot onder de tekst",
                        f"after word {j1} there is {got}, which is not in the submitted text",
                        f"remove {got}; remarks belong in the note below the text")
    elif tag == "delete" and j1 >= len(found):
        at, said = len(found), (f"de tekst houdt te vroeg op; er ontbreekt vanaf woord {len(found) + 1}: {want}",
                                f"zet de ontbrekende woorden terug zoals in {SOURCE.name}",
                                f"the text stops too early; missing from word {len(found) + 1}: {want}",
                                f"restore the missing words as in {SOURCE.name}")
    elif tag == "delete":
        at, said = j1, (f"na woord {j1} ontbreekt uit de ingediende tekst: {want}", f"zet het terug zoals in {SOURCE.name}",
                        f"after word {j1} this is missing from the submitted text: {want}",
                        f"restore it as in {SOURCE.name}")
    else:
        at, said = j1, (f"woord {j1 + 1} wijkt af van de ingediende tekst: {got} staat er, {want} hoort er",
                        f"zet het woord terug zoals in {SOURCE.name}; opmerkingen horen in de noot onder de tekst",
                        f"word {j1 + 1} differs from the submitted text: {got} is there, {want} belongs there",
                        f"restore the word as in {SOURCE.name}; remarks belong in the note below the text")
    return [Problem(where, line_of_word(markdown_file, at), *said)]


def quoted(words: list[str]) -> str:
    """Words as a message quotes them: the first eight, and … when there are more."""
    return '"' + " ".join(words[:8]) + (" …" if len(words) > 8 else "") + '"'


def added_markup(html_file: Path, markdown_file: Path, root: Path) -> list[Problem]:
    """The first element the plain letter does not have, at the Markdown line of its first word."""
    block = soup(html_file).select_one(".verbatim")
    if block is None:
        return []  # the word comparison says the block is missing
    extra = next((tag for tag in block.find_all(True) if tag.name not in PLAIN), None)
    if extra is None:
        return []
    before = 0
    for text in block.find_all(string=True):
        if text.find_parent(extra.name) is extra:
            break
        before += len(text.split())
    shown = " ".join(extra.get_text(" ").split()[:8])
    return [Problem(relative(markdown_file, root), line_of_word(markdown_file, before),
                    f"in de tekst zoals ingediend staat opmaak die de brief niet heeft (<{extra.name}> om \"{shown}\")",
                    "haal de opmaak weg (**, _, een link of HTML): de brief staat hier zoals DOM hem indiende; "
                    "opmerkingen horen in de noot onder de tekst",
                    f"the text as submitted has markup the letter does not have (<{extra.name}> around \"{shown}\")",
                    "remove the markup (**, _, a link or HTML): the letter stands here as DOM submitted it; "
                    "remarks belong in the note below the text")]


def findings(site: Path, root: Path) -> list[Problem]:
    source_words = (root / SOURCE).read_text(encoding="utf-8").split()
    return (added_markup(site / PAGE_HTML, root / PAGE_MD, root)
            or compare(source_words, published_words(site / PAGE_HTML), root / PAGE_MD, root))
