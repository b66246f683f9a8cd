"""Material's page toggles, valid HTML with the same behaviour.

Material's base.html opens <body> with two hidden checkboxes that open the menu
(drawer) and the search, each with autocomplete="off". On a checkbox that
attribute is not allowed (W3C Nu checker: two errors on every page), but it has a
purpose: Firefox restores a checkbox's state when the reader comes back to a page,
so the menu or search would open by itself. Firefox also honours autocomplete="off"
on the control's form owner, and the `form` attribute makes an empty form the
owner without moving the checkboxes (Material's CSS needs them as siblings of the
page: `[data-md-toggle=drawer]:checked ~ .md-container`). So:

    <form id="__toggles" autocomplete="off" hidden></form>
    <input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" form="__toggles">

The lines are not in a block or partial that a theme can override, so this hook
changes exactly these two tags in the rendered page (and the 404 page). If a
Material update writes them differently the build stops, naming this file,
instead of letting the invalid HTML back in quietly.
"""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from dom_site.valid_markup import TOGGLES, UnexpectedToggles
from dom_site.valid_markup import valid_toggles as toggles_of

__all__ = ["TOGGLES", "valid_toggles"]


def valid_toggles(output: str, where: str) -> str:
    """The page with Material's two toggles owned by one autocomplete="off" form (dom_site.valid_markup)."""
    try:
        return toggles_of(output)
    except UnexpectedToggles as error:
        raise PluginError(
            f"overrides/hooks/valid_html.py:1: {where}: Material schrijft de schakelaar '{error}' niet meer als "
            f"verwacht — pas TOGGLES in src/dom_site/valid_markup.py aan aan de nieuwe versie van Material "
            f"(English: Material no longer writes the '{error}' toggle as expected — update TOGGLES in "
            f"src/dom_site/valid_markup.py)") from error


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return valid_toggles(output, page.file.src_uri)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    return valid_toggles(output_content, template_name) if template_name.endswith(".html") else output_content
