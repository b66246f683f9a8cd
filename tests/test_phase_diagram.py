"""The phase diagram hook: one definition, an accessible inline SVG in each language."""
from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import phase_diagram
import pytest
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parent.parent


def test_chapter_title_drops_the_attribute_list() -> None:
    assert phase_diagram.chapter_title("Intro\n# Plan en vergunning {#top}\n\nTekst", "x.md") == "Plan en vergunning"


def test_a_chapter_without_title_is_a_clear_error() -> None:
    with pytest.raises(phase_diagram.DiagramError, match=r"^docs/draaiboek/beheer.md:1: dit hoofdstuk heeft geen titel"):
        phase_diagram.chapter_title("Geen kop hier.\n", "docs/draaiboek/beheer.md")


def test_long_titles_wrap_at_spaces() -> None:
    assert phase_diagram.wrap("Idee en woonbehoefte") == ["Idee en woonbehoefte"]
    lines = phase_diagram.wrap("Een heel lange titel die niet op één regel past", 20)
    assert all(len(line) <= 20 for line in lines) and " ".join(lines) == "Een heel lange titel die niet op één regel past"


def test_svg_is_accessible_and_self_contained() -> None:
    phases = [phase_diagram.Phase(1, "Idee & plan", "idee/"), phase_diagram.Phase(2, "Beheer", "beheer/")]
    figure = phase_diagram.svg(phases, "De fasen")
    assert "\n\n" not in figure  # a blank line would end the raw HTML block in Markdown
    soup = BeautifulSoup(figure, "html.parser")
    svg = soup.find("svg")
    assert svg["role"] == "group" and svg["aria-labelledby"] == "fasendiagram-titel"
    assert soup.find("title", id="fasendiagram-titel").get_text() == "De fasen"
    assert soup.find("figcaption").get_text() == "De fasen"
    assert re.fullmatch(r"0 0 \d+ \d+", svg["viewbox"])
    assert [a["href"] for a in soup.find_all("a")] == ["idee/", "beheer/"]
    assert [a.get_text("", strip=True) for a in soup.find_all("a")] == ["1Idee & plan", "2Beheer"]
    assert "Idee &amp; plan" in figure
    for forbidden in ("<script", "<style", "style=", " on", "http://", "https://"):
        assert forbidden not in figure.replace('xmlns="http://www.w3.org/2000/svg"', ""), forbidden


def make_project(tmp_path: Path, language: str) -> tuple[SimpleNamespace, SimpleNamespace, Files]:
    docs = tmp_path / "docs"
    (docs / "draaiboek").mkdir(parents=True)
    files = []
    for slug in phase_diagram.CHAPTERS:
        (docs / "draaiboek" / f"{slug}.md").write_text(f"# NL {slug}\n", encoding="utf-8")
        (docs / "draaiboek" / f"{slug}.en.md").write_text(f"# EN {slug}\n", encoding="utf-8")
        files.append(File(f"draaiboek/{slug}.md", str(docs), str(tmp_path / "site"), use_directory_urls=True))
    index = File("draaiboek/index.md", str(docs), str(tmp_path / "site"), use_directory_urls=True)
    (docs / "draaiboek" / "index.md").write_text("# Draaiboek\n\n<!-- fasendiagram: De fasen -->\n", encoding="utf-8")
    index.locale = language
    config = SimpleNamespace(docs_dir=str(docs), theme={"language": language})
    return config, SimpleNamespace(file=index), Files([index, *files])


@pytest.mark.parametrize(("language", "prefix"), [("nl", "NL"), ("en", "EN")])
def test_the_marker_becomes_a_diagram_of_the_chapters_in_the_page_language(
    tmp_path: Path, language: str, prefix: str
) -> None:
    config, page, files = make_project(tmp_path, language)
    out = phase_diagram.on_page_markdown("# Draaiboek\n\n<!-- fasendiagram: De fasen -->\n", page, config, files)
    soup = BeautifulSoup(out, "html.parser")
    links = soup.find_all("a")
    assert [a["href"] for a in links] == [f"{slug}/" for slug in phase_diagram.CHAPTERS]
    assert all(prefix in a.get_text() for a in links)
    assert "fasendiagram:" not in out


def test_a_page_without_the_marker_is_untouched(tmp_path: Path) -> None:
    config, page, files = make_project(tmp_path, "nl")
    assert phase_diagram.on_page_markdown("# Iets anders\n", page, config, files) == "# Iets anders\n"


def test_an_empty_caption_stops_the_build_with_its_location(tmp_path: Path) -> None:
    config, page, files = make_project(tmp_path, "nl")
    (Path(config.docs_dir) / "draaiboek" / "index.md").write_text("# D\n\nTekst\n<!-- fasendiagram: -->\n", encoding="utf-8")
    with pytest.raises(PluginError, match=r"^docs/draaiboek/index.md:4: het fasendiagram heeft geen onderschrift"):
        phase_diagram.on_page_markdown("# D\n\nTekst\n<!-- fasendiagram: -->\n", page, config, files)


def test_a_missing_chapter_stops_the_build(tmp_path: Path) -> None:
    config, page, files = make_project(tmp_path, "nl")
    (Path(config.docs_dir) / "draaiboek" / "beheer.md").unlink()
    with pytest.raises(PluginError, match=r"het fasendiagram mist het hoofdstuk draaiboek/beheer.md"):
        phase_diagram.on_page_markdown("<!-- fasendiagram: De fasen -->", page, config, files)


def test_every_chapter_in_the_definition_exists_in_both_languages() -> None:
    for slug in phase_diagram.CHAPTERS:
        for suffix in (".md", ".en.md"):
            assert (ROOT / "docs" / "draaiboek" / f"{slug}{suffix}").is_file(), f"{slug}{suffix}"


@pytest.mark.parametrize(("path", "first"), [
    ("draaiboek/index.html", "Idee en woonbehoefte"),
    ("en/draaiboek/index.html", "Idea and housing need"),
])
def test_the_built_overview_has_the_diagram_linking_every_chapter(site_dir: Path, path: str, first: str) -> None:
    page = site_dir / path
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    figure = soup.select_one("article figure.fasendiagram")
    assert figure is not None
    links = figure.select("svg a")
    assert len(links) == len(phase_diagram.CHAPTERS)
    assert links[0].get_text(" ", strip=True).endswith(first)
    for link in links:
        target = (page.parent / link["href"] / "index.html").resolve()
        assert target.is_file(), link["href"]
        assert target.parent.parent == page.parent  # stays in this language's draaiboek
