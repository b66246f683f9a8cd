"""A temporary copy of the project, for tests that break something on purpose.

`copy_project` (dom_site.project) copies what git knows of the project (tracked files, and new files git
does not ignore): no hand-kept list of paths to fall out of date, and nothing generated
(.venv, node_modules, site/). A build alone needs less: tests/builds.py `docs_copy`.
"""
from __future__ import annotations

from pathlib import Path

from conftest import ROOT

from dom_site import project

__all__ = ["copy_project", "edit"]


def copy_project(dest: Path) -> Path:
    """This repository's project, copied into dest; returns dest."""
    return project.copy_project(dest, ROOT)


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first occurrence of old in path; fail loudly when it is not there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not found in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
