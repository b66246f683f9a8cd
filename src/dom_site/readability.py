"""How easy the Dutch text reads: words per sentence and the Flesch-Douma score.

    .venv/bin/python -m dom_site.readability docs/draaiboek

Flesch-Douma (the Dutch Flesch reading ease) = 206.835 - 0.93 * words/sentence
- 77 * syllables/word; 60-70 is plain text, higher is easier. Counted on prose
only: headings, tables, code, front matter, footnote keys, link targets and HTML
comments are left out. The project writes one sentence per line, so a line is a
sentence unless it holds more than one full stop, question or exclamation mark.
Syllables are vowel groups, which is close enough for Dutch to compare texts.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

from dom_site import source

_NOT_PROSE = re.compile(r"\]\([^)]*\)|<[^>]+>|\{[^}]*\}|\[\^[^\]]+\]|`[^`]*`|https?://\S+")
_MARKUP = re.compile(r"^\s*(?:[-*+]|\d+[.)]|!!!|\?\?\?\+?|>)\s*")
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


def score_text(raw: str) -> Score:
    sentences = words = syllables = 0
    # Prose as the source model reads it: no front matter, code blocks or comments, and no
    # footnote texts (a source's title is no sentence of the page), their indented lines included.
    prose = source.parse("", raw, "").prose
    notes = source.in_footnote_definition(line for _, line in prose)
    for (_, line), note in zip(prose, notes, strict=True):
        stripped = line.strip()
        if note or not stripped or stripped.startswith(("#", "|", "*[", "---")):
            continue
        text = _NOT_PROSE.sub(" ", _MARKUP.sub("", stripped).strip('"'))
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
