"""The translation report: untranslated, outdated and unstamped English pages; stamping."""
from __future__ import annotations

from pathlib import Path

import pytest

from dom_site import translations as tr

DUTCH = "# Wonen\n\n## Deel {#d-1}\n\nEen zin.\n"
ENGLISH = "# Housing\n\n## Part {#d-1}\n\nA sentence.\n"


@pytest.fixture()
def docs(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    (docs / "sub").mkdir(parents=True)
    (docs / "index.md").write_text(DUTCH, "utf-8")
    (docs / "index.en.md").write_text(ENGLISH, "utf-8")
    (docs / "sub" / "alleen-nl.md").write_text(DUTCH, "utf-8")
    return docs


def kinds(docs: Path) -> list[tuple[str, str]]:
    return [(e.kind, e.english.relative_to(docs).as_posix()) for e in tr.entries(docs)]


def test_hash_is_12_hex_and_ignores_line_endings_only() -> None:
    digest = tr.dutch_hash(DUTCH)
    assert len(digest) == 12 and int(digest, 16) >= 0
    assert tr.dutch_hash(DUTCH.replace("\n", "\r\n")) == digest
    assert tr.dutch_hash(DUTCH.replace("Een zin.", "Een andere zin.")) != digest


def test_hash_counts_title_and_description_but_not_page_data() -> None:
    page = "---\ntitle: Wonen\nlaatst_bekeken: 2026-01-01\n---\n" + DUTCH
    digest = tr.dutch_hash(page)
    assert tr.dutch_hash(page.replace("2026-01-01", "2026-02-01")) == digest
    assert tr.dutch_hash(page.replace("title: Wonen", "title: Wonen in dorpen")) != digest
    assert tr.dutch_hash("---\ndescription: Over wonen\n---\n" + DUTCH) != tr.dutch_hash(DUTCH)


def test_untranslated_and_unstamped_pages_are_listed(docs: Path) -> None:
    assert kinds(docs) == [("unstamped", "index.en.md"), ("untranslated", "sub/alleen-nl.en.md")]


def test_stamped_page_is_current_until_the_dutch_text_changes(docs: Path) -> None:
    digest = tr.stamp(docs / "index.en.md")
    text = (docs / "index.en.md").read_text("utf-8")
    assert text == f"---\nvertaald_van: \"{digest}\"\n---\n\n{ENGLISH}"
    assert kinds(docs) == [("untranslated", "sub/alleen-nl.en.md")]
    (docs / "index.md").write_text(DUTCH + "Nog een zin.\n", "utf-8")
    assert kinds(docs)[0] == ("outdated", "index.en.md")
    assert tr.entries(docs)[0].line == 2  # the line of vertaald_van, for the editor


def test_stamp_replaces_the_field_and_keeps_other_front_matter(docs: Path) -> None:
    english = docs / "index.en.md"
    english.write_text("---\ntitle: Housing\nvertaald_van: 000000000000\n---\n\n" + ENGLISH, "utf-8")
    digest = tr.stamp(english)
    assert english.read_text("utf-8") == f"---\ntitle: Housing\nvertaald_van: \"{digest}\"\n---\n\n{ENGLISH}"
    english.write_text("---\ntitle: Housing\n---\n" + ENGLISH, "utf-8")
    tr.stamp(english)
    assert english.read_text("utf-8") == f"---\nvertaald_van: \"{digest}\"\ntitle: Housing\n---\n{ENGLISH}"


def test_a_quoted_field_is_found_and_replaced_not_written_twice(docs: Path) -> None:
    english = docs / "index.en.md"
    english.write_text('---\ntitle: Housing\n"vertaald_van": 000000000000\n---\n' + ENGLISH, "utf-8")
    assert [(e.kind, e.line) for e in tr.entries(docs)][0] == ("outdated", 3)
    digest = tr.stamp(english)
    assert english.read_text("utf-8") == f"---\ntitle: Housing\nvertaald_van: \"{digest}\"\n---\n{ENGLISH}"


def test_a_page_whose_front_matter_is_not_yaml_is_not_stamped(docs: Path) -> None:
    english = docs / "index.en.md"
    broken = "---\ntitle: [Housing\n---\n" + ENGLISH
    english.write_text(broken, "utf-8")
    with pytest.raises(tr.StampError, match="cannot be read"):
        tr.stamp(english)
    assert english.read_text("utf-8") == broken


def test_a_page_whose_front_matter_is_a_list_is_not_stamped(docs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    english = docs / "index.en.md"
    listed = "---\n- Housing\n---\n" + ENGLISH
    english.write_text(listed, "utf-8")
    assert tr.main(["--stamp", str(english)], docs.parent) == 1
    assert english.read_text("utf-8") == listed
    assert "kan niet stempelen: de gegevens bovenaan de pagina zijn niet leesbaar" in capsys.readouterr().out


def test_a_version_of_digits_only_stays_text_and_passes_the_page_rule(docs: Path) -> None:
    """One hash in about 280 is all digits: unquoted, YAML would read it as a number."""
    from dom_site import rules, source

    (docs / "index.md").write_text("# Wonen\n\nTekst 205.\n", "utf-8")
    assert tr.stamp(docs / "index.en.md") == "488782953737"
    assert kinds(docs) == [("untranslated", "sub/alleen-nl.en.md")]
    found = rules.run(rules.Context(docs.parent, source.load(docs)), ["gegevens"])
    assert found == []


def test_an_english_page_without_dutch_page_is_the_file_name_rules_message_only(docs: Path) -> None:
    """One mistake, one message: the rule refuses it (and fails the build); the report is silent."""
    from dom_site import rules, source

    (docs / "los.en.md").write_text(ENGLISH, "utf-8")
    assert [kind for kind, page in kinds(docs) if page == "los.en.md"] == []
    found = rules.run(rules.Context(docs.parent, source.load(docs)), ["bestandsnamen"])
    assert [(p.path, p.line) for p in found] == [("docs/los.en.md", 1)]


def test_messages_name_file_line_and_the_stamp_command(docs: Path) -> None:
    tr.stamp(docs / "index.en.md")
    (docs / "index.md").write_text(DUTCH + "Nog een zin.\n", "utf-8")
    lines = [str(tr.problem(e, docs.parent)) for e in tr.entries(docs)]
    assert lines[0] == (
        "docs/index.en.md:2: de Nederlandse tekst (docs/index.md) is veranderd sinds deze vertaling — "
        "werk de vertaling bij (zie 'git log -p docs/index.md') en draai daarna "
        "'dom-site translations --stamp docs/index.en.md' (English: the Dutch text (docs/index.md) "
        "has changed since this translation — update the translation (see 'git log -p docs/index.md'), then run "
        "'dom-site translations --stamp docs/index.en.md')"
    )
    assert lines[1].startswith("docs/sub/alleen-nl.md:1: deze pagina heeft nog geen Engelse vertaling — vertaal haar in "
                               "docs/sub/alleen-nl.en.md")


def test_report_is_a_warning_exit_0(docs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert tr.main(["--docs", str(docs)], docs.parent) == 0
    out = capsys.readouterr().out
    assert "Vertaling: 1 niet vertaald, 1 zonder versie. (Translation: 1 not translated, 1 without version.)" in out


def test_all_current_says_so(docs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (docs / "sub" / "alleen-nl.md").unlink()
    assert tr.main(["--stamp", str(docs / "index.en.md")], docs.parent) == 0
    assert tr.main(["--docs", str(docs)], docs.parent) == 0
    assert "Alle Engelse pagina's zijn bij. (All English pages are up to date.)" in capsys.readouterr().out


def test_stamp_refuses_a_dutch_file(docs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert tr.main(["--stamp", str(docs / "index.md")], docs.parent) == 1
    assert "kan niet stempelen" in capsys.readouterr().out


def test_the_version_counts_the_title_and_the_text_after_the_front_matter_only() -> None:
    """The stamps already in the English pages stay valid: the same text gives the same version."""
    import hashlib

    page = "---\ntitle: Elp\nnaam: Elp\n---\n# Elp\n\nTekst.\n"
    words = ["Elp", "", "# Elp\n\nTekst.\n"]
    assert tr.dutch_hash(page) == hashlib.sha256("\n\x00".join(words).encode("utf-8")).hexdigest()[:tr.HASH_LENGTH]
    assert tr.dutch_hash(page.replace("naam: Elp", "naam: Elp\ngrote_kern: false")) == tr.dutch_hash(page)
