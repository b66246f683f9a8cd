"""The registry check refuses every way a citation could break, with a message an editor can act on."""
from __future__ import annotations

from pathlib import Path

import pytest

from dom_site import citation_registry as reg
from dom_site import citations, rules, source
from dom_site.unit_history import page_url

REGISTRY = """\
documents:
  r: {nl: Reactie, en: Response}
releases:
  - {version: "1.0", date: 2026-11-28}
ids:
  r-1: {page: reactie/index.md, status: active, since: "1.0"}
  r-2: {page: reactie/index.md, status: active, since: "1.0"}
  r-3: {page: reactie/index.md, status: retired, since: "1.0", replaced_by: r-2}
"""
NL = "# Reactie\n\n## Eerste {#r-1}\n\nTekst.\n\n## Tweede {#r-2}\n\nMeer.\n"
EN = "# Response\n\n## First {#r-1}\n\nText.\n\n## Second {#r-2}\n\nMore.\n"


def tree(tmp_path: Path, nl: str = NL, en: str = EN, registry: str = REGISTRY) -> tuple[Path, reg.Registry]:
    docs = tmp_path / "docs"
    (docs / "reactie").mkdir(parents=True)
    (docs / "reactie" / "index.md").write_text(nl, "utf-8")
    (docs / "reactie" / "index.en.md").write_text(en, "utf-8")
    (tmp_path / "registry").mkdir()
    (tmp_path / "registry" / "ids.yml").write_text(registry, "utf-8")
    return docs, reg.load_registry(tmp_path / "registry" / "ids.yml")


def messages(tmp_path: Path, **kwargs: str) -> list[str]:
    """What the heading and the citation rules say about the tree, one message per mistake."""
    docs, _ = tree(tmp_path, **kwargs)
    return [str(problem) for problem in rules.run(rules.Context(tmp_path, source.load(docs)), ["koppen", "citeren"])]


def test_consistent_tree_has_no_problems(tmp_path: Path) -> None:
    assert messages(tmp_path) == []


def test_unregistered_id(tmp_path: Path) -> None:
    found = messages(tmp_path, nl=NL + "\n## Nieuw {#r-9}\n", en=EN + "\n## New {#r-9}\n")
    assert any(m.startswith("docs/reactie/index.md:11: het ID r-9 staat niet in het register — voeg één regel toe") for m in found), found


@pytest.mark.parametrize("hashes", ["#####", "######"])
def test_a_citable_id_on_a_heading_without_a_cite_button_is_one_message(tmp_path: Path, hashes: str) -> None:
    registry = REGISTRY.replace('  r-3:', '  r-9: {page: reactie/index.md, status: active, since: "1.0"}\n  r-3:')
    found = messages(tmp_path, nl=NL + f"\n{hashes} Klein {{#r-9}}\n", en=EN + f"\n{hashes} Small {{#r-9}}\n",
                     registry=registry)
    level = len(hashes)
    assert found == [f"docs/reactie/index.md:11: het ID r-9 staat bij een kop van niveau {level}; zo'n kop krijgt "
                     "geen knop om te citeren — maak er een kop van ## tot #### van, of haal {#r-9} weg en uit "
                     f"registry/ids.yml (English: the ID r-9 is on a level {level} heading, which gets no cite button "
                     "— make it a ## to #### heading, or remove {#r-9} and its line in registry/ids.yml)"], found


def test_the_cite_bar_goes_under_every_level_the_rule_allows() -> None:
    for level in reg.CITABLE_LEVELS:
        assert citations.CITABLE_HEADING.search(f'<h{level} id="r-1">Kop</h{level}>')
    assert not citations.CITABLE_HEADING.search('<h5 id="r-1">Kop</h5>')


def test_id_defined_twice_on_one_page_is_the_heading_rules_one_message(tmp_path: Path) -> None:
    found = messages(tmp_path, nl=NL + "\n## Nog eens {#r-1}\n")
    assert [m.split(" — ")[0] for m in found] == ["docs/reactie/index.md:11: het ID #r-1 staat ook al op regel 3"], found


def test_id_defined_on_two_pages(tmp_path: Path) -> None:
    docs, _ = tree(tmp_path)
    (docs / "over.md").write_text("# Over\n\n## Nog eens {#r-1}\n", "utf-8")
    (docs / "over.en.md").write_text("# About\n\n## Again {#r-1}\n", "utf-8")
    found = [str(p) for p in rules.run(rules.Context(tmp_path, source.load(docs)), ["koppen", "citeren"])]
    assert any("docs/reactie/index.md:3: het ID r-1 staat twee keer in de site (ook in docs/over.md:3)" in m
               or "docs/over.md:3: het ID r-1 staat twee keer in de site (ook in docs/reactie/index.md:3)" in m
               for m in found), found


def test_id_in_one_language_only(tmp_path: Path) -> None:
    found = messages(tmp_path, en=EN.replace(" {#r-2}", " {#second}"))
    assert found == [found[0]] and found[0].startswith(
        "docs/reactie/index.en.md:7: het ID #second hoort #r-2 te zijn: in docs/reactie/index.md (regel 7) heeft "
        "dezelfde kop {#r-2} — schrijf {#r-2} achter de kop"), found
    # Changed in the Dutch page, the registry's ID is the one to keep: the message is on the Dutch page.
    found = messages(tmp_path / "nl", nl=NL.replace(" {#r-2}", " {#r-20}"))
    assert found == [found[0]] and found[0].startswith("docs/reactie/index.md:7: het ID #r-20 hoort #r-2 te zijn"), found


def test_registered_active_id_missing_from_site(tmp_path: Path) -> None:
    found = messages(tmp_path, nl=NL.replace("## Tweede {#r-2}\n\nMeer.\n", ""), en=EN.replace("## Second {#r-2}\n\nMore.\n", ""))
    assert found == [found[0]] and found[0].startswith("registry/ids.yml:7: het actieve ID r-2 komt niet meer voor in de site"), found


@pytest.mark.parametrize("registry", [
    pytest.param(REGISTRY.replace("  r-2:", '  "r-2":'), id="quoted"),
    pytest.param(REGISTRY.replace("ids:\n", "ids:\n    # r-2: {page: reactie/oud.md} (a comment, not an entry)\n")
                 .replace("\n  r-", "\n    r-"), id="indented-with-a-comment-above"),
])
def test_a_registry_message_names_the_line_the_id_is_on(tmp_path: Path, registry: str) -> None:
    """The line comes from the YAML (dom_site.data_file), however the ID is written."""
    line = next(n for n, text in enumerate(registry.splitlines(), 1) if text.lstrip().startswith(("r-2:", '"r-2":')))
    found = messages(tmp_path, registry=registry, nl=NL.replace("## Tweede {#r-2}\n\nMeer.\n", ""),
                     en=EN.replace("## Second {#r-2}\n\nMore.\n", ""))
    assert [m.split(" — ")[0] for m in found] == [
        f"registry/ids.yml:{line}: het actieve ID r-2 komt niet meer voor in de site (reactie/index.md)"], found


def test_a_heading_that_lost_its_registered_id_is_told_to_restore_it(tmp_path: Path) -> None:
    found = messages(tmp_path, nl=NL.replace(" {#r-2}", ""), en=EN.replace(" {#r-2}", ""))
    assert found == [found[0]], found  # not also "missing from the site", nor twice for the two languages
    assert found[0].startswith("docs/reactie/index.md:7: de kop 'Tweede' heeft geen vast ID; het register noemt {#r-2} "
                               "voor deze pagina"), found


RELEASED = """\
documents:
  r: {nl: Reactie, en: Response}
releases:
  - {version: "1.0", date: 2026-11-28}
  - {version: "1.1", date: 2027-02-01}
ids:
  r-1: {page: reactie/index.md, status: active, since: "1.0", checksums: {"1.0": "aaaaaaaaaaaa", "1.1": "aaaaaaaaaaaa"}}
  r-2: {page: reactie/index.md, status: active, since: "1.1", checksums: {"1.1": "bbbbbbbbbbbb"}}
  r-3: {page: reactie/index.md, status: active, since: "1.2"}
"""
THIRD = ("\n## Derde {#r-3}\n", "\n## Third {#r-3}\n")


@pytest.mark.parametrize("wrong, says", [
    # New since the last release, written as an old one: the changelog would not list it as new.
    (('r-3: {page: reactie/index.md, status: active, since: "1.2"}', 'r-3: {page: reactie/index.md, status: active, since: "1.0"}'),
     'registry/ids.yml:9: since: "1.0" klopt niet: versie 1.0 had r-3 nog niet; het is nieuw in versie 1.2 — schrijf since: "1.2" bij r-3'),
    # In release 1.0 already (its checksum says so), written as new in 1.1.
    (('since: "1.0", checksums: {"1.0"', 'since: "1.1", checksums: {"1.0"'),
     'registry/ids.yml:7: since: "1.1" klopt niet: r-1 staat al in versie 1.0 — schrijf since: "1.0" bij r-1'),
    # A release that does not exist yet and is not the next one.
    (('r-3: {page: reactie/index.md, status: active, since: "1.2"}', 'r-3: {page: reactie/index.md, status: active, since: "1.10"}'),
     'registry/ids.yml:9: since: "1.10" klopt niet: er is geen versie 1.10; r-3 is nieuw in de volgende versie, 1.2 — '
     'schrijf since: "1.2" bij r-3'),
    (('since: "1.1", checksums: {"1.1": "bb', 'since: "1.0", checksums: {"1.1": "bb'),
     'registry/ids.yml:8: since: "1.0" klopt niet: r-2 staat pas in versie 1.1 — schrijf since: "1.1" bij r-2'),
])
def test_since_is_the_release_the_unit_first_appeared_in(tmp_path: Path, wrong: tuple[str, str], says: str) -> None:
    """The release script's checksums record what each release held; `since` must agree with them."""
    assert messages(tmp_path / "right", registry=RELEASED, nl=NL + THIRD[0], en=EN + THIRD[1]) == []
    found = messages(tmp_path / "wrong", registry=RELEASED.replace(*wrong), nl=NL + THIRD[0], en=EN + THIRD[1])
    assert [m.split(" (English: ")[0] for m in found] == [says], found


def test_retired_id_used_again(tmp_path: Path) -> None:
    found = messages(tmp_path, nl=NL + "\n## Terug {#r-3}\n", en=EN + "\n## Back {#r-3}\n")
    assert any("docs/reactie/index.md:11: het ID r-3 is ingetrokken en mag niet opnieuw gebruikt worden (vervangen door r-2)" in m for m in found), found


@pytest.mark.parametrize("bad, good", [("R-2", "r-2"), ("r2", "r-2"), ("r-02", "r-2"), ("r_2", "r-2")])
def test_malformed_id(tmp_path: Path, bad: str, good: str) -> None:
    found = messages(tmp_path, nl=NL + f"\n## Fout {{#{bad}}}\n")
    assert any(m.startswith(f"docs/reactie/index.md:11: het ID '{bad}' ")
               and f"schrijf een kleine letter, een streepje en een getal zonder voorloopnul, zoals {{#{good}}}" in m
               for m in found), found


def test_unit_moved_to_another_page(tmp_path: Path) -> None:
    docs, registry = tree(tmp_path, nl=NL.replace(" {#r-2}", ""), en=EN.replace(" {#r-2}", ""))
    (docs / "draaiboek").mkdir()
    (docs / "draaiboek" / "index.md").write_text("# D\n\n## Verhuisd {#r-2}\n", "utf-8")
    (docs / "draaiboek" / "index.en.md").write_text("# D\n\n## Moved {#r-2}\n", "utf-8")
    found = [p.wrong_nl for p in reg.problems(docs, registry)]
    assert "het ID r-2 staat volgens het register op reactie/index.md" in found


def test_headings_inside_code_fences_are_ignored(tmp_path: Path) -> None:
    assert messages(tmp_path, nl=NL + "\n```\n## Voorbeeld {#r-77}\n```\n") == []


def test_checksum_ignores_whitespace_but_not_words() -> None:
    assert reg.checksum("Een  twee\ndrie") == reg.checksum("Een twee drie")
    assert reg.checksum("Een twee drie") != reg.checksum("Een twee vier")


def test_cite_button_carries_a_full_citation_in_the_page_language(tmp_path: Path) -> None:
    _, registry = tree(tmp_path)
    html = '<h2 id="r-1">Eerste<a class="headerlink" href="#r-1">¶</a></h2><p>x</p><h2 id="r-2">Tweede</h2>'
    out = citations.render(html, "nl", registry, "https://voorbeeld.test/dom/")
    assert '<span class="cite-id" title="ID">R-2</span>' in out
    assert 'aria-label="Citeer R-1: Eerste"' in out and ">Citeer</button>" in out
    assert ('data-clipboard-text="Dorpenoverleg Midden-Drenthe (DOM), &quot;Reactie&quot;, versie 1.0 (28 november 2026), '
            '§ 2 &quot;Tweede&quot;, R-2. https://voorbeeld.test/dom/c/r-2/ (geraadpleegd op {datum})"') in out
    english = citations.render(html, "en", registry, "https://voorbeeld.test/dom/")
    assert "version 1.0 (28 November 2026), § 1 &quot;First" not in english  # titles come from the page itself
    assert "&quot;Response&quot;, version 1.0 (28 November 2026), § 1 &quot;Eerste&quot;, R-1. https://voorbeeld.test/dom/en/c/r-1/ (accessed {datum})" in english


def test_short_link_pages(tmp_path: Path) -> None:
    assert page_url("reactie/index.md") == "reactie/"
    assert page_url("index.md") == ""
    assert page_url("draaiboek/financiering.md") == "draaiboek/financiering/"
    page = citations.redirect_page("nl", "r-4", "../../reactie/#r-4")
    assert 'content="0; url=../../reactie/#r-4"' in page and 'lang="nl"' in page
    note = citations.retired_page("en", "r-3", "r-2", "../../reactie/#r-2", "x.css")
    assert "R-3 has been retired." in note and '<a href="../../reactie/#r-2">R-2</a>' in note


def test_an_id_retired_the_way_ids_yml_says_passes_every_check_and_its_short_link_names_the_new_one(
        tmp_path: Path) -> None:
    """Retire d-2 for d-106 as the comment at the top of registry/ids.yml says. No ID was retired yet, and a
    helper's probe found the built site refused: the retired short link pages had no language alternates."""
    import builds
    from project_copy import copy_project, edit

    project = copy_project(tmp_path / "p")
    for page in ("docs/draaiboek/index.md", "docs/draaiboek/index.en.md"):
        edit(project / page, "{#d-2}", "{#d-106}")
    registry = project / "registry" / "ids.yml"
    old = 'd-2: {page: draaiboek/index.md, status: active, since: "1.0", checksums: {"1.0": "d6437c44f9c0"}}'
    edit(registry, old, old.replace("status: active", "status: retired, replaced_by: d-106"))
    edit(registry, '  d-105: {page: draaiboek/bouwen-en-opleveren.md, status: active, since: "1.1"}\n',
         '  d-105: {page: draaiboek/bouwen-en-opleveren.md, status: active, since: "1.1"}\n'
         '  d-106: {page: draaiboek/index.md, status: active, since: "1.1"}\n')
    done = builds.command(["check", "--build", "citeren", "koppen", "site-html", "site-links"], project)
    assert done.returncode == 0, done.stderr[-3000:]
    built = builds.build(project / "mkdocs.yml", site_dir=tmp_path / "site")
    assert built.returncode == 0, built.stderr[-3000:]
    for prefix, twin in (("", "../../en/c/d-2/"), ("en/", "../../../c/d-2/")):
        retired = (tmp_path / "site" / prefix / "c" / "d-2" / "index.html").read_text("utf-8")
        assert "D-106" in retired and f'hreflang="{"en" if not prefix else "nl"}" href="{twin}"' in retired
