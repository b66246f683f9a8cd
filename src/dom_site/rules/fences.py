"""Every fenced code block is closed.

A ``` (or ~~~) that no later line closes is no code block to the site's renderer
(pymdownx.superfences): the fence shows as text, the code as a paragraph, and no fence
further down the page makes a code block either. The source model reads it the same
way (dom_site.source.in_fence), so the other rules see the page as readers will; this
rule says the cause, once, at the line that opens the block.
"""
from __future__ import annotations

from collections.abc import Iterator

from dom_site.messages import Problem
from dom_site.rules import Context
from dom_site.source import FENCE


def subject(path: str, line: int) -> str:
    """What a message about the fence opened at path:line is about: markdownlint's "no language"
    there (MD040) is the same mistake when the block is never closed, and is not said besides."""
    return f"fence:{path}:{line}"


def check(context: Context) -> Iterator[Problem]:
    for page in context.model:
        if page.unclosed_fence:
            opened = FENCE.match(page.lines[page.unclosed_fence - 1])
            fence = opened["fence"] if opened else "```"
            yield Problem(page.shown, page.unclosed_fence,
                          f"hier begint een codeblok ({fence}), maar het wordt nergens gesloten; daarom toont de site "
                          "het als gewone tekst, en ook de codeblokken verderop",
                          f"zet {fence} op een eigen regel waar de code eindigt (of haal deze regel weg als er geen "
                          "code bedoeld is)",
                          f"a code block starts here ({fence}) but is never closed, so the site shows it as plain "
                          "text, and the code blocks further down too",
                          f"put {fence} on a line of its own where the code ends (or remove this line if no code "
                          "was meant)", subject=subject(page.shown, page.unclosed_fence))
