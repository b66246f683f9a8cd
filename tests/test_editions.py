"""Versions: the changelog is derived from the registry; the notice says which version you read."""
from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from conftest import ROOT

from dom_site import citation_registry as reg
from dom_site import editions
from dom_site import release as release_script

FROZEN = editions.Edition("1.0", date(2026, 11, 28), "https://voorbeeld.test/dom/")

REGISTRY = """\
documents:
  r: {nl: Reactie, en: Response}
releases:
  - {version: "1.0", date: 2026-11-28, commit: abc}
  - {version: "1.1", date: 2027-02-01, commit: def}
ids:
  r-1: {page: reactie/index.md, status: active, since: "1.0", checksums: {"1.0": "aaaaaaaaaaaa", "1.1": "aaaaaaaaaaaa"}}
  r-2: {page: reactie/index.md, status: active, since: "1.0", checksums: {"1.0": "bbbbbbbbbbbb", "1.1": "cccccccccccc"}}
  r-3: {page: reactie/index.md, status: retired, since: "1.0", replaced_by: r-4, checksums: {"1.0": "dddddddddddd"}}
  r-4: {page: reactie/index.md, status: active, since: "1.1", checksums: {"1.1": "eeeeeeeeeeee"}}
"""


@pytest.fixture()
def registry(tmp_path: Path) -> reg.Registry:
    (tmp_path / "ids.yml").write_text(REGISTRY, "utf-8")
    return reg.load_registry(tmp_path / "ids.yml")


def test_changes_per_release(registry: reg.Registry) -> None:
    (r10, added10, changed10, retired10), (r11, added11, changed11, retired11) = editions.changes(registry)
    assert (added10, changed10, retired10) == (["r-1", "r-2", "r-3"], [], [])
    assert (added11, changed11, retired11) == (["r-4"], ["r-2"], ["r-3"])


def test_changelog_in_both_languages(registry: reg.Registry) -> None:
    nl = editions.changelog_markdown(registry, "nl")
    assert nl.index("Versie 1.1 — 1 februari 2027") < nl.index("Versie 1.0 — 28 november 2026")
    assert '- **Gewijzigd:** <a href="../../c/r-2/">R-2</a>' in nl
    assert '- **Ingetrokken:** <a href="../../c/r-3/">R-3</a>' in nl
    assert "Version 1.1 — 1 February 2027" in editions.changelog_markdown(registry, "en")


def test_live_notice_links_the_frozen_version(registry: reg.Registry) -> None:
    assert 'href="../../versies/1.1/en/reactie/"' in editions.notice("en", "en/reactie/", registry, None)
    assert "U leest de actuele webversie." in editions.notice("nl", "reactie/", registry, None)


def test_frozen_notice_names_version_and_links_live(registry: reg.Registry) -> None:
    text = editions.notice("nl", "reactie/", registry, FROZEN)
    assert "U leest de bevroren versie 1.0 van 28 november 2026." in text
    assert 'href="https://voorbeeld.test/dom/reactie/"' in text


def test_release_adds_checksums_and_the_release_line() -> None:
    text = 'releases:\n\nids:\n  r-1: {page: reactie/index.md, status: active, since: "1.0"}\n  r-9: {page: x.md, status: retired, since: "1.0"}\n'
    out = release_script.release("1.0", date(2026, 11, 28), "abc123", text, {"r-1": "f00"})
    assert '  - {version: "1.0", date: 2026-11-28, commit: abc123}' in out
    assert '  r-1: {page: reactie/index.md, status: active, since: "1.0", checksums: {"1.0": "f00"}}' in out
    assert "r-9: {page: x.md, status: retired, since: \"1.0\"}" in out
    again = release_script.release("1.1", date(2027, 1, 1), "def", out, {"r-1": "ba5"})
    assert 'checksums: {"1.1": "ba5", "1.0": "f00"}}' in again


def test_release_gives_a_new_unit_the_version_it_first_appears_in() -> None:
    """`since` of a unit new since the last release named the release to come; a release numbered
    otherwise (2.0 where the message said 1.1) writes its own number, so the rule `citeren` agrees."""
    text = ('releases:\n  - {version: "1.0", date: 2026-11-28, commit: abc}\n\nids:\n'
            '  r-1: {page: reactie/index.md, status: active, since: "1.0", checksums: {"1.0": "f00"}}\n'
            '  r-2: {page: reactie/index.md, status: active, since: "1.1"}\n')
    out = release_script.release("2.0", date(2027, 3, 1), "def", text, {"r-1": "f00", "r-2": "ba5"})
    assert '  r-1: {page: reactie/index.md, status: active, since: "1.0", checksums: {"2.0": "f00", "1.0": "f00"}}' in out
    assert '  r-2: {page: reactie/index.md, status: active, since: "2.0", checksums: {"2.0": "ba5"}}' in out


def test_release_finds_entries_as_yaml_reads_them() -> None:
    """A quoted ID, another indentation and a comment that looks like an entry (as the registry's messages do)."""
    text = ('releases:\n\nids:\n    # r-2: {page: oud.md, status: active}\n'
            '    "r-1": {page: reactie/index.md, status: active, since: "1.0"}\n'
            '    r-2: {page: reactie/index.md, status: active, since: "1.0"}\n')
    out = release_script.release("1.0", date(2026, 11, 28), "abc", text, {"r-1": "f00", "r-2": "ba5"})
    assert '    "r-1": {page: reactie/index.md, status: active, since: "1.0", checksums: {"1.0": "f00"}}' in out
    assert '    r-2: {page: reactie/index.md, status: active, since: "1.0", checksums: {"1.0": "ba5"}}' in out
    assert "    # r-2: {page: oud.md, status: active}\n" in out


def test_release_refuses_an_active_entry_it_cannot_give_a_checksum() -> None:
    text = 'releases:\n\nids:\n  r-1:\n    page: reactie/index.md\n    status: active\n    since: "1.0"\n'
    with pytest.raises(release_script.ReleaseError) as refused:
        release_script.release("1.0", date(2026, 11, 28), "abc", text, {"r-1": "f00"})
    assert str(refused.value).startswith("registry/ids.yml:4: r-1 staat niet op één regel")


def test_a_frozen_edition_lists_itself_before_the_registry_does(registry: reg.Registry) -> None:
    bare = reg.Registry(registry.documents, [], registry.ids, registry.lines)
    listed = editions.with_this_edition(bare, FROZEN)
    assert [r["version"] for r in listed.releases] == ["1.0"]
    assert "Versie 1.0 — 28 november 2026" in editions.changelog_markdown(listed, "nl")
    assert editions.with_this_edition(registry, FROZEN) is registry  # already listed: unchanged


def test_an_edition_s_settings_reach_the_plugin_as_text() -> None:
    """!ENV types values as YAML does (1.10 would be the number 1.1): build_editions writes them quoted too."""
    from dom_site.edition_config import with_edition

    text = (ROOT / "mkdocs.yml").read_text("utf-8")
    out = with_edition(text, {"DOM_EDITION": "1.10", "DOM_EDITION_DATE": "2027-03-01",
                                             "DOM_LIVE_URL": "https://voorbeeld.test/dom/"})
    assert 'edition: "1.10"' in out and 'edition_date: "2027-03-01"' in out
    assert 'live_url: "https://voorbeeld.test/dom/"' in out and "!ENV [DOM_EDITION" not in out


def test_a_release_that_exists_already_is_one_message_at_its_line(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """Nothing is written: the registry's own entry of that version is where the editor looks.

    On a copy of the registry, so that a mistake in release() cannot touch the project's own."""
    (tmp_path / "registry").mkdir()
    shutil.copy2(ROOT / "registry" / "ids.yml", tmp_path / "registry" / "ids.yml")
    registry = (tmp_path / "registry" / "ids.yml").read_text("utf-8")
    line = next(n for n, text in enumerate(registry.splitlines(), 1) if text.lstrip().startswith('- {version: "1.0"'))
    assert release_script.main(["1.0"], tmp_path) == 1
    assert capsys.readouterr().out.startswith(f"registry/ids.yml:{line}: versie 1.0 bestaat al — kies een nieuw versienummer")
    assert (tmp_path / "registry" / "ids.yml").read_text("utf-8") == registry


@pytest.mark.parametrize("argv, says", [
    (["v1.1"], "'v1.1' is geen versienummer — schrijf het als 1.1"),
    (["1,1"], "'1,1' is geen versienummer — schrijf het als 1.1"),
    (["1.1", "--date", "2027-13-01"], "'2027-13-01' is geen datum — schrijf jaar-maand-dag"),
])
def test_a_mistyped_version_or_date_is_one_message_and_nothing_is_written(
        argv: list[str], says: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The version's form is the registry schema's rule; before, "v1.1" went into the registry as it was."""
    (tmp_path / "registry").mkdir()
    shutil.copy2(ROOT / "registry" / "ids.yml", tmp_path / "registry" / "ids.yml")
    registry = (tmp_path / "registry" / "ids.yml").read_text("utf-8")
    with pytest.raises(SystemExit) as ended:
        release_script.main(argv, tmp_path)
    assert ended.value.code == 2
    err = capsys.readouterr().err
    assert says in err and err.count("error:") == 1, err
    assert (tmp_path / "registry" / "ids.yml").read_text("utf-8") == registry
