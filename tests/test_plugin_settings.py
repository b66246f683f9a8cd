"""A wrong setting of one of the project's plugins is one message at its line in mkdocs.yml."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from small_build import build_project, write

from dom_site.plugins import setting_line
from dom_site.plugins.citations import CitationsPlugin
from dom_site.plugins.status import StatusPlugin

MKDOCS_YML = """site_name: t
theme: {name: material}
plugins:
  - search
  - dom-status:
      parties:
        dom: {nl: DOM, en: DOM}
      pages:
        index.md: {kind: site}
        draaiboek/:
          kind: voorstel
          not_agreed: [dom, bokd]
  - dom-citeren:
      registry: registry/ids.yml
      edition: "1.0"
      edition_date: 28-11-2026
      live_url: !ENV [DOM_LIVE_URL, null]
"""


@pytest.fixture()
def config_file(tmp_path: Path) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(MKDOCS_YML, "utf-8")
    return tmp_path / "mkdocs.yml"


def test_setting_line_finds_a_plugins_setting_or_the_nearest_part(config_file: Path) -> None:
    config = load_config(str(config_file))
    assert setting_line(config, "dom-citeren", "edition_date") == ("mkdocs.yml", 16)
    assert setting_line(config, "dom-status", "pages", "draaiboek/", "not_agreed") == ("mkdocs.yml", 12)
    assert setting_line(config, "dom-status", "nergens") == ("mkdocs.yml", 5)  # the plugin's own line
    assert setting_line(config, "", "theme") == ("mkdocs.yml", 2)


def test_setting_line_reads_plugins_written_as_a_mapping(tmp_path: Path) -> None:
    """MkDocs takes `plugins:` as a list or as a mapping of names to settings. The theme is
    named: ProperDocs has no default theme installed (make properdocs runs this test too)."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: t\ntheme: {name: material}\nplugins:\n  search: {}\n  dom-citeren:\n"
        "    registry: registry/ids.yml\n    edition_date: 28-11-2026\n", "utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    assert setting_line(config, "dom-citeren", "edition_date") == ("mkdocs.yml", 7)


def test_a_party_that_is_not_listed_is_reported_at_its_line(config_file: Path) -> None:
    config = load_config(str(config_file))
    plugin = StatusPlugin()
    plugin.load_config(dict(config.plugins["dom-status"].config))
    with pytest.raises(PluginError, match=r"^mkdocs.yml:12: dom-status: 'bokd' bij 'draaiboek/' staat niet onder "
                                          r"parties — voeg het toe"):
        plugin.on_config(config)


def test_an_edition_date_that_is_no_date_is_reported_at_its_line(config_file: Path) -> None:
    config = load_config(str(config_file))
    plugin = CitationsPlugin()
    plugin.load_config(dict(config.plugins["dom-citeren"].config))
    with pytest.raises(PluginError, match=r"^mkdocs.yml:16: dom-citeren: edition_date '28-11-2026' is geen datum"):
        plugin.on_config(config)


def test_a_missing_respond_text_is_reported_at_the_setting(tmp_path: Path) -> None:
    """Without includes/<respond>.en.md the English pages showed the Dutch text (without both, no way
    to respond at all), and every check passed."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "includes").mkdir()
    (tmp_path / "includes" / "reageren.md").write_text("Mail ons.\n", "utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: t\ntheme: {name: material}\nplugins:\n  - dom-status:\n      respond: reageren\n", "utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    plugin = config.plugins["dom-status"]
    with pytest.raises(PluginError, match=r"^mkdocs.yml:5: dom-status: het bestand includes/reageren.en.md ontbreekt"):
        plugin.on_pre_build(config=config)
    (tmp_path / "includes" / "reageren.en.md").write_text("Mail us.\n", "utf-8")
    plugin.on_pre_build(config=config)
    assert "Mail us." in plugin.respond_html["en"]
    # Misspelt in mkdocs.yml: the file is not missing, the name is wrong.
    plugin.config.respond = "reageeren"
    with pytest.raises(PluginError, match=r"^mkdocs.yml:5: dom-status: het bestand includes/reageeren.md ontbreekt; "
                                          r"daarin staat hoe lezers kunnen reageren — bedoel je respond: reageren\?"):
        plugin.on_pre_build(config=config)


def test_a_link_to_a_page_in_the_respond_text_works_on_every_page(tmp_path: Path) -> None:
    """The text stands under every page: a link relative to one page broke on all the others
    (49 messages at line 1 of each page, none at the include). A page is written as its path in docs/."""
    write(tmp_path, {
        "mkdocs.yml": "site_name: t\ntheme: {name: material, language: nl}\nplugins:\n  - dom-status:\n      respond: reageren\n",
        "docs/index.md": "# Start\n", "docs/over/privacy.md": "# Privacy\n\n## Gegevens {#gegevens}\n",
        "docs/draaiboek/beheer.md": "# Beheer\n", "docs/over/privacy.en.md": "# Privacy\n\n## Data {#gegevens}\n\n## Cookies\n",
        "includes/reageren.md": "Lees eerst\n[over privacy](../over/privacy.md#gegevens).\n",
        "includes/reageren.en.md": "Read [about privacy](over/privacy.md#cookies) first.\n"})
    build_project(tmp_path)
    for page, href in (("index.html", "over/privacy/#gegevens"), ("draaiboek/beheer/index.html", "../../over/privacy/#gegevens")):
        respond = (tmp_path / "site" / page).read_text("utf-8").partition('<aside class="page-respond"')[2]
        assert f'href="{href}"' in respond.partition("</aside>")[0], page
    config = load_config(str(tmp_path / "mkdocs.yml"))
    for text, message in (
            ("[over privacy](../over/privacyy.md).", r"^includes/reageren.md:3: dom-status: de link '../over/privacyy.md' "
             r"leidt naar geen pagina van de site \(deze tekst staat onder elke pagina\) — schrijf de pagina zoals ze in "
             r"docs/ staat: \(over/privacy.md\)"),
            # An anchor the page lacks: before, the built site's link check said it once for every page (98 times).
            ("[over privacy](over/privacy.md#gegeven).", r"^includes/reageren.md:3: dom-status: de link "
             r"'over/privacy.md#gegeven' wijst naar een anker \(#gegeven\) dat over/privacy.md niet heeft — schrijf "
             r"over/privacy.md#gegevens"),
            # A folder means its index page; the line is the link's, not the first line that holds "over".
            ("[over](over/).", r"^includes/reageren.md:3: .* — schrijf de pagina zoals ze in docs/ staat: "
             r"\(over/index.md\)")):
        write(tmp_path, {"includes/reageren.md": f"Het Dorpenoverleg:\nlees eerst\n{text}\n",
                         "docs/over/index.md": "# Over\n"})
        with pytest.raises(PluginError, match=message):
            config.plugins["dom-status"].on_pre_build(config=config)


def test_a_phone_number_or_address_in_the_respond_text_needs_the_page_that_gives_it(tmp_path: Path) -> None:
    """The text under every page tells residents whom to contact: a number without its source passed every check."""
    write(tmp_path, {"mkdocs.yml": "site_name: t\ntheme: {name: material}\nplugins:\n  - dom-status:\n      respond: reageren\n",
                     "docs/index.md": "# Start\n", "includes/reageren.en.md": "Respond.\n"})
    config = load_config(str(tmp_path / "mkdocs.yml"))
    for text, refused in (("Bel 0593 123 456 op werkdagen.", "een telefoonnummer ('0593 123 456')"),
                          ("Mail naar [ons](mailto:info@dorp.example.nl).", "een e-mailadres ('info@dorp.example.nl')"),
                          ("Mail info@dorp.example.nl.", "een e-mailadres ('info@dorp.example.nl')"),
                          ("Bel 0593 123 456; zo staat het op [de pagina van het dorpshuis](https://dorp.example.nl/contact).",
                           None)):
        write(tmp_path, {"includes/reageren.md": f"Reageren?\n{text}\n"})
        if refused is None:
            config.plugins["dom-status"].on_pre_build(config=config)
            continue
        with pytest.raises(PluginError, match=rf"^includes/reageren.md:2: dom-status: {re.escape(refused)} zonder de "
                                              r"pagina die het noemt — zet op dezelfde regel een link naar de pagina"):
            config.plugins["dom-status"].on_pre_build(config=config)
