"""A stamped translation names the same figures and footnotes as its Dutch text (the rule `vertaling`)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT

from dom_site import rules, source, translations
from dom_site.rules import translation

NL = """# Geld {#geld}

De provincie geeft tot € 10.000.[^a] [^b]
Dat is 2,5% van de kosten, sinds 2023.

## Wet {#wet}

Artikel 16.55 geldt voor 12 woningen.[^c]
"""
EN = """# Money {#geld}

The province gives up to € 10,000.[^a] [^b]
That is 2.5% of the cost, since 2023.

## Law {#wet}

Article 16.55 applies to 12 homes.[^c]
"""


def messages(tmp_path: Path, english: str, dutch: str = NL, stamped: bool = True, stamped_as: str = NL) -> list[str]:
    docs = tmp_path / "docs"
    docs.mkdir(exist_ok=True)
    (docs / "geld.md").write_text(dutch, "utf-8")
    stamp = translations.dutch_hash(stamped_as if stamped else dutch + "\nNieuwe zin.\n")
    (docs / "geld.en.md").write_text(f'---\nvertaald_van: "{stamp}"\n---\n{english}', "utf-8")
    context = rules.Context(tmp_path, source.load(docs, shown="docs"))
    return [str(p).split(" (English: ")[0].replace("docs/", "") for p in rules.run(context, ["vertaling"])]


def test_the_same_figures_and_footnotes_in_other_words_and_notation_pass(tmp_path: Path) -> None:
    assert messages(tmp_path, EN) == []


@pytest.mark.parametrize("dutch, english", [
    (("€ 10.000", "€ 10.000"), ("€ 10,000", "10,000 euros")),
    (("€ 10.000", "€ 1,5 miljoen"), ("€ 10,000", "€1.5m")),
    (("€ 10.000", "1,5 miljoen euro"), ("€ 10,000", "€ 1.5 million")),
    (("€ 10.000", "€ 10 000"), ("€ 10,000", "€ 10,000")),
    (("€ 10.000", "€ 10.000,-"), ("€ 10,000", "€10,000")),
    (("2,5%", "2,5%"), ("2.5%", "2.5 per cent")),
])
def test_english_ways_of_writing_the_same_figure_pass(tmp_path: Path, dutch: tuple[str, str],
                                                      english: tuple[str, str]) -> None:
    nl = NL.replace(*dutch)
    assert messages(tmp_path, EN.replace(*english), dutch=nl, stamped_as=nl) == []


def test_a_footnote_moved_to_another_part_is_one_message_where_it_stands(tmp_path: Path) -> None:
    moved = EN.replace("since 2023.", "since 2023.[^c]").replace("12 homes.[^c]", "12 homes.")
    assert messages(tmp_path, moved) == [
        "geld.en.md:7: '[^c]' staat in de Nederlandse tekst in een ander deel (geld.md:8) — zet het in hetzelfde deel "
        "als in het Nederlands"]


@pytest.mark.parametrize("change, said", [
    (("€ 10,000", "€ 100,000"), "geld.en.md:6: '€ 100,000' zegt iets anders dan de Nederlandse tekst: daar staat "
     "'€ 10.000' (geld.md:3) — schrijf € 10,000, zoals het Nederlands (dat is de geldende tekst); klopt het Nederlands "
     "niet, verbeter dat dan eerst"),
    (("€ 10,000", "€ 10.000"), "geld.en.md:6: '€ 10.000' leest in het Engels als een ander getal: Engels schrijft "
     "duizendtallen met een komma en decimalen met een punt — schrijf € 10,000"),
    (("2.5%", "25%"), "geld.en.md:7: '25%' zegt iets anders dan de Nederlandse tekst: daar staat '2,5%' (geld.md:4) — "
     "schrijf 2.5%, zoals het Nederlands"),
    (("since 2023", "since 2032"), "geld.en.md:7: '2032' zegt iets anders dan de Nederlandse tekst: daar staat '2023'"),
    (("Article 16.55", "Article 16.5"), "geld.en.md:11: 'Article 16.5' zegt iets anders dan de Nederlandse tekst: daar "
     "staat 'Artikel 16.55'"),
    (("12 homes", "21 homes"), "geld.en.md:11: '21 homes' zegt iets anders dan de Nederlandse tekst: daar staat "
     "'12 woningen'"),
    # A footnote left out: at the line that holds the rest of that Dutch line, not at the heading.
    (("[^a] [^b]", "[^a]"), "geld.en.md:6: in dit deel ontbreekt de voetnoot '[^b]' van de Nederlandse tekst "
     "(geld.md:3) — zet [^b] achter dezelfde zin als in het Nederlands"),
    # A sentence left out is one message, with what it names.
    (("applies to 12 homes.[^c]", "applies."), "geld.en.md:11: in dit deel ontbreekt '[^c]', '12 woningen' van de "
     "Nederlandse tekst (geld.md:8) — vertaal ook de zin met '[^c]', '12 woningen'"),
    # A part's first sentence left out (no figure of it before it): where that sentence stands, not at the heading.
    (("Article 16.55 applies to 12 homes.[^c]", "This applies."), "geld.en.md:11: in dit deel ontbreekt '[^c]', "
     "'Artikel 16.55', '12 woningen' van de Nederlandse tekst (geld.md:8)"),
    # Written in words: the sentence is there (its footnote is), the number is not in figures.
    (("12 homes", "twelve homes"), "geld.en.md:11: in dit deel ontbreekt het aantal '12 woningen' van de Nederlandse "
     "tekst (geld.md:8) — schrijf ook in het Engels het getal in cijfers: 12"),
    (("That is", "In 2020 that is"), "geld.en.md:7: het jaartal '2020' staat niet in de Nederlandse tekst van dit deel "
     "— haal het weg, of zet het eerst in de Nederlandse tekst"),
])
def test_a_figure_or_footnote_the_dutch_text_does_not_have_is_one_message(tmp_path: Path, change: tuple[str, str],
                                                                            said: str) -> None:
    found = messages(tmp_path, EN.replace(*change))
    assert len(found) == 1 and found[0].startswith(said), found


def test_a_sentence_written_twice_is_one_message(tmp_path: Path) -> None:
    """At one of the two lines (either is the one to take out)."""
    twice = EN.replace("The province gives up to € 10,000.[^a] [^b]\n", "The province gives up to € 10,000.[^a] [^b]\n" * 2)
    assert messages(tmp_path, twice) == [
        "geld.en.md:6: '[^a]', '[^b]', '€ 10,000' staat hier vaker dan in de Nederlandse tekst van dit deel — staat de "
        "zin twee keer, haal hem dan één keer weg"]


def test_a_translation_behind_its_dutch_text_is_the_reports_not_a_failure(tmp_path: Path) -> None:
    """A Dutch edit never waits for its translation: the stamp no longer matches, the translations report says so."""
    assert messages(tmp_path, EN, dutch=NL.replace("€ 10.000", "€ 12.000"), stamped=False) == []


def test_a_misspelt_english_footnote_is_one_message_with_the_key_to_write(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    messages(tmp_path, EN.replace("[^c]", "[^cc]"))
    (tmp_path / "registry" / "bronnen").mkdir(parents=True)
    (tmp_path / "schemas").mkdir()
    shutil.copy(ROOT / "schemas" / "bronnen.schema.json", tmp_path / "schemas")
    for key in "abc":
        (tmp_path / "registry" / "bronnen" / f"{key}.yml").write_text(
            f"{key}:\n  uitgever: Provincie Drenthe\n  titel: Subsidieregeling collectief particulier opdrachtgeverschap\n  adres: https://example.org/{key}/pagina\n"
            "  gelezen: 2026-11-01\n",
            "utf-8")
    found = [str(p) for p in rules.run(rules.Context(tmp_path, source.load(docs, shown="docs")), ["bronnen", "vertaling"])]
    assert len(found) == 1 and found[0].startswith("docs/geld.en.md:11: '[^cc]' zegt iets anders dan de Nederlandse "
                                                   "tekst: daar staat '[^c]' (docs/geld.md:8) — schrijf [^c]"), found


@pytest.mark.parametrize("dutch, written", [("€ 60,6 miljoen", "€ 60.6 million"), ("3.000 inwoners", "3,000"),
                                            ("2,5%", "2.5%"), ("€ 10 000", "€ 10,000"), ("€1,5m", "€ 1.5m")])
def test_the_fix_writes_the_dutch_figure_in_english(dutch: str, written: str) -> None:
    """Not the Dutch words: 'write 3,000', never 'write 3,000 inwoners' or '60.6 miljoen'."""
    [fact] = [f for f in translation.facts(source.parse("x.md", f"# X\n\nTekst {dutch}.\n", "x.md")) if f.kind != "year"]
    assert translation.english(fact) == written


# --- A stamp that no version of the Dutch page ever had (found by a helper's probe) ------

def committed(tmp_path: Path) -> tuple[Path, str]:
    """A repository with docs/geld.md in two versions and geld.en.md stamped with the first; the first's hash."""
    from git_repo import git

    docs = tmp_path / "docs"
    docs.mkdir()
    git(tmp_path, "init", "-q", "-b", "main")
    (docs / "geld.md").write_text(NL, "utf-8")
    first = translations.dutch_hash(NL)
    (docs / "geld.en.md").write_text(f'---\nvertaald_van: "{first}"\n---\n{EN}', "utf-8")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "vertaald")
    (docs / "geld.md").write_text(NL + "\nNieuwe zin.\n", "utf-8")
    git(tmp_path, "commit", "-q", "-am", "Nederlands bijgewerkt")
    return docs, first


def stamp_messages(tmp_path: Path) -> list[str]:
    context = rules.Context(tmp_path, source.load(tmp_path / "docs", shown="docs"))
    return [str(p) for p in rules.run(context, ["vertaling"])]


def test_a_stamp_of_an_older_dutch_text_is_the_reports_not_a_message(tmp_path: Path) -> None:
    committed(tmp_path)
    assert stamp_messages(tmp_path) == []


def test_a_committed_stamp_no_dutch_version_had_is_one_message_with_the_stamp_it_likely_meant(tmp_path: Path) -> None:
    from git_repo import git

    docs, first = committed(tmp_path)
    slip = first[:-1] + ("0" if first[-1] != "0" else "1")
    page = docs / "geld.en.md"
    page.write_text(page.read_text("utf-8").replace(first, slip), "utf-8")
    assert stamp_messages(tmp_path) == []  # not committed yet: it may be of a Dutch text never committed
    git(tmp_path, "commit", "-q", "-am", "stempel")
    [said] = stamp_messages(tmp_path)
    assert said.startswith(f'docs/geld.en.md:2: vertaald_van "{slip}" is van geen enkele versie van docs/geld.md; '
                           "zo vergelijkt de controle deze vertaling niet met het Nederlands — "
                           f'bedoel je "{first}"? Zet dat terug; past de vertaling bij het Nederlands van nu, '
                           "draai dan 'dom-site translations --stamp docs/geld.en.md' (English: "), said


def test_without_git_history_a_stamp_is_not_judged(tmp_path: Path) -> None:
    docs, first = committed(tmp_path)
    page = docs / "geld.en.md"
    page.write_text(page.read_text("utf-8").replace(first, "0" * 12), "utf-8")
    shutil.rmtree(tmp_path / ".git")
    assert stamp_messages(tmp_path) == []


def test_a_stamp_of_the_wrong_length_is_left_to_the_data_rule(tmp_path: Path) -> None:
    """The rule `gegevens` refuses what is no stamp at all (twelve hex digits): one message, not also this one."""
    from git_repo import git

    docs, first = committed(tmp_path)
    page = docs / "geld.en.md"
    page.write_text(page.read_text("utf-8").replace(first, first[:-1]), "utf-8")
    git(tmp_path, "commit", "-q", "-am", "stempel")
    assert stamp_messages(tmp_path) == []
