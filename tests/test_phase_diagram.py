"""The phase diagram (dom-fasen): the phases from the nav, an accessible inline SVG in each language."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page

from dom_site import phase_diagram
from dom_site.plugins.phases import PhasesPlugin

ROOT = Path(__file__).resolve().parent.parent
CHAPTERS = ("idee", "organiseren", "beheer")
SKIP = ["draaiboek/begrippen.md"]


def phases_in_nav() -> list[str]:
    """The phases as mkdocs.yml lists them: the draaiboek's section, less its overview and dom-fasen's skip."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    skip = config.plugins["dom-fasen"].config.skip
    [section] = [entry["Draaiboek"] for entry in config.nav if isinstance(entry, dict) and "Draaiboek" in entry]
    return [path for path in section if path != "draaiboek/index.md" and path not in skip]


def test_chapter_title_drops_the_attribute_list() -> None:
    assert phase_diagram.chapter_title("Intro\n# Plan en vergunning {#top}\n\nTekst", "x.md") == "Plan en vergunning"


def test_chapter_title_is_the_first_heading_the_source_model_sees() -> None:
    # Not a YAML comment in the front matter, not a line of a code block; closing #s are no part of it.
    text = "---\n# een opmerking\ntitle: x\n---\n\n```bash\n# installeer\n```\n\n# Organiseren #\n"
    assert phase_diagram.chapter_title(text, "x.md") == "Organiseren"


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


def make_project(tmp_path: Path, language: str) -> Page:
    """The draaiboek's section as a language build's nav has it: the overview, the chapters, the glossary."""
    docs = tmp_path / "docs"
    (docs / "draaiboek").mkdir(parents=True)
    suffix = ".md" if language == "nl" else f".{language}.md"
    config = {"site_url": None, "repo_url": None, "edit_uri": None, "edit_uri_template": None}

    def page(name: str, text: str) -> Page:
        (docs / "draaiboek" / f"{name}{suffix}").write_text(text, encoding="utf-8")
        made = File(f"draaiboek/{name}{suffix}", str(docs), str(tmp_path / "site"), use_directory_urls=True)
        # static-i18n gives an English page the Dutch page's address (then under en/, like all of them).
        made.dest_uri = File(f"draaiboek/{name}.md", str(docs), str(tmp_path / "site"), use_directory_urls=True).dest_uri
        made.locale = language
        return Page(None, made, config)  # type: ignore[arg-type]

    index = page("index", "# Draaiboek\n\n<!-- fasendiagram: De fasen -->\n")
    children = [index, *(page(slug, f"# {language.upper()} {slug}\n") for slug in CHAPTERS),
                page("begrippen", "# Begrippen\n")]
    section = Section("Draaiboek", children)  # type: ignore[arg-type]
    for child in children:
        child.parent = section
    return index


def render(markdown: str, page: Page, skip: list[str] = SKIP, in_menu: bool = True) -> str:
    plugin = PhasesPlugin()
    assert plugin.load_config({"skip": skip}) == ([], [])
    pages = [item for item in (page.parent.children if page.parent else [page]) if isinstance(item, Page)]
    nav = Navigation([page.parent or page] if in_menu else [], pages if in_menu else [])
    plugin.on_nav(nav, config=None, files=None)  # type: ignore[arg-type]
    return plugin.on_page_markdown(markdown, page=page, config=None, files=None)  # type: ignore[arg-type]


@pytest.mark.parametrize(("language", "prefix"), [("nl", "NL"), ("en", "EN")])
def test_the_marker_becomes_a_diagram_of_the_sections_pages_in_the_page_language(
    tmp_path: Path, language: str, prefix: str
) -> None:
    page = make_project(tmp_path, language)
    out = render("# Draaiboek\n\n<!-- fasendiagram: De fasen -->\n", page)
    soup = BeautifulSoup(out, "html.parser")
    links = soup.find_all("a")
    assert [a["href"] for a in links] == [f"{slug}/" for slug in CHAPTERS]
    assert [a.get_text() for a in links] == [f"{n}{prefix} {slug}" for n, slug in enumerate(CHAPTERS, 1)]
    assert "fasendiagram:" not in out


def test_a_page_the_setting_does_not_skip_is_a_phase(tmp_path: Path) -> None:
    page = make_project(tmp_path, "nl")
    links = BeautifulSoup(render("<!-- fasendiagram: De fasen -->", page, skip=[]), "html.parser").find_all("a")
    assert [a["href"] for a in links] == [f"{slug}/" for slug in (*CHAPTERS, "begrippen")]


def test_a_page_without_the_marker_is_untouched(tmp_path: Path) -> None:
    page = make_project(tmp_path, "nl")
    assert render("# Iets anders\n", page) == "# Iets anders\n"


def test_an_empty_caption_stops_the_build_with_its_location(tmp_path: Path) -> None:
    page = make_project(tmp_path, "nl")
    Path(page.file.abs_src_path).write_text("# D\n\nTekst\n<!-- fasendiagram: -->\n", encoding="utf-8")
    with pytest.raises(PluginError, match=r"^docs/draaiboek/index.md:4: het fasendiagram heeft geen onderschrift"):
        render("# D\n\nTekst\n<!-- fasendiagram: -->\n", page)


def test_a_chapter_in_the_section_that_is_no_page_stops_the_build(tmp_path: Path) -> None:
    page = make_project(tmp_path, "nl")
    page.parent.children.insert(2, Link("Beheer", "https://example.invalid/beheer"))
    with pytest.raises(PluginError, match=r"het fasendiagram mist het hoofdstuk https://example.invalid/beheer"):
        render("<!-- fasendiagram: De fasen -->", page)


def test_a_menu_entry_whose_page_is_missing_is_the_menus_message_not_also_the_diagrams(tmp_path: Path) -> None:
    """MkDocs makes it a Link and warns, and the build's menu message says it with the page it likely
    means (dom_site.build_log); the diagram said it again, with 'create that file' (a helper's probe)."""
    page = make_project(tmp_path, "nl")
    page.parent.children.insert(2, Link("Beheer", "draaiboek/weg.md"))
    links = BeautifulSoup(render("<!-- fasendiagram: De fasen -->", page), "html.parser").find_all("a")
    assert [a["href"] for a in links] == [f"{slug}/" for slug in CHAPTERS]


def test_a_page_the_menu_lacks_is_the_menus_message_not_also_the_diagrams(tmp_path: Path) -> None:
    """A group's title without its colon leaves its pages out of the menu: MkDocs warns, and one
    message says the colon (dom_site.build_log); the diagram is not drawn and says nothing."""
    page = make_project(tmp_path, "nl")
    page.parent = None
    assert render("<!-- fasendiagram: De fasen -->", page, in_menu=False) == "<!-- fasendiagram: De fasen -->"


def test_a_page_outside_any_section_is_a_clear_error(tmp_path: Path) -> None:
    page = make_project(tmp_path, "nl")
    page.parent = None
    with pytest.raises(PluginError, match=r"^docs/draaiboek/index.md:3: het fasendiagram staat op een pagina"):
        render("# Draaiboek\n\n<!-- fasendiagram: De fasen -->\n", page)


def test_every_phase_in_the_nav_exists_in_both_languages() -> None:
    phases = phases_in_nav()
    assert len(phases) == 7
    for path in phases:
        for name in (path, path.removesuffix(".md") + ".en.md"):
            assert (ROOT / "docs" / name).is_file(), name


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
    assert [link["href"].rstrip("/") for link in links] == [
        path.removeprefix("draaiboek/").removesuffix(".md") for path in phases_in_nav()]
    assert links[0].get_text(" ", strip=True).endswith(first)
    for link in links:
        target = (page.parent / link["href"] / "index.html").resolve()
        assert target.is_file(), link["href"]
        assert target.parent.parent == page.parent  # stays in this language's draaiboek
