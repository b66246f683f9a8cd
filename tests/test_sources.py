"""The sources registry (src/dom_site/sources.py) and its plugin, on small projects.

Each refusal has its own test that asserts the message an editor reads.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from small_build import build_project

from dom_site import source, sources
from dom_site.left_as_text import not_converted
from dom_site.processes import builder

ROOT = Path(__file__).resolve().parent.parent
GOOD = """\
drenthe-cpo-regeling:
  uitgever: Provincie Drenthe
  titel: Subsidieregeling collectieve wooninitiatieven
  datum: 2023-11
  adres: https://lokaleregelgeving.overheid.nl/CVDR665206/1
  gelezen: 2026-12-02
  kopie: true
"""


def project(tmp_path: Path, registry: str, pages: dict[str, str], strict: bool = True) -> Path:
    """A minimal MkDocs project with the plugin, one registry file and some pages."""
    (tmp_path / "registry" / "bronnen").mkdir(parents=True)
    (tmp_path / "registry" / "bronnen" / "a.yml").write_text(registry, encoding="utf-8")
    (tmp_path / "schemas").mkdir()
    shutil.copy(ROOT / "schemas" / "bronnen.schema.json", tmp_path / "schemas")
    for name, text in pages.items():
        (tmp_path / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs" / name).write_text(text, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: t\ntheme: {name: material, language: nl}\nmarkdown_extensions: [footnotes, attr_list]\nplugins:\n"
        "  - dom-regels:\n      only: [bronnen]\n      extra_dirs: []\n  - dom-bronnen:\n"
        f"      strict: {str(strict).lower()}\n      lists:\n        bronnen.md: [deel/]\n", encoding="utf-8")
    return tmp_path


def problems(root: Path, strict: bool = True) -> list[str]:
    registry = sources.Registry(root, root / "registry" / "bronnen", root / "schemas" / "bronnen.schema.json")
    refs, defs = sources.citations(source.load(root / "docs"))
    return [str(p) for p in sources.check(registry, refs, defs, strict)]


def build(root: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    return subprocess.run([*builder(), "build", "--strict", "-d", str(root / "site")],
                          cwd=root, env=env, capture_output=True, text=True, timeout=120)


def test_a_cited_source_is_fine(tmp_path: Path) -> None:
    root = project(tmp_path, GOOD, {"index.md": "# T\n\nTot 2027.[^drenthe-cpo-regeling]\n"})
    assert problems(root) == []


def test_unknown_key_is_refused_at_its_line(tmp_path: Path) -> None:
    root = project(tmp_path, GOOD, {"index.md": "---\ntitle: T\n---\n# T\n\nA.[^drenthe-cpo-regeling]\n\nB.[^s99]\n"})
    assert problems(root) == [
        "docs/index.md:8: de bron [^s99] staat niet in het bronnenregister — gebruik een sleutel uit "
        "registry/bronnen/ of voeg de bron daar toe (uitgever, titel, adres, gelezen) (English: the source "
        "[^s99] is not in the sources registry — use a key from registry/bronnen/ or add the source there "
        "(publisher, title, address, date read))"]


def test_home_page_address_is_refused(tmp_path: Path) -> None:
    registry = GOOD.replace("https://lokaleregelgeving.overheid.nl/CVDR665206/1", "https://www.provincie.drenthe.nl/")
    root = project(tmp_path, registry, {"index.md": "A.[^drenthe-cpo-regeling]\n"})
    [message] = problems(root)
    assert message.startswith("registry/bronnen/a.yml:5: het adres van de bron 'drenthe-cpo-regeling' is de "
                              "beginpagina van een site — zet het adres van de pagina")


def test_bare_host_is_refused(tmp_path: Path) -> None:
    registry = GOOD.replace("https://lokaleregelgeving.overheid.nl/CVDR665206/1", "https://de.wikipedia.org")
    root = project(tmp_path, registry, {"index.md": "A.[^drenthe-cpo-regeling]\n"})
    assert "is de beginpagina van een site" in problems(root)[0]


def test_source_without_address_or_year_is_refused(tmp_path: Path) -> None:
    registry = "los:\n  uitgever: Iemand\n  titel: Een stuk\n"
    root = project(tmp_path, registry, {"index.md": "A.[^los]\n"})
    assert problems(root) == [
        "registry/bronnen/a.yml:1: de bron 'los' heeft geen adres — zet het adres van de pagina die het feit "
        "noemt (adres: https://…); is het een gedrukt stuk, zet dan ten minste het jaar (datum: JJJJ) "
        "(English: the source 'los' has no address — give the address of the page that states the fact "
        "(adres: https://…); for a printed document give at least the year (datum: YYYY))"]


def test_printed_document_with_year_is_fine(tmp_path: Path) -> None:
    registry = "gedrukt:\n  uitgever: Gemeente\n  titel: Beleid\n  datum: 2023\n  vindplaats: Gemeenteblad 2023, 119813\n"
    root = project(tmp_path, registry, {"index.md": "A.[^gedrukt]\n"})
    assert problems(root) == []
    registry_ = sources.Registry(root, root / "registry" / "bronnen", root / "schemas" / "bronnen.schema.json")
    assert registry_.sources["gedrukt"].render("nl", "index.md") == (
        "Gemeente, *Beleid*, 2023, Gemeenteblad 2023, 119813 (gedrukte uitgave).")


def test_address_without_read_date_is_refused(tmp_path: Path) -> None:
    root = project(tmp_path, GOOD.replace("  gelezen: 2026-12-02\n", ""), {"index.md": "A.[^drenthe-cpo-regeling]\n"})
    assert problems(root)[0].startswith(
        "registry/bronnen/a.yml:1: bij de bron 'drenthe-cpo-regeling' staat niet wanneer hij gelezen is")


def test_uncited_source_is_refused(tmp_path: Path) -> None:
    root = project(tmp_path, GOOD, {"index.md": "# Niets\n"})
    assert problems(root) == [
        "registry/bronnen/a.yml:1: de bron 'drenthe-cpo-regeling' wordt nergens geciteerd — verwijs ernaar met "
        "[^drenthe-cpo-regeling] op een pagina, of haal de bron weg (English: the source 'drenthe-cpo-regeling' "
        "is not cited anywhere — cite it with [^drenthe-cpo-regeling] on a page, or remove it)"]


def test_page_that_writes_its_own_footnote_is_refused(tmp_path: Path) -> None:
    page = "A.[^drenthe-cpo-regeling]\n\n[^drenthe-cpo-regeling]: mijn eigen tekst\n"
    root = project(tmp_path, GOOD, {"index.md": page})
    [message] = problems(root)
    assert message.startswith("docs/index.md:3: de pagina schrijft de bron [^drenthe-cpo-regeling] zelf uit — "
                              "haal deze regel weg")
    assert problems(root, strict=False) == []


def test_a_footnote_written_by_hand_is_one_message_that_says_where_the_source_goes(tmp_path: Path) -> None:
    """[^1] with its own text: was also "not in the registry" (and, on a village page, "not in
    'bronnen'"), three messages with three fixes for one mistake."""
    page = "A.[^drenthe-cpo-regeling]\nB.[^1]\n\n[^1]: Dorpsvereniging, nieuwsbrief.\n"
    root = project(tmp_path, GOOD, {"index.md": page})
    [message] = problems(root)
    assert message.startswith("docs/index.md:4: de pagina schrijft de bron [^1] zelf uit — haal deze regel weg "
                              "en zet de bron in registry/bronnen/ onder een sleutel"), message


def test_duplicate_key_across_files_is_refused(tmp_path: Path) -> None:
    root = project(tmp_path, GOOD, {"index.md": "A.[^drenthe-cpo-regeling]\n"})
    (root / "registry" / "bronnen" / "b.yml").write_text("\n" + GOOD, encoding="utf-8")
    assert problems(root) == [
        "registry/bronnen/b.yml:2: de bron 'drenthe-cpo-regeling' staat er twee keer (ook in "
        "registry/bronnen/a.yml:1) — houd één van de twee over (English: the source 'drenthe-cpo-regeling' "
        "is defined twice (also in registry/bronnen/a.yml:1) — keep one of them)"]


def test_unknown_field_is_refused_at_its_line(tmp_path: Path) -> None:
    root = project(tmp_path, GOOD + "  url: https://example.org/x\n", {"index.md": "A.[^drenthe-cpo-regeling]\n"})
    assert problems(root)[0].startswith(
        "registry/bronnen/a.yml:8: de bron 'drenthe-cpo-regeling' heeft een onbekend veld 'url'")


def test_bad_date_is_refused(tmp_path: Path) -> None:
    root = project(tmp_path, GOOD.replace("datum: 2023-11", "datum: november 2023"),
                   {"index.md": "A.[^drenthe-cpo-regeling]\n"})
    assert problems(root)[0].startswith(
        "registry/bronnen/a.yml:4: bij de bron 'drenthe-cpo-regeling' klopt de datum van het stuk")


def test_a_read_date_that_does_not_exist_is_one_message(tmp_path: Path) -> None:
    """30 February has the form of a date; the schema's format says it is none."""
    root = project(tmp_path, GOOD.replace("gelezen: 2026-12-02", "gelezen: 2026-02-30"),
                   {"index.md": "A.[^drenthe-cpo-regeling]\n"})
    found = problems(root)
    assert len(found) == 1 and "klopt de datum waarop de bron gelezen is (JJJJ-MM-DD) niet ('2026-02-30')" in found[0], found


def test_a_missing_field_is_named_and_shown_from_the_schema(tmp_path: Path) -> None:
    """The schema's title names the field and its example shows how to write it (dom_site.data_file)."""
    root = project(tmp_path, GOOD.replace("  uitgever: Provincie Drenthe\n", ""), {"index.md": "A.[^drenthe-cpo-regeling]\n"})
    assert problems(root) == [
        "registry/bronnen/a.yml:1: bij de bron 'drenthe-cpo-regeling' ontbreekt de uitgever — voeg 'uitgever: …' toe, "
        "bijvoorbeeld 'uitgever: Provincie Drenthe' (English: the source 'drenthe-cpo-regeling' lacks the publisher "
        "— add 'uitgever: …', for example 'uitgever: Provincie Drenthe')"]


def test_each_misspelt_field_is_one_message_at_its_line(tmp_path: Path) -> None:
    registry = GOOD.replace("  adres:", "  adress:").replace("  kopie: true\n", "  kopie: true\n  url: x\n")
    root = project(tmp_path, registry, {"index.md": "A.[^drenthe-cpo-regeling]\n"})
    found = problems(root)
    assert [message.split(" — ")[0] for message in found] == [
        "registry/bronnen/a.yml:5: de bron 'drenthe-cpo-regeling' heeft een onbekend veld 'adress'",
        "registry/bronnen/a.yml:8: de bron 'drenthe-cpo-regeling' heeft een onbekend veld 'url'"]
    assert " — misschien bedoel je 'adres'; gebruik alleen: uitgever, titel, datum, adres," in found[0]
    assert "bedoel je" not in found[1]


def test_a_key_written_twice_in_one_file_is_refused_at_the_second(tmp_path: Path) -> None:
    """YAML would keep the last of the two silently; an editor must choose."""
    root = project(tmp_path, GOOD + GOOD, {"index.md": "A.[^drenthe-cpo-regeling]\n"})
    [message] = [m for m in problems(root) if m.startswith("registry/bronnen/a.yml")]
    assert message.startswith("registry/bronnen/a.yml:8: de naam 'drenthe-cpo-regeling' staat twee keer in hetzelfde "
                              "deel van dit bestand (ook op regel 1) — houd één van de twee over; is het iets anders, "
                              "geef het dan een eigen naam")


def test_footnotes_in_code_are_not_citations(tmp_path: Path) -> None:
    root = project(tmp_path, GOOD, {"index.md": "A.[^drenthe-cpo-regeling]\n\n```\n[^s1]\n```\n\n`[^s2]`\n"})
    assert problems(root) == []


def test_rendering_in_both_languages() -> None:
    source = sources.Source(key="k", uitgever="Provincie Drenthe", titel="Regeling *CPO*", file="a.yml", line=1,
                            datum="2023-11", adres="https://example.org/x", gelezen="2026-12-02", kopie=True)
    assert source.render("nl", "x.md") == ("Provincie Drenthe, *Regeling \\*CPO\\**, november 2023. "
                                           "<https://example.org/x> (gelezen op 2 december 2026, "
                                           "uit een opgeslagen kopie).")
    assert source.render("en", "x.md") == ("Provincie Drenthe, *Regeling \\*CPO\\**{lang=nl}, November 2023. "
                                           "<https://example.org/x> (read on 2 December 2026, from a stored copy).")
    page = sources.Source(key="r", uitgever="DOM", titel="Reactie", file="a.yml", line=1,
                          pagina="reactie/zoals-ingediend.md")
    assert page.render("nl", "draaiboek/index.md") == "DOM, [*Reactie*](../reactie/zoals-ingediend.md), op deze site."


def test_build_writes_footnotes_and_the_part_list(tmp_path: Path) -> None:
    pages = {"deel/a.md": "# A\n\nTot 2027.[^drenthe-cpo-regeling] Nog eens.[^drenthe-cpo-regeling]\n",
             "bronnen.md": "# Bronnen\n\nHieronder.\n", "index.md": "# Home\n"}
    root = project(tmp_path, GOOD, pages)
    result = build(root)
    assert result.returncode == 0, result.stderr
    page = (root / "site" / "deel" / "a" / "index.html").read_text(encoding="utf-8")
    assert page.count('href="#fn:drenthe-cpo-regeling"') == 2
    assert "https://lokaleregelgeving.overheid.nl/CVDR665206/1" in page
    assert "gelezen op 2 december 2026, uit een opgeslagen kopie" in page
    listing = (root / "site" / "bronnen" / "index.html").read_text(encoding="utf-8")
    assert 'id="alle-bronnen"' in listing and "Subsidieregeling collectieve wooninitiatieven" in listing


def test_build_stops_on_an_unknown_key(tmp_path: Path) -> None:
    root = project(tmp_path, GOOD, {"index.md": "A.[^drenthe-cpo-regeling]\n\nB.[^nergens]\n"})
    result = build(root)
    assert result.returncode != 0
    assert "docs/index.md:3: de bron [^nergens] staat niet in het bronnenregister" in result.stderr + result.stdout


def test_one_build_reads_the_registry_once_for_the_rule_and_the_plugin(tmp_path: Path) -> None:
    root = project(tmp_path, GOOD, {"index.md": "# T\n\nTot 2027.[^drenthe-cpo-regeling]\n"})
    folder, schema = root / "registry" / "bronnen", root / "schemas" / "bronnen.schema.json"
    build_project(root)
    once = sources._registries[(root.resolve(), folder.resolve(), schema.resolve())]
    assert once.computed == 1
    assert sources.read(root, folder, schema) is once.value
    (folder / "a.yml").write_text(GOOD.replace("2023-11", "2023-12"), encoding="utf-8")  # a change is read again
    assert sources.read(root, folder, schema).sources["drenthe-cpo-regeling"].datum == "2023-12"
    assert once.computed == 2


@pytest.mark.parametrize(("old", "new", "line", "fix"), [
    # The fix is the date or address the editor wrote, in the right form, not the schema's example
    # (another date, another address, which an editor would copy).
    ("gelezen: 2026-12-02", "gelezen: 5-1-2027", 6, "schrijf het zo: 'gelezen: 2027-01-05'"),
    ("gelezen: 2026-12-02", "gelezen: 2 december 2026", 6, "schrijf het zo: 'gelezen: 2026-12-02'"),
    # Found by a helper's probe: each got the schema's example, a day the editor never wrote.
    ("gelezen: 2026-12-02", "gelezen: 2026-12-4", 6, "schrijf het zo: 'gelezen: 2026-12-04'"),
    ("gelezen: 2026-12-02", "gelezen: 2026-11", 6,
     "de dag ontbreekt: schrijf de hele datum als JJJJ-MM-DD, zoals 'gelezen: 2026-11-…' met de dag erbij"),
    ("gelezen: 2026-12-02", "gelezen: december 2026", 6,
     "de dag ontbreekt: schrijf de hele datum als JJJJ-MM-DD, zoals 'gelezen: 2026-12-…' met de dag erbij"),
    ("datum: 2023-11", "datum: oktober 2018", 4, "schrijf het zo: 'datum: 2018-10'"),
    # A document dated after today cannot have been read: a slip of the year (found by a helper's probe).
    ("datum: 2023-11", "datum: 2073-11", 4, "die datum ligt na vandaag: schrijf de dag waarop het gebeurde, als JJJJ-MM-DD"),
    ("datum: 2023-11", "datum: 4-10-2018", 4, "schrijf het zo: 'datum: 2018-10-04'"),
    # A slip of the year: the site would say "gelezen op 2 december 2062".
    ("gelezen: 2026-12-02", "gelezen: 2062-12-02", 6,
     "die datum ligt na vandaag: schrijf de dag waarop het gebeurde, als JJJJ-MM-DD"),
    ("adres: https://lokaleregelgeving.overheid.nl/CVDR665206/1",
     'adres: "[CPO-regeling](https://lokaleregelgeving.overheid.nl/CVDR665206/1)"', 5,
     "schrijf het zo: 'adres: https://lokaleregelgeving.overheid.nl/CVDR665206/1'"),
    # Not the schema's example (another source), but the editor's own address with its beginning.
    ("adres: https://lokaleregelgeving.overheid.nl/CVDR665206/1", "adres: www.provincie.drenthe.nl/cpo", 5,
     "schrijf het zo: 'adres: https://www.provincie.drenthe.nl/cpo'"),
    # Found by a helper's probe: the fix was the schema's example, another source's address.
    ("adres: https://lokaleregelgeving.overheid.nl/CVDR665206/1", "adres: https//www.provincie.drenthe.nl/cpo", 5,
     "schrijf het zo: 'adres: https://www.provincie.drenthe.nl/cpo'"),
    # A slip in the host passed: no page at that address (found by the same probe).
    ("adres: https://lokaleregelgeving.overheid.nl/CVDR665206/1", "adres: https://www.provincie,drenthe.nl/cpo", 5,
     "schrijf het hele adres van de pagina zoals de adresbalk van de browser het toont (https://…)"),
    ("adres: https://lokaleregelgeving.overheid.nl/CVDR665206/1", "adres: https://www.rtvdrenthe/nieuws", 5,
     "schrijf het hele adres van de pagina zoals de adresbalk van de browser het toont (https://…)"),
])
def test_the_fix_is_the_value_the_editor_meant(tmp_path: Path, old: str, new: str, line: int, fix: str) -> None:
    root = project(tmp_path, GOOD.replace(old, new), {"index.md": "A.[^drenthe-cpo-regeling]\n"})
    [message] = problems(root)
    assert message.startswith(f"registry/bronnen/a.yml:{line}: ") and f" — {fix} (English: " in message, message


def test_a_key_with_a_space_or_a_capital_gets_the_key_to_write(tmp_path: Path) -> None:
    """Python-Markdown shows [^drenthe cpo-regeling] as text: the fact would lose its source."""
    root = project(tmp_path, GOOD, {"index.md": "A.[^drenthe cpo-regeling]\n\nB.[^Drenthe-cpo-regeling]\n"})
    assert [message.split(" (English: ")[0] for message in problems(root)] == [
        "docs/index.md:1: de voetnoot [^drenthe cpo-regeling] heeft een spatie in de sleutel; zo ziet de lezer hem "
        "als tekst — schrijf [^drenthe-cpo-regeling]",
        "docs/index.md:3: de bron [^Drenthe-cpo-regeling] staat niet in het bronnenregister — bedoel je "
        "[^drenthe-cpo-regeling]? Anders: gebruik een sleutel uit registry/bronnen/ of voeg de bron daar toe "
        "(uitgever, titel, adres, gelezen)"]


@pytest.mark.parametrize("text", ["Titel <b> en > x", "a_b [x] *y* `c` back\\slash", "R&D <nieuw>"])
def test_registry_text_shows_as_written(text: str) -> None:
    """A publisher, title or place from the registry is shown as written: no mark becomes formatting and
    no backslash shows (Python-Markdown does not take \\< as an escape)."""
    import html

    import markdown

    rendered = markdown.markdown(sources.escape(text))
    assert html.unescape(rendered.removeprefix("<p>").removesuffix("</p>")) == text, rendered


@pytest.mark.parametrize(("line", "expected"), [
    ("<td>380[^bron]</td>", True), ('!!! note "Let op[^bron]"', True), ("!!!note", True), ("???+ tip Titel", True),
    ('    === "Elp[^bron]"', True), ("Dat staat op Wikipedia.[^bron]", False), ("- 380 inwoners[^bron]", False),
])
def test_a_footnote_left_as_text_is_said_at_the_html_or_the_title_that_holds_it(line: str, expected: bool) -> None:
    """The build points at the line where a [^key] stays text: raw HTML, or a block's title as every
    rule reads one (source.TITLE: admonitions, details and tabs)."""
    assert not_converted(line) is expected


@pytest.mark.parametrize("key", ["Drenthe-cpo-regeling", "drenthe cpo-regeling"])
def test_a_registry_key_with_a_capital_or_a_space_is_one_message_with_the_key_to_write(tmp_path: Path,
                                                                                      key: str) -> None:
    """Not also "not in the registry" at every page that cites the key as it should be (found by a helper's probe)."""
    root = project(tmp_path, GOOD.replace("drenthe-cpo-regeling:", f"{key}:"), {"index.md": "A.[^drenthe-cpo-regeling]\n"})
    [message] = problems(root)
    assert message.startswith(f"registry/bronnen/a.yml:1: de sleutel '{key}' is ongeldig — schrijf "
                              "'drenthe-cpo-regeling:' (kleine letters, cijfers en streepjes) (English: "), message


def test_a_field_that_lost_its_indentation_is_said_at_its_own_line(tmp_path: Path) -> None:
    """PyYAML notices it at the next field; the slip is the line above it (found by a helper's probe)."""
    text = GOOD.replace("  titel: Subsidieregeling", "titel: Subsidieregeling")
    root = project(tmp_path, text, {"index.md": "A.[^drenthe-cpo-regeling]\n"})
    [message] = problems(root)
    assert message.startswith("registry/bronnen/a.yml:3: dit bestand is niet te lezen (geen geldige YAML)"), message
