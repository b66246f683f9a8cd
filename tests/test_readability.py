"""Plain Dutch (B1): the draaiboek keeps short sentences and a Flesch-Douma score of plain text."""
from __future__ import annotations

from pathlib import Path

from conftest import ROOT

from dom_site.readability import score_folder, score_text


def test_the_measure_counts_prose_only() -> None:
    score = score_text("---\ntitle: x\n---\n# Kop\n\nDit is een zin.\nNog een zin.[^bron] Met twee.\n\n| a | b |\n")
    assert (score.sentences, score.words) == (3, 9)


def test_a_footnote_text_is_not_prose_on_any_of_its_lines() -> None:
    text = "Een zin.[^a]\n\n[^a]: Gemeente Midden-Drenthe, Concept woonvisie.\n    Een tweede regel van de voetnoot.\n"
    assert (score_text(text).sentences, score_text(text).words) == (1, 2)


def test_the_draaiboek_stays_plain(tmp_path: Path) -> None:
    score = score_folder(ROOT / "docs" / "draaiboek")
    # Release 1.0 measured 8.9 words a sentence and Flesch-Douma 72 with this measure.
    assert score.words_per_sentence <= 9.9, score
    assert score.flesch_douma >= 70, score


def test_a_sentence_over_two_lines_is_one_and_a_block_title_is_no_sentence() -> None:
    """The sentences are the source model's, as the facts rule reads them (dom_site.source.sentences)."""
    score = score_text('# Kop\n\nEen zin die\ndoorloopt.\n\n!!! note "Let op"\n    Kort.\n\n*[DOM]: Dorpenoverleg\n')
    assert (score.sentences, score.words) == (2, 5)
