"""Old addresses of renamed pages keep working under /en/ too.

mkdocs-redirects writes its redirect_maps only for the Dutch build (the site
root). For every other language this hook writes the same redirects under that
language's folder, with the plugin's own functions, so both languages follow
one list: `redirects.redirect_maps` in mkdocs.yml.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs_redirects.plugin import get_html_path, get_relative_html_path, write_html


def on_post_build(config: MkDocsConfig) -> None:
    language = config.theme.get("language", "nl")
    plugin = config.plugins.get("redirects")
    if language == "nl" or plugin is None:
        return
    for old, new in plugin.config.get("redirect_maps", {}).items():
        if str(new).lower().startswith(("http://", "https://")):
            continue
        target, _, fragment = str(new).partition("#")
        url = get_html_path(target, True)[: -len("index.html")]
        relative = get_relative_html_path(old, url + (f"#{fragment}" if fragment else ""), True)
        # get_relative_html_path adds a trailing slash after a directory URL; keep exactly one.
        write_html(str(Path(config.site_dir) / language), get_html_path(old, True), relative.replace("//", "/"))
