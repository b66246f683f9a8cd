"""The real site builds strictly, and a broken build explains itself and leaves nothing behind.

What the build refuses, case by case, is in tests/test_bad_input.py (in this process);
here `make build` itself runs once on bad input, as a command.
"""
from __future__ import annotations

import os
from pathlib import Path

from conftest import ROOT
from project_copy import copy_project, edit
from test_bad_input import processes_in

from dom_site.processes import run


def test_strict_build_produces_both_languages(site_dir: Path) -> None:
    assert (site_dir / "index.html").is_file()
    assert (site_dir / "en" / "index.html").is_file()
    for path in ("reactie", "over/privacy", "over/toegankelijkheid", "over/bijdragen"):
        assert (site_dir / path / "index.html").is_file(), path
        assert (site_dir / "en" / path / "index.html").is_file(), path


def test_failed_make_build_says_file_and_line_and_leaves_no_site(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("old", encoding="utf-8")
    edit(project / "docs" / "over" / "privacy.md", "\n", "\n[kapot](nergens.md)\n")
    env = {**os.environ, "VENV": str(ROOT / ".venv")}
    # -o: the copy shares node_modules with the project (a symlink); never let make reinstall it.
    result = run(["make", "--no-print-directory", "-o", "node_modules/.installed", "build"], step="make build",
                 cwd=project, env=env, timeout=120)
    assert result.returncode != 0
    lines = [line for line in (result.stdout + result.stderr).splitlines() if line.startswith("docs/over/privacy.md:2: ")]
    assert any("wijst naar een pagina die niet bestaat" in line and "(English: " in line for line in lines), \
        result.stderr[-3000:]
    assert not (project / "site").exists(), "a failed build must not leave site/ for a deploy to pick up"
    assert not (project / "site.tmp").exists(), "a refused build leaves no half-built site"
    assert processes_in(project) == [], "every step ends with its children"
