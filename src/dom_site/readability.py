"""How easy the Dutch text reads: words per sentence and the Flesch-Douma score.

    .venv/bin/python -m dom_site.readability docs/draaiboek

Flesch-Douma (the Dutch Flesch reading ease) = 206.835 - 0.93 * words/sentence
- 77 * syllables/word; 60-70 is plain text, higher is easier. Counted on prose
only: headings, tables, titles of blocks, code, front matter, footnotes, glossary
lines, link targets and HTML comments are left out. Sentences are the source
model's (dom_site.source.sentences: one sentence per line, a line without a closing
mark goes on on the next), and a line with two full stops, question or exclamation
marks holds two. Syllables are vowel groups, which is close enough for Dutch to
compare texts.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

from dom_site import source

_WORD = re.compile(r"[A-Za-zÀ-ÿ]+(?:['’-][A-Za-zÀ-ÿ]+)*")
_VOWELS = re.compile(r"[aeiouyàáâäèéêëìíîïòóôöùúûü]+", re.IGNORECASE)
_END = re.compile(r"[.!?](?:\s|$)")


@dataclass(frozen=True)
class Score:
    sentences: int
    words: int
    syllables: int

    @property
    def words_per_sentence(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def flesch_douma(self) -> float:
        if not self.words or not self.sentences:
            return 0.0
        return 206.835 - 0.93 * self.words_per_sentence - 77 * self.syllables / self.words


def marks_off(line: str) -> str:
    """The line without a list item's or a quote's mark (- , 1. , >)."""
    return source.LIST_ITEM.sub("", source.QUOTE.sub("", line).strip())


def score_text(raw: str) -> Score:
    sentences = words = syllables = 0
    # Prose as the source model reads it: no front matter, code blocks or comments; of its blocks only
    # paragraphs, list items and quotes (a source's title in a footnote is no sentence of the page).
    for block in source.blocks(source.parse("", raw, "").prose):
        if block.kind not in ("paragraph", "item", "quote"):
            continue
        for sentence in source.sentences(block):
            text = " ".join(source.NOT_TEXT.sub(" ", marks_off(line)) for _, line in sentence)
            found = _WORD.findall(text)
            if not found:
                continue
            sentences += max(1, len(_END.findall(text)))
            words += len(found)
            syllables += sum(max(1, len(_VOWELS.findall(word))) for word in found)
    return Score(sentences, words, syllables)


def score_folder(folder: Path) -> Score:
    """All Dutch pages (x.md, not x.en.md) under folder, together."""
    total = Score(0, 0, 0)
    for path in sorted(folder.rglob("*.md")):
        if source.language_of(path.name) == "en":
            continue
        part = score_text(path.read_text("utf-8"))
        total = Score(total.sentences + part.sentences, total.words + part.words, total.syllables + part.syllables)
    return total


def main(argv: list[str] | None = None) -> int:
    for folder in (argv if argv is not None else sys.argv[1:]) or ["docs"]:
        result = score_folder(Path(folder))
        print(f"{folder}: {result.sentences} zinnen (sentences), {result.words_per_sentence:.1f} woorden per zin "
              f"(words per sentence), Flesch-Douma {result.flesch_douma:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
