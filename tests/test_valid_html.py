"""Valid HTML: the W3C Nu checker catches errors, and the site is valid where Material is not.

`make check` runs `dom-site check` (site-geldig: dom_site.checks.site_valid_html) on the whole built site (zero
errors). Here: the checker catches a known-bad page and names its Markdown
source; a checker that hangs is stopped; Material's toggles and the table of
contents' label are valid and still work (overrides/hooks/valid_html.py with dom_site.valid_markup,
overrides/partials/toc.html).
"""
from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT
from mkdocs.exceptions import PluginError

from dom_site import valid_markup
from dom_site.checks import site_valid_html as vnu
from dom_site.messages import Problem

BAD = """<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Fout</title></head>
<body>
<input type="checkbox" id="x" autocomplete="off">
<label for="nergens">Label</label>
</body></html>
"""
GOOD = '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Goed</title></head><body><p>Goed</p></body></html>'


def built(tmp_path: Path, pages: dict[str, str]) -> tuple[Path, Path]:
    """A project in tmp_path: built pages in site/, two Markdown pages in docs/, the checker in node_modules/."""
    site, docs = tmp_path / "site", tmp_path / "docs"
    (tmp_path / "node_modules").symlink_to(ROOT / "node_modules")
    for rel, text in pages.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(text, "utf-8")
    (docs / "over").mkdir(parents=True)
    (docs / "over" / "privacy.md").write_text("# Privacy\n", "utf-8")
    (docs / "over" / "privacy.en.md").write_text("# Privacy\n", "utf-8")
    return site, docs


def test_the_checker_catches_a_known_bad_page_and_names_its_markdown_source(tmp_path: Path) -> None:
    site, docs = built(tmp_path, {"over/privacy/index.html": BAD, "en/over/privacy/index.html": GOOD,
                                  "404.html": BAD, "versies/1.0/index.html": BAD})
    problems = vnu.check(site, tmp_path)
    places = sorted({(p.path, p.line) for p in problems})
    assert places == [("docs/over/privacy.md", 1), ("site/404.html", 4), ("site/404.html", 5),
                      ("site/versies/1.0/index.html", 4), ("site/versies/1.0/index.html", 5)], places
    said = " ".join(str(p) for p in problems)
    assert "autocomplete" in said and "“for” attribute" in said
    assert all(" — " in str(p) and "(English: " in str(p) and "geen geldige HTML" in str(p) for p in problems)
    assert "site/over/privacy/index.html" in said and "regel 4" in said, "the message names the built file and line"
    assert "versies/1.0/index.html" in said, "frozen editions are checked too"


def test_an_error_in_raw_html_is_named_at_its_markdown_line(tmp_path: Path) -> None:
    """The editor fixes it where it is written; the page's first line was all the message said before."""
    page = ('<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>T</title></head><body>\n'
            '<p><span id="x">een</span> <span id="x">twee</span></p>\n<label for="nergens">Label</label>\n</body></html>')
    site, docs = built(tmp_path, {"over/privacy/index.html": page})
    (docs / "over" / "privacy.md").write_text(
        '# Privacy\n\nTekst.\n\n<span id="x">een</span> <span id="x">twee</span>\n\n<label for="nergens">Label</label>\n',
        "utf-8")
    problems = vnu.check(site, tmp_path)
    assert sorted((p.path, p.line) for p in problems) == [("docs/over/privacy.md", 5), ("docs/over/privacy.md", 7)]
    assert any("Duplicate ID “x”" in str(p) for p in problems)


@pytest.mark.parametrize("markdown, line", [
    # A common end tag on two lines: vnu's extract tells which.
    ("<p>Eerste alinea met <b>vet</b>.</p>\n\n<p>Tweede <div>blok</div> hier.</p>\n", 5),
    # The ID twice: the later one, in raw HTML or as a heading's {#id}; never inside a code block.
    ('## Kop {#x}\n\n```html\n<span id="x">code</span>\n```\n\n<span id="x">twee</span>\n', 9),
])
def test_an_error_is_placed_where_it_is_and_not_on_the_first_line_that_looks_alike(
        tmp_path: Path, markdown: str, line: int) -> None:
    import markdown as python_markdown

    body = python_markdown.markdown(markdown, extensions=["attr_list", "md_in_html", "fenced_code"])
    page = f'<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>T</title></head><body>\n{body}\n</body></html>'
    site, docs = built(tmp_path, {"over/privacy/index.html": page})
    (docs / "over" / "privacy.md").write_text(f"# Privacy\n\n{markdown}", "utf-8")
    problems = vnu.check(site, tmp_path)
    assert problems and {(p.path, p.line) for p in problems} == {("docs/over/privacy.md", line)}, problems


def test_what_editors_write_most_is_said_in_dutch_with_its_fix(tmp_path: Path) -> None:
    page = ('<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>T</title></head><body>\n'
            '<p>De <font color="red">provincie</font> geeft.</p>\n</body></html>')
    site, docs = built(tmp_path, {"over/privacy/index.html": page})
    (docs / "over" / "privacy.md").write_text('# Privacy\n\nDe <font color="red">provincie</font> geeft.\n', "utf-8")
    [problem] = vnu.check(site, tmp_path)
    assert str(problem).startswith(
        "docs/over/privacy.md:3: de gebouwde pagina site/over/privacy/index.html is geen geldige HTML (regel 2): het "
        "element <font> is verouderd en hoort niet meer in een webpagina — haal <font> weg; schrijf de tekst in gewone "
        "Markdown"), problem
    assert "The “font” element is obsolete" in str(problem)  # vnu's own words, in the English part


def test_a_stray_end_tag_in_the_text_is_one_message_not_also_the_templates_follow_ons(tmp_path: Path) -> None:
    """The </div> leaves the template's </article> and </main> unmatched: vnu says so too, at the first line."""
    page = ('<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>T</title></head><body>\n'
            '<main><article>\n<p>Tekst.</p>\n</div>\n</article></main>\n</body></html>')
    site, docs = built(tmp_path, {"over/privacy/index.html": page})
    (docs / "over" / "privacy.md").write_text("# Privacy\n\nTekst.\n\n</div>\n", "utf-8")
    problems = vnu.check(site, tmp_path)
    assert [str(p).split(" — ")[0] for p in problems] == [
        "docs/over/privacy.md:5: de gebouwde pagina site/over/privacy/index.html is geen geldige HTML (regel 4): er "
        "staat een </div> die geen <div> sluit"], problems
    # As on the built site (measured on a copy: 8 messages before): the template's unmatched tags are follow-ons.
    page_md = "docs/over/privacy.md"
    said = [(35, "End tag “div” seen, but there were open elements."), (35, "Stray end tag “div”."),
            (1, "Unclosed element “main”."), (40, "End tag “div” seen, but there were open elements.")]
    kept = vnu.without_follow_ons([Problem(page_md, line, "nl", "fix", f"the built page x is not valid HTML (line 9): {text}",
                                           "fix") for line, text in said])
    assert [(p.line, p.wrong_en.rpartition(": ")[2]) for p in kept] == [(35, "Stray end tag “div”.")]


def test_a_frozen_editions_markup_is_made_valid_and_its_words_kept() -> None:
    from dom_site.valid_markup import valid_markup

    page = ('<body><input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
            '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">'
            '<div class="md-dialog" data-md-component="dialog" aria-label="Melding"></div>'
            '<label class="md-nav__title" for="__toc">Inhoud</label><p>Met veel waardering</p></body>')
    fixed = valid_markup(page)
    assert 'autocomplete="off">' not in fixed.replace('<form id="__toggles" autocomplete="off" hidden>', "")
    assert 'form="__toggles"' in fixed and 'aria-label="Melding"' not in fixed and 'for="__toc"' not in fixed
    assert "<p>Met veel waardering</p>" in fixed and valid_markup(fixed) == fixed


def test_a_valid_page_passes(tmp_path: Path) -> None:
    site, docs = built(tmp_path, {"index.html": GOOD})
    assert vnu.check(site, tmp_path) == []


def test_a_checker_that_takes_too_long_is_stopped(tmp_path: Path) -> None:
    site, docs = built(tmp_path, {"index.html": GOOD})
    [problem] = vnu.check(site, tmp_path, timeout=0.05)
    assert "niet klaar en is gestopt" in problem.wrong_nl


def test_english_pages_and_section_indexes_map_to_their_sources(tmp_path: Path) -> None:
    site, docs = tmp_path / "site", tmp_path / "docs"
    for rel in ("index.md", "reactie/index.md", "reactie/index.en.md", "over/bijdragen.md"):
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        (docs / rel).write_text("# x\n", "utf-8")
    assert vnu.source_of(site, site / "index.html", docs) == docs / "index.md"
    assert vnu.source_of(site, site / "en" / "reactie" / "index.html", docs) == docs / "reactie" / "index.en.md"
    assert vnu.source_of(site, site / "en" / "over" / "bijdragen" / "index.html", docs) == docs / "over" / "bijdragen.md"
    assert vnu.source_of(site, site / "c" / "r-1" / "index.html", docs) is None
    assert vnu.source_of(site, site / "404.html", docs) is None


# --- Material's toggles --------------------------------------------------------------------

MATERIAL_BODY = ("<body>\n" + "\n".join(material for material, _ in valid_markup.TOGGLES.values()) + "\n<main></main>")


def test_the_toggles_get_their_autocomplete_from_a_form_owner() -> None:
    fixed = valid_markup.page_toggles(MATERIAL_BODY, "x.md")
    body = BeautifulSoup(fixed, "html.parser")
    form = body.find("form", id="__toggles")
    assert form is not None and form["autocomplete"] == "off" and form.has_attr("hidden")
    for name in ("drawer", "search"):
        toggle = body.find("input", id=f"__{name}")
        assert toggle["form"] == "__toggles" and not toggle.has_attr("autocomplete")
    assert valid_markup.page_toggles(fixed, "x.md") == fixed, "running twice changes nothing"


def test_a_material_update_that_moves_the_toggles_stops_the_build() -> None:
    with pytest.raises(PluginError, match="valid_html.py"):
        valid_markup.page_toggles(MATERIAL_BODY.replace('id="__search" autocomplete="off"', 'id="__search"'), "x.md")


def test_on_the_built_site_every_toc_label_has_its_toggle_and_no_checkbox_has_autocomplete(site_dir: Path) -> None:
    checked = with_toggle = 0
    for page in vnu.pages(site_dir):
        html = page.read_text("utf-8")
        if "md-toggle" not in html:
            continue
        soup = BeautifulSoup(html, "html.parser")
        checked += 1
        assert not soup.select('input[type="checkbox"][autocomplete]'), page
        assert soup.select_one('form#__toggles[autocomplete="off"]') is not None, page
        has_toggle = soup.find("input", id="__toc") is not None
        with_toggle += has_toggle
        if not has_toggle:
            assert not soup.select('label[for="__toc"]'), page
        elif soup.select('[data-md-component="toc"] li'):
            assert soup.select('.md-nav--secondary label.md-nav__title[for="__toc"]'), f"{page}: toc label lost"
    assert checked > 50 and with_toggle > 40


@pytest.mark.browser
def test_menu_search_and_toc_toggles_still_work(page, site_url: str) -> None:
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(site_url + "over/privacy/")
    page.locator('label.md-header__button[for="__drawer"]').click()
    assert page.locator("#__drawer").is_checked()
    page.locator(".md-sidebar--primary").wait_for(state="visible")
    page.locator('.md-nav--primary label.md-nav__link[for="__toc"]').click()
    assert page.locator("#__toc").is_checked()
    page.locator('.md-nav--primary [data-md-component="toc"]').first.wait_for(state="visible")
    page.locator(".md-overlay").click(position={"x": 360, "y": 400})
    assert not page.locator("#__drawer").is_checked()
    page.locator('label.md-header__button[for="__search"]').click()
    assert page.locator("#__search").is_checked()
    page.locator("input.md-search__input").wait_for(state="visible")
