"""Material's page toggles, valid HTML with the same behaviour (dom_site.valid_markup).

Material's base.html opens <body> with two hidden checkboxes (menu, search), each
with autocomplete="off", which a checkbox may not have (W3C Nu checker); an empty
form with autocomplete="off" owns them instead. Those lines are in no block or
partial a theme can override, so this changes exactly those two tags in every
rendered page and template (the 404 page).
"""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from dom_site.valid_markup import page_toggles


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return page_toggles(output, page.file.src_uri)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    return page_toggles(output_content, template_name) if template_name.endswith(".html") else output_content
