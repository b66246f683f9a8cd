"""The real site builds strictly, and a broken build explains itself and leaves nothing behind.

What the build refuses, case by case, is in tests/test_bad_input.py (in this process);
here `make build` itself runs once on bad input, as a command.
"""
from __future__ import annotations

import gzip
import os
import re
import sys
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


# Each builder names itself in every page; nothing else may differ.
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def _files(site: Path) -> dict[str, Path]:
    """The site's files by their path in it; without what `make build` adds after the build
    (the PDFs, the frozen editions under versies/)."""
    return {path.relative_to(site).as_posix(): path for path in site.rglob("*")
            if path.is_file() and path.suffix != ".pdf" and path.relative_to(site).parts[0] != "versies"}


def test_the_other_builder_writes_the_same_site(site_dir: Path, tmp_path: Path) -> None:
    """The bridge past Material's end of life (README): ProperDocs, the fork of MkDocs 1.6, builds
    the same site, file for file and byte for byte. make test builds with MkDocs and checks
    ProperDocs here, on every change; make properdocs the other way round."""
    other = "mkdocs" if os.environ.get("DOM_BUILDER") == "properdocs" else "properdocs"
    built = tmp_path / "site"
    result = run([str(Path(sys.executable).parent / other), "build", "--strict", "--quiet", "-d", str(built)],
                 step=f"{other} build", cwd=ROOT, env={**os.environ, "DOM_BUILDER": other}, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    ours, theirs = _files(site_dir), _files(built)
    assert sorted(theirs) == sorted(ours)
    differ = [name for name, path in ours.items() if _content(path) != _content(theirs[name])]
    assert differ == [], differ[:10]


def _content(path: Path) -> bytes:
    """What a reader gets: without the builder's name, and a gzipped file unpacked (its header holds
    the build's day, which changes at midnight)."""
    data = path.read_bytes()
    return GENERATOR.sub(b"", gzip.decompress(data) if path.suffix == ".gz" else data)


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
