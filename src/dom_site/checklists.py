"""Checklist boxes get an accessible name: the text of their own item.

pymdownx.tasklist writes `<label class="task-list-control"><input type="checkbox"
disabled/>…</label> text`, so a screen reader announces an unnamed checkbox
(axe: "label"). We name each box after its item, which is what a sighted
reader sees next to it. A regex, not an HTML parser: this runs on every page.
"""
from __future__ import annotations

import html
import re

from dom_site.html_text import text_of

# The checkbox, then the item's text up to the next list item or the end of this one.
BOX = re.compile(r'<input type="checkbox"(?P<attrs>[^>]*)/?>(?P<rest>.*?</label>(?P<text>.*?))(?=<li|</li>|<ul|<ol)', re.S)


def name_checkboxes(page_html: str) -> str:
    """The page with every checklist box named after its item (an aria-label already there stays)."""
    if "task-list-item" not in page_html:
        return page_html

    def name(match: re.Match[str]) -> str:
        if "aria-label" in match["attrs"]:
            return match.group(0)
        text = text_of(match["text"])[:150]
        return f'<input type="checkbox"{match["attrs"].rstrip("/")} aria-label="{html.escape(text)}"/>{match["rest"]}'

    return BOX.sub(name, page_html)
