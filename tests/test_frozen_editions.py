"""Release 1.0 is the response as submitted, frozen: its text equals the source at its commit, forever."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT

from dom_site import citation_registry as reg
from dom_site import frozen
from dom_site.checks import site_verbatim as check_site_verbatim

REGISTRY = reg.load_registry(ROOT / "registry" / "ids.yml")
RELEASES = REGISTRY.releases


def test_the_response_as_submitted_is_release_1_0() -> None:
    assert RELEASES and str(RELEASES[0]["version"]) == "1.0"


@pytest.mark.parametrize("release", RELEASES, ids=lambda r: str(r["version"]))
def test_frozen_text_equals_the_source_at_the_release_commit(site_dir: Path, release: dict) -> None:
    source = subprocess.run(["git", "show", f"{release['commit']}:docs/reactie/dom-reactie-concept-woonvisie.txt"], timeout=600,
                            cwd=ROOT, capture_output=True, text=True, check=True).stdout
    edition = site_dir / "versies" / str(release["version"])
    published = check_site_verbatim.published_words(edition / check_site_verbatim.PAGE_HTML)
    assert published == source.split()
    # The source itself never changes after a release.
    assert (ROOT / check_site_verbatim.SOURCE).read_text("utf-8").split() == source.split()


@pytest.mark.parametrize("release", RELEASES, ids=lambda r: str(r["version"]))
def test_frozen_edition_says_which_version_and_the_live_site_links_to_it(site_dir: Path, release: dict) -> None:
    version = str(release["version"])
    frozen = BeautifulSoup((site_dir / "versies" / version / "reactie" / "index.html").read_text("utf-8"), "html.parser")
    notice = frozen.select_one(".edition-notice").get_text(" ")
    assert f"bevroren versie {version}" in notice
    assert "geraadpleegd" not in frozen.find("button", class_="cite-button")["data-clipboard-text"]
    assert f"versie {version} (" in frozen.find("button", class_="cite-button")["data-clipboard-text"]
    for prefix in ("", "en/"):
        live = BeautifulSoup((site_dir / prefix / "reactie" / "index.html").read_text("utf-8"), "html.parser")
        link = live.select_one(".edition-notice a")["href"]
        assert link.endswith(f"versies/{RELEASES[-1]['version']}/{prefix}reactie/")
        assert (site_dir / "reactie" / link).resolve().parent.exists() or (site_dir / prefix / "reactie" / link / "index.html").resolve().is_file()
    assert (site_dir / "versies" / version / "reactie" / "dom-reactie.pdf").is_file()


# --- The cache of built editions (.git/dom-site-cache/versies) -------------------------------------------

def small_root(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    (root / "src" / "dom_site").mkdir(parents=True)
    (root / "src" / "dom_site" / "pdfs.py").write_text("A = 1\n", "utf-8")
    (root / "requirements.txt").write_text("mkdocs==1.6.1\n", "utf-8")
    return root


def test_the_edition_key_changes_with_everything_the_edition_is_made_from(tmp_path: Path) -> None:
    root = small_root(tmp_path)
    release = {"version": "1.0", "commit": "a" * 40, "date": "2026-11-28"}
    key = frozen.edition_key(release, "https://voorbeeld.test/", root)
    assert key == frozen.edition_key(dict(release), "https://voorbeeld.test/", root)  # stable
    others = {
        frozen.edition_key({**release, "commit": "b" * 40}, "https://voorbeeld.test/", root),
        frozen.edition_key({**release, "date": "2026-11-29"}, "https://voorbeeld.test/", root),
        frozen.edition_key(release, "https://elders.test/", root),
    }
    (root / "src" / "dom_site" / "pdfs.py").write_text("A = 2\n", "utf-8")  # the PDF printer changed
    others.add(frozen.edition_key(release, "https://voorbeeld.test/", root))
    (root / "requirements.txt").write_text("mkdocs==1.6.2\n", "utf-8")  # a package changed
    others.add(frozen.edition_key(release, "https://voorbeeld.test/", root))
    assert key not in others and len(others) == 5


def test_a_kept_edition_is_copied_whole_and_replaces_the_older_ones_of_its_version(tmp_path: Path) -> None:
    built = tmp_path / "site" / "versies" / "1.0"
    (built / "reactie").mkdir(parents=True)
    (built / "reactie" / "index.html").write_text("<p>bevroren</p>", "utf-8")
    cache = tmp_path / "cache"
    (cache / "1.0-oud").mkdir(parents=True)   # an older key of the same version
    (cache / "1.1-ander").mkdir(parents=True)  # another version stays
    frozen.keep(built, cache / "1.0-nieuw")
    assert sorted(p.name for p in cache.iterdir() if p.is_dir()) == ["1.0-nieuw", "1.1-ander"]
    assert not frozen.from_cache(cache / "1.0-oud", tmp_path / "elders")  # no such entry: build it
    out = tmp_path / "copy" / "versies" / "1.0"
    assert frozen.from_cache(cache / "1.0-nieuw", out)
    assert (out / "reactie" / "index.html").read_text("utf-8") == "<p>bevroren</p>"


@pytest.mark.parametrize("release", RELEASES, ids=lambda r: str(r["version"]))
def test_make_build_kept_the_edition_it_published(site_dir: Path, release: dict) -> None:
    """The next make build copies exactly what this one published (same key, same files)."""
    live = os.environ.get("SITE_URL") or frozen.live_site_url(ROOT)
    commit = frozen.full_commit(str(release["commit"]), ROOT)
    assert commit is not None
    entry = frozen.cache_entry(release, commit, live, ROOT)
    assert entry is not None and entry.is_dir(), "make build runs in the repository's work tree and keeps the edition"
    cached = [entry]
    published = site_dir / "versies" / str(release["version"])
    files = sorted(p.relative_to(published).as_posix() for p in published.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(cached[0]).as_posix() for p in cached[0].rglob("*") if p.is_file())
    page = "reactie/index.html"
    assert (published / page).read_bytes() == (cached[0] / page).read_bytes()


def test_a_release_whose_commit_git_cannot_find_is_one_message_at_its_line(tmp_path: Path,
                                                                           capsys: pytest.CaptureFixture[str]) -> None:
    """Outside a clone with the full history (or without git) the edition cannot be built: say where and why."""
    import shutil

    (tmp_path / "registry").mkdir()
    shutil.copy2(ROOT / "registry" / "ids.yml", tmp_path / "registry" / "ids.yml")
    registry = reg.load_registry(tmp_path / "registry" / "ids.yml")
    release = registry.releases[0]
    with pytest.raises(SystemExit):
        frozen.build_edition(release, tmp_path / "site", "https://voorbeeld.test/", tmp_path)
    line = registry.release_line(str(release["version"]))
    assert line > 1
    assert capsys.readouterr().err.startswith(
        f"registry/ids.yml:{line}: versie {release['version']} verwijst naar commit '{release['commit']}'")
