"""The editors' content checks: each passes on the real content and names every mistake it claims to catch.

Every failing case asserts the message an editor reads: `path:line:` and the Dutch text.
No test touches the network: the external link check is tested on its extraction,
its offline rules and its report, with a stand-in for the websites.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT

from dom_site import raw_html, rules, source
from dom_site.checks import external_links as links
from dom_site.checks import images as check_images
from dom_site.checks import markdown as check_markdown
from dom_site.checks import spelling as check_spelling
from dom_site.checks.common import Problem, relative
from dom_site.processes import run

# Without node_modules these tests fail and say to run 'make setup' (conftest.node_tools); never skipped.
NODE_TOOLS = pytest.mark.usefixtures("node_tools")


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def messages(problems: list) -> list[str]:
    return [str(p) for p in problems]


def only(problems: list, where: Path | str, line: int, dutch: str) -> None:
    """Exactly one problem, at this place, saying this in Dutch, with English after it."""
    found = messages(problems)
    assert len(found) == 1, found
    assert found[0].startswith(f"{where}:{line}: "), found[0]
    assert dutch in found[0].split(" (English: ")[0], found[0]
    assert " — " in found[0] and "(English: " in found[0]


def per_page(pages: dict[str, Path], problems: list) -> dict[str, tuple[str, list]]:
    """A Node tool's problems from one run over several pages, by page: its path as messages
    name it, and the problems on it. Every problem is on one of the pages."""
    found = {name: (relative(page, ROOT), [p for p in problems if str(p).startswith(f"{relative(page, ROOT)}:")])
             for name, page in pages.items()}
    assert sum(len(on_page) for _, on_page in found.values()) == len(problems), messages(problems)
    return found


# --- every check passes on the real content, on its own ---------------------------------

def raw_check(files: list[Path]) -> list:
    return raw_html.check_files(files, ROOT)


def names_check(docs: Path) -> list:
    return rules.run(rules.Context(docs.parent, source.load(docs, shown=str(docs))), ["bestandsnamen"])


# make test runs no `make check` of its own: this is where it runs every check, in one report,
# through the command line (one smoke test of `dom-site check`), on the full built site.
@NODE_TOOLS
def test_every_check_passes_on_the_real_content_and_the_full_site(site_dir: Path) -> None:
    from dom_site.cli import all_checks

    # The site as an editor types it, relative to where the command runs ("--site site"): a relative
    # path once made every link's place fail (the checks place a problem by its path in the site).
    result = run([sys.executable, "-m", "dom_site.cli", "check", "--site", os.path.relpath(site_dir, ROOT)],
                 step="dom-site check", cwd=ROOT, timeout=900)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith(f"Alle controles geslaagd ({len(all_checks())})"), result.stdout


@pytest.mark.parametrize("command", ["check", "pdfs", "editions", "lighthouse"])
def test_a_site_that_is_not_built_is_refused_at_once(command: str, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """Not "all checks passed" on a folder that holds no site, and no traceback from the PDF printer."""
    from dom_site.cli import main

    with pytest.raises(SystemExit) as ended:
        main([command, "--site", str(tmp_path / "site")], ROOT)
    assert ended.value.code == 2
    assert "geen gebouwde site" in capsys.readouterr().err


def test_make_check_says_what_stopped_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    """A plugin's error in `dom-site check --build` (make check): its message, at its line. The build
    runs in this process, where no MkDocs command line sets up the console: it said "fix the
    messages above" with nothing above. No test harness' log handler here, as an editor runs it."""
    from project_copy import copy_project

    from dom_site.cli import main

    project = copy_project(tmp_path / "project")
    glossary = project / "includes" / "begrippen.md"
    glossary.write_text(glossary.read_text("utf-8") + "*[BZK]: Nog eens.\n", "utf-8")
    line = len(glossary.read_text("utf-8").splitlines())
    monkeypatch.chdir(project)
    assert main(["check", "--build", "site-links"], project) == 1
    said = capsys.readouterr()
    assert f"includes/begrippen.md:{line}: het begrip 'BZK' staat er twee keer in" in said.err, said
    assert "De bouw stopte" in said.out


@pytest.mark.parametrize("argv", [["check"], ["check", "--build", "site-links"]])
def test_a_menu_entry_indented_wrongly_in_mkdocs_yml_is_one_message_at_its_line(
        argv: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """What an editor does after "zet haar in nav in mkdocs.yml": a traceback before, from `dom-site check`."""
    from project_copy import copy_project

    from dom_site.cli import main

    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    lines = config.read_text("utf-8").splitlines()
    at = next(n for n, line in enumerate(lines) if line.strip() == "- over/privacy.md")
    lines.insert(at + 1, lines[at].replace("- over/privacy.md", "- over/nieuw.md")[1:])  # one space short
    config.write_text("\n".join(lines) + "\n", "utf-8")
    monkeypatch.chdir(project)
    assert main(argv, project) == 1
    said = capsys.readouterr()
    found = [line for line in (said.out + said.err).splitlines() if line.startswith("mkdocs.yml:")]
    assert found == [f"mkdocs.yml:{at + 2}: dit bestand is niet te lezen (geen geldige YAML) — schrijf elke regel als "
                     "'veld: waarde', let op de inspringing, en zet tekst met een dubbele punt tussen aanhalingstekens "
                     "(English: this file is not readable (not valid YAML) — write each line as 'field: value', mind "
                     "the indentation, and put text containing a colon in quotes)"], said
    assert "Traceback" not in said.err


def test_make_check_runs_every_check_with_a_build() -> None:
    assert "dom-site check --build" in (ROOT / "Makefile").read_text("utf-8")


# --- spelling ------------------------------------------------------------------

# Every case is a page of its own; cspell reads them all in one run (it starts slowly), and
# each test holds its page's problems, and nothing else, to what it should say.
SPELLING_PAGES = {
    "goed.md": (
        "---\nnaam: Nieuw-Balinge\ncoordinaten:\n  lat: 52.7\ngrote_kern: false\n---\n\n"
        "# Goed\n\nHet DOM en de BOKD schrijven over de woonvisie van Midden-Drenthe.\n"
        "In Hijken en Zwiggelte is een omgevingsvergunning nodig.\n"
        "Zie `grote_kern: true` en [de bron](https://historiebeilen.nl/xyzzy).\n\n"
        "<div class=\"verbatim\" markdown>\n\nDat is mooi, maar het hele traject kan beter Het moet anders, ingediendd zo.\n\n</div>\n"
        # A block's type is the Markdown check's to judge (!!! tipp: one message, with the right type).
        "\n!!! tipp \"Een goede titel\"\n\n    Tekst.\n\n???+ notte\n\n    Tekst.\n"
    ),
    "blok.md": "# Blok\n\n!!! tip \"Een titell\"\n\n    Tekst.\n",
    # The title and the description are published (menu, browser tab, search engines); the other fields are data.
    "beschrijving.md": "---\ntitle: Beheer\ndescription: Hoe u het behher regelt.\nsoort: xyzzyq\n---\n\n# Beheer\n\n---\n\nTekst.\n",
    "fout.md": "# Fout\n\nDe woonvisei is klaar.\n",
    "pagina.en.md": "# Page\n\nThe draaiboek is recieved by the organisation.\n",
    "pagina.md": "# Pagina\n\nDe gemeente heeft de housing vision klaar.\n",
}


@pytest.fixture(scope="module")
def spelled(tmp_path_factory: pytest.TempPathFactory, node_tools: None) -> dict[str, tuple[str, list]]:
    """Per page of SPELLING_PAGES: its path as messages name it, and the problems cspell finds
    on it, from one run over all of them."""
    folder = tmp_path_factory.mktemp("spelling")
    pages = {name: write(folder, name, text) for name, text in SPELLING_PAGES.items()}
    return per_page(pages, check_spelling.findings(ROOT, list(pages.values())))


def test_spelling_accepts_good_dutch_names_terms_and_skips_code_links_and_the_verbatim_text(spelled: dict) -> None:
    assert messages(spelled["goed.md"][1]) == []


def test_spelling_checks_a_blocks_title_but_not_its_type(spelled: dict) -> None:
    where, problems = spelled["blok.md"]
    only(problems, where, 3, "het woord 'titell' staat niet in het woordenboek (Nederlands)")


def test_spelling_checks_a_pages_published_title_and_description_but_not_its_data(spelled: dict) -> None:
    where, problems = spelled["beschrijving.md"]
    only(problems, where, 3, "het woord 'behher' staat niet in het woordenboek (Nederlands)")


def test_spelling_names_a_dutch_typo_with_a_suggestion(spelled: dict) -> None:
    where, problems = spelled["fout.md"]
    only(problems, where, 3, "het woord 'woonvisei' staat niet in het woordenboek (Nederlands)")
    assert "'woonvisie'" in str(problems[0]) and "cspell-woorden.txt" in str(problems[0])


def test_spelling_uses_english_for_en_pages_and_accepts_the_dutch_terms_they_cite(spelled: dict) -> None:
    where, problems = spelled["pagina.en.md"]
    only(problems, where, 3, "het woord 'recieved' staat niet in het woordenboek (Engels)")


def test_spelling_refuses_english_words_on_a_dutch_page(spelled: dict) -> None:
    found = messages(spelled["pagina.md"][1])
    assert any("'housing'" in m for m in found), found


@pytest.mark.parametrize("line, fix", [("Drijberkamp,", "schrijf alleen het woord: 'Drijberkamp'"),
                                       ("* Drijberkamp", "schrijf alleen het woord: 'Drijberkamp'"),
                                       ("Drijberkamp Elp-Zuid", "zet elk woord op een eigen regel")])
def test_a_word_list_line_that_is_not_one_word_is_one_message_with_the_word(tmp_path: Path, line: str, fix: str) -> None:
    write(tmp_path, "cspell-woorden.txt", f"# Namen\nElp\nMidden-Drenthe\nz'n\n{line}\n")
    problems, meant = check_spelling.word_list(tmp_path)
    only(problems, "cspell-woorden.txt", 5, f"de regel '{line}' is niet één woord alleen")
    assert problems[0].fix_nl.startswith(fix) and "Drijberkamp" in meant


def test_project_word_list_holds_names_not_typos() -> None:
    words = [w.strip() for w in (ROOT / "cspell-woorden.txt").read_text("utf-8").splitlines()
             if w.strip() and not w.startswith("#")]
    assert len(words) == len(set(words)), "a word appears twice in cspell-woorden.txt"
    for name in ("Beilen", "Zwiggelte", "BOKD", "LVKK", "Dorpenoverleg", "omgevingsvergunning"):
        assert name in words
    for typo in ("woonvisei", "recieved", "teh"):
        assert typo not in words


# --- Markdown lint ---------------------------------------------------------------

MATERIAL_PAGE = """\
---
naam: Elp
---

# Titel

Eén zin per regel, ook als die zin veel langer is dan tachtig tekens, want zo schrijven wij hier alle teksten.[^s1]
De BOKD helpt.

## Kop met anker {#kop-met-anker}

!!! note "Let op"

    Een admonitie met een ingesprongen tekst.

    - met een lijst

=== "Nederlands"

    Tekst in een tabblad.

=== "English"

    Text in a tab.

<div class="grid cards" markdown>

-   **[De reactie](index.md)**

    Wat DOM vraagt.

</div>

- [x] Een taak die klaar is
- [ ] Een taak die nog open is
    - een punt dat 4 spaties inspringt

| Kolom | Uitleg |
|---|---|
| a | b |

### Dieper {#dieper}

Tekst met [een beschrijvende link](index.md) en een afkorting DOM.

*[DOM]: Dorpenoverleg Midden-Drenthe

[^s1]: BOKD, *Op Dorpse Schaal*: <https://bokd.nl/over-ons/>
"""


# Every case is a page of its own; markdownlint reads them all in one run (it starts slowly),
# and each test holds its page's problems, and nothing else, to what it should say.
LINT_CASES = {
    "tab.md": ("# T\n\n- punt\n\t- met een tab\n", 4, "er staat een tab in de regel (MD010)"),
    "te-diep.md": ("# T\n\n#### Te diep\n", 3, "de kop slaat een niveau over (MD001)"),
    "spaties.md": ("# T\n\nEen zin met spaties erachter.  \nNog een zin.\n", 3,
                   "er staan spaties aan het eind van de regel (MD009)"),
    "lijst.md": ("# T\n\nTekst direct boven een lijst:\n- een\n- twee\n", 4, "zonder die regel wordt het geen lijst (MD032)"),
    "hier.md": ("# T\n\nLees [hier](index.md) meer.\n", 3, "de tekst van de link zegt niet waar hij heen gaat (MD059)"),
    "titels.md": ("# T\n\n# Nog een titel\n", 3, "de pagina heeft meer dan één titel (# Titel) (MD025)"),
    "cellen.md": ("# T\n\n| a | b |\n|---|---|\n| 1 | 2 | 3 |\n", 5, "een ander aantal cellen dan de kop (MD056)"),
}


@pytest.fixture(scope="module")
def linted(tmp_path_factory: pytest.TempPathFactory, node_tools: None) -> dict[str, tuple[str, list]]:
    """Per page (LINT_CASES and Material's syntax): its path as messages name it, and the
    messages markdownlint gives on it, from one run over all of them."""
    folder = tmp_path_factory.mktemp("markdownlint")
    pages = {name: write(folder, name, text) for name, (text, _, _) in LINT_CASES.items()}
    pages["goed.md"] = write(folder, "goed.md", MATERIAL_PAGE)
    return per_page(pages, check_markdown.check(list(pages.values()), ROOT))


def test_markdown_lint_accepts_materials_syntax(linted: dict[str, tuple[str, list]]) -> None:
    assert linted["goed.md"][1] == []


@pytest.mark.parametrize("name", LINT_CASES)
def test_markdown_lint_names_each_editor_mistake(linted: dict[str, tuple[str, list]], name: str) -> None:
    _, line, dutch = LINT_CASES[name]
    where, problems = linted[name]
    found = messages(problems)
    assert any(m.startswith(f"{where}:{line}: ") and dutch in m for m in found), found


def test_markdown_messages_parse_the_tools_output_and_explain_unknown_rules() -> None:
    line = "docs/x.md:7:1 error MD010/no-hard-tabs Hard tabs [Column: 1]"
    problem = check_markdown.problem_for(line, ROOT)
    assert problem is not None and str(problem).startswith("docs/x.md:7: er staat een tab in de regel (MD010) — ")
    other = check_markdown.problem_for("docs/x.md:2 error MD999/new-rule Something new", ROOT)
    assert other is not None and "MD999" in str(other) and "Something new" in str(other)
    assert check_markdown.problem_for("markdownlint-cli2 v0.22.1 (markdownlint v0.40.0)", ROOT) is None
    # Two footnotes side by side: markdownlint reads a reference link, Python-Markdown renders both footnotes.
    assert check_markdown.problem_for(
        'docs/x.md:36:90 error MD052/reference-links-images Reference links and images should use a label that is '
        'defined [Missing link or image reference definition: "^b"] [Context: "[^a][^b]"]', ROOT) is None


# --- raw HTML safety -----------------------------------------------------------------

SAFE_PAGE = """\
# Veilig

<div class="grid cards" markdown>

Tekst met een [link](https://bokd.nl/over-ons/) en <https://lvkk.nl>.

</div>

<svg viewBox="0 0 10 10" role="img" aria-label="Kaart"><title>Kaart</title><circle cx="5" cy="5" r="4" fill="url(#verloop)"/></svg>

Een alinea met attributen.
{ #alinea .klein }

JavaScript: deze site werkt ook zonder.
Data: 2023.
Meer over onderwerpen: <https://volkshuisvestingnederland.nl/onderwerpen/wooncooperatie>.
<a href="../over/index.md" lang="nl">Over</a>
"""


def test_raw_html_allows_markdown_svg_and_plain_links(tmp_path: Path) -> None:
    page = write(tmp_path, "veilig.md", SAFE_PAGE)
    assert messages(raw_check([page])) == []


@pytest.mark.parametrize(("text", "dutch"), [
    ('<script>alert(1)</script>', "<script> is niet toegestaan"),
    ('<ScRiPt src="x.js"></ScRiPt>', "<script> is niet toegestaan"),
    ('<iframe src="https://tracker.example/"></iframe>', "<iframe> is niet toegestaan"),
    ('<object data="x.swf"></object>', "<object> is niet toegestaan"),
    ('<embed src="x.swf">', "<embed> is niet toegestaan"),
    ('<form action="https://evil.example/"></form>', "<form> is niet toegestaan"),
    ('<style>body { color: red }</style>', "<style> is niet toegestaan"),
    ('<link rel="stylesheet" href="https://evil.example/x.css">', "<link> is niet toegestaan"),
    ('<meta http-equiv="refresh" content="0;url=https://evil.example/">', "<meta> is niet toegestaan"),
    ('<base href="https://evil.example/">', "<base> is niet toegestaan"),
    ('<svg><foreignObject><p>x</p></foreignObject></svg>', "<foreignObject> is niet toegestaan"),
    ('<img src="foto.png" alt="Foto" onerror="alert(1)">', "het attribuut 'onerror' voert code uit"),
    ('<img/src=x/onerror=alert(1)>', "het attribuut 'onerror' voert code uit"),
    ('## Kop {: #kop onclick="alert(1)" }', "het attribuut 'onclick' voert code uit"),
    ('<svg onload="alert(1)"><title>x</title></svg>', "het attribuut 'onload' voert code uit"),
    ('[klik](javascript:alert(1))', "een 'javascript:'-adres is niet toegestaan"),
    ('[klik](&#106;avascript:alert(1))', "een 'javascript:'-adres is niet toegestaan"),
    ('<a href="java&#x09;script:alert(1)">a</a>', "een 'javascript:'-adres is niet toegestaan"),
    ('<a href="vbscript:x">a</a>', "een 'vbscript:'-adres is niet toegestaan"),
    ('![x](data:image/svg+xml;base64,PHN2Zz4=)', "een 'data:'-adres is niet toegestaan"),
    ('[ref]: javascript:alert(1)', "een 'javascript:'-adres is niet toegestaan"),
    ('<a href="data:text/html,x">a</a>', "een 'data:'-adres is niet toegestaan"),
    ('<svg><set attributeName="onmouseover" to="alert(1)"/></svg>', "het attribuut 'onmouseover' voert code uit"),
    ('<svg><animate attributeName="href" values="javascript:alert(1)"/></svg>', "een 'javascript:'-adres is niet toegestaan"),
    ('<img src="https://tracker.example/p.gif" alt="pixel">', "laadt iets van een andere website"),
    ('<img src="a.png" srcset="https://tracker.example/p.gif 2x" alt="a">', "laadt iets van een andere website"),
    ('<table background="https://tracker.example/p.gif"><tr><td>x</td></tr></table>', "laadt iets van een andere website"),
    ('<a href="https://bokd.nl/" ping="https://tracker.example/">BOKD</a>', "laadt iets van een andere website"),
    # Any style in a page's text: it could hide words, or lay them over the line that says whose words they are.
    ('<p style="background: url(https://tracker.example/x.png)">x</p>', "een style-attribuut geeft tekst een eigen opmaak"),
    ('<span style="display:none">Besloten door DOM.</span>', "een style-attribuut geeft tekst een eigen opmaak"),
    ('Besloten door DOM. {: style="position:fixed;top:0" }', "een style-attribuut geeft tekst een eigen opmaak"),
    # A brace inside a quoted value does not end the attribute list for Python-Markdown, nor for the rule.
    ('Besloten door DOM. {: title="{x}" style="display:none" }', "een style-attribuut geeft tekst een eigen opmaak"),
    ("[klik](x.md){: title='}' href='javascript:alert(1)' }", "een 'javascript:'-adres is niet toegestaan"),
])
def test_raw_html_refuses_what_can_run_code_or_track_a_reader(tmp_path: Path, text: str, dutch: str) -> None:
    page = write(tmp_path, "kwaad.md", f"# Kwaad\n\n{text}\n")
    found = messages(raw_check([page]))
    where = relative(page, ROOT)
    assert found, "nothing refused"
    assert any(m.startswith(f"{where}:3: ") and dutch in m.split(" (English: ")[0] for m in found), found


def test_what_the_raw_html_check_accepts_renders_without_active_content(tmp_path: Path) -> None:
    """The accepted page, rendered with the site's Markdown extensions, has nothing that runs or tracks."""
    import markdown

    html = markdown.markdown(SAFE_PAGE, extensions=["abbr", "admonition", "attr_list", "def_list", "footnotes",
                                                    "md_in_html", "tables", "pymdownx.superfences"])
    assert "<svg" in html and 'class="grid cards"' in html
    for element in BeautifulSoup(html, "html.parser").find_all(True):
        assert element.name not in raw_html.REFUSED
        for attr, value in element.attrs.items():
            assert not attr.lower().startswith("on"), attr
            if attr in raw_html.URL_ATTRS:
                assert raw_html.bad_scheme(str(value)) is None, value


def test_raw_html_also_refuses_inside_code_and_comments(tmp_path: Path) -> None:
    # Raw HTML around a code block can make it live, so the check does not trust code blocks.
    page = write(tmp_path, "code.md", "# Code\n\n<!-- <script>alert(1)</script> -->\n\n```html\n<iframe src=x></iframe>\n```\n")
    found = messages(raw_check([page]))
    assert any(":3: <script>" in m for m in found) and any(":6: <iframe>" in m for m in found), found


def test_raw_html_checks_svg_files_and_stylesheets(tmp_path: Path) -> None:
    svg = write(tmp_path, "tekening.svg", '<svg xmlns="http://www.w3.org/2000/svg">\n<script>alert(1)</script>\n</svg>\n')
    only(raw_check([svg]), relative(svg, ROOT), 2, "<script> is niet toegestaan")
    # A drawing may style its shapes, as long as the style loads nothing.
    svg = write(tmp_path, "vorm.svg", '<svg xmlns="http://www.w3.org/2000/svg">\n<rect style="fill: #123"/>\n'
                '<rect style="fill: url(https://tracker.example/x.svg#p)"/>\n</svg>\n')
    only(raw_check([svg]), relative(svg, ROOT), 3, "opmaak in een style-attribuut laadt een bestand")
    css = write(tmp_path, "kaart.css", ".a { background: url(kaart.png); }\n.b { background: url(https://tracker.example/x.png); }\n")
    only(raw_check([css]), relative(css, ROOT), 2, "de opmaak laadt een bestand van buiten de site")


# --- file names ------------------------------------------------------------------------

VILLAGE = "---\nnaam: Elp\nsoort: esdorp\npaginastatus: concept\ngrote_kern: false\n---\n\n# Elp\n"


def docs_tree(root: Path) -> Path:
    docs = root / "docs"
    write(docs, "index.md", "# Home\n")
    write(docs, "index.en.md", "# Home\n")
    write(docs, "reactie/dom-reactie-concept-woonvisie.txt", "tekst\n")
    write(docs, "maatwerk/dorpen/elp.md", VILLAGE)
    write(docs, "maatwerk/dorpen/elp.en.md", "# Elp\n")
    write(docs, "maatwerk/dorpen/kaart.css", ".a {}\n")
    write(docs, "draaiboek/fase-1.md", "# Fase\n")
    (docs / "draaiboek" / "schema.png").write_bytes(b"\x89PNG")
    return docs


def test_file_names_pass_on_a_good_tree(tmp_path: Path) -> None:
    assert messages(names_check(docs_tree(tmp_path))) == []


@pytest.mark.parametrize(("name", "text", "dutch"), [
    ("Over Ons.md", "# x\n", "noem het bestand 'over-ons.md'"),
    ("Elp.md", "# x\n", "noem het bestand 'elp.md'"),
    ("café.md", "# x\n", "noem het bestand 'cafe.md'"),
    ("foto_1.PNG", "x", "noem het bestand 'foto-1.png'"),
    ("notitie.docx", "x", "'notitie.docx' is geen soort bestand dat in docs/ hoort"),
    (".DS_Store", "x", "'.DS_Store' is geen soort bestand dat in docs/ hoort"),
    ("pagina.html", "<p>x</p>", "'pagina.html' is geen soort bestand dat in docs/ hoort"),
    ("script.js", "alert(1)", "'script.js' is geen soort bestand dat in docs/ hoort"),
    ("los.en.md", "# x\n", "ontbreekt de Nederlandse pagina 'los.md'"),
    ("draaiboek/spier.md", VILLAGE, "dit is een dorpspagina, maar hij staat niet in docs/maatwerk/dorpen/"),
    ("maatwerk/dorpen/oud/spier.md", VILLAGE, "dit is een dorpspagina, maar hij staat niet in docs/maatwerk/dorpen/"),
])
def test_file_names_name_each_wrong_file(tmp_path: Path, name: str, text: str, dutch: str) -> None:
    docs = docs_tree(tmp_path)
    bad = write(docs, name, text)
    only(names_check(docs), relative(bad, ROOT), 1, dutch)


def test_file_names_name_a_wrong_folder_once(tmp_path: Path) -> None:
    docs = docs_tree(tmp_path)
    write(docs, "Mijn Map/a.md", "# a\n")
    write(docs, "Mijn Map/b.md", "# b\n")
    only(names_check(docs), relative(docs / "Mijn Map", ROOT), 1, "noem de map 'mijn-map'")


# --- images --------------------------------------------------------------------------------

def test_images_pass_with_alt_text_local_files_and_small_sizes(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "a").mkdir(parents=True)
    (docs / "a" / "kaart.png").write_bytes(b"x" * 1000)
    (docs / "a" / "kaart elp.png").write_bytes(b"x" * 1000)  # a space: Markdown writes the address as <…>
    write(docs, "a/p.md", "# P\n\n![Kaart van Elp](kaart.png)\n![Kaart](<kaart elp.png>)\n<img src=\"kaart.png\" alt=\"Kaart\">\n"
                          "<svg aria-hidden=\"true\"></svg>\n\n```markdown\n![](voorbeeld.png)\n```\n")
    assert messages(check_images.findings(tmp_path)) == []


@pytest.mark.parametrize(("markdown", "dutch"), [
    ("![](kaart.png)", "de afbeelding heeft geen beschrijving (alt-tekst)"),
    ("![   ](kaart.png)", "de afbeelding heeft geen beschrijving (alt-tekst)"),
    ('<img src="kaart.png">', "<img> heeft geen beschrijving (alt-tekst)"),
    ('<img src="kaart.png" alt="">', "<img> heeft geen beschrijving (alt-tekst)"),
    ("![Weg](weg.png)", "de afbeelding 'weg.png' bestaat niet"),
    ("![Weg](<weg nu.png>)", "de afbeelding 'weg nu.png' bestaat niet"),
    ("![Pixel](https://tracker.example/p.png)", "komt van een andere website"),
    ("<svg><circle r=\"1\"/></svg>", "de tekening (<svg>) heeft geen naam voor schermlezers"),
])
def test_images_name_each_problem(tmp_path: Path, markdown: str, dutch: str) -> None:
    docs = tmp_path / "docs"
    (docs / "a").mkdir(parents=True)
    (docs / "a" / "kaart.png").write_bytes(b"x")
    page = write(docs, "a/p.md", f"# P\n\n{markdown}\n")
    only(check_images.findings(tmp_path), relative(page, tmp_path), 3, dutch)


def test_images_refuse_a_file_over_the_budget(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    big = docs / "groot.jpg"
    big.write_bytes(b"x" * (check_images.MAX_BYTES + 1))
    (docs / "precies.jpg").write_bytes(b"x" * check_images.MAX_BYTES)
    problems = check_images.findings(tmp_path)
    only(problems, relative(big, tmp_path), 1, "de afbeelding is 301 kB; de grens is 300 kB")
    # Already a photo format: smaller means fewer pixels or a lower quality, and 1600 is a bound, not a size.
    assert "lagere kwaliteit" in problems[0].fix_nl and ".jpg" not in problems[0].fix_nl
    assert "breder dan 1600 pixels hoeft niet" in problems[0].fix_nl


def test_a_large_png_is_told_to_be_saved_as_a_photo_format(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "kaart.png").write_bytes(b"x" * (check_images.MAX_BYTES + 1))
    [problem] = check_images.findings(tmp_path)
    assert problem.fix_nl.startswith("sla een foto op als .jpg of .webp") and "lagere kwaliteit" not in problem.fix_nl


# --- external links (never the network) -----------------------------------------------------

def test_links_are_extracted_from_every_markdown_form_without_trailing_punctuation() -> None:
    text = (
        "# Bronnen\n\n"
        "[^s1]: BOKD: <https://bokd.nl/over-ons/>.\n"
        "Zie [de gemeente](https://middendrenthe.nl/bouwen-wonen/woonvisie), en verder.\n"
        'Of <a href="https://lvkk.nl/x">LVKK</a>; ook https://rtvdrenthe.nl/nieuws/140301.\n'
        "Wikipedia: (https://nl.wikipedia.org/wiki/Drenthe_(provincie)).\n"
        "```text\nhttps://in-code.nl/overslaan\n```\n"
        "Voorbeelden: https://example.invalid/x en http://127.0.0.1:8000/ en https://www.example.com/.\n"
    )
    found = [(link.line, link.url) for link in links.extract_links(text, "docs/x.md")]
    assert found == [
        (3, "https://bokd.nl/over-ons/"),
        (4, "https://middendrenthe.nl/bouwen-wonen/woonvisie"),
        (5, "https://lvkk.nl/x"),
        (5, "https://rtvdrenthe.nl/nieuws/140301"),
        (6, "https://nl.wikipedia.org/wiki/Drenthe_(provincie)"),
    ]


def test_an_address_twice_on_a_line_is_one_problem() -> None:
    found = links.extract_links("# x\n\nZie [http://a.nl](http://a.nl) en <http://b.nl>.\n", "docs/x.md")
    assert [(link.line, link.url) for link in found] == [(3, "http://a.nl"), (3, "http://b.nl")]


def test_a_bare_http_address_is_one_message_from_the_two_checks_that_see_it() -> None:
    """markdownlint's bare address (MD034) and the addresses check's http: one subject, one
    fix for both; a www. address stays markdownlint's alone. A bare e-mail address has its own fix and
    the facts rule's subject: where that rule also wants a source, its one message has both fixes."""
    from dom_site import cli

    def md034(path: str, url: str) -> Problem:
        line = f'{path}:3:5 error MD034/no-bare-urls Bare URL used [Context: "{url}"]'
        problem = check_markdown.problem_for(line, ROOT)
        assert problem is not None
        return problem

    bare = md034("docs/x.md", "http://a.nl")
    assert "maak er een link van met het https://-adres" in str(bare)
    [http] = links.form_problems(links.extract_links("# x\n\nZie http://a.nl voor meer.\n", "docs/x.md"))
    assert bare.subject == http.subject is not None
    assert cli.one_per_subject([("markdown", bare), ("adressen", http)]) == [("markdown", bare)]
    assert md034("docs/x.md", "info@dorpenoverleg.nl").subject == "fact:docs/x.md:3"
    for url in ("www.middendrenthe.nl", "https://a.nl", "http://example.com/"):
        plain = md034("docs/x.md", url)
        assert plain.subject is None and "zet het tussen < en >" in str(plain), url


def test_links_offline_rules_want_https_and_a_host() -> None:
    found = links.extract_links("# x\n\nZie http://bokd.nl/ en https://localhostje/.\n", "docs/x.md")
    problems = messages(links.form_problems(found))
    assert problems[0].startswith("docs/x.md:3: het adres 'http://bokd.nl/' begint niet met https://")
    assert problems[1].startswith("docs/x.md:3: in het adres 'https://localhostje/' ontbreekt de naam van de website")


def test_links_online_report_lists_broken_links_per_file_and_line(tmp_path: Path) -> None:
    text = "# x\n\n<https://goed.nl/>\n<https://weg.nl/pagina>\n<https://stuk.nl/>\n<https://robots.nl/>\n<https://weg.nl/pagina>\n"
    found = links.extract_links(text, "docs/bronnen.md")
    answers = {"https://goed.nl/": links.Answer(200), "https://weg.nl/pagina": links.Answer(404),
               "https://stuk.nl/": links.Answer(None, "ConnectTimeout"), "https://robots.nl/": links.Answer(403)}
    asked: list[str] = []

    def fake(url: str) -> links.Answer:
        asked.append(url)
        return answers[url]

    got = links.check_online(found, asker=fake)
    assert sorted(asked) == sorted(answers)  # each address once, however often it appears
    problems = links.broken_problems(found, got)
    assert [f"{p.path}:{p.line}" for p in problems] == ["docs/bronnen.md:4", "docs/bronnen.md:5", "docs/bronnen.md:7"]
    assert "de link naar https://weg.nl/pagina werkt niet: pagina niet gevonden (404)" in str(problems[0])
    assert "geen antwoord (ConnectTimeout)" in str(problems[1])

    output = tmp_path / "github_output"
    links.write_github_output(output, problems, ["https://robots.nl/"])
    written = output.read_text("utf-8")
    assert written.startswith("broken=true\nreport<<EINDE_")
    delimiter = written.splitlines()[1].removeprefix("report<<")
    body = written.split(f"report<<{delimiter}\n", 1)[1].rsplit(f"{delimiter}\n", 1)[0]
    assert "- `docs/bronnen.md:4`: de link naar https://weg.nl/pagina werkt niet" in body
    assert "https://robots.nl/" in body and "Niet te controleren" in body
    assert body.startswith("De wekelijkse controle van de externe links")


def test_links_report_says_nothing_is_broken(tmp_path: Path) -> None:
    output = tmp_path / "github_output"
    links.write_github_output(output, [], [])
    assert output.read_text("utf-8").startswith("broken=false\n")


def test_links_offline_run_never_asks_a_website(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(url: str) -> links.Answer:
        raise AssertionError(f"asked {url} without --online")

    monkeypatch.setattr(links, "ask", refuse)
    assert links.main([], ROOT) == 0


@pytest.mark.parametrize("block", ["| a | b |\n| --- | --- |\n| 1 | 2 |\n", "- een\n- twee\n"])
def test_a_heading_straight_above_a_table_or_list_is_one_message_at_the_heading(tmp_path: Path, block: str,
                                                                                node_tools: None) -> None:
    """One blank line missing, not also the table's or the list's own message at the next line (found by a
    helper's probe)."""
    page = write(tmp_path, "kop.md", f"# Kop\n\n## Onder\n{block}\nNa.\n")
    only(check_markdown.check([page], ROOT), relative(page, ROOT), 3, "boven of onder de kop ontbreekt een lege regel")


def test_a_tab_before_a_nested_list_item_is_one_message_the_tab(tmp_path: Path) -> None:
    """markdownlint also calls the item "not indented by 4 spaces" (MD007): one mistake, one fix."""
    page = write(tmp_path, "lijst.md", "# Lijst\n\n- eerste punt\n\t- tweede punt met tab\n")
    [said] = check_markdown.check([page], ROOT)
    assert (said.line, said.wrong_nl) == (4, "er staat een tab in de regel (MD010)"), said


def test_a_code_block_never_closed_and_without_language_is_one_message(tmp_path: Path) -> None:
    """The fence rule says the cause; markdownlint's "no language" (MD040) at the same line is not said besides."""
    from dom_site import cli

    docs = tmp_path / "docs"
    page = write(docs, "blok.md", "# Blok\n\n```\nvoorbeeld zonder einde\n")
    found = [("codeblokken", p) for p in rules.run(rules.Context(tmp_path, source.load(docs, shown=str(docs))),
                                                    ["codeblokken"])]
    found += [("markdown", p) for p in check_markdown.check([page], ROOT)]
    assert [p.wrong_nl for _, p in found][1:] == ["bij het codeblok staat niet wat voor tekst het is (MD040)"]
    [(name, said)] = cli.one_per_subject(found)
    assert name == "codeblokken" and said.line == 3 and "nergens gesloten" in said.wrong_nl, said


# --- Admonitions (Material's !!! and ??? blocks), checked beside markdownlint --------

def test_admonition_problems_are_named(tmp_path):
    from dom_site.checks.markdown import admonitions

    page = tmp_path / "p.md"
    page.write_text('# P\n\n!!! note "Goed"\n\n    In het blok.\n\n!!! tip "Open\n\n    Tekst.\n\n???\n\n    X\n\n!!! warning\n\nNiet ingesprongen.\n', "utf-8")
    found = [(p.line, p.wrong_nl) for p in admonitions([page], tmp_path)]
    assert (7, "de titel van het blok mist een aanhalingsteken") in found
    assert (11, "het blok (!!! of ???) heeft geen soort") in found
    assert (15, "het blok is leeg: de tekst eronder springt niet in") in found
    assert all(line != 3 for line, _ in found)


def test_an_admonition_without_a_space_after_its_marks_is_checked_too(tmp_path):
    """Python-Markdown makes !!!note an admonition as well: its unquoted title is lost all the same."""
    from dom_site.checks.markdown import admonitions

    page = tmp_path / "p.md"
    page.write_text('# P\n\n!!!note Let op\n\n    In het blok.\n', "utf-8")
    assert [(p.line, p.fix_nl) for p in admonitions([page], tmp_path)] == [(3, 'schrijf !!! note "Let op"')]


@pytest.mark.parametrize(("first", "fix"), [
    ('!!! waarschuwing "Let op"', 'schrijf !!! warning "Let op" (de soorten zijn Engelse woorden'),
    ("??? opmerking Meer weten", 'schrijf ??? note "Meer weten" (de soorten'),
    ('!!! warnin "Let op"', 'schrijf !!! warning "Let op" (de soorten'),
])
def test_an_admonition_of_a_type_material_does_not_know_is_one_message_with_the_type_to_write(
        tmp_path: Path, first: str, fix: str) -> None:
    """Python-Markdown takes any word as the type; Material styles only its own (English) types,
    so "waarschuwing" was a plain grey box and no check said a word (found by a helper's probe)."""
    from dom_site.checks.markdown import admonitions

    page = write(tmp_path, "blok.md", f"# Blok\n\n{first}\n\n    Deze pagina verandert nog.\n")
    [found] = admonitions([page], tmp_path)
    assert found.line == 3 and found.fix_nl.startswith(fix), found


def test_an_admonition_type_with_a_capital_is_fine(tmp_path: Path) -> None:
    """Python-Markdown writes the type in small letters: `!!! Tip` is a tip (it was called typeless)."""
    from dom_site.checks.markdown import admonitions

    page = write(tmp_path, "blok.md", '# Blok\n\n!!! Tip "Let op"\n\n    Tekst.\n\n??? Note\n\n    Meer.\n')
    assert admonitions([page], tmp_path) == []


# Found by a helper's probe: each passed without a word, or with a fix that did not help.
@pytest.mark.parametrize("line, says, fix", [
    ('?? note "Meer over beheer"', "het blok begint met ??; alleen !!! of ???", 'schrijf ??? note "Meer over beheer"'),
    ("!!!! tip", "het blok begint met !!!!;", "schrijf !!! tip"),
    ('??+ info "Open"', "het blok begint met ??+;", 'schrijf ???+ info "Open"'),
    ("!!! tip “Vraag advies”", "staat tussen gekrulde aanhalingstekens", 'schrijf !!! tip "Vraag advies"'),
])
def test_an_admonition_python_markdown_shows_as_text_is_one_message_with_its_fix(
        tmp_path: Path, line: str, says: str, fix: str) -> None:
    import markdown as python_markdown

    text = f"# Blok\n\nTekst.\n\n{line}\n    Een zin in het blok.\n"
    page = write(tmp_path, "blok.md", text)
    found = check_markdown.admonitions([page], ROOT)
    only(found, relative(page, ROOT), 5, says)
    assert found[0].fix_nl == fix, str(found[0])
    fixed = python_markdown.markdown(text.replace(line, fix.removeprefix("schrijf ")),
                                     extensions=["admonition", "pymdownx.details"])
    assert 'class="admonition' in fixed or "<details" in fixed, fixed
    assert "“" not in fixed


@pytest.mark.parametrize("text", ["Zie hieronder.\n\n?? Wat nu?\n", "Wat?\n\n!! Let op !!\n", "Ja.\n\n?? hm\n"])
def test_two_marks_before_a_word_that_is_no_type_are_text(tmp_path: Path, text: str) -> None:
    assert check_markdown.admonitions([write(tmp_path, "blok.md", f"# Blok\n\n{text}")], ROOT) == []


@NODE_TOOLS
@pytest.mark.parametrize("mark", ["* [ ] Kies", "* Kies", "+ [ ] Kies"])
def test_one_list_item_with_another_mark_is_one_message(tmp_path: Path, mark: str) -> None:
    """markdownlint saw a new list and a blank line missing above it, at the line before; Python-Markdown
    keeps one list (found by a helper's probe)."""
    items = "- [ ] Bel\n- [ ] Schrijf\n" if "[ ]" in mark else "- Bel\n- Schrijf\n"
    page = write(tmp_path, "lijst.md", f"# Lijst\n\nTaken:\n\n{items}{mark}\n")
    only(check_markdown.check([page], ROOT), relative(page, ROOT), 7, "MD004")


@NODE_TOOLS
def test_a_table_in_a_list_item_without_blank_lines_is_one_message_with_the_indent_it_needs(tmp_path: Path) -> None:
    """Two messages, one per end of the table; and their fix (blank lines) put the table outside the list
    and split the list in two: Python-Markdown needs four spaces (found by a helper's probe)."""
    import markdown as python_markdown

    table = "  | Wat | Wie |\n  |---|---|\n  | Dak | De vereniging |\n"
    page = write(tmp_path, "lijst.md", f"# Lijst\n\n- het dak;\n{table}- de tuin.\n")
    found = check_markdown.check([page], ROOT)
    only(found, relative(page, ROOT), 4, "boven of onder de tabel ontbreekt een lege regel")
    assert "spring elke rij vier spaties in" in found[0].fix_nl
    fixed = f"# Lijst\n\n- het dak;\n\n{table.replace('  |', '    |')}\n- de tuin.\n"
    html = python_markdown.markdown(fixed, extensions=["tables"])
    assert html.count("<ul>") == 1 and "<li>\n<p>het dak;</p>\n<table>" in html, html
    assert check_markdown.check([write(tmp_path, "goed.md", fixed)], ROOT) == []


def test_a_definition_without_a_space_after_its_colon_is_one_message_with_its_fix(tmp_path: Path) -> None:
    import markdown as python_markdown

    text = "# Begrippen\n\nCPO\n:De groep is samen de opdrachtgever.\n\nSmiley\n:) blij\n"
    page = write(tmp_path, "lijst.md", text)
    found = check_markdown.unrendered([page], ROOT)
    only(found, relative(page, ROOT), 4, "na de dubbele punt van deze uitleg staat geen spatie")
    assert found[0].fix_nl == "zet drie spaties na de dubbele punt: ':   De groep is …'"
    fixed = python_markdown.markdown(text.replace(":De", ":   De"), extensions=["def_list"])
    assert "<dt>CPO</dt>" in fixed


def test_an_admonition_shown_as_code_is_not_checked_whatever_the_fences_inside(tmp_path):
    from dom_site.checks.markdown import admonitions

    # A ```` block may show a ``` block: the inner fences neither close nor open it
    # (the one rule of what is code, dom_site.source.in_fence).
    page = tmp_path / "p.md"
    page.write_text('# P\n\n````markdown\n```text\n!!!\n```\n````\n\n???\n\n    X\n', "utf-8")
    assert [(p.line, p.wrong_nl) for p in admonitions([page], tmp_path)] == [
        (9, "het blok (!!! of ???) heeft geen soort")]


@pytest.mark.parametrize("text, line", [
    ("**Let op: dit is belangrijk.\n", 3),
    ("__Let op: dit.\n", 3),
    # A heading ends at its line, a list item at the next item: bold cannot run on across them.
    ("## **Kop\n\nTekst.**\n", 3),
    ("- **Let op.\n- Dit is belangrijk.**\n", 3),
    ("| a | b |\n| --- | --- |\n| **x | y** |\n", 5),  # nor from one table cell into the next
])
def test_bold_left_open_in_its_paragraph_is_one_message_where_it_opens(tmp_path: Path, text: str, line: int) -> None:
    page = write(tmp_path, "vet.md", f"# Vet\n\n{text}")
    only(check_markdown.unrendered([page], ROOT), relative(page, ROOT), line, "vet begint hier met")
    assert check_markdown.unrendered([write(tmp_path, "vet2.md", "# Vet\n\nReken 2**3 uit.\n")], ROOT) == []


@pytest.mark.parametrize("text", [
    "**Let op.\nDit is belangrijk.**\n",       # one sentence per line, bold over two of them: it renders
    "- **Let op.\n  Dit is belangrijk.**\n- Ander punt.\n",
    "Reken 2**3 uit.\n", "Zie [p].\n\n[p]: https://example.org/pagina__oud\n", "Tekst.\n\n***\n\nMeer.\n",
    "| a | b |\n| --- | --- |\n| **x** | `a**b` |\n", "Zie https://example.org/a__b en meer.\n", "***Heel belangrijk.***\n",
    "Tot **€ 10.000** per woning.\n", "**18 jaar** of ouder, sinds **2027**.\n",  # bold that ends in a digit
    "> **Let op.\n> Dit is belangrijk.**\n",  # a quote over two lines is one block
])
def test_bold_that_renders_and_stars_that_are_no_bold_pass(tmp_path: Path, text: str) -> None:
    page = write(tmp_path, "vet.md", f"# Vet\n\n{text}")
    assert check_markdown.unrendered([page], ROOT) == []


@pytest.mark.parametrize("text, line, tag", [
    # Found by a helper's probe: the citable section below folded away in the <details>, without a word.
    ("<details markdown>\n<summary>Meer</summary>\n\nTekst.\n\n## Kop {#d-1}\n\nNog tekst.\n", 3, "details"),
    # Without markdown the rest of the page shows as raw text, its headings included.
    ('Zin.\n\n<div class="tip">\nTekst.\n\n## Kop\n\nNa.\n', 5, "div"),
    # A nested <div> closed, the outer one not.
    ("<div markdown>\n<div>binnen</div>\n\nTekst.\n", 3, "div"),
    # Straight under a heading or a sentence, without a blank line: Python-Markdown opens the block all
    # the same (found by a helper's probe: only markdownlint's blank line was said).
    ('## Kop\n<div class="tip">\n\nTip.\n\n## Twee\n', 4, "div"),
    ('Zin.\n<div class="tip">\n\nTip.\n', 4, "div"),
])
def test_an_html_block_never_closed_is_one_message_at_its_opening_tag(tmp_path: Path, text: str, line: int,
                                                                       tag: str) -> None:
    page = write(tmp_path, "html.md", f"# Html\n\n{text}")
    found = check_markdown.unrendered([page], ROOT)
    only(found, relative(page, ROOT), line, f"het HTML-blok <{tag}> op deze regel wordt nergens gesloten")
    assert f" — zet </{tag}> op een eigen regel waar het blok eindigt" in str(found[0])


@pytest.mark.parametrize("text, line", [
    # Found by a helper's probe: the W3C checker's message at line 1, with "remove markdown" as its fix.
    ('- Stap een.\n\n    <div class="tip" markdown>\n\n    Een **tip**.\n\n    </div>\n', 5),
    ('!!! tip "Let op"\n\n    <div class="tip">\n    Lees **dit**.\n    </div>\n', 5),
])
def test_an_html_block_inside_a_list_item_or_a_block_is_one_message_at_its_tag(tmp_path: Path, text: str,
                                                                               line: int) -> None:
    page = write(tmp_path, "html.md", f"# Html\n\n{text}")
    only(check_markdown.unrendered([page], ROOT), relative(page, ROOT), line,
         "een HTML-blok (<div>) binnen een lijstpunt of een blok (!!!) zet de site niet goed om")


@pytest.mark.parametrize("text", [
    '<div class="grid cards" markdown>\n\n-   Kaart\n\n</div>\n\nNa.\n',
    "<details markdown>\n<summary>Meer</summary>\n<div>\nbinnen\n</div>\n</details>\n",
    "Een zin met <div> erin is geen HTML-blok.\n\nNa.\n",  # inline: Python-Markdown keeps it in the paragraph
    "```html\n<div>\n```\n\nNa.\n", "Zie `<div>` hier.\n",  # code shows HTML, it opens nothing
    "Tekst.\n\n    <div>code</div>\n\nNa.\n",  # indented under a paragraph: a code block, shown as code
])
def test_closed_html_blocks_and_html_that_is_no_block_pass(tmp_path: Path, text: str) -> None:
    page = write(tmp_path, "html.md", f"# Html\n\n{text}")
    assert check_markdown.unrendered([page], ROOT) == []


@pytest.mark.parametrize("dashes", ["|---|:--|---|", "|--|--|--|", "|-|-|-|", "| --- | :-- | --: |", "--- | :-: | ---"])
def test_every_line_of_dashes_python_markdown_takes_passes(tmp_path: Path, dashes: str) -> None:
    import markdown as python_markdown

    table = f"| a | b | c |\n{dashes}\n| 1 | 2 | 3 |\n"
    assert "<table>" in python_markdown.markdown(table, extensions=["tables"])  # a table indeed
    assert check_markdown.unrendered([write(tmp_path, "tabel.md", f"# Tabel\n\n{table}")], ROOT) == []


def test_a_comment_to_the_writers_is_not_checked_as_text(tmp_path: Path) -> None:
    """An HTML comment is not on the page: a TODO, an open ** or a !!! in it is the source model's comment,
    not text (dom_site.source.parse leaves it out for every check)."""
    page = write(tmp_path, "notitie.md", "# Notitie\n\n<!--\nTODO: bron zoeken, **nog niet af\n!!!\n-->\n\nTekst.\n")
    assert check_markdown.unrendered([page], ROOT) == []
    assert check_markdown.admonitions([page], ROOT) == []


def test_a_footnote_written_on_the_page_is_one_message_not_also_an_unused_definition(tmp_path: Path,
                                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """The sources rule says it; markdownlint's "unused reference definition" (MD053) at that line is
    the same mistake and is not said besides (found by a helper's probe)."""
    from project_copy import copy_project

    from dom_site import cli

    project = copy_project(tmp_path / "p")
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    page = project / "docs" / "draaiboek" / "beheer.md"
    page.write_text(page.read_text("utf-8") + "\n[^opmerking]: Dit is een opmerking.\n", "utf-8")
    line = len(page.read_text("utf-8").splitlines())
    assert cli.main(["check", "bronnen", "markdown"], project) == 1
    said = [text for text in capsys.readouterr().out.splitlines() if text.startswith("docs/")]
    assert said == [text for text in said if text.startswith(f"docs/draaiboek/beheer.md:{line}: ")] and len(said) == 1, said
    assert "de pagina schrijft de bron [^opmerking] zelf uit" in said[0], said


def test_a_bare_e_mail_address_gets_a_mailto_link_as_its_fix(tmp_path: Path) -> None:
    """markdownlint calls it a bare URL; an https:// link would be the wrong fix (found by a helper's probe)."""
    page = write(tmp_path, "mail.md", "# Mail\n\nMail naar info@example.org voor vragen.\n")
    [said] = check_markdown.check([page], ROOT)
    assert (said.line, said.wrong_nl, said.fix_nl) == (
        3, "er staat een los e-mailadres in de tekst (MD034)",
        "maak er een link van: [info@example.org](mailto:info@example.org)"), said
