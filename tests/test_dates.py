"""'Laatst bijgewerkt' is the date of each page's own last commit (the dom-datums plugin).

Run with the system git on fixture repositories, and on the real site against
`git log -1 --format=%as -- <file>` for every page.
"""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT, build_site
from git_repo import git

from dom_site.git_dates import read_history

TIME = re.compile(r'<time datetime="(\d{4}-\d{2}-\d{2})">([^<]+)</time>')
CONFIG = """\
site_name: t
theme: {name: material, language: nl}
plugins:
  - i18n:
      docs_structure: suffix
      languages:
        - {locale: nl, name: Nederlands, default: true, build: true}
        - {locale: en, name: English, build: true}
  - dom-datums
"""




def fixture_repo(repo: Path) -> Path:
    """Two commits on different days: Dutch and English changed separately."""
    (repo / "docs").mkdir(parents=True)
    (repo / "mkdocs.yml").write_text(CONFIG, "utf-8")
    (repo / "docs" / "index.md").write_text("# Thuis\n", "utf-8")
    (repo / "docs" / "index.en.md").write_text("# Home\n", "utf-8")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "een", date="2026-03-04")
    (repo / "docs" / "index.en.md").write_text("# Home, changed\n", "utf-8")
    git(repo, "commit", "-q", "-am", "twee", date="2026-05-06")
    return repo


def dates(page: Path) -> list[tuple[str, str]]:
    return TIME.findall(page.read_text("utf-8"))


def test_each_language_shows_its_own_files_last_commit(tmp_path: Path) -> None:
    repo = fixture_repo(tmp_path / "repo")
    result = build_site(tmp_path / "out", cwd=repo)
    assert result.returncode == 0, result.stderr[-3000:]
    assert dates(tmp_path / "out" / "index.html") == [("2026-03-04", "4 maart 2026")]
    assert dates(tmp_path / "out" / "en" / "index.html") == [("2026-05-06", "6 May 2026")]
    for name in ("index.md", "index.en.md"):
        expected = git(repo, "log", "-1", "--format=%as", "--", f"docs/{name}").strip()
        assert expected in {"2026-03-04", "2026-05-06"}


def test_without_history_no_page_shows_a_date_and_the_build_says_so_once(tmp_path: Path) -> None:
    repo = fixture_repo(tmp_path / "repo")
    plain = tmp_path / "plain"
    git(repo, "archive", "--format=tar", "-o", str(tmp_path / "t.tar"), "HEAD")
    plain.mkdir()
    subprocess.run(["tar", "-xf", str(tmp_path / "t.tar"), "-C", str(plain)], check=True, timeout=30)
    result = build_site(tmp_path / "out", cwd=plain)
    assert result.returncode == 0, result.stderr[-3000:]
    assert dates(tmp_path / "out" / "index.html") == [] and dates(tmp_path / "out" / "en" / "index.html") == []
    assert (result.stdout + result.stderr).count("Datums: geen git-geschiedenis") == 1


def test_a_shallow_clone_gives_no_date_to_files_it_cut_off(tmp_path: Path) -> None:
    repo = fixture_repo(tmp_path / "repo")
    shallow = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", repo.as_uri(), str(shallow))
    history = read_history(shallow / "docs")
    assert history.shallow and history.dates == {}


def test_the_real_site_dates_every_page_by_its_own_file(site_dir: Path) -> None:
    checked = 0
    for source in sorted((ROOT / "docs").rglob("*.md")):
        rel = source.relative_to(ROOT / "docs").as_posix()
        english = rel.endswith(".en.md")
        stem = rel[: -len(".en.md")] if english else rel[: -len(".md")]
        folder = stem[: -len("index")] if stem.endswith("index") else stem + "/"
        built = site_dir / ("en/" if english else "") / folder / "index.html"
        if not built.exists():
            continue
        expected = git(ROOT, "log", "-1", "--format=%as", "--", str(source))
        found = [iso for iso, _ in dates(built)]
        if expected:
            assert found == [expected], f"{rel}: {found} != git log {expected}"
        else:  # not committed yet: no date rather than today's
            assert found == [], f"{rel}: uncommitted page shows {found}"
        checked += 1
    assert checked > 90
    # The sitemap's lastmod is the same date (the home page stands for all).
    home = git(ROOT, "log", "-1", "--format=%as", "--", "docs/index.md")
    sitemap = (site_dir / "sitemap.xml").read_text("utf-8")
    first = sitemap.split("<url>")[1]
    assert f"<lastmod>{home}</lastmod>" in first if home else "<lastmod>" not in first


@pytest.mark.parametrize("release_date", ["2026-11-28"])
def test_a_frozen_edition_shows_its_release_date(tmp_path: Path, release_date: str) -> None:
    repo = fixture_repo(tmp_path / "repo")
    config = repo / "mkdocs.yml"
    config.write_text(CONFIG.replace("  - dom-datums\n", f'  - dom-datums:\n      release_date: "{release_date}"\n'),
                      "utf-8")
    result = build_site(tmp_path / "out", cwd=repo)
    assert result.returncode == 0, result.stderr[-3000:]
    assert dates(tmp_path / "out" / "index.html") == [(release_date, "28 november 2026")]
    assert dates(tmp_path / "out" / "en" / "index.html") == [(release_date, "28 November 2026")]
