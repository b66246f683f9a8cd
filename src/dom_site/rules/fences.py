"""Every fenced code block is closed.

A ``` (or ~~~) that no later line closes makes the rest of the page code: its headings,
IDs and footnotes vanish from the page. The rules that compare headings (koppen,
citeren) then see only the consequences, at other lines and with other fixes, so this
rule says the cause once, at the line that opens the block, and they leave that page
alone (SourcePage.unclosed_fence, read by dom_site.source like every fence).
"""
from __future__ import annotations

from collections.abc import Iterator

from dom_site.messages import Problem
from dom_site.rules import Context


def check(context: Context) -> Iterator[Problem]:
    for page in context.model:
        if page.unclosed_fence:
            fence = page.lines[page.unclosed_fence - 1].strip()[:3]
            yield Problem(page.shown, page.unclosed_fence,
                          f"het codeblok dat hier begint ({fence}) wordt nergens gesloten, dus de rest van de "
                          "pagina wordt als code getoond",
                          f"zet {fence} op een eigen regel waar de code eindigt",
                          f"the code block that starts here ({fence}) is never closed, so the rest of the page "
                          "shows as code", f"put {fence} on a line of its own where the code ends")
