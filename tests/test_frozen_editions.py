"""Release 1.0 is the response as submitted, frozen: its text equals the source at its commit, forever."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT

from dom_site import citation_registry as reg
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
    assert check_site_verbatim.SOURCE.read_text("utf-8").split() == source.split()


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
