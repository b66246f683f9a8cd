"""The 404 pages' language menu and hreflang alternates point to each language's home.

mkdocs-static-i18n points the language links (`config.extra.alternate`) of every
page at the same page in the other languages, and leaves them as the last page
set them. The 404 page is rendered after all pages, so without this hook its
language menu would lead to whatever page happened to be built last. A missing
page has no counterpart: the right target is the other language's home page.
"""
from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig


def root_alternates(config: MkDocsConfig) -> list[dict[str, str]] | None:
    """Each built language's home, absolute like every link on an error page."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return None
    base = urlsplit(config.site_url or "/").path.rstrip("/")
    return [
        {"name": lang.name, "link": lang.fixed_link or f"{base}{lang.link}", "lang": lang.locale}
        for lang in i18n.config.languages
        if lang.build
    ]


def on_template_context(context: dict[str, Any], template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    if template_name != "404.html":
        return context
    roots = root_alternates(config)
    if roots:
        # static-i18n sets both the item and, per page, an attribute of the same
        # name, which is what the template reads (Jinja tries attributes first).
        config.extra["alternate"] = roots
        config.extra.alternate = roots
    return context
