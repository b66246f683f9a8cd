"""Unit tests for the small hooks' package functions and the plugin steps that adjust rendered HTML."""
from __future__ import annotations

from dom_site.checklists import name_checkboxes
from dom_site.citations import plain
from dom_site.pdfs import pdf_link
from dom_site.plugins.languages import name_dialog, relabel
from dom_site.repo_links import expand


def test_checklist_boxes_are_named_after_their_item() -> None:
    html = ('<ul class="task-list"><li class="task-list-item"><label class="task-list-control">'
            '<input type="checkbox" disabled/><span class="task-list-indicator"></span></label> '
            'Maak een <strong>plan</strong></li></ul>')
    assert 'aria-label="Maak een plan"' in name_checkboxes(html)
    assert name_checkboxes("<p>geen lijst</p>") == "<p>geen lijst</p>"


def test_a_checkbox_and_a_cited_heading_read_their_html_as_one_text() -> None:
    """One reading of an HTML fragment's words (dom_site.html_text) for the checkbox's name and the
    citation's title: a word split by a tag stays one word, a line break is a space, &nbsp; stays."""
    item = ('<ul class="task-list"><li class="task-list-item"><label class="task-list-control">'
            '<input type="checkbox" disabled/></label> Vraag <em>om</em>gevings\nadvies &amp; art.&nbsp;2</li></ul>')
    assert 'aria-label="Vraag omgevings advies &amp; art.\xa02"' in name_checkboxes(item)
    heading = 'Vraag <em>om</em>gevings\nadvies &amp; art.&nbsp;2<a class="headerlink" href="#d-1">¶</a>'
    assert plain(heading) == "Vraag omgevings advies & art.\xa02"


def test_extension_labels_follow_the_page_language() -> None:
    html = '<a class="headerlink" href="#x" title="Permanent link">¶</a><a title="Jump back to footnote 2 in the text">↩</a>'
    dutch = relabel(html, "nl")
    assert 'title="Vaste link naar dit deel"' in dutch and 'title="Terug naar voetnoot 2 in de tekst"' in dutch
    english = relabel(html, "en")
    assert 'title="Permanent link to this section"' in english and "Jump back to footnote 2 in the text" in english


def test_materials_search_dialog_gets_a_name_in_the_page_language() -> None:
    page = '<div class="md-search" data-md-component="search" role="dialog"><label class="md-search__overlay"></label></div>'
    assert '<div class="md-search" data-md-component="search" role="dialog" aria-label="Zoeken">' in name_dialog(page, "nl")
    assert 'aria-label="Search"' in name_dialog(page, "en")


def test_repository_links_follow_the_configured_repository() -> None:
    text = "Lees [de gids](REPO_URL/blob/main/CONTRIBUTING.md)."
    assert expand(text, "https://github.com/voorbeeld/site/") == "Lees [de gids](https://github.com/voorbeeld/site/blob/main/CONTRIBUTING.md)."
    assert expand("geen link", "https://x") == "geen link"


def test_a_documents_first_page_in_either_language_links_its_pdf() -> None:
    assert pdf_link("reactie/index.md", "nl") == (
        '<p class="pdf-link"><a href="dom-reactie.pdf" download>Download als PDF (om te printen of te bewaren)</a></p>\n')
    assert 'href="dom-draaiboek.pdf" download>Download as PDF' in pdf_link("draaiboek/index.en.md", "en")
    assert pdf_link("draaiboek/beheer.md", "nl") == ""
