"""What Python-Markdown leaves as text on a page (dom_site.left_as_text): said by the build, at the
line to change, once per HTML block. The pages are converted here with the site's own extensions."""
from __future__ import annotations

import markdown
import pytest

from dom_site import left_as_text, source

EXTENSIONS = ["md_in_html", "attr_list", "footnotes", "admonition", "pymdownx.details", "pymdownx.tabbed"]


def said(text: str) -> list[str]:
    page = source.parse("x.md", text, "docs/x.md")
    converted = markdown.markdown(text, extensions=EXTENSIONS)
    return [str(problem) for problem in left_as_text.problems(converted, page, "docs/x.md")]


@pytest.mark.parametrize(("text", "line", "shown", "tag"), [
    # Found by a helper's probe: readers saw **bij** and the link as text, and no check followed the link.
    ('Zin.\n\n<div class="tip">\nZie **bij** en [Begrippen](begrippen.md).\nOok __dit__.\n</div>\n\nNa.\n', 5,
     "**bij**, [Begrippen](begrippen.md), __dit__", '<div class="tip" markdown>'),
    # The outer block converts its Markdown; the inner one, without markdown, keeps it as text (the same
    # probe: the message named the outer tag, with markdown twice).
    ('<div class="kader" markdown>\n\nBuiten **goed**.\n\n<div class="tip">\nBinnen **vet**.\n</div>\n\n</div>\n', 7,
     "**vet**", '<div class="tip" markdown>'),
])
def test_markdown_in_an_html_block_without_markdown_is_one_message_at_its_tag_with_the_tag_to_write(
        text: str, line: int, shown: str, tag: str) -> None:
    found = said(f"# X\n\n{text}")
    assert len(found) == 1, found
    assert found[0].startswith(f"docs/x.md:{line}: in het HTML-blok <div> wordt Markdown niet omgezet; de lezer ziet "
                               f"{shown} als tekst — schrijf markdown in de tag die het blok opent: {tag} (English: "), found


def test_markdown_in_a_pasted_table_is_one_message_that_says_to_write_it_in_markdown() -> None:
    found = said("# X\n\n<table>\n<tr><td>**2023**</td><td>[bron](a.md)</td></tr>\n</table>\n")
    assert len(found) == 1, found
    assert found[0].startswith("docs/x.md:3: in het HTML-blok <table> wordt Markdown niet omgezet"), found
    assert " — schrijf dit deel in Markdown in plaats van HTML (English: " in found[0]


def test_a_footnote_in_html_is_the_footnotes_message_at_its_line() -> None:
    found = said("# X\n\nTekst.[^a]\n\n<table>\n<tr><td>380[^a]</td></tr>\n</table>\n\n[^a]: Bron.\n")
    assert len(found) == 1, found
    assert found[0].startswith("docs/x.md:6: de voetnoot [^a] komt als tekst op de pagina"), found


@pytest.mark.parametrize("text", [
    '<div class="tip" markdown>\nZie **bij** en [Begrippen](begrippen.md).\n</div>\n',
    "Zie **bij** en [Begrippen](begrippen.md).\n",
    "Schrijf `**vet**` of `[tekst](adres)`.\n\n```markdown\n**vet** en [tekst](adres)\n```\n",
    '!!! tip "Zie **dit**"\n\n    Tekst.\n',  # a block's title converts bold and links (not footnotes)
    "Reken 2**3 uit en 4**2.\n",
    "Tekst.[^onbekend]\n",  # a footnote without a source stays text too: that message is the sources rule's
])
def test_markdown_that_is_converted_or_shown_as_code_passes(text: str) -> None:
    assert said(f"# X\n\n{text}") == []


def test_markdown_in_an_html_block_never_closed_is_left_to_the_markdown_checks_one_message() -> None:
    """The fix is to close the block (dom-site check markdown says so); writing markdown in its tag
    would hide that the rest of the page is in it."""
    assert said('# X\n\n<div class="tip">\nZie **bij**.\n\n## Kop\n\nNa.\n') == []


def test_a_comment_holding_a_tag_and_markdown_is_not_on_the_page() -> None:
    assert said('# X\n\nTekst.\n\n<!-- <div class="oud"> **niet af** -->\n\nNa.\n') == []
