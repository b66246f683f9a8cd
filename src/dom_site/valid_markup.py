"""Valid HTML where Material's templates are not: the one place that knows the three fixes.

- Material's two page toggles (menu, search) carry autocomplete="off", which a
  checkbox may not have; an empty form with autocomplete="off" owns them instead
  (Firefox honours it there, so neither reopens by itself on return).
- Section index pages have no table-of-contents toggle, so their toc title is a
  plain label, not one `for="__toc"`.
- The notice dialog is not named with aria-label on a <div> (release 1.0's
  templates did that; a div without a role may not carry a name).

The live site gets the first from overrides/hooks/valid_html.py and the second
from overrides/partials/toc.html; the frozen editions, built unchanged from their
release's commit, get all three here (`dom-site editions` (dom_site.frozen)), so the W3C
checker finds no error on any page. The words and the citable units stay as released.
"""
from __future__ import annotations

import re

FORM = '<form id="__toggles" autocomplete="off" hidden></form>'
TOGGLES = {
    name: (f'<input class="md-toggle" data-md-toggle="{name}" type="checkbox" id="__{name}" autocomplete="off">',
           f'<input class="md-toggle" data-md-toggle="{name}" type="checkbox" id="__{name}" form="__toggles">')
    for name in ("drawer", "search")
}
TOC_LABEL = '<label class="md-nav__title" for="__toc">'
NAMED_DIALOG = re.compile(r'(<div class="md-dialog" data-md-component="dialog") aria-label="[^"]*">')


class UnexpectedToggles(ValueError):
    """Material no longer writes a toggle the way TOGGLES expects."""


def valid_toggles(output: str) -> str:
    """The page with Material's two toggles owned by one autocomplete="off" form."""
    if "<body" not in output or FORM in output:
        return output
    for name, (material, valid) in TOGGLES.items():
        if material not in output:
            raise UnexpectedToggles(name)
        output = output.replace(material, (FORM if name == "drawer" else "") + valid, 1)
    return output


def valid_markup(output: str) -> str:
    """A built page of a frozen edition with all three fixes."""
    if "<body" not in output:
        return output
    try:
        output = valid_toggles(output)
    except UnexpectedToggles:
        pass  # an edition built with another Material: leave its toggles as they are
    if 'id="__toc"' not in output:
        output = output.replace(TOC_LABEL, '<label class="md-nav__title">')
    return NAMED_DIALOG.sub(r"\1>", output)
