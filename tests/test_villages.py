"""Village pages: the schema check (every bad case gives its own message), the nav,
the overview table and the map (plugin dom-dorpen), tested without building the whole site."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort
from small_build import build_project, write

from dom_site import rules, source, village_data, village_map
from dom_site.plugins import villages

ROOT = Path(__file__).resolve().parent.parent


DORPEN = ROOT / "docs" / "maatwerk" / "dorpen"
MESSAGE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+): (?P<nl>.+) — (?P<nl_fix>.+) \(English: (?P<en>.+) — (?P<en_fix>.+)\)$")

ELP = """---
naam: Elp
soort: esdorp
paginastatus: concept
grote_kern: false
bronnen: [v11, s1]
laatst_bekeken: 2026-11-28
---

# Elp

## Het dorp in het kort {#in-het-kort}

Elp is een esdorp.[^v11]
Er wonen mensen.[^s1]

## Wat maatwerk hier betekent {#maatwerk}

Tekst over maatwerk.

## Vragen aan het dorp {#vragen}

- Klopt dit?
"""

ELP_EN = """# Elp

## The village in brief {#in-het-kort}

Elp is an esdorp.[^v11]
People live there.[^s1]

## What maatwerk means here {#maatwerk}

Text about maatwerk.

## Questions for the village {#vragen}

- Is this correct?
"""

BEILEN = ELP.replace("naam: Elp", "naam: Beilen").replace("# Elp", "# Beilen")
BEILEN_EN = ELP_EN.replace("# Elp", "# Beilen")


def write_docs(tmp_path: Path, nl: str | None = ELP, en: str | None = ELP_EN, extra: dict[str, str] | None = None,
               folder_name: str = village_data.FOLDER) -> Path:
    """A docs folder with one village (Elp) plus Beilen, which buurtschappen can point to."""
    folder = tmp_path / "docs" / folder_name
    folder.mkdir(parents=True)
    (folder / "beilen.md").write_text(BEILEN, encoding="utf-8")
    (folder / "beilen.en.md").write_text(BEILEN_EN, encoding="utf-8")
    if nl is not None:
        (folder / "elp.md").write_text(nl, encoding="utf-8")
    if en is not None:
        (folder / "elp.en.md").write_text(en, encoding="utf-8")
    for name, text in (extra or {}).items():
        (folder / name).write_text(text, encoding="utf-8")
    return tmp_path / "docs"


def problems_for(tmp_path: Path, **kwargs: object) -> list[str]:
    """What the rules of a village page say: its data, its headings, its file name (one message per mistake)."""
    docs = write_docs(tmp_path, **kwargs)  # type: ignore[arg-type]
    return [str(p) for p in rules.run(rules.Context(tmp_path, source.load(docs)), ["bestandsnamen", "koppen", "dorpen"])]


def test_valid_pages_have_no_problems(tmp_path: Path) -> None:
    docs = write_docs(tmp_path)
    found, problems = village_data.load_villages(docs, tmp_path)
    assert problems == []
    assert [v.naam for v in found] == ["Beilen", "Elp"]
    assert found[1].bronnen == ("v11", "s1") and found[1].laatst_bekeken == "2026-11-28"


# (what to change on the Dutch page, line of the error, words the Dutch message must contain)
BAD_FRONT_MATTER = [
    pytest.param(("naam: Elp\n", ""), 1, "bij deze dorpspagina ontbreekt de naam", id="naam-ontbreekt"),
    pytest.param(("soort: esdorp", "soort: dorp"), 3, "klopt de soort dorp niet ('dorp') — kies uit: esdorp", id="soort-onbekend"),
    pytest.param(("soort: esdorp", '"soort": dorp'), 3, "klopt de soort dorp niet ('dorp')",
                 id="soort-met-aanhalingstekens"),
    pytest.param(("soort: esdorp", "soort: buurtschap"), 1, "ontbreekt het dorp waar de buurtschap bij hoort — voeg een regel toe zoals 'onderdeel_van: Beilen'", id="buurtschap-zonder-dorp"),
    pytest.param(("soort: esdorp", "soort: esdorp\ncoordinaten:\n  lat: 53.5\n  lon: 6.5"), 5,
                 "coordinaten klopt de breedte (lat) niet (53.5) — toegestaan is 52.7 tot 53.0", id="lat-buiten-kader"),
    pytest.param(("soort: esdorp", "soort: esdorp\ncoordinaten: {lat: 52.8, lon: 7.2}"), 4,
                 "coordinaten klopt de lengte (lon) niet (7.2) — toegestaan is 6.35 tot 6.75", id="lon-buiten-kader-flow"),
    pytest.param(("soort: esdorp", "soort: esdorp\ncoordinaten:\n  lat: 52.8\n  lon: zes"), 6,
                 "coordinaten klopt de lengte (lon) niet ('zes') — schrijf een getal", id="lon-geen-getal"),
    pytest.param(("soort: esdorp", "soort: esdorp\ncoordinaten:\n  lat: 52.8"), 4,
                 "coordinaten ontbreekt de lengte (lon)", id="lon-ontbreekt"),
    pytest.param(("paginastatus: concept", "paginastatus: klaar"), 4,
                 "klopt de paginastatus niet ('klaar') — kies uit: concept, besproken met het dorp", id="paginastatus-onbekend"),
    # The value meant, not the schema's example: 'ja' is true (the example false would change the facts).
    pytest.param(("grote_kern: false", "grote_kern: ja"), 5, "klopt grote kern niet ('ja') — schrijf het zo: 'grote_kern: true'", id="grote-kern-ja"),
    pytest.param(("laatst_bekeken: 2026-11-28", "laatst_bekeken: 5 januari 2027"), 7,
                 "klopt de datum laatst_bekeken niet ('5 januari 2027') — schrijf het zo: 'laatst_bekeken: 2027-01-05'",
                 id="datum-in-woorden"),
    pytest.param(("laatst_bekeken: 2026-11-28", "laatst_bekeken: 2062-11-28"), 7,
                 "klopt de datum laatst_bekeken niet ('2062-11-28') — die datum ligt na vandaag", id="datum-in-de-toekomst"),
    pytest.param(("grote_kern: false", "grote_kern: misschien"), 5, "klopt grote kern niet ('misschien') — schrijf het zo: 'grote_kern: false'", id="grote-kern-geen-boolean"),
    pytest.param(("bronnen: [v11, s1]", "bronnen: []"), 6, "klopt de lijst bronnen niet ([]) — noem elke bron", id="bronnen-leeg"),
    pytest.param(("bronnen: [v11, s1]", "bronnen: [v11, s1, S 1]"), 6, "bronnen klopt nummer 3 niet ('S 1')", id="bronlabel-ongeldig"),
    pytest.param(("laatst_bekeken: 2026-11-28", "laatst_bekeken: 2026-02-30"), 7, "klopt de datum laatst_bekeken niet ('2026-02-30') — schrijf een bestaande datum als JJJJ-MM-DD", id="datum-bestaat-niet"),
    pytest.param(("laatst_bekeken: 2026-11-28", "laatst_bekeken: 28-11-2026"), 7, "klopt de datum laatst_bekeken niet ('28-11-2026')", id="datum-verkeerde-vorm"),
    pytest.param(("paginastatus: concept", "status: concept"), 4, "onbekend veld 'status' — misschien bedoel je 'paginastatus'", id="status-in-plaats-van-paginastatus"),
    pytest.param(("grote_kern: false", "grote_kern: false\nsoort: esdorp"), 6, "het veld 'soort' staat twee keer", id="dubbel-veld"),
    pytest.param(("naam: Elp", "naam: Elp: het dorp"), 2, "de gegevens bovenaan deze pagina zijn niet te lezen", id="yaml-kapot"),
    pytest.param(("naam: Elp", "naam: Ellp"), 2, "de bestandsnaam past niet bij de naam 'Ellp'", id="bestandsnaam"),
    pytest.param(("bronnen: [v11, s1]", "bronnen: [v11, s1, s99]"), 6, "bron 's99' staat in 'bronnen', maar de pagina heeft geen voetnoot [^s99]", id="bron-zonder-voetnoot"),
    pytest.param(("bronnen: [v11, s1]", "bronnen: [v11]"), 6, "de voetnoot [^s1] staat niet in 'bronnen'", id="voetnoot-niet-in-bronnen"),
    pytest.param(("soort: esdorp", "soort: buurtschap\nonderdeel_van: Atlantis"), 4, "'Atlantis' heeft geen eigen dorpspagina", id="onderdeel-van-onbekend-dorp"),
]


@pytest.mark.parametrize(("change", "line", "expected"), BAD_FRONT_MATTER)
def test_bad_front_matter_gives_its_message(tmp_path: Path, change: tuple[str, str], line: int, expected: str) -> None:
    old, new = change
    assert old in ELP
    problems = problems_for(tmp_path, nl=ELP.replace(old, new, 1))
    matching = [p for p in problems if expected in p]
    assert matching, f"no message with {expected!r} in:\n" + "\n".join(problems)
    # One mistake, one message: nothing else, about this page or its English twin.
    assert problems == matching[:1], "\n".join(problems)
    parsed = MESSAGE.match(matching[0])
    assert parsed, f"message not in the form path:line: nl — fix (English: en — fix): {matching[0]}"
    assert parsed["path"].endswith("docs/maatwerk/dorpen/elp.md")
    assert int(parsed["line"]) == line


BAD_BODY = [
    pytest.param({"nl": ELP.split("---\n", 2)[2]}, "elp.md", "de gegevens bovenaan de pagina ontbreken", id="geen-front-matter"),
    pytest.param({"nl": ELP.replace("## Vragen aan het dorp {#vragen}", "## Vragen aan het dorp")}, "elp.md",
                 "het deel met id {#vragen} ontbreekt", id="kop-zonder-id"),
    pytest.param({"nl": ELP.replace("{#vragen}", "{#vragen-aan-het-dorp}")}, "elp.md",
                 "het deel met id {#vragen} ontbreekt", id="deel-ontbreekt"),
    pytest.param({"nl": ELP.replace("# Elp\n", "")}, "elp.md", "de pagina heeft geen titel", id="geen-titel"),
    pytest.param({"en": None}, "elp.md", "de Engelse pagina elp.en.md ontbreekt", id="engels-ontbreekt"),
    pytest.param({"en": "---\nsoort: esdorp\n---\n" + ELP_EN}, "elp.en.md",
                 "het veld 'soort' hoort alleen op de Nederlandse pagina", id="engels-met-gegevens"),
    pytest.param({"en": ELP_EN.replace("{#maatwerk}", "{#tailored}")}, "elp.en.md",
                 "het ID #tailored hoort #maatwerk te zijn", id="engels-andere-ids"),
    pytest.param({"en": ELP_EN.replace("People live there.[^s1]", "People live there.")}, "elp.en.md",
                 "de Engelse pagina mist de voetnoot [^s1]", id="engels-mist-voetnoot"),
    pytest.param({"extra": {"orvelte.en.md": ELP_EN}}, "orvelte.en.md",
                 "bij deze Engelse pagina ontbreekt de Nederlandse pagina 'orvelte.md'", id="engels-zonder-nederlands"),
]


@pytest.mark.parametrize(("change", "file_name", "expected"), BAD_BODY)
def test_bad_page_gives_its_message(tmp_path: Path, change: dict[str, object], file_name: str, expected: str) -> None:
    problems = problems_for(tmp_path, **change)
    matching = [p for p in problems if expected in p]
    assert matching, f"no message with {expected!r} in:\n" + "\n".join(problems)
    parsed = MESSAGE.match(matching[0])
    assert parsed, matching[0]
    assert parsed["path"].endswith(f"docs/maatwerk/dorpen/{file_name}")


def test_template_copied_unchanged_is_refused_with_every_missing_piece(tmp_path: Path) -> None:
    """An editor who copies sjablonen/dorp.md without filling it in is told what to fill in."""
    template = village_data.TEMPLATE_PATH.read_text(encoding="utf-8")
    problems = "\n".join(problems_for(tmp_path, extra={"naam-van-het-dorp.md": template,
                                                       "naam-van-het-dorp.en.md": ELP_EN}))
    assert "klopt de soort dorp niet ('kies-een-soort')" in problems
    assert "klopt de datum laatst_bekeken niet ('JJJJ-MM-DD')" in problems


def test_template_filled_in_passes(tmp_path: Path) -> None:
    """The template is a working starting point: with a kind and a date it passes the check."""
    template = village_data.TEMPLATE_PATH.read_text(encoding="utf-8")
    filled = (template.replace("soort: kies-een-soort", "soort: esdorp")
              .replace("laatst_bekeken: JJJJ-MM-DD", "laatst_bekeken: 2026-11-28"))
    filled += "\nEen feit.[^wikipedia-midden-drenthe]\n"  # a filled-in page cites its sources
    english = "# Naam van het dorp\n\n## In brief {#in-het-kort}\n\n## Maatwerk {#maatwerk}\n\n## Questions {#vragen}\n\nA fact.[^wikipedia-midden-drenthe]\n"
    problems = problems_for(tmp_path, extra={"naam-van-het-dorp.md": filled, "naam-van-het-dorp.en.md": english})
    assert problems == []


def test_documented_example_message_is_the_real_one(tmp_path: Path) -> None:
    """The how-to on the overview page quotes a message; it must be what editors really see."""
    real = [p for p in problems_for(tmp_path, nl=ELP.replace("soort: esdorp", "soort: dorp")) if "de soort dorp" in p][0]
    real = real[real.index("docs/maatwerk/dorpen/"):]
    for page in ("index.md", "index.en.md"):
        assert real in (DORPEN / page).read_text(encoding="utf-8"), page


def test_a_front_matter_fields_line_is_where_yaml_reads_the_field() -> None:
    """The source model finds a field's line with YAML's own parser: nested and flow fields,
    a quoted key, and a `naam:` that is only text inside a block are what they are to the data."""
    page = source.parse("x.md", "---\n" + "\n".join([
        "title: |", "  naam: geen veld, maar tekst", '"naam": X', "coordinaten:", "  lat: 52.8", "  lon: 6.5",
        "bronnen: [a]", "punt: {lat: 1, lon: 2}"]) + "\n---\n# X\n", "docs/x.md")
    assert page.field_line("naam") == 4
    assert page.field_line("coordinaten", "lon") == 7
    assert page.field_line("bronnen", 0) == 8
    assert page.field_line("punt", "lon") == 9
    assert page.field_line("coordinaten", "ontbreekt") == 5  # a missing field: its parent's line
    assert page.field_line("ontbreekt") == 1  # the opening ---


def test_every_rule_suggests_the_same_name() -> None:
    """One slug for a village's file name, any file's name and a heading's ID: the file-name rule and the
    village rule never tell the editor two different names for one file."""
    from dom_site.rules import filenames, headings

    assert source.slug("Nieuw-Balinge") == "nieuw-balinge"
    assert source.slug("Ée Dorp") == "ee-dorp"
    assert filenames.suggestion("d'Olde Veste") == source.slug("d'Olde Veste") == "d-olde-veste"
    assert headings.slug("Coöperatie & financiën") == "cooperatie-financien"


# --- The real pages ---------------------------------------------------------------

def test_all_real_village_pages_pass_the_check() -> None:
    assert rules.run(rules.Context.of(ROOT), ["dorpen"]) == []


def test_the_village_rule_names_a_broken_page(tmp_path: Path) -> None:
    docs = write_docs(tmp_path, nl=ELP.replace("soort: esdorp", "soort: dorp"))
    found = [str(p) for p in rules.run(rules.Context.of(tmp_path, docs), ["dorpen"])]
    assert any(line.startswith("docs/maatwerk/dorpen/elp.md:3: bij deze dorpspagina klopt de soort dorp niet ('dorp')")
               for line in found), found


BRIEF_VILLAGES = [
    "Beilen", "Westerbork", "Smilde", "Bovensmilde", "Hoogersmilde", "Hijkersmilde", "Hooghalen", "Laaghalen",
    "Laaghalerveen", "Wijster", "Hijken", "Oranje", "Elp", "Zwiggelte", "Orvelte", "Balinge", "Garminge", "Mantinge",
    "Bruntinge", "Eursinge", "Nieuw-Balinge", "Witteveen", "Drijber", "Makkum", "Lieving", "Holthe", "Brunsting", "Spier",
]


def test_every_village_of_the_brief_has_a_page() -> None:
    found, problems = village_data.load_villages(ROOT / "docs", ROOT)
    assert problems == []
    assert sorted(v.naam for v in found) == sorted(BRIEF_VILLAGES)
    large = {v.naam for v in found if v.grote_kern}
    assert large == {"Beilen", "Westerbork", "Smilde", "Bovensmilde"}


def test_every_kind_has_a_section_and_labels_in_both_languages() -> None:
    kinds = json.loads(village_data.SCHEMA_PATH.read_text(encoding="utf-8"))["properties"]["soort"]["enum"]
    for language in ("nl", "en"):
        assert set(villages.KINDS[language]) == set(kinds)
    for page in ("soorten-dorpen.md", "soorten-dorpen.en.md"):
        text = (ROOT / "docs" / "maatwerk" / page).read_text(encoding="utf-8")
        for kind in kinds:
            assert re.search(rf"^## .+\{{#{kind}\}}$", text, re.M), f"{page}: no section {{#{kind}}}"


def test_shared_principles_have_citable_ids_in_both_languages() -> None:
    for page in ("index.md", "index.en.md"):
        text = (ROOT / "docs" / "maatwerk" / page).read_text(encoding="utf-8")
        assert re.findall(r"\{#(m-\d+)\}", text) == ["m-1", "m-2", "m-3", "m-4", "m-5"], page


# --- Nav ---------------------------------------------------------------------

def test_fill_nav_adds_villages_under_the_overview_and_is_idempotent() -> None:
    nav = [
        "index.md",
        {"Maatwerk": ["maatwerk/index.md", "maatwerk/soorten-dorpen.md", {"Dorpen": ["maatwerk/dorpen/index.md"]}]},
        {"Over": ["over/index.md"]},
    ]
    pages = ["maatwerk/dorpen/beilen.md", "maatwerk/dorpen/elp.md"]
    assert villages.fill_nav(nav, pages)
    assert villages.fill_nav(nav, pages)  # second language run: same result, no duplicates
    assert nav[1]["Maatwerk"][2] == {"Dorpen": ["maatwerk/dorpen/index.md", *pages]}
    assert nav[2] == {"Over": ["over/index.md"]}


def test_fill_nav_without_overview_changes_nothing() -> None:
    nav = ["index.md", {"Over": ["over/index.md"]}]
    assert not villages.fill_nav(nav, ["maatwerk/dorpen/elp.md"])
    assert nav == ["index.md", {"Over": ["over/index.md"]}]


# --- Notice, table and map ----------------------------------------------------------

def _village(**kwargs: object) -> village_data.Village:
    base: dict[str, object] = dict(slug="elp", naam="Elp", soort="esdorp", paginastatus="concept", grote_kern=False,
                                   bronnen=("v11",), laatst_bekeken="2026-11-28")
    base.update(kwargs)
    return village_data.Village(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize("title", ["# Elp {#top}", "#Elp {#top}"])
def test_the_notice_comes_right_after_the_title_the_village_rule_reads(title: str) -> None:
    """Python-Markdown and the source model read #Elp as the title too: the notice goes below it, never above."""
    lines = villages._with_notice(f"{title}\n\nTekst.\n", _village(), "nl").split("\n")
    assert lines[0] == title and lines[2].startswith("!!! warning")


def test_notice_in_both_languages() -> None:
    assert '!!! warning "Concept — nog niet besproken met het dorp"' in villages.notice(_village(), "nl")
    assert "Laatst bekeken op 28 november 2026." in villages.notice(_village(), "nl")
    assert '!!! warning "Draft — not yet discussed with the village"' in villages.notice(_village(), "en")
    done = villages.notice(_village(paginastatus="besproken met het dorp"), "nl")
    assert "Besproken met het dorp" in done and "Concept" not in done


def test_overview_table_is_sorted_and_links_every_village() -> None:
    rows = villages.overview_table([_village(), _village(slug="beilen", naam="Beilen", grote_kern=True),
                                    _village(slug="holthe", naam="Holthe", soort="buurtschap", onderdeel_van="Beilen")],
                                   "nl").splitlines()
    assert rows[0].startswith("| Naam | Soort | Onderdeel van |")
    assert [re.match(r"\| \[(\w+)\]", r)[1] for r in rows[2:]] == ["Elp", "Beilen", "Holthe"]  # order given
    assert "geen lid van DOM" in rows[3] and "| Beilen |" in rows[4]


def test_map_has_a_focusable_named_link_per_point_and_no_external_reference() -> None:
    points = [village_map.MapPoint(n, f"{n.lower()}/", lat, lon)
              for n, lat, lon in (("Beilen", 52.86, 6.52), ("Hijken", 52.896, 6.497), ("Smilde", 52.95, 6.45))]
    svg = village_map.render_map(points, village_map.MapText("Kaart", "Bijschrift", "N", "5 km"))
    links = re.findall(r'<a href="([^"]+)" class="dorpen-kaart__dorp" aria-label="([^"]+)">', svg)
    assert links == [("beilen/", "Beilen"), ("hijken/", "Hijken"), ("smilde/", "Smilde")]
    assert "http" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "\n\n" not in svg  # a blank line would end the Markdown raw HTML block
    assert not re.search(r"<(script|style|image|foreignObject)\b|\son\w+=", svg)


def test_map_labels_of_the_real_villages_do_not_overlap() -> None:
    found, _ = village_data.load_villages(ROOT / "docs", ROOT)
    points = [village_map.MapPoint(v.naam, v.slug, v.lat, v.lon) for v in found if v.lat is not None and v.lon is not None]
    projected = village_map.project(points)
    boxes = [box for *_, box in village_map.place_labels(projected)]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert village_map._overlap(a, b) == 0, (a, b)


# --- The plugin in a real (small) build, both languages ----------------------------

def village_project(tmp_path: Path, nl: str = ELP, folder: str = village_data.FOLDER,
                    only: tuple[str, ...] = ("dorpen",)) -> Path:
    """A two-language project with the overview page and two villages, built by dom-dorpen.

    folder: the villages' folder in docs/ (dom-dorpen's setting, written only when it is not the default);
    only: the rules dom-regels runs.
    """
    docs = write_docs(tmp_path, nl=nl, folder_name=folder)
    parent = folder.rpartition("/")[0]
    write(docs, {
        "index.md": "# Start\n", "index.en.md": "# Home\n",
        # The overview table links each kind to ../soorten-dorpen.md, beside the villages' folder.
        f"{parent + '/' if parent else ''}soorten-dorpen.md": "# Soorten\n\n## Esdorp {#esdorp}\n",
        f"{folder}/index.md": "# Dorpen\n\n<!-- dorpen:tabel -->\n\n<!-- dorpen:kaart -->\n",
        f"{folder}/index.en.md": "# Villages\n\n<!-- dorpen:tabel -->\n\n<!-- dorpen:sjabloon -->\n",
    })
    setting = f"      folder: {folder}\n" if folder != village_data.FOLDER else ""
    # The template is the project's own (a path from this project's folder would not exist).
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: test\ntheme: material\n"
        "markdown_extensions: [admonition, footnotes, attr_list, tables]\n"
        "plugins:\n"
        "  - i18n:\n"
        "      docs_structure: suffix\n"
        "      languages:\n"
        "        - {locale: nl, name: Nederlands, default: true}\n"
        "        - {locale: en, name: English}\n"
        "  - dom-dorpen:\n"
        f"{setting}"
        f"      template: {json.dumps(str(ROOT / 'sjablonen' / 'dorp.md'))}\n"
        f"  - dom-regels:\n      only: [{', '.join(only)}]\n      extra_dirs: []\n"
        f"nav:\n  - index.md\n  - Dorpen:\n      - {folder}/index.md\n",
        encoding="utf-8",
    )
    return tmp_path


def test_build_checks_the_villages_once_and_renders_them_in_both_languages(tmp_path: Path) -> None:
    config = build_project(village_project(tmp_path))
    plugin = config.plugins["dom-dorpen"]
    assert plugin.loaded.computed == 1  # one check for the Dutch and the English build
    site = tmp_path / "site"
    for prefix, notice, head in (("", "Concept — nog niet besproken met het dorp", "Naam"),
                                 ("en/", "Draft — not yet discussed with the village", "Name")):
        elp = (site / prefix / "maatwerk" / "dorpen" / "elp" / "index.html").read_text("utf-8")
        assert notice in elp
        overview = (site / prefix / "maatwerk" / "dorpen" / "index.html").read_text("utf-8")
        assert f"<th>{head}</th>" in overview and 'href="elp/"' in overview
        # The nav lists the villages under the overview, sorted by name.
        assert overview.index('href="beilen/"') < overview.index('href="elp/"')
    assert 'class="dorpen-kaart__svg"' in (site / "maatwerk" / "dorpen" / "index.html").read_text("utf-8")
    assert "naam:" in (site / "en" / "maatwerk" / "dorpen" / "index.html").read_text("utf-8")  # the template


def test_build_refuses_a_broken_village_page(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    project = village_project(tmp_path, nl=ELP.replace("soort: esdorp", "soort: dorp"))
    with pytest.raises(Abort):
        build_project(project)
    assert "docs/maatwerk/dorpen/elp.md:3: bij deze dorpspagina klopt de soort dorp niet ('dorp')" in caplog.text


OTHER_FOLDER = "gebied/dorpen"


def test_villages_in_another_folder_are_built(tmp_path: Path) -> None:
    """dom-dorpen's folder is the folder the village rule and the file name rule read (the rules' settings)."""
    project = village_project(tmp_path, folder=OTHER_FOLDER, only=("bestandsnamen", "koppen", "dorpen"))
    config = build_project(project)
    assert set(config.plugins["dom-dorpen"].villages) == {"beilen", "elp"}
    elp = (tmp_path / "site" / "gebied" / "dorpen" / "elp" / "index.html").read_text("utf-8")
    assert "Concept — nog niet besproken met het dorp" in elp
    overview = (tmp_path / "site" / "gebied" / "dorpen" / "index.html").read_text("utf-8")
    assert overview.index('href="beilen/"') < overview.index('href="elp/"')


def test_a_broken_village_page_in_another_folder_is_refused_once(tmp_path: Path,
                                                                 caplog: pytest.LogCaptureFixture) -> None:
    project = village_project(tmp_path, nl=ELP.replace("soort: esdorp", "soort: dorp"), folder=OTHER_FOLDER,
                              only=("bestandsnamen", "koppen", "dorpen"))
    with pytest.raises(Abort):
        build_project(project)
    about_elp = [line for line in caplog.text.splitlines() if "elp.md" in line]
    assert about_elp == [line for line in about_elp if line.startswith(
        f"docs/{OTHER_FOLDER}/elp.md:3: bij deze dorpspagina klopt de soort dorp niet ('dorp')")], caplog.text
    assert len(about_elp) == 1, caplog.text


def test_a_village_page_outside_the_set_folder_is_sent_there(tmp_path: Path) -> None:
    """The file name rule sends a village page to the folder of the settings, not to a folder of its own."""
    docs = write_docs(tmp_path)  # the villages in maatwerk/dorpen/, while the settings say gebied/dorpen
    context = rules.Context(tmp_path, source.load(docs), rules.Settings(villages=OTHER_FOLDER))
    found = [str(p) for p in rules.run(context, ["bestandsnamen"])]
    assert "docs/maatwerk/dorpen/elp.md:1: dit is een dorpspagina, maar hij staat niet in docs/gebied/dorpen/ " \
           "— verplaats het bestand naar docs/gebied/dorpen/elp.md" in "\n".join(found), found
    assert rules.run(context, ["dorpen"]) == []  # and the village rule reads only the set folder


def test_the_folder_setting_is_normalised_once_for_every_reader(tmp_path: Path) -> None:
    """Written with slashes at either end, dom-dorpen and the rules' settings read one folder."""
    from mkdocs.config import load_config

    from dom_site.plugins.rules import settings_of

    project = village_project(tmp_path, folder=OTHER_FOLDER)
    config_file = project / "mkdocs.yml"
    config_file.write_text(config_file.read_text("utf-8").replace(
        f"folder: {OTHER_FOLDER}", f"folder: /{OTHER_FOLDER}/"), "utf-8")
    config = load_config(str(config_file))
    assert config.plugins["dom-dorpen"].config["folder"] == OTHER_FOLDER
    assert settings_of(config).villages == OTHER_FOLDER


def test_a_mistake_on_a_villages_page_is_not_said_again_on_its_hamlets(tmp_path: Path) -> None:
    """Beilen's page has a mistake of its own; the hamlet that names Beilen names it rightly."""
    hamlet = ELP.replace("soort: esdorp", "soort: buurtschap\nonderdeel_van: Beilen")
    docs = write_docs(tmp_path, nl=hamlet)
    beilen = docs / village_data.FOLDER / "beilen.md"
    beilen.write_text(BEILEN.replace("paginastatus: concept", "paginastatus: besproken"), "utf-8")
    problems = [str(p) for p in rules.run(rules.Context(tmp_path, source.load(docs)), ["dorpen"])]
    assert len(problems) == 1 and "beilen.md:4: " in problems[0] and "paginastatus" in problems[0], problems


def test_the_dutch_data_pasted_into_the_english_page_is_one_message_naming_every_field(tmp_path: Path) -> None:
    """One paste, one message at its first field (it was one message a field: six for a whole copy)."""
    data = ELP.split("---\n", 2)[1]
    said = [p for p in problems_for(tmp_path, en=f"---\n{data}---\n{ELP_EN}") if "elp.en.md" in p]
    fields = [line.split(":")[0] for line in data.splitlines() if line and not line.startswith(" ")]
    assert len(said) == 1 and said[0].split(": ", 1)[0].endswith("elp.en.md:2"), said
    assert f"de velden {', '.join(repr(f) for f in fields)} horen alleen op de Nederlandse pagina" in said[0], said

