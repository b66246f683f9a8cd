"""A temporary copy of the project, for tests that break something on purpose.

`copy_project` copies what git knows of the project (tracked files, and new files git
does not ignore): no hand-kept list of paths to fall out of date, and nothing generated
(.venv, node_modules, site/). A build alone needs less: tests/builds.py `docs_copy`.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from dom_site.processes import run

ROOT = Path(__file__).resolve().parent.parent


def project_files() -> list[str]:
    listed = run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], step="git ls-files",
                 cwd=ROOT, timeout=60, check=True).stdout
    return sorted({name for name in listed.split("\0") if name and (ROOT / name).is_file()})


def copy_project(dest: Path) -> Path:
    """Copy the project's sources into dest and return dest."""
    for name in project_files():
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target)
    return dest


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first occurrence of old in path; fail loudly when it is not there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not found in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
