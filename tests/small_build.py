"""Build a small temporary project in this process, with MkDocs' own API.

Faster and clearer than copying the whole project and running `mkdocs build` in a
subprocess: a test writes only the pages and settings its case needs, and can
look at the plugins' state after the build (`config.plugins["dom-dorpen"]`).
"""
from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from dom_site.project import build_here

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's banner about MkDocs 2.0
os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")  # the same banner, from mkdocs-redirects' dependency


def write(root: Path, files: dict[str, str]) -> None:
    """Write each file (a path relative to root) with its text, creating folders."""
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def build_project(project: Path, site: Path | None = None) -> MkDocsConfig:
    """A strict build of project/mkdocs.yml into site (default project/site), like `mkdocs build --strict`.

    Raises what the build raises: mkdocs.exceptions.Abort after a plugin's error or a
    warning (the message is in the log, caplog in a test).
    """
    return build_here(project / "mkdocs.yml", site or project / "site")
