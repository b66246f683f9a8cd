"""The project a command works on (`here()`), and a copy of it in a temporary folder: for the
benchmarks and the tests that break things.

The copy holds what git knows of the project (tracked files, and new files git does not
ignore): no hand-kept list of paths to fall out of date, and nothing generated
(.venv, node_modules, site/).
"""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dom_site.processes import run

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


def here() -> Path:
    """The project a command works on: the folder with mkdocs.yml at or above the working
    folder (make runs the commands there; a test may run them in a copy), else the
    repository this package is installed from (src/dom_site/project.py is two folders down).

    Asked when a command starts, never when a module is imported, so one process can work
    on several projects (the tests: a copy each) and every function is handed its root.
    """
    start = Path.cwd().resolve()
    found = next((folder for folder in (start, *start.parents) if (folder / "mkdocs.yml").is_file()), None)
    return found or Path(__file__).resolve().parents[2]


def project_files(root: Path) -> list[str]:
    listed = run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], step="git ls-files",
                 cwd=root, timeout=60, check=True).stdout
    return sorted({name for name in listed.split("\0") if name and (root / name).is_file()})


def copy_project(dest: Path, root: Path) -> Path:
    """Copy the project's sources into dest and return dest."""
    for name in project_files(root):
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(root / name, target)
    return dest


def build_here(config_file: Path, site_dir: Path, **overrides: Any) -> MkDocsConfig:
    """A strict build of config_file into site_dir in this process, the way `mkdocs build` runs it
    (the plugins' startup and shutdown events included); raises what the build raises."""
    from mkdocs.commands.build import build

    from dom_site import config_file as settings

    # Its mistakes in mkdocs.yml raise settings.Refused, with the editor's messages.
    config = settings.load(config_file, site_dir=str(site_dir), **{"strict": True, **overrides})
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return config
