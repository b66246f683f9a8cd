"""Keep the Dutch "page not found" at the root and put the English one under /en/.

mkdocs-static-i18n builds Dutch first and English second into the same site
directory, so the English 404.html overwrites the Dutch one at the root. GitHub
Pages serves only the root 404.html, so the root one must be Dutch (it links to
the English site). This hook remembers the Dutch page after the Dutch build and,
after the English build, moves the English page to en/404.html and restores the
Dutch one.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

DEFAULT_LANGUAGE = "nl"
_default_404: bytes | None = None


def on_post_build(config: MkDocsConfig) -> None:
    global _default_404
    page = Path(config.site_dir) / "404.html"
    if not page.exists():
        return
    language = config.theme.get("language", DEFAULT_LANGUAGE)
    if language == DEFAULT_LANGUAGE:
        _default_404 = page.read_bytes()
        return
    if _default_404 is None:
        return
    target = Path(config.site_dir) / language / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(page.read_bytes())
    page.write_bytes(_default_404)
