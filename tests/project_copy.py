"""A temporary copy of the project, for tests that break something on purpose."""
from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# What a build and the checks read. Generated or local folders are left out.
PARTS = ("docs", "overrides", "includes", "scripts", "schemas", "sjablonen", "mkdocs.yml",
         "Makefile", "requirements.txt", "pyproject.toml", ".github", "cspell.json",
         ".markdownlint-cli2.yaml", "registry", "package.json", "package-lock.json")


def copy_project(dest: Path) -> Path:
    """Copy the project's sources into dest and return dest."""
    for part in PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, dest / part)
    return dest


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first occurrence of old in path; fail loudly when it is not there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not found in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
