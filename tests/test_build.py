"""The real site builds strictly, and a broken build explains itself and leaves nothing behind."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

from conftest import ROOT, build_site
from project_copy import copy_project, edit


def test_strict_build_produces_both_languages(site_dir: Path) -> None:
    assert (site_dir / "index.html").is_file()
    assert (site_dir / "en" / "index.html").is_file()
    for path in ("reactie", "over/privacy", "over/toegankelijkheid", "over/bijdragen"):
        assert (site_dir / path / "index.html").is_file(), path
        assert (site_dir / "en" / path / "index.html").is_file(), path


def test_broken_link_fails_with_file_line_and_dutch_fix(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "over" / "privacy.md"
    text = page.read_text(encoding="utf-8").splitlines()
    text.insert(2, "Zie [de kaart](../kaart-bestaat-niet.md).")
    page.write_text("\n".join(text) + "\n", encoding="utf-8")
    result = build_site(tmp_path / "out", cwd=project)
    assert result.returncode != 0
    assert "docs/over/privacy.md:3: de link '../kaart-bestaat-niet.md' wijst naar een pagina die niet bestaat" in result.stderr


def test_broken_anchor_is_explained(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "over" / "bijdragen.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nZie [privacy](privacy.md#bestaat-niet).\n", encoding="utf-8")
    result = build_site(tmp_path / "out", cwd=project)
    assert result.returncode != 0
    assert "docs/over/bijdragen.md:" in result.stderr
    assert "wijst naar een onderdeel (#…) dat niet bestaat" in result.stderr


def test_failed_make_build_leaves_no_site(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("old", encoding="utf-8")
    edit(project / "docs" / "over" / "privacy.md", "\n", "\n[kapot](nergens.md)\n")
    env = {**os.environ, "VENV": str(ROOT / ".venv")}
    result = subprocess.run(["make", "-o", "node_modules/.installed", "build"], timeout=600, cwd=project, env=env, capture_output=True, text=True)
    assert result.returncode != 0
    assert not (project / "site").exists(), "a failed build must not leave site/ for a deploy to pick up"
    assert not (project / "site.tmp").exists()
