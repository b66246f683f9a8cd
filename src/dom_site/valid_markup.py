"""Valid HTML where Material's templates are not: the one place that knows the three fixes.

- Material's two page toggles (menu, search) carry autocomplete="off", which a
  checkbox may not have; an empty form with autocomplete="off" owns them instead
  (Firefox honours it there, so neither reopens by itself on return).
- Section index pages have no table-of-contents toggle, so their toc title is a
  plain label, not one `for="__toc"`.
- The notice dialog is not named with aria-label on a <div> (release 1.0's
  templates did that; a div without a role may not carry a name).

The live site gets the first from overrides/hooks/valid_html.py (page_toggles) and the second
from overrides/partials/toc.html; the frozen editions, built unchanged from their
release's commit, get all three here (`dom-site editions` (dom_site.frozen)), so the W3C
checker finds no error on any page. The words and the citable units stay as released.
"""
from __future__ import annotations

import re

from mkdocs.exceptions import PluginError

from dom_site.messages import Problem

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
    """The page with Material's two toggles owned by one autocomplete="off" form.

    Firefox restores a checkbox's state when the reader comes back to a page (the menu or
    search would open by itself) unless autocomplete="off" is on the box or its form
    owner. The `form` attribute makes the empty form the owner without moving the boxes:
    Material's CSS needs them as siblings of the page (`[data-md-toggle=drawer]:checked ~
    .md-container`)."""
    if "<body" not in output or FORM in output:
        return output
    for name, (material, valid) in TOGGLES.items():
        if material not in output:
            raise UnexpectedToggles(name)
        output = output.replace(material, (FORM if name == "drawer" else "") + valid, 1)
    return output


def page_toggles(output: str, where: str) -> str:
    """valid_toggles for a page of the live build; when Material writes the toggles otherwise,
    the build stops naming the hook and TOGGLES instead of letting the invalid HTML back in quietly."""
    try:
        return valid_toggles(output)
    except UnexpectedToggles as error:
        raise PluginError(str(Problem(
            "overrides/hooks/valid_html.py", 1,
            f"{where}: Material schrijft de schakelaar '{error}' niet meer als verwacht",
            "pas TOGGLES in src/dom_site/valid_markup.py aan aan de nieuwe versie van Material",
            f"Material no longer writes the '{error}' toggle as expected",
            "update TOGGLES in src/dom_site/valid_markup.py"))) from error


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
