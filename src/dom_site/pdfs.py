"""The printable documents: each named by its first page; the document is that page's nav section.

The pdf_links hook links them on that page; `dom-site pdfs` makes them after the build.
"""
from __future__ import annotations

PDFS: dict[str, str] = {
    "reactie/index.md": "dom-reactie.pdf",
    "draaiboek/index.md": "dom-draaiboek.pdf",
}
