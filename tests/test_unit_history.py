"""A unit's history: its text per release from git, the word-level comparison, and the page that shows them."""
from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT

from dom_site import citation_registry as reg
from dom_site import citations
from dom_site import unit_history as uh
from dom_site import word_diff as wd
from dom_site.editions import Edition
from dom_site.source import english_path

REGISTRY = reg.load_registry(ROOT / "registry" / "ids.yml")


def blocks(*texts: str) -> list[wd.Block]:
    return [wd.Block("heading", texts[0]), *(wd.Block("paragraph", t) for t in texts[1:])]


def test_compare_marks_deleted_and_inserted_words() -> None:
    old = blocks("Titel", "Het hele traject kan beter.")
    new = blocks("Titel", "Het hele traject moet beter.")
    diff = wd.compare(old, new)
    assert [(p.op, p.text) for p in diff[1].pieces] == [
        ("equal", "Het hele traject"), ("delete", "kan"), ("insert", "moet"), ("equal", "beter.")]
    assert wd.changed_words(diff) == (1, 1)
    out = wd.diff_html(diff, "nl")
    assert '<del><span class="visually-hidden">verwijderd: </span>kan</del>' in out
    assert '<ins><span class="visually-hidden">toegevoegd: </span>moet</ins>' in out
    assert "<span class=\"visually-hidden\">inserted: </span>moet" in wd.diff_html(diff, "en")


def test_compare_keeps_the_newer_blocks_and_finds_moved_words() -> None:
    old = blocks("Titel", "Een twee drie vier")
    new = blocks("Titel", "Een twee", "drie vier vijf")
    diff = wd.compare(old, new)
    assert [b.kind for b in diff] == ["heading", "paragraph", "paragraph"]
    assert wd.changed_words(diff) == (0, 1)
    assert not wd.same_words(old, new) and wd.same_words(old, [wd.Block("heading", "Titel"),
                                                                 wd.Block("paragraph", "Een  twee drie\nvier")])


def test_unit_markdown_is_the_registry_s_unit_text() -> None:
    """The history reads a unit exactly as `dom-site release` fingerprints it."""
    docs = ROOT / "docs"
    for unit in reg.headings(docs):
        if reg.WELL_FORMED.match(unit.anchor):
            text = (docs / unit.path).read_text("utf-8")
            assert uh.unit_markdown(text, unit.anchor) == reg.unit_text(docs, unit), unit


@pytest.mark.parametrize("release", REGISTRY.releases, ids=lambda r: str(r["version"]))
def test_release_texts_from_git_match_the_registry_checksums(release: dict[str, Any]) -> None:
    """The text shown for a release is the text the release recorded: same checksum as in the registry."""
    source = uh.ReleaseSource(ROOT)
    version = str(release["version"])
    checked = 0
    for anchor, entry in REGISTRY.ids.items():
        expected = (entry.get("checksums") or {}).get(version)
        if not expected:
            continue
        text = source.file(str(release["commit"]), "docs/" + str(entry["page"]))
        assert text is not None, "the release's commit is not in this clone (git fetch --unshallow)"
        unit = uh.unit_markdown(text, anchor)
        assert unit is not None and reg.checksum(unit) == expected, anchor
        checked += 1
    assert checked


def test_every_git_call_has_a_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[dict[str, Any]] = []

    def fake_run(*args: Any, **kwargs: Any) -> subprocess.CompletedProcess[str]:
        seen.append(kwargs)
        raise uh.StepFailed("git show: stopped after 3 s")

    monkeypatch.setattr(uh, "run", fake_run)
    source = uh.ReleaseSource(ROOT, timeout=3)
    source.prefetch([("abd", "docs/reactie/index.md")])
    assert source.file("abd", "docs/reactie/index.md") is None
    assert source.file("abc", "docs/reactie/index.md") is None  # a hanging git does not hang the build
    assert source.registry_ids("abc") == {}
    assert seen and all(kwargs.get("timeout") == 3 for kwargs in seen)


def test_outside_a_git_repository_the_text_is_unknown(tmp_path: Path) -> None:
    assert uh.ReleaseSource(tmp_path).file(str(REGISTRY.releases[0]["commit"]), "docs/reactie/index.md") is None


class FakeSource(uh.ReleaseSource):
    def __init__(self, files: dict[tuple[str, str], str]) -> None:
        super().__init__(Path("."))
        self.files = files

    def file(self, commit: str, path: str) -> str | None:
        return self.files.get((commit, path))


REG = """\
documents:
  r: {nl: Reactie, en: Response}
releases:
  - {version: "1.0", date: 2026-11-28, commit: c1}
ids:
  r-1: {page: reactie/index.md, status: active, since: "1.0", checksums: {"1.0": "aaaaaaaaaaaa"}}
  r-2: {page: reactie/index.md, status: retired, since: "1.0", replaced_by: r-1, checksums: {"1.0": "bbbbbbbbbbbb"}}
  r-3: {page: reactie/index.md, status: active, since: "1.1"}
"""
THEN = "# R\n\n## Eerste {#r-1}\n\nHet traject kan beter.\n\n## Tweede {#r-2}\n\nWeg.\n"
NOW = "# R\n\n## Eerste {#r-1}\n\nHet traject moet beter.\n\n## Derde {#r-3}\n\n- Nieuw punt\n"


@pytest.fixture()
def small(tmp_path: Path) -> tuple[reg.Registry, dict[str, uh.History]]:
    (tmp_path / "ids.yml").write_text(REG, "utf-8")
    registry = reg.load_registry(tmp_path / "ids.yml")
    docs = tmp_path / "docs" / "reactie"
    docs.mkdir(parents=True)
    (docs / "index.md").write_text(NOW, "utf-8")
    source = FakeSource({("c1", "docs/reactie/index.md"): THEN})
    return registry, uh.histories(registry, tmp_path / "docs", "nl", source, uh.TextRenderer())


def page(history: uh.History, registry: reg.Registry) -> BeautifulSoup:
    shell = uh.Shell("Site", "https://voorbeeld.test/dom/", ("assets/stylesheets/main.x.min.css",))
    return BeautifulSoup(uh.history_page(history, "Reactie", registry.ids, shell), "html.parser")


def test_history_of_a_changed_unit(small: tuple[reg.Registry, dict[str, uh.History]]) -> None:
    registry, found = small
    history = found["r-1"]
    assert [r.version for r in history.releases] == ["1.0"]
    assert history.releases[0].date == date(2026, 11, 28)
    html = page(history, registry)
    assert html.find("html")["lang"] == "nl"
    assert html.find("h1").get_text() == "Geschiedenis van R-1"
    assert html.find(id="nu") and html.find(id="versie-1-0") and html.find(id="verschil-1-0")
    assert html.select_one(".history-diff del").get_text() == "verwijderd: kan"
    assert html.select_one(".history-diff ins").get_text() == "toegevoegd: moet"
    assert "1 woord verwijderd, 1 woord toegevoegd." in html.select_one(".history-legend").get_text()
    assert html.find("a", href="../../../versies/1.0/reactie/#r-1")
    assert {link["hreflang"] for link in html.find_all("link", hreflang=True)} == {"nl", "en"}


def test_history_of_a_retired_unit_names_its_replacement(small: tuple[reg.Registry, dict[str, uh.History]]) -> None:
    registry, found = small
    html = page(found["r-2"], registry)
    retired = html.select_one(".history-retired")
    assert "R-2 is ingetrokken. Het is vervangen door R-1." in retired.get_text()
    assert retired.find("a", href="../../r-1/geschiedenis/")
    assert html.select_one(".history-text").get_text(" ").split() == ["Tweede", "Weg."]  # its text in 1.0
    assert html.find(id="nu") is None


def test_history_of_a_unit_not_released_yet(small: tuple[reg.Registry, dict[str, uh.History]]) -> None:
    registry, found = small
    html = page(found["r-3"], registry)
    assert "R-3 staat nog in geen enkele vastgestelde versie. Het komt in versie 1.1." in html.get_text()
    assert html.select_one("#nu + .history-text li").get_text() == "Nieuw punt"


def test_a_release_without_readable_text_says_so(tmp_path: Path) -> None:
    (tmp_path / "ids.yml").write_text(REG, "utf-8")
    registry = reg.load_registry(tmp_path / "ids.yml")
    (tmp_path / "docs" / "reactie").mkdir(parents=True)
    (tmp_path / "docs" / "reactie" / "index.md").write_text(NOW, "utf-8")
    found = uh.histories(registry, tmp_path / "docs", "en", FakeSource({}), uh.TextRenderer())
    assert [r.blocks for r in found["r-1"].releases] == [None]
    assert "could not be read" in page(found["r-1"], registry).get_text()


def test_cite_bar_links_history_and_downloads_and_a_frozen_edition_links_the_live_history(tmp_path: Path) -> None:
    (tmp_path / "ids.yml").write_text(REG, "utf-8")
    registry = reg.load_registry(tmp_path / "ids.yml")
    heading = '<h2 id="r-1">Eerste<a class="headerlink" href="#r-1">¶</a></h2>'
    out = BeautifulSoup(citations.render(heading, "en", registry, "https://voorbeeld.test/dom/", "en/reactie/"),
                        "html.parser")
    links = {a.get_text(): a for a in out.select(".cite-bar a")}
    assert links["History"]["href"] == "../../en/c/r-1/geschiedenis/"
    assert links["History"]["aria-label"] == "History of R-1"
    assert links["BibTeX"]["href"] == "../../en/c/r-1/citeer.bib" and links["BibTeX"]["download"] == "dom-r-1.bib"
    assert links["RIS"]["aria-label"] == "RIS file of R-1" and links["CSL-JSON"]["href"].endswith("citeer.json")
    edition = Edition("1.0", date(2026, 11, 28), "https://voorbeeld.test/dom/")
    frozen = BeautifulSoup(citations.render(heading, "nl", registry, "https://voorbeeld.test/dom/versies/1.0/",
                                            "reactie/", edition), "html.parser")
    assert frozen.find("a", class_="cite-history")["href"] == "https://voorbeeld.test/dom/c/r-1/geschiedenis/"
    assert '<a href="geschiedenis/">Geschiedenis van R-3</a>' in citations.retired_page("nl", "r-3", None, None, "x.css")


def test_markdown_becomes_plain_text_blocks() -> None:
    found = uh.TextRenderer().blocks("## Kop {#d-1}\n\nUit de fase [Organiseren](x.md).[^bron] En *nadruk*.\n\n"
                                     "1. een\n2. twee\n    - diep\n")
    assert [(b.kind, b.text) for b in found] == [
        ("heading", "Kop"), ("paragraph", "Uit de fase Organiseren. En nadruk."),
        ("number", "een"), ("number", "twee"), ("item", "diep")]
    assert wd.blocks_html(found).count("<ol>") == 1 and "<ul>\n<li>diep</li>\n</ul>" in wd.blocks_html(found)


FOOTNOTES_PAGE = ("## Kop {#d-1}\n\nFeit.[^s1] Zie `[^s2]` en:\n\n```\n[^s3]: in code\n```\n\n"
                  "[^s1]: Bron, titel, 2024: <https://example.org/2024/bron>.\n    Nog een regel van de bron.\n")


@pytest.mark.parametrize("extensions", [
    pytest.param(("attr_list", "def_list", "md_in_html", "tables", "fenced_code"), id="without-footnotes"),
    pytest.param(("abbr", "attr_list", "def_list", "footnotes", "md_in_html", "tables", "pymdownx.superfences"),
                 id="the-site-s"),
])
def test_a_unit_s_text_has_no_footnotes_but_keeps_its_code(extensions: tuple[str, ...]) -> None:
    """Footnotes as the source model recognises them: a page that wrote its own footnote text (an
    older release) does not give that text to its last unit; a `[^s2]` in code is the text itself."""
    units = uh.TextRenderer(extensions).page_units(FOOTNOTES_PAGE)
    assert [(b.kind, b.text) for b in units["d-1"]] == [
        ("heading", "Kop"), ("paragraph", "Feit. Zie [^s2] en:"), ("paragraph", "[^s3]: in code")]


def test_one_git_process_reads_what_git_show_reads() -> None:
    commit = str(REGISTRY.releases[0]["commit"])
    paths = ["registry/ids.yml", "docs/reactie/index.md", "docs/reactie/index.en.md", "docs/bestaat-niet.md"]
    batch = uh.ReleaseSource(ROOT)
    batch.prefetch([(commit, path) for path in paths])
    one_by_one = uh.ReleaseSource(ROOT)
    assert [batch._files[commit, path] for path in paths] == [one_by_one._show(commit, path) for path in paths]
    assert batch._files[commit, "docs/bestaat-niet.md"] is None and batch._files[commit, "registry/ids.yml"]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_page_rendered_once_gives_each_unit_the_text_of_the_unit_rendered_alone(lang: str) -> None:
    """The history renders a page once and splits it; that is the unit's own Markdown, rendered on its own."""
    renderer = uh.TextRenderer()
    docs = ROOT / "docs"
    for path in sorted({str(e["page"]) for e in REGISTRY.ids.values() if e.get("status") == "active"}):
        text = (docs / (path if lang == "nl" else english_path(path))).read_text("utf-8")
        units = renderer.page_units(text)
        for anchor, entry in REGISTRY.ids.items():
            if entry.get("page") == path and entry.get("status") == "active":
                alone = uh.unit_markdown(text, anchor)
                assert alone is not None and units[anchor] == uh.TextRenderer().blocks(alone), (path, anchor)


def test_the_built_page_s_footnotes_and_permalinks_are_no_part_of_a_unit() -> None:
    page = ('<h1 id="top">Titel</h1><h2 id="r-1">Een<a class="headerlink" href="#r-1">¶</a></h2>'
            '<p>Feit.<sup id="fnref:bron"><a class="footnote-ref" href="#fn:bron">1</a></sup> <!-- x --></p>'
            '<h3 id="r-2">Twee</h3><ol><li>a<ul><li>b</li></ul></li></ol><h2 id="r-3">Drie</h2><p>c</p>'
            '<div class="footnote"><hr /><ol><li id="fn:bron"><p>Bron.</p></li></ol></div>')
    units = uh.unit_blocks(page)
    assert [(b.kind, b.text) for b in units["r-1"]] == [("heading", "Een"), ("paragraph", "Feit. x"),
                                                        ("heading", "Twee"), ("number", "a"), ("item", "b")]
    assert [b.text for b in units["r-2"]] == ["Twee", "a", "b"]
    assert [b.text for b in units["r-3"]] == ["Drie", "c"]


def test_the_built_page_serves_a_unit_s_text_only_when_nothing_was_written_into_it() -> None:
    source = "# T\n\n## Een {#r-1}\n\nFeit.[^bron]\n"
    notes = "\n\n[^bron]: Bron, 2026.\n"
    assert uh.same_unit_texts(source, source.rstrip() + notes)
    assert uh.same_unit_texts(source, source + "\n## Alle bronnen {#bronnen}\n\n- Een bron\n" + notes)
    # A heading as Python-Markdown (and every rule, dom_site.source.HEADING) reads one: no space needed.
    assert uh.same_unit_texts(source, source + "\n##Alle bronnen\n\n- Een bron\n")
    assert not uh.same_unit_texts(source, source + "\n#### Lijst\n\n- in r-1\n")
    assert not uh.same_unit_texts(source, source + "\nMeer tekst in r-1.\n")
    assert not uh.same_unit_texts(source, source + "\n### Lijst {#lijst}\n\n- in r-1\n")
    assert not uh.same_unit_texts(source, source.replace("Feit.", "Feit met een diagram."))
