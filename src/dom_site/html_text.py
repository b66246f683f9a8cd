"""An HTML fragment as the words a reader sees: tags off, entities decoded, spaces collapsed.

A regex, not an HTML parser: it runs on every heading and every checklist item of every page,
and their fragments are the Markdown's own output (no comments, no scripts).
"""
from __future__ import annotations

import html
import re

TAG = re.compile(r"<[^>]+>")
# Markdown's line breaks and indents; a non-breaking space (&nbsp;) is the writer's and stays.
SPACES = re.compile(r"[ \t\r\n\f]+")


def text_of(fragment: str) -> str:
    """The fragment's text, as one line: `<em>Koop</em>\n de grond` gives 'Koop de grond'."""
    return SPACES.sub(" ", html.unescape(TAG.sub("", fragment))).strip(" ")
