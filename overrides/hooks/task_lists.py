"""Checklist boxes get an accessible name: the text of their own item.

pymdownx.tasklist writes `<label><input type="checkbox" disabled></label> text`,
so a screen reader announces an unnamed checkbox (axe: "label"). We name each
box after its item, which is what a sighted reader sees next to it.
"""
from __future__ import annotations

from bs4 import BeautifulSoup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page


def name_checkboxes(page_html: str) -> str:
    if "task-list-item" not in page_html:
        return page_html
    soup = BeautifulSoup(page_html, "html.parser")
    for item in soup.select("li.task-list-item"):
        box = item.find("input", attrs={"type": "checkbox"})
        if box is not None and not box.get("aria-label"):
            text = " ".join(item.get_text(" ").split())
            box["aria-label"] = text[:150]
    return str(soup)


def on_page_content(page_html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return name_checkboxes(page_html)
