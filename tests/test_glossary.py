"""The glossary (dom-begrippen): one file per language, hover definitions everywhere, a list on the glossary page."""
from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError

from dom_site import glossary
from dom_site.plugins.glossary import GlossaryPlugin

ROOT = Path(__file__).resolve().parent.parent


def fake_config(root: Path, language: str = "nl") -> SimpleNamespace:
    """Just what the plugin reads from MkDocsConfig."""
    return SimpleNamespace(config_file_path=str(root / "mkdocs.yml"), theme={"language": language}, mdx_configs={})


def fake_page(locale: str | None = None, meta: dict | None = None) -> SimpleNamespace:
    return SimpleNamespace(file=SimpleNamespace(locale=locale), meta=meta or {})


@pytest.fixture
def project(tmp_path: Path) -> Path:
    includes = tmp_path / "includes"
    includes.mkdir()
    (includes / "begrippen.md").write_text(
        "<!-- uitleg voor redacteuren -->\n"
        "*[CPO]: Collectief particulier opdrachtgeverschap.\n"
        "\n"
        "*[omgevingsvergunning]: De vergunning om te bouwen.\n"
        "*[Ändern]: Test voor accenten.\n",
        encoding="utf-8",
    )
    (includes / "begrippen.en.md").write_text("*[CPO]: Collective private commissioning.\n", encoding="utf-8")
    return tmp_path


def plugin(options: dict | None = None) -> GlossaryPlugin:
    """The plugin as mkdocs.yml configures it (the default file: includes/begrippen.md)."""
    made = GlossaryPlugin()
    errors, _ = made.load_config(options or {})
    assert errors == []
    return made


def apply(markdown: str, page: SimpleNamespace, config: SimpleNamespace, used: GlossaryPlugin | None = None) -> str:
    return (used or plugin()).on_page_markdown(markdown, page=page, config=config, files=None)  # type: ignore[arg-type]


def hover(page: SimpleNamespace, config: SimpleNamespace, used: GlossaryPlugin | None = None) -> dict[str, str]:
    """The definitions the page is rendered with: the glossary the plugin gives `abbr` for it."""
    assert apply("Tekst over CPO.", page, config, used) == "Tekst over CPO."  # the text itself stays as written
    found: dict[str, str] = config.mdx_configs["abbr"]["glossary"]
    return found


def load(root: Path, language: str) -> list[glossary.Term]:
    return glossary.load(glossary.glossary_file(root / "includes" / "begrippen.md", language), root)


# --- parsing ------------------------------------------------------------------

def test_parse_reads_terms_with_their_lines() -> None:
    terms = glossary.parse("*[CPO]: Samen bouwen.\n\n*[DOM]: Dorpenoverleg.\n", "includes/begrippen.md")
    assert [(t.term, t.definition, t.line) for t in terms] == [
        ("CPO", "Samen bouwen.", 1),
        ("DOM", "Dorpenoverleg.", 3),
    ]


def test_parse_allows_one_line_comments() -> None:
    assert glossary.parse("<!-- note -->\n*[CPO]: x\n", "f.md")[0].line == 2


@pytest.mark.parametrize(
    ("text", "line", "dutch", "english"),
    [
        ("*[CPO]: ok\nCPO: geen sterretje\n", 2, "deze regel is geen begrip", "this line is not a term"),
        ("*[CPO]:\n", 1, "heeft geen uitleg", "has no definition"),
        ("*[ CPO]: x\n", 1, "begint of eindigt met een spatie", "starts or ends with a space"),
        ("*[CPO]: a\n*[DOM]: b\n*[CPO]: c\n", 3, "staat er twee keer in (ook op regel 1)", "is defined twice (also on line 1)"),
    ],
)
def test_a_malformed_line_names_file_and_line(text: str, line: int, dutch: str, english: str) -> None:
    with pytest.raises(glossary.GlossaryError) as caught:
        glossary.parse(text, "includes/begrippen.md")
    message = str(caught.value)
    assert message.startswith(f"includes/begrippen.md:{line}: ")
    assert dutch in message
    assert "(English: " in message and english in message


def test_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "includes").mkdir()
    with pytest.raises(glossary.GlossaryError, match=r"^includes/begrippen.md:1: het bestand met begrippen ontbreekt"):
        load(tmp_path, "nl")


# --- rendering ----------------------------------------------------------------

def test_definition_list_is_sorted_ignoring_case_and_accents() -> None:
    terms = glossary.parse("*[wooncoöperatie]: b\n*[Woningwet]: a\n*[CPO]: c\n*[woonvisie]: d\n", "f.md")
    rendered = glossary.definition_list(terms)
    assert [line for line in rendered.splitlines() if line and not line.startswith(":")] == [
        "**CPO**", "**Woningwet**", "**wooncoöperatie**", "**woonvisie**",
    ]
    assert ":   c" in rendered


def test_lowercase_terms_also_match_at_the_start_of_a_sentence() -> None:
    found = glossary.hover_definitions(glossary.parse("*[omgevingsplan]: x\n*[CPO]: y\n", "f.md"))
    assert list(found.items()) == [("omgevingsplan", "x"), ("Omgevingsplan", "x"), ("CPO", "y")]


def test_the_glossary_page_lists_every_term_and_gets_no_hover_definitions(project: Path) -> None:
    config = fake_config(project)
    listing = apply(f"# Begrippen\n\n{glossary.MARKER}\n", fake_page("nl"), config)
    assert "**CPO**\n:   Collectief particulier opdrachtgeverschap." in listing and glossary.MARKER not in listing
    assert config.mdx_configs["abbr"]["glossary"] == {}
    assert hover(fake_page("nl"), config)["CPO"] == "Collectief particulier opdrachtgeverschap."  # the next page


def test_the_site_must_have_the_abbr_extension(project: Path) -> None:
    (project / "mkdocs.yml").write_text("site_name: t\n\nmarkdown_extensions:\n  - toc\n  - footnotes\n", "utf-8")
    config = SimpleNamespace(markdown_extensions=["toc", "footnotes"], config_file_path=str(project / "mkdocs.yml"))
    with pytest.raises(PluginError, match=r"^mkdocs.yml:3: dom-begrippen: 'abbr' staat niet onder markdown_extensions "
                                          r"— zet '- abbr' onder markdown_extensions"):
        plugin().on_config(config)  # type: ignore[arg-type]
    config.markdown_extensions.append("abbr")
    assert plugin().on_config(config) is config  # type: ignore[arg-type]


def test_headings_lose_their_hover_definitions_but_text_keeps_them() -> None:
    html = '<h2 id="d-1">Over <abbr title="x">CPO</abbr></h2><p>Over <abbr title="x">CPO</abbr>.</p>'
    assert glossary.unwrap_headings(html) == '<h2 id="d-1">Over CPO</h2><p>Over <abbr title="x">CPO</abbr>.</p>'


def test_verbatim_text_stays_free_of_added_markup() -> None:
    html = (
        '<p><abbr title="x">DOM</abbr></p>'
        '<div class="admonition verbatim"><p>(<abbr title="x">DOM</abbr>)</p><div><p><abbr title="x">CPO</abbr></p></div>'
        '<p>Einde <abbr title="x">DOM</abbr></p></div>'
        '<p>Na <abbr title="x">DOM</abbr></p>'
    )
    assert glossary.unwrap_verbatim(html) == (
        '<p><abbr title="x">DOM</abbr></p>'
        '<div class="admonition verbatim"><p>(DOM)</p><div><p>CPO</p></div><p>Einde DOM</p></div>'
        '<p>Na <abbr title="x">DOM</abbr></p>'
    )


# --- language selection ---------------------------------------------------------

def test_the_page_language_picks_the_file(project: Path) -> None:
    config = fake_config(project, "en")
    assert hover(fake_page("nl"), config)["CPO"] == "Collectief particulier opdrachtgeverschap."
    english = hover(fake_page("en"), config)
    assert english == {"CPO": "Collective private commissioning."}


def test_without_a_page_locale_the_theme_language_decides(project: Path) -> None:
    assert hover(fake_page(None), fake_config(project, "en"))["CPO"] == "Collective private commissioning."


def test_a_language_without_its_own_file_falls_back_to_dutch(project: Path) -> None:
    assert hover(fake_page("de"), fake_config(project, "de"))["CPO"] == "Collectief particulier opdrachtgeverschap."


def test_a_page_can_opt_out(project: Path) -> None:
    config = fake_config(project)
    assert hover(fake_page("nl"), config)  # the page before it has its definitions
    assert hover(fake_page("nl", {"glossary": False}), config) == {}


def test_a_broken_file_stops_the_build_with_its_location(project: Path) -> None:
    (project / "includes" / "begrippen.en.md").write_text("*[CPO]: ok\noops\n", encoding="utf-8")
    with pytest.raises(PluginError, match=r"^includes/begrippen.en.md:2: deze regel is geen begrip"):
        apply("CPO", fake_page("en"), fake_config(project))


def test_the_file_is_a_setting_and_its_translation_sits_next_to_it(tmp_path: Path) -> None:
    (tmp_path / "woorden").mkdir()
    (tmp_path / "woorden" / "lijst.md").write_text("*[CPO]: Nederlands.\n", encoding="utf-8")
    (tmp_path / "woorden" / "lijst.en.md").write_text("*[CPO]: English.\n", encoding="utf-8")
    used = plugin({"file": "woorden/lijst.md"})
    assert hover(fake_page("nl"), fake_config(tmp_path), used) == {"CPO": "Nederlands."}
    assert hover(fake_page("en"), fake_config(tmp_path), used) == {"CPO": "English."}


def test_each_file_is_read_once_for_every_page_until_it_changes(project: Path) -> None:
    used, config = plugin(), fake_config(project)
    for _ in range(3):
        apply("CPO", fake_page("nl"), config, used)
    [dutch] = [once for path, once in used.terms.items() if path.name == "begrippen.md"]
    assert dutch.computed == 1
    (project / "includes" / "begrippen.md").write_text("*[CPO]: Nieuwe, langere uitleg.\n", encoding="utf-8")
    assert hover(fake_page("nl"), config, used)["CPO"] == "Nieuwe, langere uitleg."
    assert dutch.computed == 2


def test_the_real_glossary_files_parse_and_agree_on_shared_terms() -> None:
    dutch = {t.term for t in load(ROOT, "nl")}
    english = {t.term for t in load(ROOT, "en")}
    # Names and Dutch legal terms that English pages keep in Dutch are defined in both.
    for term in ("BOKD", "CPO", "CLT", "DOM", "LVKK", "Impulsteam Wonen", "Omgevingswet",
                 "omgevingsplan", "omgevingsvergunning", "Knelpuntenpot"):
        assert term in dutch and term in english, term
    assert "participatieverslag" in dutch and "woningbehoefteonderzoek" in dutch


# --- the built site ---------------------------------------------------------------

def test_hover_definitions_on_built_pages_in_both_languages(site_dir: Path) -> None:
    for path, term, words in [
        ("draaiboek/plan-en-vergunning/index.html", "participatieverslag", "Een verslag bij de aanvraag"),
        ("en/draaiboek/plan-en-vergunning/index.html", "participatieverslag", "The participation report"),
        ("en/draaiboek/organiseren/index.html", "CPO", "collective private commissioning"),
    ]:
        soup = BeautifulSoup((site_dir / path).read_text(encoding="utf-8"), "html.parser")
        found = [a for a in soup.select("article abbr") if a.get_text() == term]
        assert found, f"{path}: no hover definition for {term}"
        assert words in found[0]["title"], path
        assert not soup.select("article :is(h1, h2, h3, h4, h5, h6) abbr"), path


def test_glossary_pages_list_every_term_once(site_dir: Path) -> None:
    for path, lang in [("draaiboek/begrippen/index.html", "nl"), ("en/draaiboek/begrippen/index.html", "en")]:
        soup = BeautifulSoup((site_dir / path).read_text(encoding="utf-8"), "html.parser")
        shown = [dt.get_text() for dt in soup.select("article dl dt")]
        expected = [t.term for t in sorted(load(ROOT, lang), key=glossary.sort_key)]
        assert shown == expected, path
        assert glossary.MARKER not in str(soup)


def test_only_the_first_mention_of_a_term_keeps_its_hover_definition() -> None:
    html = '<p><abbr title="a">DOM</abbr> en <abbr title="b">CPO</abbr>; weer <abbr title="a">DOM</abbr>.</p>'
    assert glossary.first_mentions_only(html) == '<p><abbr title="a">DOM</abbr> en <abbr title="b">CPO</abbr>; weer DOM.</p>'


@pytest.mark.browser
@pytest.mark.parametrize(("path", "term", "words"), [
    ("draaiboek/plan-en-vergunning/", "participatieverslag", "Een verslag bij de aanvraag"),
    ("en/draaiboek/organiseren/", "CPO", "collective private commissioning"),
])
def test_hovering_a_term_shows_its_definition_in_the_page_s_language(page, site_url: str, path: str, term: str,
                                                                     words: str) -> None:
    """What a reader sees: Material's tooltip (content.tooltips) with the glossary's words."""
    page.goto(site_url + path)
    page.locator("article abbr", has_text=re.compile(rf"^{re.escape(term)}$")).first.hover()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible")
    assert words in tooltip.inner_text()


@pytest.mark.parametrize("language_file", ["begrippen.md", "begrippen.en.md"])
def test_the_rule_reports_a_glossary_line_it_cannot_read_once(project: Path, language_file: str) -> None:
    """`dom-site check` without a build says it too (dom-begrippen reads the file only when a page renders)."""
    from dom_site.rules import Context
    from dom_site.rules import glossary as glossary_rule

    (project / "docs").mkdir()
    (project / "docs" / "index.md").write_text("# Welkom\n", "utf-8")
    (project / "docs" / "index.en.md").write_text("# Welcome\n", "utf-8")
    broken = project / "includes" / language_file
    broken.write_text(broken.read_text("utf-8") + "[BZK]: Het ministerie.\n", "utf-8")
    said = [str(problem) for problem in glossary_rule.check(Context.of(project))]
    line = len(broken.read_text("utf-8").splitlines())
    assert len(said) == 1 and said[0].startswith(f"includes/{language_file}:{line}: deze regel is geen begrip — "), said
