"""Plugin dom-talen in a small two-language project (Material + static-i18n), built in-process.

The project: a home page in both languages, a page in Dutch only (English falls back
to it), and a renamed page whose old address mkdocs-redirects keeps.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from small_build import build_project, write

CONFIG = """\
site_name: test
site_url: http://127.0.0.1:8000/sub/
theme:
  name: material
  language: nl
  font: false
markdown_extensions:
  - footnotes
  - toc:
      permalink: "¶"
plugins:
  - search
  - i18n:
      docs_structure: suffix
      fallback_to_default: true
      reconfigure_material: true
      reconfigure_search: false
      languages:
        - {locale: nl, name: Nederlands, default: true}
        - {locale: en, name: English}
  - dom-talen
  - redirects:
      redirect_maps:
        oud.md: nieuw.md
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("talen")
    write(project, {
        "mkdocs.yml": CONFIG,
        "docs/index.md": "# Welkom\n\n## Over woningen\n\nWoningen in het dorp.[^1]\n\n[^1]: Een bron.\n",
        "docs/index.en.md": "# Welcome\n\n## About homes\n\nHomes in the village.[^1]\n\n[^1]: A source.\n",
        "docs/alleen-nl.md": "# Alleen Nederlands\n\nDeze tekst is er alleen in het Nederlands.\n",
        "docs/nieuw.md": "# Nieuw\n\nDe nieuwe plek.\n",
        "docs/nieuw.en.md": "# New\n\nThe new place.\n",
    })
    build_project(project)
    return project / "site"


def page(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def test_dutch_404_at_the_root_english_under_en(site: Path) -> None:
    assert page(site / "404.html").html["lang"] == "nl"
    assert page(site / "en" / "404.html").html["lang"] == "en"


def test_404_language_links_go_to_each_home(site: Path) -> None:
    for path in (site / "404.html", site / "en" / "404.html"):
        links = {a["hreflang"]: a["href"] for a in page(path).select("a[hreflang]")}
        assert links == {"nl": "/sub/", "en": "/sub/en/"}, path


def test_one_search_index_per_language_without_the_untranslated_page(site: Path) -> None:
    dutch = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    english = json.loads((site / "en" / "search" / "search_index.json").read_text("utf-8"))
    assert dutch["config"]["lang"] == ["nl"] and english["config"]["lang"] == ["en"]
    dutch_pages = {d["location"].split("#")[0] for d in dutch["docs"]}
    english_pages = {d["location"].split("#")[0] for d in english["docs"]}
    assert dutch_pages == {"", "alleen-nl/", "nieuw/"}
    assert english_pages == {"", "nieuw/"}  # relative to en/; the Dutch-only page stays out


def test_untranslated_page_has_a_notice_and_its_text_marked_dutch(site: Path) -> None:
    english = page(site / "en" / "alleen-nl" / "index.html")
    notice = english.find(class_="untranslated")
    assert notice is not None and "has not been translated into English yet" in notice.get_text()
    assert notice.find_parent(attrs={"lang": "nl"}) is None
    assert english.find("div", attrs={"lang": "nl"}).find("h1") is not None
    assert page(site / "alleen-nl" / "index.html").find(class_="untranslated") is None
    assert page(site / "en" / "index.html").find(class_="untranslated") is None


def test_labels_and_search_dialog_in_the_page_language(site: Path) -> None:
    dutch = (site / "index.html").read_text("utf-8")
    english = (site / "en" / "index.html").read_text("utf-8")
    assert 'title="Vaste link naar dit deel"' in dutch and 'title="Terug naar voetnoot 1 in de tekst"' in dutch
    assert 'title="Permanent link to this section"' in english
    assert 'role="dialog" aria-label="Zoeken"' in dutch and 'role="dialog" aria-label="Search"' in english


def test_old_address_redirects_in_both_languages(site: Path) -> None:
    for prefix in ("", "en/"):
        old = (site / prefix / "oud" / "index.html").read_text("utf-8")
        assert 'content="0; url=../nieuw/"' in old, prefix


def test_a_second_build_in_the_same_process_keeps_nothing_of_the_first(tmp_path: Path) -> None:
    """MkDocs keeps a plugin instance across builds when it has on_startup or on_shutdown;
    dom-talen must not, or the English build (beside the Dutch one) restores the last site's 404."""
    for name in ("een", "twee"):
        project = tmp_path / name
        write(project, {
            "mkdocs.yml": CONFIG.replace("/sub/", f"/{name}/"),
            "docs/index.md": "# Welkom\n", "docs/index.en.md": "# Welcome\n",
            "docs/nieuw.md": "# Nieuw\n", "docs/nieuw.en.md": "# New\n",
        })
        build_project(project)
        for path in (project / "site" / "404.html", project / "site" / "en" / "404.html"):
            links = {a["hreflang"]: a["href"] for a in page(path).select("a[hreflang]")}
            assert links == {"nl": f"/{name}/", "en": f"/{name}/en/"}, path
