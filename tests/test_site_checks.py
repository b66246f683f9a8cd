"""The checks on the built site: they pass on the real site and catch what they claim to."""
from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT

from dom_site.build_log import explain
from dom_site.checks import site_html as check_site_html
from dom_site.checks import site_verbatim as check_site_verbatim


def page(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


# --- the real site -------------------------------------------------------------

# (Every page's language alternates and third-party requests: the check site-html on the full site,
# run by tests/test_content_checks.py::test_every_check_passes_on_the_real_content_and_the_full_site.)


def test_root_404_is_dutch_and_english_404_lives_under_en(site_dir: Path) -> None:
    assert page((site_dir / "404.html").read_text("utf-8")).html["lang"] == "nl"
    assert page((site_dir / "en" / "404.html").read_text("utf-8")).html["lang"] == "en"


def test_published_response_has_every_submitted_word_in_order(site_dir: Path) -> None:
    source = (ROOT / check_site_verbatim.SOURCE).read_text("utf-8").split()
    found = check_site_verbatim.published_words(site_dir / check_site_verbatim.PAGE_HTML)
    problems = check_site_verbatim.compare(source, found, ROOT / check_site_verbatim.PAGE_MD, ROOT)
    assert [str(p) for p in problems] == []
    assert len(found) == len(source) > 300


def test_canonical_source_is_the_file_as_received() -> None:
    # The copy in docs/ is the canonical source; it must stay byte for byte what was received.
    import hashlib
    digest = hashlib.sha256((ROOT / check_site_verbatim.SOURCE).read_bytes()).hexdigest()
    assert digest == "8bb8ec67cbefe7ac65b665c5e6844c5bccce840479f59a43dd7a8217bcc7f889"


# --- the checks catch what they claim to ----------------------------------------

def test_external_script_style_font_image_frame_and_css_are_found() -> None:
    html = """<html><head>
      <script src="https://cdn.example.org/x.js"></script>
      <link rel="stylesheet" href="//fonts.example.org/css">
      <link rel="preconnect" href="https://fonts.gstatic.com">
      <style>@import url("https://evil.example/a.css"); body{background:url(https://t.example/p.png)}</style>
      </head><body>
      <img src="logo.png" srcset="a.png 1x, https://img.example/b.png 2x">
      <iframe src="https://tracker.example/"></iframe>
      <div style="background-image:url('http://x.example/y.png')"></div>
      <a href="https://example.org/">a link is not a request</a>
      <script src="assets/javascripts/bundle.js"></script>
    </body></html>"""
    found = check_site_html.parse(html).external_resources()
    assert len(found) == 8, found
    assert not any("example.org/\"" in item for item in found)


def test_wrong_language_and_a_missing_alternate_are_found_but_not_on_a_redirect(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "en" / "a").mkdir(parents=True)
    (site / "en" / "a" / "index.html").write_text(
        '<html lang="nl"><head><link rel="alternate" hreflang="nl" href="../../a/"></head>'
        '<body><div class="md-content" data-md-component="content"></div></body></html>', "utf-8")
    (site / "b").mkdir()
    (site / "b" / "index.html").write_text(
        '<html lang="nl"><head><meta http-equiv="refresh" content="0; url=../a/"></head>'
        '<body><div class="md-content"></div></body></html>', "utf-8")
    (site / "c").mkdir()
    (site / "c" / "index.html").write_text('<html lang><body></body></html>', "utf-8")  # lang without a value
    found = [str(p) for p in check_site_html.findings(site, tmp_path)]
    assert len(found) == 3, found
    assert 'de pagina heeft lang="", maar hoort bij taal "nl"' in found[0]
    found = found[1:]
    assert 'de pagina heeft lang="nl", maar hoort bij taal "en"' in found[0]
    assert "de pagina mist een hreflang-verwijzing naar: en" in found[1]


def test_changed_word_names_word_line_and_fix(tmp_path: Path) -> None:
    md = tmp_path / "zoals-ingediend.md"
    md.write_text('Intro.\n\n<div class="verbatim" markdown>\n\nEen twee drie.\nVier vijf.\n\n</div>\n', "utf-8")
    problems = check_site_verbatim.compare("Een twee drie. Vier vijf.".split(), "Een twee drie. Vier zes.".split(), md, ROOT)
    assert len(problems) == 1
    message = str(problems[0])
    assert message.startswith(f"{md}:6: woord 5 wijkt af van de ingediende tekst: \"zes.\" staat er, \"vijf.\" hoort er")
    assert "(English: word 5 differs" in message


def test_missing_and_extra_words_are_reported(tmp_path: Path) -> None:
    md = tmp_path / "p.md"
    md.write_text('<div class="verbatim" markdown>\nEen twee\n</div>\n', "utf-8")
    assert "houdt te vroeg op" in str(check_site_verbatim.compare(["Een", "twee", "drie"], ["Een", "twee"], md, ROOT)[0])
    assert "staat nog: \"[sic]\"" in str(check_site_verbatim.compare(["Een", "twee"], ["Een", "twee", "[sic]"], md, ROOT)[0])
    assert "class=\"verbatim\"" in str(check_site_verbatim.compare(["Een"], [], md, ROOT)[0])


def test_a_word_put_in_is_taken_out_and_a_sentence_left_out_is_put_back(tmp_path: Path) -> None:
    """Before, both read as 'word N differs' with the next word as the fix: following it gave 'veel veel'."""
    md = tmp_path / "p.md"
    md.write_text('<div class="verbatim" markdown>\nMet heel veel waardering.\nHet moet samen. Wij danken u.\n</div>\n', "utf-8")
    source_words = "Met veel waardering. Het moet samen. Wij danken u.".split()
    [inserted] = check_site_verbatim.compare(source_words, "Met heel veel waardering. Het moet samen. Wij danken u.".split(),
                                             md, ROOT)
    assert ': na woord 1 staat "heel", dat niet in de ingediende tekst staat — haal "heel" weg' in str(inserted), inserted
    [left_out] = check_site_verbatim.compare(source_words, "Met veel waardering. Wij danken u.".split(), md, ROOT)
    assert ': na woord 3 ontbreekt uit de ingediende tekst: "Het moet samen." — zet het terug' in str(left_out), left_out


def docs_with_page(tmp_path: Path, text: str) -> Path:
    """A docs/ folder with the one page over/a.md that a warning is about."""
    docs = tmp_path / "docs"
    (docs / "over").mkdir(parents=True)
    (docs / "over" / "a.md").write_text(text, "utf-8")
    return docs


def test_mkdocs_warnings_are_explained_in_dutch_with_line(tmp_path: Path) -> None:
    docs = docs_with_page(tmp_path, "# A\n\nZie [b](b.md#nergens).\n")
    [line] = explain("Doc file 'over/a.md' contains a link 'b.md#nergens', but the doc 'over/b.md' does not contain an anchor '#nergens'.", docs)
    assert line.startswith("docs/over/a.md:3: de link 'b.md#nergens' wijst naar een onderdeel")
    [nav] = explain("The following pages exist in the docs directory, but are not included in the \"nav\" configuration:\n  - los.md", docs)
    assert nav.startswith("docs/los.md:1: deze pagina staat niet in het menu")
    assert explain("Some other message", docs) == []


def test_mkdocs_own_suggestion_is_the_fix(tmp_path: Path) -> None:
    """MkDocs' English line, with its "Did you mean …?", is not printed beside the Dutch one: the
    Dutch one carries the suggestion as its fix (an e-mail address wants mailto:)."""
    docs = docs_with_page(tmp_path, "# A\n\nMail [ons](info@dorpen.nl) of lees [meer](../maatwerk/).\n")
    [mail] = explain("Doc file 'over/a.md' contains a link 'info@dorpen.nl', but the target 'over/info@dorpen.nl' is "
                     "not found among documentation files. Did you mean 'mailto:info@dorpen.nl'?", docs)
    assert mail.startswith("docs/over/a.md:3: de link 'info@dorpen.nl' wijst naar een pagina die niet bestaat — "
                           "bedoel je 'mailto:info@dorpen.nl'? Schrijf dan dat (English: "), mail
    [folder] = explain("Doc file 'over/a.md' contains an unrecognized relative link '../maatwerk/', it was left as is. "
                       "Did you mean '../maatwerk/index.md'?", docs)
    assert "— bedoel je '../maatwerk/index.md'? Schrijf dan dat (English: " in folder, folder


def test_a_misspelt_menu_entry_is_one_message_at_its_line_in_mkdocs_yml(tmp_path: Path) -> None:
    """MkDocs warns twice (the entry names no file; the page it meant is not in the menu, in
    both languages): one mistake, said once, at the entry's line, with the page to write."""
    docs = tmp_path / "docs"
    (docs / "over").mkdir(parents=True)
    for name in ("index.md", "over/soorten-dorpen.md", "over/soorten-dorpen.en.md", "over/los.md"):
        (docs / name).write_text("# A\n", "utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: t\nnav:\n  - index.md\n  - Over:\n      - over/soorten-dorp.md\n"
                      "      - over/nergens.md\n", "utf-8")
    [slip] = explain("A reference to 'over/soorten-dorp.md' is included in the 'nav' configuration, which is not "
                     "found in the documentation files.", docs, config)
    assert slip.startswith("mkdocs.yml:5: het menu (nav in mkdocs.yml) noemt 'over/soorten-dorp.md', maar dat "
                           "bestand bestaat niet — bedoel je 'over/soorten-dorpen.md'?"), slip
    [gone] = explain("A reference to 'over/nergens.md' is included in the 'nav' configuration, which is not "
                     "found in the documentation files.", docs, config)
    assert gone.startswith("mkdocs.yml:6: ") and "controleer de naam in mkdocs.yml" in gone, gone
    omitted = "The following pages exist in the docs directory, but are not included in the \"nav\" configuration:\n"
    assert explain(omitted + "  - over/soorten-dorpen.md", docs, config) == []
    assert explain(omitted + "  - over/soorten-dorpen.en.md", docs, config) == []
    [los] = explain(omitted + "  - over/soorten-dorpen.md\n  - over/los.md", docs, config)
    assert los.startswith("docs/over/los.md:1: deze pagina staat niet in het menu"), los


def test_a_link_to_the_english_page_gets_the_dutch_page_to_link(tmp_path: Path) -> None:
    """The Dutch build has no .en.md files: MkDocs calls the page missing, but it is there in English."""
    docs = docs_with_page(tmp_path, "# A\n\nZie [b](b.en.md#doel).\n")
    [line] = explain("Doc file 'over/a.md' contains a link 'b.en.md#doel', but the target 'over/b.en.md' is not found "
                     "among documentation files.", docs)
    assert line.startswith("docs/over/a.md:3: de link 'b.en.md#doel' wijst naar de Engelse pagina — schrijf "
                           "'b.md#doel': op de Engelse site wijst de link vanzelf naar de vertaling"), line


def test_a_new_page_not_in_the_menu_is_one_message_at_the_dutch_page(tmp_path: Path) -> None:
    """The menu names only the Dutch page; the English build warns of its translation too."""
    docs = docs_with_page(tmp_path, "# A\n")
    for name in ("over/huren.md", "over/huren.en.md"):
        (docs / name).write_text("# Huren\n", "utf-8")
    omitted = "The following pages exist in the docs directory, but are not included in the \"nav\" configuration:\n"
    said = explain(omitted + "  - over/huren.md\n  - over/huren.en.md", docs) + explain(omitted + "  - over/huren.en.md", docs)
    assert len(set(said)) == 1 and said[0].startswith("docs/over/huren.md:1: deze pagina staat niet in het menu"), said


def test_a_link_into_the_wrong_folder_gets_the_page_of_that_name(tmp_path: Path) -> None:
    docs = docs_with_page(tmp_path, "# A\n\nZie [geld](../draaiboken/financiering.md#d-41).\n")
    (docs / "draaiboek").mkdir()
    (docs / "draaiboek" / "financiering.md").write_text("# F\n", "utf-8")
    [line] = explain("Doc file 'over/a.md' contains a link '../draaiboken/financiering.md#d-41', but the target "
                     "'draaiboken/financiering.md' is not found among documentation files.", docs)
    assert line.startswith("docs/over/a.md:3: de link '../draaiboken/financiering.md#d-41' wijst naar een pagina die "
                           "niet bestaat — bedoel je '../draaiboek/financiering.md#d-41'? Schrijf dan dat"), line


@pytest.mark.parametrize("link, meant", [
    ("bijdragen pagina.md", "bijdragen.md"), ("privcy.md", "privacy.md"),
    ("../draaiboek/financeiring.md#d-41", "../draaiboek/financiering.md#d-41"),
    ("kaart.md", None),  # no page is like it: the general fix
    ("contract.md", None),  # two pages are (contact.md, contacten.md): no guess
])
def test_a_slip_in_a_linked_pages_name_gets_the_page_it_means(tmp_path: Path, link: str, meant: str | None) -> None:
    """A space or a letter too many in the name got 'check the file name' only; the page is there."""
    docs = docs_with_page(tmp_path, f"# A\n\nZie [dit]({link}).\n")
    (docs / "draaiboek").mkdir()
    for name in ("over/privacy.md", "over/privacy.en.md", "over/bijdragen.md", "over/contact.md", "over/contacten.md",
                 "draaiboek/financiering.md"):
        (docs / name).write_text("# P\n", "utf-8")
    [line] = explain(f"Doc file 'over/a.md' contains a link '{link}', but the target 'over/{link}' is not found among "
                     "documentation files.", docs)
    fix = line.split(" — ")[1]
    if meant is None:
        assert "bedoel je" not in fix, line
    else:
        assert fix.startswith(f"bedoel je '{meant}'? Schrijf dan dat"), line


def test_menu_slips_a_helper_found_are_one_message_each_with_the_right_fix(tmp_path: Path) -> None:
    """Found by a helper's probe: a new name for the one page the menu lacks got no 'did you mean'; an
    entry indented too far (YAML made two lines one) and an English page in the menu were told to
    create a file that exists; and the pages involved were 'not in the menu' besides."""
    docs = tmp_path / "docs"
    (docs / "over").mkdir(parents=True)
    for name in ("index.md", "over/privacy.md", "over/versies.md", "over/contact.md", "over/contact.en.md"):
        (docs / name).write_text("# A\n", "utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: t\nnav:\n  - index.md\n  - Over:\n      - over/versies.md - over/contact.md\n"
                      "      - over/privacy-verklaring.md\n      - over/contact.en.md\n", "utf-8")

    def missing(name: str) -> str:
        [said] = explain(f"A reference to '{name}' is included in the 'nav' configuration, which is not found in the "
                         "documentation files.", docs, config)
        return said

    assert missing("over/privacy-verklaring.md").startswith(
        "mkdocs.yml:6: het menu (nav in mkdocs.yml) noemt 'over/privacy-verklaring.md', maar dat bestand bestaat niet — "
        "bedoel je 'over/privacy.md'?")
    assert missing("over/versies.md - over/contact.md").startswith(
        "mkdocs.yml:5: in het menu (nav in mkdocs.yml) zijn twee regels één geworden: 'over/versies.md - over/contact.md' "
        "— de regel met 'over/contact.md' springt verder in dan die erboven: zet zijn - recht onder de - van "
        "'over/versies.md'")
    assert missing("over/contact.en.md").startswith(
        "mkdocs.yml:7: het menu (nav in mkdocs.yml) noemt de Engelse pagina 'over/contact.en.md' — haal deze regel weg")
    omitted = "The following pages exist in the docs directory, but are not included in the \"nav\" configuration:\n"
    assert explain(omitted + "  - over/privacy.md\n  - over/versies.md\n  - over/contact.md", docs, config) == []


@pytest.mark.parametrize(("link", "fix"), [
    ("../../CONTRIBUTING.md", "link naar het bestand in de repository: REPO_URL/blob/main/CONTRIBUTING.md"),
    ("../../afbeeldingen/schema.png", "zet de afbeelding in docs/, naast de pagina, en link haar daar: ![…](schema.png)"),
])
def test_a_link_to_a_project_file_outside_docs_says_so(tmp_path: Path, link: str, fix: str) -> None:
    """The file exists, but not on the site: 'a page that does not exist' sent the editor looking (a helper's probe)."""
    docs = docs_with_page(tmp_path, f"# A\n\nZie [b]({link}).\n")
    (tmp_path / "CONTRIBUTING.md").write_text("# C\n", "utf-8")
    (tmp_path / "afbeeldingen").mkdir()
    (tmp_path / "afbeeldingen" / "schema.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    [line] = explain(f"Doc file 'over/a.md' contains a link '{link}', but the target '{link[6:]}' is not found "
                     "among documentation files.", docs)
    assert line.startswith(f"docs/over/a.md:3: de link '{link}' wijst naar {link[6:]}, buiten docs/: dat komt niet op "
                           f"de site — {fix} (English: "), line
