"""Links into the repository, written as REPO_URL/... in Markdown.

The repository's address differs per build (CI takes it from the workflow,
local builds use the default in mkdocs.yml), so pages cannot hard-code it.
`[CONTRIBUTING.md](REPO_URL/blob/main/CONTRIBUTING.md)` becomes a link to that
file in the repository the site is built from.
"""
from __future__ import annotations

TOKEN = "](REPO_URL/"


def expand(markdown: str, repo_url: str) -> str:
    """The Markdown with every `](REPO_URL/` link pointing into repo_url."""
    return markdown.replace(TOKEN, f"]({repo_url.rstrip('/')}/") if TOKEN in markdown else markdown
