"""The printable documents: each named by its first page; the document is that page's nav section.

The hook overrides/hooks/pdf_links.py links them on that page (pdf_link); `dom-site pdfs`
(dom_site.print_pdfs) makes them after the build.
"""
from __future__ import annotations

from dom_site.source import dutch_path

PDFS: dict[str, str] = {
    "reactie/index.md": "dom-reactie.pdf",
    "draaiboek/index.md": "dom-draaiboek.pdf",
}
LABEL = {"nl": "Download als PDF (om te printen of te bewaren)", "en": "Download as PDF (to print or keep)"}


def pdf_link(src_uri: str, language: str) -> str:
    """The download link a document's first page starts with, in the build's language; "" on any other page."""
    pdf = PDFS.get(dutch_path(src_uri))
    if pdf is None:
        return ""
    return f'<p class="pdf-link"><a href="{pdf}" download>{LABEL[language]}</a></p>\n'
