"""The site's two languages: Dutch at the root (x.md), English under /en/ (x.en.md)."""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig


def build_language(config: MkDocsConfig) -> str:
    """"en" during the English build, "nl" otherwise (mkdocs-static-i18n sets theme.language)."""
    return "en" if config.theme.get("language") == "en" else "nl"


def dutch_path(path: str) -> str:
    """The Dutch page of a page path: x.en.md → x.md (a Dutch path stays as it is)."""
    return path[: -len(".en.md")] + ".md" if path.endswith(".en.md") else path


def english_path(path: str) -> str:
    """The English twin of a Dutch page path: x.md → x.en.md."""
    return path if path.endswith(".en.md") else path[: -len(".md")] + ".en.md"
