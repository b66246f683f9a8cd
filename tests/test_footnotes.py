"""scripts/check_footnotes.py: every fact has a source, and the Dutch and English pages match."""
from __future__ import annotations

from pathlib import Path

import check_footnotes
import pytest

SOURCE = "[^s1]: Bron, titel, 2024: <https://example.org/2024/bron>.\n"


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def pair(folder: Path, dutch: str, english: str | None = None, name: str = "hoofdstuk") -> None:
    """A Dutch page and its English twin (the same text unless given)."""
    write(folder, f"{name}.md", dutch)
    write(folder, f"{name}.en.md", dutch if english is None else english)


def run(capsys: pytest.CaptureFixture[str], *paths: Path) -> tuple[int, list[str]]:
    code = check_footnotes.main([str(p) for p in paths])
    return code, [line for line in capsys.readouterr().out.splitlines() if line]


def test_the_real_draaiboek_passes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys)
    assert code == 0, "\n".join(out)


def test_a_clean_page_passes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (
        "# Titel\n\n## Stap {#d-1}\n\n"
        "De subsidie is € 10.000,\n"
        "en loopt tot 2027.[^s1]\n\n"
        "- Een lening van EUR 50.000.[^s1]\n\n"
        "| Procedure | Termijn |\n|---|---|\n| Regulier | 8 weken[^s1] |\n\n"
        "Zie [de regeling](https://example.org/2023/regeling) en `artikel 5`.\n\n"
        "```\n€ 5 in code telt niet\n```\n\n"
        f"{SOURCE}"
    )
    pair(tmp_path, text)
    assert run(capsys, tmp_path) == (0, [])


@pytest.mark.parametrize(
    ("line", "kind_nl", "kind_en"),
    [
        ("Een subsidie tot € 10.000.", "een bedrag", "an amount"),
        ("Een lening tot EUR 50.000.", "een bedrag", "an amount"),
        ("Rente van 3% per jaar.", "een percentage", "a percentage"),
        ("Dat staat in artikel 16.55 van de wet.", "een wetsartikel", "a legal article"),
        ("Zie art. 18a Woningwet.", "een wetsartikel", "a legal article"),
        ("The Act says so in article 16.55.", "een wetsartikel", "a legal article"),
        ("De gemeente beslist binnen 8 weken.", "een aantal", "a number"),
        ("Minstens 5 woningen.", "een aantal", "a number"),
        ("For at least 5 homes.", "een aantal", "a number"),
        ("Het project duurde 3 jaar.", "een aantal", "a number"),
        ("Opgericht in 1975.", "een jaartal", "a year"),
    ],
)
def test_a_fact_without_a_footnote_is_reported_with_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], line: str, kind_nl: str, kind_en: str
) -> None:
    pair(tmp_path, f"# Titel\n\nEerste zin.\n{line}\n")
    code, out = run(capsys, tmp_path / "hoofdstuk.md")
    assert code == 1
    assert len(out) == 1, out
    assert out[0].startswith(f"{tmp_path / 'hoofdstuk.md'}:4: ")
    assert f"is {kind_nl} zonder voetnoot in dezelfde alinea — zet er een voetnoot naar de bron achter" in out[0]
    assert "(English: " in out[0] and f"is {kind_en} without a footnote in the same paragraph" in out[0]


def test_a_footnote_in_another_paragraph_does_not_count(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pair(tmp_path, f"# T\n\nTot € 10.000.\n\nBron.[^s1]\n\n{SOURCE}")
    code, out = run(capsys, tmp_path / "hoofdstuk.md")
    assert code == 1 and len(out) == 1 and ":3: '€' is een bedrag" in out[0]


def test_each_list_item_and_table_row_needs_its_own_footnote(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pair(tmp_path, f"# T\n\n- Tot € 10.000.[^s1]\n- Tot € 50.000.\n\n| a | b |\n|---|---|\n| 8 weken | x |\n\n{SOURCE}")
    code, out = run(capsys, tmp_path / "hoofdstuk.md")
    assert code == 1
    assert [line.split(": ", 1)[0].rsplit(":", 1)[1] for line in out] == ["4", "8"]


def test_a_list_item_may_continue_on_the_next_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pair(tmp_path, f"# T\n\n- Tot € 10.000,\n  zegt de provincie.[^s1]\n\nTerm\n:   Ten minste 5 woningen.\n    Bron.[^s1]\n\n{SOURCE}")
    assert run(capsys, tmp_path / "hoofdstuk.md") == (0, [])


def test_an_admonition_body_is_a_paragraph(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pair(tmp_path, '# T\n\n!!! tip "Let op"\n    Het duurt vaak 2 jaar.\n    Dat is normaal.\n')
    code, out = run(capsys, tmp_path / "hoofdstuk.md")
    assert code == 1 and ":4: '2 jaar' is een aantal" in out[0]


def test_urls_ids_and_front_matter_are_not_facts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pair(tmp_path, "---\ndate: 2024-01-01\n---\n# T\n\n## Kop {#d-2024}\n\nLees <https://example.org/2023/x> of [dit](https://example.org/nieuws/2022).\n")
    assert run(capsys, tmp_path / "hoofdstuk.md") == (0, [])


def test_a_definition_may_continue_on_indented_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pair(tmp_path, "# T\n\nTekst.[^s1]\n\n[^s1]: Bron,\n    uit 2024, met € 5 in de titel.\n")
    assert run(capsys, tmp_path / "hoofdstuk.md") == (0, [])


def test_a_dutch_page_without_english_twin(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "hoofdstuk.md", "# T\n\n## A {#d-1}\n")
    code, out = run(capsys, tmp_path)
    assert code == 1 and len(out) == 1
    assert out[0].startswith(f"{tmp_path / 'hoofdstuk.md'}:1: deze pagina heeft geen Engelse vertaling hoofdstuk.en.md")


def test_an_english_page_without_dutch_twin(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "hoofdstuk.en.md", "# T\n\n## A {#d-1}\n")
    code, out = run(capsys, tmp_path)
    assert code == 1 and "deze Engelse pagina heeft geen Nederlandse pagina hoofdstuk.md" in out[0]


def test_twins_must_have_the_same_section_ids(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pair(tmp_path, "# T\n\n## A {#d-1}\n\n## B {#d-2}\n", "# T\n\n## A {#d-1}\n\n## C {#d-3}\n")
    code, out = run(capsys, tmp_path)
    assert code == 1
    assert any(line.startswith(f"{tmp_path / 'hoofdstuk.md'}:5: de sectie #d-2 staat niet op hoofdstuk.en.md") for line in out), out
    assert any(line.startswith(f"{tmp_path / 'hoofdstuk.en.md'}:5: de sectie #d-3 staat niet op hoofdstuk.md") for line in out), out


def test_every_subheading_needs_a_well_formed_unique_id(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pair(tmp_path, "# T\n\n## Zonder ID\n\n## Fout {#D_1}\n\n### Dubbel {#d-2}\n\n### Weer {#d-2}\n")
    code, out = run(capsys, tmp_path / "hoofdstuk.md")
    assert code == 1
    assert ":3: de kop 'Zonder ID' heeft geen vast ID" in out[0]
    assert ":5: het ID 'D_1' mag alleen kleine letters, cijfers en streepjes hebben" in out[1]
    assert ":9: het ID 'd-2' staat twee keer op deze pagina (ook op regel 7)" in out[2]


def test_an_id_belongs_to_one_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pair(tmp_path, "# A\n\n## Een {#d-1}\n", name="a")
    pair(tmp_path, "# B\n\n## Twee {#d-1}\n", name="b")
    code, out = run(capsys, tmp_path)
    assert code == 1 and len(out) == 1
    assert out[0].startswith(f"{tmp_path / 'b.md'}:3: het ID 'd-1' staat ook op {tmp_path / 'a.md'}:3")


def test_a_missing_path_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, tmp_path / "bestaat-niet.md")
    assert code == 1 and "dit bestand of deze map bestaat niet" in out[0]
