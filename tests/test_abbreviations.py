"""dom_site.abbreviations: the glossary's trailing abbreviation blocks give the same HTML
without going through the block parser, and edge cases fall back to `abbr` itself."""
from __future__ import annotations

import markdown
import pytest
from markdown.extensions.abbr import AbbrBlockprocessor

from dom_site.abbreviations import AbbreviationsExtension, trailing_abbreviations

EXTENSIONS = ["abbr", "attr_list", "def_list", "footnotes", "md_in_html", "tables", "admonition",
              "toc", "pymdownx.superfences", "pymdownx.details"]
GLOSSARY = "\n\n".join(["*[CPO]: Collectief particulier opdrachtgeverschap", "*[Cpo]: idem",
                        "*[woonvisie]: het plan van de gemeente", "*[Woonvisie]: het plan van de gemeente",
                        "*[DOM]: Dorpenoverleg Midden-Drenthe"])
PAGES = [
    "# Titel\n\nDe woonvisie en CPO. DOM schrijft.\n",
    "Tekst.\n\n    code block aan het eind\n",           # a trailing code block gets the empty blocks
    "- lijst met woonvisie\n- DOM\n",
    "Zin.[^1]\n\n[^1]: Voetnoot over CPO.\n",
    "*[DOM]: eigen definitie op de pagina\n\nDOM en CPO.\n",  # the glossary comes later and wins
    "!!! note\n\n    Binnen: woonvisie.\n",
    "```\nfence *[DOM]: x\n```\n",
    "<div markdown>\nDOM\n</div>\n",
    "",
]


def html(text: str, ours: bool) -> str:
    extensions: list = [*EXTENSIONS, AbbreviationsExtension()] if ours else EXTENSIONS
    return markdown.Markdown(extensions=extensions).convert(text)


@pytest.mark.parametrize("page", PAGES)
def test_same_html_as_abbr_alone(page: str) -> None:
    text = f"{page.rstrip()}\n\n{GLOSSARY}\n"
    assert html(text, ours=True) == html(text, ours=False)
    if page.startswith("# Titel"):
        assert '<abbr title="Dorpenoverleg Midden-Drenthe">DOM</abbr>' in html(text, ours=True)


def test_the_glossary_blocks_skip_the_block_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    original = AbbrBlockprocessor.run
    monkeypatch.setattr(AbbrBlockprocessor, "run", lambda self, p, b: calls.append(1) or original(self, p, b))
    html(f"Tekst over DOM.\n\n{GLOSSARY}\n", ours=True)
    assert len(calls) == 1  # the paragraph only (abbr's block processor tests every block)
    calls.clear()
    html(f"Tekst over DOM.\n\n{GLOSSARY}\n", ours=False)
    assert len(calls) == 1 + 5


@pytest.mark.parametrize("lines", [
    ["tekst", "*[A]: a"],                 # no blank line: part of the paragraph's block
    ["", "*[A]: a"],                      # nothing before it
    ["tekst", "", "", "*[A]: a"],         # two blank lines: not exactly a block boundary
    ["tekst", "", "*[A]: "],              # no title: abbr does not take it either
    ["tekst", "", "*[A]: a", "meer"],     # something after it
])
def test_other_shapes_are_left_to_abbr(lines: list[str]) -> None:
    assert trailing_abbreviations(lines) is None
    text = "\n".join(lines) + "\n"
    assert html(text, ours=True) == html(text, ours=False)


def test_removal_with_empty_title_is_kept() -> None:
    text = f"DOM en CPO.\n\n{GLOSSARY}\n\n*[CPO]: ''\n"
    assert html(text, ours=True) == html(text, ours=False)
    assert "Collectief" not in html(text, ours=True)
