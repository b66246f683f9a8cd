"""The content rules over the source model (dom_site.rules): what each refuses, at which line,
and that one mistake gives one message with the right fix.

In-process: each test writes a small docs folder (and, where needed, a registry) into
tmp_path and runs the rules on it; the real site's rules run once on the real docs.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import ROOT
from mkdocs.exceptions import PluginError

from dom_site import citation_registry, rules, source
from dom_site.messages import Problem

SOURCE = "[^s1]: Bron, titel, 2024: <https://example.org/2024/bron>.\n"
# Rules on a bare folder of pages: no registries, every page in both languages, facts everywhere.
PAGES = ["bestandsnamen", "veilig", "koppen", "feiten"]


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def pair(folder: Path, dutch: str, english: str | None = None, name: str = "hoofdstuk") -> None:
    """A Dutch page and its English twin (the same text unless given)."""
    write(folder, f"{name}.md", dutch)
    write(folder, f"{name}.en.md", dutch if english is None else english)


def run(docs: Path, names: list[str] = PAGES, root: Path | None = None) -> list[str]:
    settings = rules.Settings(translated=("",), facts=("",), extra_dirs=())
    context = rules.Context(root or docs.parent, source.load(docs, shown=str(docs)), settings)
    return [str(p) for p in rules.run(context, names)]


# --- the real site -------------------------------------------------------------------

def test_the_real_sources_pass_every_rule() -> None:
    assert [str(p) for p in rules.run(rules.Context.of(ROOT))] == []


# --- every code block closed (codeblokken) ------------------------------------------------

def test_a_code_block_never_closed_is_one_message_at_its_start(tmp_path: Path) -> None:
    english = "# Title\n\n## One {#een}\n\n## Two {#twee}\n\n## Three {#drie}\n"
    pair(tmp_path, "# Titel\n\n## Een {#een}\n\n````text\nvoorbeeld\n\n## Twee {#twee}\n\n## Drie {#drie}\n", english)
    said = run(tmp_path, ["codeblokken", *PAGES])
    assert said == [f"{tmp_path}/hoofdstuk.md:5: hier begint een codeblok (````), maar het wordt nergens gesloten; daarom "
                    "toont de site het als gewone tekst, en ook de codeblokken verderop — zet ```` op een eigen regel "
                    "waar de code eindigt (of haal deze regel weg als er geen code bedoeld is) (English: a code block "
                    "starts here (````) but is never closed, so the site shows it as plain text, and the code blocks "
                    "further down too — put ```` on a line of its own where the code ends (or remove this line if no "
                    "code was meant))"], said


RENDERED = ["## A {#a}\n\n```text\nx\n\n## B {#b}\n\n~~~\n## C {#c}\n~~~\n",
            "```text\nx\n\n## B {#b}\n\n```\ncode\n```\n\n## D {#d}\n",
            "````md\n```\n## E {#e}\n```\n````\n\n## F {#f}\n",
            "!!! note\n\n    ```py\n    x = 1\n\n```\n## G {#g}\n```\n",
            # Found in review: an indented fence ends with its block; fences below still open blocks.
            "## A {#a}\n\n!!! note\n\n    ```py\n    x = 1\n\n## B {#b}\n\n```\n## C {#c}\n```\n\n## D {#d}\n",
            "- Een punt\n\n    ```text\n    x\n\n## H {#h}\n\n~~~\n## I {#i}\n~~~\n"]


@pytest.mark.parametrize("text", RENDERED)
def test_the_source_model_reads_fences_as_the_sites_renderer_does(text: str) -> None:
    """Which headings a page has is what the rules compare: the model must not see code where
    superfences renders headings (an unclosed fence is text, and no fence after it opens a block)."""
    import markdown

    html = markdown.markdown(text, extensions=["attr_list", "admonition", "pymdownx.superfences"])
    rendered = re.findall(r'<h2 id="([a-z]+)"', html)
    assert [h.id for h in source.parse("x.md", text, "x.md").headings] == rendered, html


@pytest.mark.parametrize("text", ["```\ncode\n```\n", "~~~~\n```\nbinnen\n```\n~~~~\n", "    ```py\n    x\n    ```\n",
                                  "Tekst met ``` in de zin.\n"])
def test_closed_code_blocks_pass(tmp_path: Path, text: str) -> None:
    assert source.parse("x.md", f"# T\n\n{text}\n## Kop {{#kop}}\n", "x.md").unclosed_fence == 0


@pytest.mark.parametrize("text, line", [("```\ncode\n", 3), ("~~~\n```\n", 3), ("````\n```\n```\n", 3),
                                        ("```\nx\n```\n\n```py\n", 7),
                                        ("!!! note\n\n    ```py\n    x\n\nTekst.\n\n```\ny\n```\n", 5)])
def test_the_fence_nothing_closes_is_found(text: str, line: int) -> None:
    assert source.parse("x.md", f"# T\n\n{text}", "x.md").unclosed_fence == line


BLOCKS_PAGE = """# Kop {#kop}

Een zin
die doorloopt.
- Een punt
  dat doorloopt.
- Nog een punt.

> Een citaat
> over twee regels.

| a | b |
| --- | --- |

!!! note "Titel"
    De tekst van het blok.

=== "Tab"

    Tekst in de tab.

***
Na de lijn.[^s1]

[^s1]: Bron, titel.
    Nog een regel van de bron.

*[DOM]: Dorpenoverleg Midden-Drenthe
"""


def test_the_source_model_splits_prose_into_the_blocks_the_reader_sees() -> None:
    """One splitter for every rule that asks where a block ends (the facts rule's sentences, the bold
    check): the same kinds and the same lines as Python-Markdown's blocks."""
    page = source.parse("x.md", BLOCKS_PAGE, "x.md")
    assert [(block.kind, [number for number, _ in block.lines]) for block in source.blocks(page.prose)] == [
        ("heading", [1]), ("paragraph", [3, 4]), ("item", [5, 6]), ("item", [7]), ("quote", [9, 10]),
        ("row", [12]), ("row", [13]), ("title", [15]), ("paragraph", [16]), ("title", [18]), ("paragraph", [20]),
        ("paragraph", [23]), ("footnote", [25, 26]), ("abbreviation", [28])]


# --- facts need a footnote (feiten) -----------------------------------------------------

def test_a_clean_page_passes(tmp_path: Path) -> None:
    text = (
        "# Titel\n\n## Stap {#stap}\n\n"
        "De subsidie is € 10.000,\n"
        "en loopt tot 2027.[^s1]\n\n"
        "- Een lening van EUR 50.000.[^s1]\n\n"
        "| Procedure | Termijn |\n|---|---|\n| Regulier | 8 weken[^s1] |\n\n"
        "Zie [de regeling](https://example.org/2023/regeling) en `artikel 5`.\n\n"
        "```\n€ 5 in code telt niet\n```\n\n"
        f"{SOURCE}"
    )
    pair(tmp_path, text)
    assert run(tmp_path) == []


@pytest.mark.parametrize(
    ("line", "kind_nl", "kind_en"),
    [
        ("Een subsidie tot € 10.000.", "een bedrag", "an amount"),
        ("Een lening tot EUR 50.000.", "een bedrag", "an amount"),
        # The translation rule's figures are the facts rule's: an amount in euro written out is one too.
        ("Het fonds heeft 1,5 miljoen euro.", "een bedrag", "an amount"),
        ("A loan of 10,000 euros.", "een bedrag", "an amount"),
        ("Rente van 3% per jaar.", "een percentage", "a percentage"),
        ("Dat staat in artikel 16.55 van de wet.", "een wetsartikel", "a legal article"),
        ("Zie art. 18a Woningwet.", "een wetsartikel", "a legal article"),
        ("The Act says so in article 16.55.", "een wetsartikel", "a legal article"),
        ("De gemeente beslist binnen 8 weken.", "een aantal", "a number"),
        ("Minstens 5 woningen.", "een aantal", "a number"),
        ("For at least 5 homes.", "een aantal", "a number"),
        ("Het project duurde 3 jaar.", "een aantal", "a number"),
        ("Opgericht in 1975.", "een jaartal", "a year"),
        ("De inschrijving sluit op 5 januari.", "een datum", "a date"),
        # The month names are the data files' (dom_site.dates): "5 Januari" is read as a date there too.
        ("De inschrijving sluit op 5 Januari.", "een datum", "a date"),
        ("Bel 0593 123 456 op werkdagen.", "een telefoonnummer", "a phone number"),
        ("Bel 06-12345678.", "een telefoonnummer", "a phone number"),
        ("Call +31 593 123456.", "een telefoonnummer", "a phone number"),
        ("Mail naar info@dorpen.example.nl.", "een e-mailadres", "an e-mail address"),
    ],
)
def test_a_fact_without_a_footnote_is_reported_with_file_and_line(tmp_path: Path, line: str, kind_nl: str,
                                                                    kind_en: str) -> None:
    write(tmp_path, "hoofdstuk.md", f"# Titel\n\nEerste zin.\n{line}\n")
    write(tmp_path, "hoofdstuk.en.md", "# Title\n")
    out = run(tmp_path)
    assert len(out) == 1, out
    assert out[0].startswith(f"{tmp_path / 'hoofdstuk.md'}:4: ")
    link = "maak er een link van, [info@dorpen.example.nl](mailto:info@dorpen.example.nl); en " if "@" in line else ""
    assert f"is {kind_nl} zonder voetnoot in dezelfde zin — {link}zet er een voetnoot naar de bron achter: [^sleutel]" \
        in out[0]
    assert "(English: " in out[0] and f"is {kind_en} without a footnote in the same sentence" in out[0]


def test_a_footnote_in_another_paragraph_does_not_count(tmp_path: Path) -> None:
    pair(tmp_path, f"# T\n\nTot € 10.000.\n\nBron.[^s1]\n\n{SOURCE}")
    out = run(tmp_path)
    assert len(out) == 2 and all(":3: '€ 10.000' is een bedrag" in line for line in out), out  # once per language


def test_each_list_item_and_table_row_needs_its_own_footnote(tmp_path: Path) -> None:
    write(tmp_path, "hoofdstuk.md", f"# T\n\n- Tot € 10.000.[^s1]\n- Tot € 50.000.\n\n| a | b |\n|---|---|\n| 8 weken | x |\n\n{SOURCE}")
    write(tmp_path, "hoofdstuk.en.md", "# T\n")
    assert [line.split(": ", 1)[0].rsplit(":", 1)[1] for line in run(tmp_path)] == ["4", "8"]


def test_a_list_item_may_continue_on_the_next_line(tmp_path: Path) -> None:
    pair(tmp_path, f"# T\n\n- Tot € 10.000,\n  zegt de provincie.[^s1]\n\nTerm\n:   Ten minste 5 woningen\n    in elk dorp.[^s1]\n\n{SOURCE}")
    assert run(tmp_path) == []


def test_a_footnote_after_another_sentence_of_the_paragraph_does_not_count(tmp_path: Path) -> None:
    """One sentence per line: the footnote of the next sentence may source that sentence only. The message
    names it as the one to check, and never adds it by itself."""
    write(tmp_path, "hoofdstuk.md", f"# T\n\nIn 2025 kreeg het fonds € 60,6 miljoen.\nDat geld is voor een fonds.[^s1]\n\n{SOURCE}")
    write(tmp_path, "hoofdstuk.en.md", "# T\n")
    assert run(tmp_path) == [
        f"{tmp_path / 'hoofdstuk.md'}:3: '2025' is een jaartal zonder voetnoot in dezelfde zin — zet achter deze zin de "
        "voetnoot van de bron die dit zegt; zegt [^s1] het, zet dan [^s1] ook hier (English: '2025' is a year without a "
        "footnote in the same sentence — add the footnote of the source that says it after this sentence; if [^s1] does, "
        "add [^s1] here too)"]


@pytest.mark.parametrize("ending", [".", "?", "!", ":", ";", ".)", '."', ".**", ". <!-- x -->"])
def test_a_sentence_ends_at_its_mark_and_a_sentence_without_one_goes_on(tmp_path: Path, ending: str) -> None:
    # Ended: the next line's footnote is another sentence's. Not ended (a comma): it is this sentence's.
    write(tmp_path, "hoofdstuk.md", f"# T\n\n(**Tot € 10.000{ending}\nzegt de provincie.[^s1]\n\n{SOURCE}")
    write(tmp_path, "hoofdstuk.en.md", f"# T\n\nUp to € 10,000,\nsays the province.[^s1]\n\n{SOURCE}")
    out = run(tmp_path)
    assert len(out) == 1 and out[0].startswith(f"{tmp_path / 'hoofdstuk.md'}:3: '€ 10.000' is een bedrag"), out


def test_an_admonition_body_is_a_paragraph(tmp_path: Path) -> None:
    write(tmp_path, "hoofdstuk.md", '# T\n\n!!! tip "Let op"\n    Het duurt vaak 2 jaar.\n    Dat is normaal.\n')
    write(tmp_path, "hoofdstuk.en.md", "# T\n")
    out = run(tmp_path)
    assert len(out) == 1 and ":4: '2 jaar' is een aantal" in out[0]


def test_urls_ids_and_front_matter_are_not_facts(tmp_path: Path) -> None:
    pair(tmp_path, "---\ndate: 2024-01-01\n---\n# T\n\n## Kop {#d-2024}\n\nLees <https://example.org/2023/x> of [dit](https://example.org/nieuws/2022).\n")
    assert run(tmp_path) == []


def test_a_definition_may_continue_on_indented_lines(tmp_path: Path) -> None:
    pair(tmp_path, "# T\n\nTekst.[^s1]\n\n[^s1]: Bron,\n    uit 2024, met € 5 in de titel.\n")
    assert run(tmp_path) == []


# --- headings: a fixed id, the same in both languages (koppen) ------------------------------

NL = """---
title: Voorbeeld
---

# Titel

## Eerste deel {#een}

```markdown
## Geen kop in een codeblok
```

### Onderdeel {: #twee .klein }

## Laatste deel {#drie}
"""

EN = """# Title

## First part {#een}

### Sub-part {: #twee .klein }

## Last part {#drie}
"""


def headings(tmp_path: Path, english: str, dutch: str = NL) -> list[str]:
    pair(tmp_path, dutch, english, name="x")
    return run(tmp_path, ["koppen"])


def test_headings_are_found_with_their_ids_and_lines() -> None:
    page = source.parse("x.md", NL, "docs/x.md")
    assert [(h.line, h.level, h.id) for h in page.headings] == [(5, 1, None), (7, 2, "een"), (13, 3, "twee"), (15, 2, "drie")]


def test_same_ids_in_the_same_order_pass(tmp_path: Path) -> None:
    assert headings(tmp_path, EN) == []


def test_an_id_changed_in_one_language_is_one_message_with_the_id_to_write(tmp_path: Path) -> None:
    """Before: "#last-part is not in the Dutch page" and "#drie is missing from the English page",
    two messages for one change, neither saying to write {#drie}."""
    x, x_en = tmp_path / "x.md", tmp_path / "x.en.md"
    assert headings(tmp_path, EN.replace("{#drie}", "{#last-part}")) == [
        f"{x_en}:7: het ID #last-part hoort #drie te zijn: in {x} (regel 15) heeft dezelfde kop {{#drie}} — schrijf "
        f"{{#drie}} achter de kop (ID's veranderen nooit: citaten verwijzen ernaar) (English: the ID #last-part should "
        f"be #drie: in {x} (line 15) the same heading has {{#drie}} — write {{#drie}} after the heading (IDs never "
        "change: citations point to them))"]
    # Without a registry the Dutch page is authoritative: changed there, the English follows.
    [said] = headings(tmp_path, EN, NL.replace("{#drie}", "{#laatste}"))
    assert said.startswith(f"{x_en}:7: het ID #drie hoort #laatste te zijn: in {x} (regel 15)"), said


def test_english_id_that_dutch_does_not_have(tmp_path: Path) -> None:
    found = headings(tmp_path, EN + "\n## Extra {#extra}\n")
    x, x_en = tmp_path / "x.md", tmp_path / "x.en.md"
    assert len(found) == 1 and found[0].startswith(f"{x_en}:9: het ID #extra staat niet in de Nederlandse pagina {x} — ")
    assert f"(English: the ID #extra is not in the Dutch page {x} — use the ID" in found[0]


def test_a_heading_that_lost_its_id_is_told_to_put_it_back(tmp_path: Path) -> None:
    found = headings(tmp_path, EN.replace(" {#een}", ""))
    assert found == [found[0]], found  # one mistake, one message
    assert found[0].startswith(f"{tmp_path / 'x.en.md'}:3: de kop 'First part' heeft geen vast ID meer; "
                               f"in {tmp_path / 'x.md'} (regel 7) heeft dezelfde kop {{#een}} — zet {{#een}} terug")


def test_a_new_heading_without_id_gets_an_id_to_add(tmp_path: Path) -> None:
    found = headings(tmp_path, EN + "\n## New part\n", NL + "\n## Nieuw deel\n")
    assert len(found) == 1, found  # one message for both languages, on the Dutch page
    assert ":17: de kop 'Nieuw deel' heeft geen vast ID — zet er een vast ID achter, bijvoorbeeld {#nieuw-deel}" in found[0]


def test_missing_heading_in_english(tmp_path: Path) -> None:
    found = headings(tmp_path, EN.replace("### Sub-part {: #twee .klein }\n\n", ""))
    assert found == [found[0]] and "de kop #twee uit" in found[0] and "(regel 13) ontbreekt" in found[0]


def test_same_id_twice(tmp_path: Path) -> None:
    found = headings(tmp_path, EN.replace("{#drie}", "{#een}"))
    # The Dutch page shows which heading lost its ID: that one message, with the ID to put back.
    assert len(found) == 1, found
    assert found[0].startswith(f"{tmp_path / 'x.en.md'}:7: het ID #een staat ook op regel 3; in {tmp_path / 'x.md'} ")
    assert "zet {#drie} terug achter deze kop" in found[0]


def test_same_id_twice_in_both_languages_is_one_message_on_the_dutch_page(tmp_path: Path) -> None:
    found = headings(tmp_path, EN.replace("{#drie}", "{#een}"), NL.replace("{#drie}", "{#een}"))
    assert len(found) == 1 and "x.md:15: het ID #een staat ook al op regel 7 — " in found[0], found


def test_a_malformed_id(tmp_path: Path) -> None:
    found = headings(tmp_path, EN.replace("{#drie}", "{#D_3}"), NL.replace("{#drie}", "{#D_3}"))
    assert ":15: het ID 'D_3' mag alleen kleine letters, cijfers en streepjes hebben — schrijf een kleine letter" in found[0]
    assert "{#d-3}" in found[0]


def test_other_order(tmp_path: Path) -> None:
    swapped = "# Title\n\n## Last part {#drie}\n\n## First part {#een}\n\n### Sub-part {#twee}\n"
    x, x_en = tmp_path / "x.md", tmp_path / "x.en.md"
    assert headings(tmp_path, swapped) == [
        f"{x_en}:3: de koppen staan in een andere volgorde dan in {x} (hier #drie, in het Nederlands #een) — "
        "zet de koppen in dezelfde volgorde als in de Nederlandse pagina (English: the headings are in another "
        f"order than in {x} (here #drie, in Dutch #een) — put the headings in the same order as in the Dutch page)"]


def test_a_dutch_page_without_english_twin_where_both_are_required(tmp_path: Path) -> None:
    write(tmp_path, "hoofdstuk.md", "# T\n\n## A {#a}\n")
    out = run(tmp_path)
    assert out == [f"{tmp_path / 'hoofdstuk.md'}:1: deze pagina heeft geen Engelse vertaling hoofdstuk.en.md — "
                   "maak hoofdstuk.en.md met dezelfde koppen en ID's (English: this page has no English translation "
                   "hoofdstuk.en.md — create hoofdstuk.en.md with the same headings and IDs)"]


# --- one mistake, one message (the registry, the twin and the heading rule agree) ----------

@pytest.fixture()
def project(tmp_path: Path) -> Path:
    """The real docs, registries and schemas in a temporary folder, to break on purpose."""
    for part in ("docs", "registry", "schemas", "includes"):
        shutil.copytree(ROOT / part, tmp_path / part)
    return tmp_path


def check(project: Path) -> list[Problem]:
    return rules.run(rules.Context(project, source.load(project / "docs")))


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_removing_a_citable_id_gives_one_message_that_restores_it(project: Path) -> None:
    edit(project / "docs/draaiboek/financiering.md", "### Maak een begroting {#d-41}", "### Maak een begroting")
    found = check(project)
    assert len(found) == 1, "\n".join(map(str, found))
    assert found[0].path == "docs/draaiboek/financiering.md" and found[0].line == 22
    assert "zet {#d-41} terug achter de kop" in found[0].fix_nl
    assert "put {#d-41} back" in found[0].fix_en


def test_a_citable_id_changed_into_one_the_page_has_gives_one_message_that_restores_it(project: Path) -> None:
    """d-41 written as d-42, which the page has further down: the heading rule, the citation
    rule and the English page each said something (three messages, two fixes)."""
    edit(project / "docs/draaiboek/financiering.md", "### Maak een begroting {#d-41}", "### Maak een begroting {#d-42}")
    found = check(project)
    assert len(found) == 1, "\n".join(map(str, found))
    assert (found[0].path, found[0].line) == ("docs/draaiboek/financiering.md", 22)
    assert "staat ook op regel 34" in found[0].wrong_nl and "zet {#d-41} terug achter deze kop" in found[0].fix_nl


def test_the_same_id_changed_in_both_languages_gives_one_message_naming_the_lost_id(project: Path) -> None:
    for page in ("financiering.md", "financiering.en.md"):
        edit(project / "docs/draaiboek" / page, "{#d-42}", "{#d-41}")
    found = check(project)
    assert len(found) == 1, "\n".join(map(str, found))
    assert (found[0].path, found[0].line) == ("docs/draaiboek/financiering.md", 34)
    assert "het register noemt {#d-42} voor deze pagina" in found[0].wrong_nl


def test_an_english_page_without_its_dutch_page_gives_one_message(project: Path) -> None:
    write(project / "docs", "over/extra.en.md", "# Extra\n\nText.\n")
    found = check(project)
    assert [str(p) for p in found] == [
        "docs/over/extra.en.md:1: bij deze Engelse pagina ontbreekt de Nederlandse pagina 'extra.md' in dezelfde map "
        "— maak eerst 'extra.md': het Nederlands is leidend (of haal deze Engelse pagina weg) (English: this English "
        "page has no Dutch page 'extra.md' in the same folder — write 'extra.md' first: the Dutch text is "
        "authoritative (or remove this English page))"]


def test_an_english_village_page_without_its_dutch_page_gives_one_message(project: Path) -> None:
    write(project / "docs", "maatwerk/dorpen/nergens.en.md", "# Nowhere\n")
    found = check(project)
    assert len(found) == 1 and found[0].path == "docs/maatwerk/dorpen/nergens.en.md", [str(p) for p in found]


def test_a_release_without_date_is_one_message_at_its_line_not_a_crash(project: Path) -> None:
    edit(project / "registry/ids.yml", "  - {version: \"1.0\", date: 2026-11-28, commit:",
         "  - {version: \"1.0\", commit:")
    found = check(project)
    assert len(found) == 1, [str(p) for p in found]
    line = next(n for n, text in enumerate((project / "registry/ids.yml").read_text().splitlines(), 1)
                if text.startswith("  - {version"))
    assert (found[0].path, found[0].line) == ("registry/ids.yml", line)
    assert "ontbreekt het veld 'date'" in found[0].wrong_nl and "date: …" in found[0].fix_nl
    with pytest.raises(PluginError, match=r"registry/ids.yml:\d+: bij releases → nr. 1 ontbreekt het veld 'date'"):
        citation_registry.load_registry(project / "registry/ids.yml")


def test_a_malformed_id_in_the_registry_is_one_message_at_its_own_line(project: Path) -> None:
    """The key's own line, not the line of `ids:` above it (dom_site.data_file)."""
    registry = project / "registry/ids.yml"
    edit(registry, "\n  d-41:", "\n  D-41:")
    line = next(n for n, text in enumerate(registry.read_text().splitlines(), 1) if text.startswith("  D-41:"))
    _, found = citation_registry.read_registry(registry, project)
    assert [str(p).split(" — ")[0] for p in found] == [f"registry/ids.yml:{line}: de naam 'D-41' in ids heeft niet de juiste vorm"]


def test_an_unclosed_quote_in_a_data_file_is_reported_where_it_opened(tmp_path: Path) -> None:
    """YAML notices the missing quote at the end of the file; the mistake is on line 2."""
    from dom_site import data_file

    (tmp_path / "ids.yml").write_text("ids:\n  d-1: \"Wonen\n  d-2: Bouwen\n  d-3: Huren\n", "utf-8")
    _, _, found = data_file.read(tmp_path / "ids.yml", "registry/ids.yml")
    assert [(p.path, p.line) for p in found] == [("registry/ids.yml", 2)]
    assert "dit bestand is niet te lezen" in found[0].wrong_nl


def test_an_unregistered_id_in_both_languages_is_one_message_on_the_dutch_page(project: Path) -> None:
    edit(project / "docs/draaiboek/financiering.md", "### Maak een begroting {#d-41}", "### Maak een begroting {#d-999}")
    edit(project / "docs/draaiboek/financiering.en.md", "{#d-41}", "{#d-999}")
    found = check(project)
    assert len(found) == 2, [str(p) for p in found]  # the new ID is unregistered; d-41 vanished from the site
    assert found[0].path == "docs/draaiboek/financiering.md" and "d-999 staat niet in het register" in found[0].wrong_nl
    assert found[1].path == "registry/ids.yml" and "d-41 komt niet meer voor" in found[1].wrong_nl


def test_the_build_stops_with_the_same_message(project: Path) -> None:
    from mkdocs.config import load_config

    from dom_site.plugins.rules import RulesPlugin

    edit(project / "docs/draaiboek/financiering.md", "### Maak een begroting {#d-41}", "### Maak een begroting")
    (project / "mkdocs.yml").write_text("site_name: t\ntheme: material\n", "utf-8")
    config = load_config(str(project / "mkdocs.yml"))
    plugin = RulesPlugin()
    plugin.load_config({})
    with pytest.raises(PluginError, match=r"De inhoud heeft 1 fout\(en\).*\ndocs/draaiboek/financiering.md:22: "
                                          r"de kop 'Maak een begroting' heeft geen vast ID meer"):
        plugin.on_files(None, config=config)  # type: ignore[arg-type]


# --- the data at the top of a page (gegevens) -----------------------------------------------

# (front matter as written, file line of the message, words of the Dutch message, words of its fix)
BAD_PAGE_DATA = [
    pytest.param("title: [Wonen", 2, "de gegevens bovenaan deze pagina zijn niet te lezen", "'veld: waarde'",
                 id="geen-yaml"),
    pytest.param("title: 'Wonen\ndescription: Over wonen", 2, "de gegevens bovenaan deze pagina zijn niet te lezen",
                 "'veld: waarde'", id="aanhalingsteken-niet-gesloten"),
    pytest.param("title: [Wonen\ndescription: Over wonen", 2, "de gegevens bovenaan deze pagina zijn niet te lezen",
                 "'veld: waarde'", id="haakje-niet-gesloten"),
    pytest.param("title: Wonen: in dorpen", 2, "de gegevens bovenaan deze pagina zijn niet te lezen",
                 "tussen aanhalingstekens", id="dubbele-punt"),
    pytest.param("title: Wonen\ntitle: Huizen", 3, "het veld 'title' staat twee keer in de gegevens bovenaan deze "
                 "pagina (ook op regel 2)", "houd één van de twee over", id="veld-twee-keer"),
    pytest.param("Wonen in dorpen", 2, "de gegevens bovenaan deze pagina bevatten geen velden",
                 "of haal beide regels --- weg", id="geen-velden"),
    pytest.param("\n- Wonen", 3, "de gegevens bovenaan deze pagina bevatten geen velden",
                 "'veld: waarde'", id="een-lijst"),
    pytest.param("description: Over wonen\ntitel: Wonen", 3, "deze pagina heeft een onbekend veld 'titel'",
                 "misschien bedoel je 'title'", id="onbekend-veld"),
    pytest.param("tekstsoort: brief", 2, "klopt het soort tekst niet ('brief')", "kies uit: uitleg, voorstel, site",
                 id="geen-brief-van-dom"),
    pytest.param("glossary: 'false'", 2, "klopt de uitleg van begrippen niet ('false')", "schrijf het zo: 'glossary: false'",
                 id="glossary-tekst"),
    pytest.param("description: Over wonen\ntitle:", 3, "klopt de titel niet (leeg)", "schrijf het zo: 'title: Financiering'",
                 id="titel-leeg"),
    # On the Dutch page the stamp is wrong whatever its value (a helper's probe: a real stamp passed there).
    pytest.param("vertaald_van: 12", 2, "vertaald_van hoort alleen bovenaan een Engelse pagina",
                 "haal deze regel weg", id="versie-op-nederlandse-pagina"),
    pytest.param("title: Wonen\nvertaald_van: '0123456789ab'", 3, "vertaald_van hoort alleen bovenaan een Engelse pagina",
                 "haal deze regel weg", id="echte-versie-op-nederlandse-pagina"),
    pytest.param("search: ja", 2, "klopt zoeken niet ('ja')", "schrijf hier velden eronder", id="zoeken-geen-velden"),
    pytest.param("icon: home", 2, "klopt het pictogram niet ('home')", "'icon: material/home'", id="pictogram-zonder-map"),
]


@pytest.mark.parametrize(("front", "line", "wrong", "fix"), BAD_PAGE_DATA)
def test_a_page_whose_data_is_wrong_gets_one_message_at_its_line(tmp_path: Path, front: str, line: int,
                                                                   wrong: str, fix: str) -> None:
    """MkDocs would show unreadable data as text on the page and ignore a misspelt field, silently."""
    docs = tmp_path / "docs"
    pair(docs, f"---\n{front}\n---\n# Wonen\n", "# Housing\n")
    found = rules.run(rules.Context(tmp_path, source.load(docs)), ["gegevens"])
    assert len(found) == 1, [str(p) for p in found]
    assert (found[0].path, found[0].line) == ("docs/hoofdstuk.md", line)
    assert wrong in found[0].wrong_nl and fix in found[0].fix_nl, str(found[0])


def test_the_fields_a_page_may_have_pass(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    pair(docs, "---\ntitle: Wonen\ndescription: Over wonen.\ntekstsoort: voorstel\nglossary: false\n"
               "hide: [toc]\nsearch: {exclude: true}\nicon: material/home\n---\n# Wonen\n",
         "---\nvertaald_van: 0123456789ab\n---\n# Housing\n")
    assert rules.run(rules.Context(tmp_path, source.load(docs)), ["gegevens"]) == []


def test_only_mkdocs_yml_names_the_pages_of_doms_letter() -> None:
    """The kinds a page may claim for itself are kinds of the status line, but never DOM's own words."""
    import json

    from dom_site.plugins.status import KINDS
    from dom_site.rules.front_matter import SCHEMA

    claimable = json.loads(SCHEMA.read_text("utf-8"))["properties"]["tekstsoort"]["enum"]
    assert set(claimable) < set(KINDS) and not {"brief", "vertaling"} & set(claimable)


def test_a_village_page_with_unreadable_data_gets_one_message(project: Path) -> None:
    edit(project / "docs/maatwerk/dorpen/elp.md", "naam: Elp", "naam: Elp: het dorp")
    found = check(project)
    assert len(found) == 1, [str(p) for p in found]
    assert found[0].path == "docs/maatwerk/dorpen/elp.md" and "niet te lezen" in found[0].wrong_nl


def test_a_field_that_lost_its_indentation_is_one_message_at_its_line_not_one_per_hamlet(project: Path) -> None:
    """'lat:' at the margin under 'coordinaten:' (found by a helper's probe): PyYAML noticed it at 'lon:',
    and the hamlets that are part of Beilen were told Beilen had no page, with a wrong fix."""
    page = project / "docs/maatwerk/dorpen/beilen.md"
    text = page.read_text("utf-8")
    assert "\n  lat: " in text
    page.write_text(text.replace("\n  lat: ", "\nlat: ", 1), "utf-8")
    line = next(number for number, row in enumerate(page.read_text("utf-8").splitlines(), start=1)
                if row.startswith("lat: "))
    found = check(project)
    assert [(p.path, p.line) for p in found] == [("docs/maatwerk/dorpen/beilen.md", line)], [str(p) for p in found]
    assert "niet te lezen" in found[0].wrong_nl



def test_latitude_and_longitude_swapped_is_one_message_with_both_in_their_places(project: Path) -> None:
    """Each was out of the box, two messages, neither saying why (found by a helper's probe)."""
    page = project / "docs/maatwerk/dorpen/beilen.md"
    text = page.read_text("utf-8")
    lat, lon = re.search(r"\n  lat: ([0-9.]+)\n  lon: ([0-9.]+)", text).groups()
    page.write_text(text.replace(f"  lat: {lat}\n  lon: {lon}", f"  lat: {lon}\n  lon: {lat}", 1), "utf-8")
    found = check(project)
    assert len(found) == 1, [str(p) for p in found]
    assert found[0].wrong_nl == f"de breedte en de lengte zijn verwisseld (lat: {lon}, lon: {lat})"
    assert found[0].fix_nl == f"schrijf lat: {lat} en lon: {lon}" and found[0].path == "docs/maatwerk/dorpen/beilen.md"
    assert found[0].line == page.read_text("utf-8").splitlines().index(f"  lat: {lon}") + 1


def test_coordinates_written_on_one_line_are_said_in_the_plural(project: Path) -> None:
    page = project / "docs/maatwerk/dorpen/beilen.md"
    page.write_text(re.sub(r"coordinaten:\n  lat: ([0-9.]+)\n  lon: ([0-9.]+)", r"coordinaten: \1, \2",
                           page.read_text("utf-8")), "utf-8")
    [problem] = check(project)
    assert "kloppen de coördinaten niet" in problem.wrong_nl and "the coordinates are not valid" in problem.wrong_en


def test_a_village_page_copied_with_another_villages_name_is_told_to_change_the_name(project: Path) -> None:
    """Its fix was 'name the file elp.md', onto the page that is there (found by a helper's probe)."""
    folder = project / "docs/maatwerk/dorpen"
    for suffix in (".md", ".en.md"):
        (folder / f"zuidveld{suffix}").write_text((folder / f"elp{suffix}").read_text("utf-8"), "utf-8")
    names = [p for p in check(project) if p.path == "docs/maatwerk/dorpen/zuidveld.md" and "naam" in p.wrong_nl]
    assert len(names) == 1, [str(p) for p in check(project)]
    assert names[0].fix_nl == "'Elp' is de naam van elp.md; schrijf bij naam: de naam van het dorp van deze pagina"


def test_a_village_parts_id_changed_in_english_is_one_message_at_its_heading(project: Path) -> None:
    """The village rule also said the part was missing, at the page's first line, with 'copy the heading
    from the template', which would add a second one (found by a helper's probe)."""
    page = project / "docs/maatwerk/dorpen/elp.en.md"
    page.write_text(page.read_text("utf-8").replace("{#maatwerk}", "{#tailored-approach}"), "utf-8")
    [problem] = check(project)
    assert problem.path == "docs/maatwerk/dorpen/elp.en.md"
    assert "{#tailored-approach}" in page.read_text("utf-8").splitlines()[problem.line - 1]
    assert "het ID #tailored-approach hoort #maatwerk te zijn" in problem.wrong_nl

def test_a_village_page_in_another_folder_gets_one_message_not_one_per_field(project: Path) -> None:
    for name in ("elp.md", "elp.en.md"):
        (project / "docs/maatwerk/dorpen" / name).rename(project / "docs/maatwerk" / name)
    found = check(project)
    assert [(p.path, p.line) for p in found] == [("docs/maatwerk/elp.md", 1)], [str(p) for p in found]
    assert "dit is een dorpspagina, maar hij staat niet in docs/maatwerk/dorpen/" in found[0].wrong_nl


def test_data_without_its_closing_line_is_one_message(tmp_path: Path) -> None:
    """MkDocs would show the data as text under a line; no other rule notices."""
    docs = tmp_path / "docs"
    pair(docs, "---\ntitle: Wonen\n\n# Wonen\n", "# Housing\n")
    found = rules.run(rules.Context(tmp_path, source.load(docs)), [*PAGES, "gegevens"])
    assert [(p.path, p.line, p.wrong_nl) for p in found] == [
        ("docs/hoofdstuk.md", 1, "de gegevens bovenaan deze pagina hebben geen regel --- eronder")]


def test_a_village_page_without_the_closing_line_is_one_message(project: Path) -> None:
    page = project / "docs/maatwerk/dorpen/elp.md"
    lines = page.read_text("utf-8").split("\n")
    closing = lines.index("---", 1)
    page.write_text("\n".join(lines[:closing] + lines[closing + 1:]), "utf-8")
    found = [(p.path, p.line, p.wrong_nl) for p in check(project)]
    assert found == [("docs/maatwerk/dorpen/elp.md", 1, "de gegevens bovenaan deze pagina hebben geen regel --- eronder")]


def test_a_byte_order_mark_does_not_hide_the_data(tmp_path: Path) -> None:
    """MkDocs reads pages as utf-8-sig; so must the rules, or a misspelt field passes unseen."""
    docs = tmp_path / "docs"
    pair(docs, "\ufeff---\ntitel: Wonen\n---\n# Wonen\n", "# Housing\n")
    found = rules.run(rules.Context(tmp_path, source.load(docs)), ["gegevens"])
    assert [(p.path, p.line, p.wrong_nl) for p in found] == [
        ("docs/hoofdstuk.md", 2, "deze pagina heeft een onbekend veld 'titel'")]


def test_the_villages_overview_is_an_ordinary_page_whatever_fields_it_holds(project: Path) -> None:
    """A village field on the overview must not switch off the page rule (and let it call itself DOM's letter)."""
    overview = project / "docs/maatwerk/dorpen/index.md"
    overview.write_text("---\npaginastatus: concept\ntekstsoort: brief\n---\n" + overview.read_text("utf-8"), "utf-8")
    found = [(p.path, p.line, p.wrong_nl) for p in check(project)]
    assert found == [("docs/maatwerk/dorpen/index.md", 2, "deze pagina heeft een onbekend veld 'paginastatus'"),
                     ("docs/maatwerk/dorpen/index.md", 3, "bij deze pagina klopt het soort tekst niet ('brief')")], found


def test_an_english_village_page_with_unreadable_data_is_reported(project: Path) -> None:
    """Before, the village rule read an English page's unreadable data as none, and no rule said a word."""
    edit(project / "docs/maatwerk/dorpen/elp.en.md", "---\n", "---\ntitle: [Elp\n")
    found = check(project)
    # Line 2, where the [ opened; YAML notices it only at the next line's colon.
    assert [(p.path, p.line) for p in found] == [("docs/maatwerk/dorpen/elp.en.md", 2)], [str(p) for p in found]


# --- a glossary term is explained in the glossary only (begrippen) --------------------------

def glossary_project(root: Path) -> Path:
    write(root / "includes", "begrippen.md", "<!-- uitleg -->\n*[CPO]: Samen bouwen.\n*[woonvisie]: Het plan.\n")
    write(root / "includes", "begrippen.en.md", "*[CPO]: Building together.\n")
    return root / "docs"


def test_a_page_may_not_explain_a_glossary_term_again(tmp_path: Path) -> None:
    docs = glossary_project(tmp_path)
    write(docs, "plan.md", "# Plan\n\nDe woonvisie en CPO.\n\n*[Woonvisie]: Iets anders.\n\n*[CPO]: Ook anders.\n")
    found = run(docs, ["begrippen"])
    assert len(found) == 2, found
    assert found[0].startswith(f"{docs}/plan.md:5: het begrip 'Woonvisie' staat al in de begrippenlijst "
                               "(includes/begrippen.md:3) — haal deze regel weg; wil je de uitleg veranderen, "
                               "doe dat in includes/begrippen.md (English: "), found[0]
    assert found[1].startswith(f"{docs}/plan.md:7: het begrip 'CPO' staat al in de begrippenlijst (includes/begrippen.md:2)")


def test_an_english_page_is_held_to_the_english_glossary(tmp_path: Path) -> None:
    docs = glossary_project(tmp_path)
    write(docs, "plan.en.md", "# Plan\n\nCPO.\n\n*[CPO]: Something else.\n\n*[woonvisie]: Not in the English glossary.\n")
    assert run(docs, ["begrippen"]) == [
        f"{docs}/plan.en.md:5: het begrip 'CPO' staat al in de begrippenlijst (includes/begrippen.en.md:1) — "
        "haal deze regel weg; wil je de uitleg veranderen, doe dat in includes/begrippen.en.md "
        "(English: the term 'CPO' is already in the glossary (includes/begrippen.en.md:1) — remove this line; "
        "to change the explanation, change it in includes/begrippen.en.md)"]


def test_a_term_the_glossary_lacks_and_code_are_left_alone(tmp_path: Path) -> None:
    docs = glossary_project(tmp_path)
    write(docs, "plan.md", "# Plan\n\nDe KDO.\n\n*[KDO]: Kleine dorpen overleg.\n\n```markdown\n*[CPO]: voorbeeld\n```\n")
    assert run(docs, ["begrippen"]) == []


def test_the_glossary_file_is_dom_begrippens_setting(tmp_path: Path) -> None:
    write(tmp_path / "woorden", "lijst.md", "*[CPO]: Samen bouwen.\n")
    docs = tmp_path / "docs"
    write(docs, "plan.md", "# Plan\n\n*[CPO]: Anders.\n")
    settings = rules.Settings(glossary="woorden/lijst.md")
    context = rules.Context(tmp_path, source.load(docs, shown=str(docs)), settings)
    [problem] = rules.run(context, ["begrippen"])
    assert "(woorden/lijst.md:1)" in str(problem)


def test_the_rules_read_the_glossary_file_where_dom_begrippen_reads_it(tmp_path: Path) -> None:
    from mkdocs.config import load_config

    from dom_site.plugins.rules import settings_of

    (tmp_path / "docs").mkdir()
    write(tmp_path, "mkdocs.yml", "site_name: T\ntheme: material\nmarkdown_extensions: [abbr]\n"
                                  "plugins:\n  - dom-begrippen:\n      file: woorden/lijst.md\n")
    assert settings_of(load_config(str(tmp_path / "mkdocs.yml"))).glossary == "woorden/lijst.md"
    assert settings_of(load_config(str(ROOT / "mkdocs.yml"))).glossary == "includes/begrippen.md"


@pytest.mark.parametrize(("text", "expected"), [
    ("---\ntitle: A\n---\n---\nnaam: Elp\n---\n\n# Elp\n", (4, 6)),
    ("---\ntitle: A\n---\n\n---\nnaam: Elp\nsoort: esdorp\n---\n", (5, 8)),
    ("---\ntitle: A\n---\n\n---\n\nTekst.\n", (0, 0)),  # a thematic break under the data
    ("---\ntitle: A\n---\n---\nnaam: Elp\n", (0, 0)),  # never closed: text under a rule, no data
    ("# Titel\n\n---\nnaam: x\n---\n", (0, 0)),  # no front matter: no second block either
])
def test_a_second_data_block_is_found_only_straight_below_the_front_matter(text: str, expected: tuple[int, int]) -> None:
    page = source.parse("p.md", text, "docs/p.md")
    assert page.second_data == expected
    assert all(not (expected[0] <= number <= expected[1]) for number, _ in page.prose)


def test_a_page_the_facts_setting_names_counts_with_its_english_twin(tmp_path: Path) -> None:
    """mkdocs.yml names the home page (index.md) and the response's introduction (reactie/index.md): their
    English pages need the footnotes too; the letter itself (reactie/zoals-ingediend.md) is DOM's text."""
    for name in ("index", "reactie/index", "reactie/zoals-ingediend"):
        pair(tmp_path, "# T\n\nWe hebben 3.000 inwoners.\n", "# T\n\nWe have 3,000 inhabitants.\n", name=name)
    settings = rules.Settings(translated=(), facts=("reactie/index.md", "index.md"), extra_dirs=())
    context = rules.Context(tmp_path.parent, source.load(tmp_path, shown="docs"), settings)
    said = sorted(p.path for p in rules.run(context, ["feiten"]))
    assert said == ["docs/index.en.md", "docs/index.md", "docs/reactie/index.en.md", "docs/reactie/index.md"]
