"""A mistake in mkdocs.yml is one message, at its line, Dutch first (src/dom_site/config_file.py).

Before, MkDocs said it in English at no line ("Config value 'plugins': The "dom-datum"
plugin is not installed") and `dom-site check` added "mkdocs.yml:1: MkDocs kan mkdocs.yml
niet laden": two lines, neither at the mistake.
"""
from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest
from conftest import ROOT
from mkdocs.exceptions import PluginError

from dom_site import cli, config_file
from dom_site.processes import run


def project_with(tmp_path: Path, old: str, new: str) -> Path:
    """The project with one change in mkdocs.yml (everything else the real files, linked)."""
    for entry in ROOT.iterdir():
        # Not site.tmp either: the run's own full build (make build) may be writing it just then.
        if entry.name not in {"mkdocs.yml", ".git", "site", "site.tmp", ".venv", "node_modules"}:
            (tmp_path / entry.name).symlink_to(entry)
    text = (ROOT / "mkdocs.yml").read_text("utf-8")
    assert text.count(old) == 1, old
    (tmp_path / "mkdocs.yml").write_text(text.replace(old, new), "utf-8")
    return tmp_path


def line_holding(config: Path, text: str) -> int:
    return next(n for n, line in enumerate(config.read_text("utf-8").splitlines(), 1) if text in line)


CASES = {
    # name: (old, new, the line that holds, what the message says)
    "setting misspelt": ("\nsite_name:", "\nsite_nam:", "site_nam:",
                         "'site_nam' is geen instelling die MkDocs kent — bedoel je 'site_name'? Schrijf dan site_name:"),
    "plugin misspelt": ("  - dom-datums\n", "  - dom-datum\n", "- dom-datum",
                        "er is geen plugin 'dom-datum' — bedoel je 'dom-datums'?"),
    "plugin setting misspelt": ("  - dom-datums\n", "  - dom-datums:\n      release_dat: 2026-12-01\n", "release_dat:",
                                "de plugin 'dom-datums' heeft geen instelling 'release_dat' — bedoel je 'release_date'?"),
    "value not one of the choices": ("maatwerk/: {kind: voorstel", "maatwerk/: {kind: voorstl", "voorstl",
                                     "de waarde van 'pages' bij de plugin 'dom-status' klopt niet: bij 'kind' staat "
                                     "'voorstl'; kies uit: brief, vertaling, uitleg, voorstel, site — verbeter de waarde"),
    # MkDocs loses a misspelt optional name inside a page's entry: the page lost "Nog niet ingestemd".
    "page setting misspelt": ("maatwerk/: {kind: voorstel, not_agreed:", "maatwerk/: {kind: voorstel, not_agred:",
                              "not_agred", "'not_agred' onder 'pages' bij de plugin 'dom-status' bestaat niet — "
                              "bedoel je 'not_agreed'?"),
    # The misspelling, not the required setting it leaves missing.
    "required page setting misspelt": ("reactie/: {kind: uitleg}", "reactie/: {knd: uitleg}", "knd: uitleg",
                                       "'knd' onder 'pages' bij de plugin 'dom-status' bestaat niet — bedoel je 'kind'?"),
    "language setting misspelt": ("          nav_translations:", "          nav_translation:", "nav_translation:",
                                  "'nav_translation' onder 'languages' bij de plugin 'i18n' bestaat niet — bedoel je "
                                  "'nav_translations'?"),
    "value of the wrong kind": ("parallel: !ENV [DOM_LANGUAGES_SIDE_BY_SIDE, true]", "parallel: ja", "parallel: ja",
                                "de waarde van 'parallel' bij de plugin 'dom-talen' klopt niet: er hoort true of "
                                "false te staan — verbeter de waarde"),
    "a list written as one value": ("extra_dirs: [includes]", "extra_dirs: includes", "extra_dirs: includes",
                                    "de waarde van 'extra_dirs' bij de plugin 'dom-regels' klopt niet: er hoort een "
                                    "lijst te staan — verbeter de waarde"),
    "MkDocs' own choice": ("  omitted_files: warn", "  omitted_files: warnn", "warnn",
                           "de instelling 'validation' klopt niet: bij 'omitted_files' staat 'warnn'; kies uit: warn, "
                           "info, ignore"),
    "Markdown extension misspelt": ("  - pymdownx.tasklist:", "  - pymdownx.tasklst:", "tasklst",
                                    "de instelling 'markdown_extensions' klopt niet: MkDocs zegt: Failed to load "
                                    "extension 'pymdownx.tasklst'. … ModuleNotFoundError"),
    # A traceback's last line names the option; none of the traceback in between is said.
    "Markdown extension setting misspelt": ('      permalink: "¶"', '      permalnk: "¶"', "permalnk",
                                            "MkDocs zegt: Failed to load extension 'toc'. … KeyError: 'permalnk'"),
    "hook misspelt": ("  - overrides/hooks/task_lists.py", "  - overrides/hooks/task_list.py", "task_list.py",
                      "de instelling 'hooks' klopt niet: MkDocs zegt: The path 'overrides/hooks/task_list.py' isn't "
                      "an existing file."),
    # YAML keeps the second and says nothing: every plugin above it would be gone.
    "key written twice": ("\nsite_url:", "\nsite_name: Tweede naam\nsite_url:", "site_name: Tweede",
                          "de naam 'site_name' staat twee keer in hetzelfde deel van dit bestand (ook op regel 5) — "
                          "houd één van de twee over"),
    # MkDocs builds the page once and says nothing; the menu shows it twice.
    "page twice in the menu": ("      - over/privacy.md\n", "      - over/privacy.md\n      - Nog eens: over/privacy.md\n",
                               "Nog eens", "de pagina 'over/privacy.md' staat twee keer in het menu (ook op regel "),
    # The group's pages at its own indent: MkDocs said "Expected nav to be a list, got None" at nav: (a probe).
    "menu group with nothing under it": ("  - Reactie:\n      - reactie/index.md\n      - reactie/zoals-ingediend.md\n",
                                         "  - Reactie:\n  - reactie/index.md\n  - reactie/zoals-ingediend.md\n",
                                         "- Reactie:", "de groep 'Reactie' in het menu heeft niets eronder; de regels "
                                         "die erbij horen staan niet verder ingesprongen — zet de pagina's van "
                                         "'Reactie' eronder, vier spaties verder ingesprongen"),
    # YAML takes no tab: "let op de inspringing" did not say that the spaces the editor sees are a tab.
    "tab before a menu entry": ("      - over/privacy.md\n", "\t- over/privacy.md\n", "\t- over/privacy.md",
                                "dit bestand is niet te lezen: deze regel springt in met een tab — vervang de tab door "
                                "spaties"),
    "plugin twice": ("  - dom-datums\n", "  - dom-datums\n  - dom-datums  # nog een keer\n", "nog een keer",
                     "de plugin 'dom-datums' staat twee keer onder plugins — haal deze regel weg"),
    "theme misspelt": ("  name: material\n", "  name: materal\n", "materal",
                       "de instelling 'theme' klopt niet: MkDocs zegt: Unrecognised theme name: 'materal'"),
}


@pytest.mark.parametrize("name", CASES)
def test_a_mistake_in_mkdocs_yml_is_one_message_at_its_line(name: str, tmp_path: Path,
                                                             caplog: pytest.LogCaptureFixture) -> None:
    old, new, holding, says = CASES[name]
    project = project_with(tmp_path, old, new)
    with caplog.at_level(logging.DEBUG), pytest.raises(config_file.Refused) as refused:
        config_file.load(project / "mkdocs.yml")
    said = [str(problem) for problem in refused.value.problems]
    assert len(said) == 1, said
    assert said[0].startswith(f"mkdocs.yml:{line_holding(project / 'mkdocs.yml', holding)}: "), said
    assert says in said[0] and " (English: " in said[0], said
    assert "Traceback" not in said[0] and "\n" not in said[0], said
    english = [r for r in caplog.records if r.levelno >= logging.WARNING and r.getMessage().startswith("Config value")]
    assert english == [], "MkDocs' English line is not said besides"


def test_dom_site_check_says_the_mistake_in_mkdocs_yml_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    project = project_with(tmp_path, "  - dom-datums\n", "  - dom-datum\n")
    monkeypatch.chdir(project)
    assert cli.main(["check"], project) == 1
    said = capsys.readouterr()
    output = said.out + said.err
    assert [line for line in output.splitlines() if line.startswith("mkdocs.yml:")] == [
        f"mkdocs.yml:{line_holding(project / 'mkdocs.yml', '- dom-datum')}: er is geen plugin 'dom-datum' — "
        "bedoel je 'dom-datums'? (English: there is no plugin 'dom-datum' — did you mean 'dom-datums'?)"]
    assert "Config value" not in output and "\n1 fout(en)" in said.out, output


def test_a_notice_without_its_text_is_one_message_at_its_language(tmp_path: Path) -> None:
    """dom-talen's own check (the notice of a page not translated yet), at the language's line under untranslated."""
    project = project_with(tmp_path, "\n          text: This page has not been translated into English yet. Below is the "
                                     "Dutch text.", "")
    config = config_file.load(project / "mkdocs.yml")
    with pytest.raises(PluginError) as refused:
        config.plugins.on_config(config)
    lines = (project / "mkdocs.yml").read_text("utf-8").splitlines()
    at = next(n for n, line in enumerate(lines, 1) if line.strip() == "en:" and "untranslated:" in lines[n - 2])
    assert str(refused.value).startswith(f"mkdocs.yml:{at}: dom-talen: bij 'untranslated.en' ontbreekt text — "), refused


def test_a_village_template_that_is_not_there_is_one_message_at_its_setting(tmp_path: Path) -> None:
    project = project_with(tmp_path, "template: sjablonen/dorp.md", "template: sjablonen/dorpen.md")
    config = config_file.load(project / "mkdocs.yml")
    with pytest.raises(PluginError) as refused:
        config.plugins.on_config(config)
    at = line_holding(project / "mkdocs.yml", "template: sjablonen/dorpen.md")
    assert str(refused.value).startswith(f"mkdocs.yml:{at}: dom-dorpen: het sjabloon sjablonen/dorpen.md bestaat niet — "), refused


@pytest.mark.parametrize(("text", "line"), [("a:\n  yes: 1\n  true: 2\n", 3), ("a:\n  1: x\n  '1': y\n", None),
                                            ("naam: Elp\nnaam: Elp\n", 2)])
def test_a_key_written_twice_is_a_key_as_yaml_reads_it_in_every_file(tmp_path: Path, text: str, line: int | None) -> None:
    """One rule for mkdocs.yml and the data files (dom_site.source.key_written_twice): 'yes' and 'true' are one
    key to YAML, which keeps the second and says nothing; 1 and "1" are two keys."""
    import yaml

    from dom_site import source

    config = tmp_path / "mkdocs.yml"
    config.write_text(text, "utf-8")
    said = config_file.written_twice(config)
    assert (said.line if said else None) == line, said
    if line is None:
        assert yaml.load(text, Loader=source.FrontMatterLoader) is not None  # noqa: S506 (a safe loader)
    else:
        with pytest.raises(source.DuplicateKey) as twice:
            yaml.load(text, Loader=source.FrontMatterLoader)  # noqa: S506 (a safe loader)
        assert twice.value.problem_mark.line + 1 == line


@pytest.mark.parametrize("target", ["build", "serve"])
def test_make_build_and_serve_say_the_mistake_in_mkdocs_yml_once_in_dutch(target: str, tmp_path: Path) -> None:
    """The README's commands read mkdocs.yml first (`dom-site config`): MkDocs alone says
    "Config value 'plugins': Plugin 'redirects' option …" in English, at no line."""
    project = project_with(tmp_path, "      redirect_maps: {}", "      redirect_map: {}")
    env = {**os.environ, "VENV": str(ROOT / ".venv")}
    # -o: the copy links the project's node_modules; make must never reinstall it.
    result = run(["make", "--no-print-directory", "-o", "node_modules/.installed", target], step=f"make {target}",
                 cwd=project, env=env, timeout=120)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output[-3000:]
    assert [line for line in output.splitlines() if line.startswith("mkdocs.yml:")] == [
        f"mkdocs.yml:{line_holding(project / 'mkdocs.yml', 'redirect_map:')}: de plugin 'redirects' heeft geen "
        "instelling 'redirect_map' — kijk de naam na, of haal de regel weg (English: the plugin 'redirects' has no "
        "setting 'redirect_map' — check the name, or remove the line)"], output[-3000:]
    assert "Config value" not in output and "Serving on" not in output, output[-3000:]
    assert not (project / "site").exists() and not (project / "site.tmp").exists()


REDIRECTS = {
    # redirect_maps line: what the one message says (all at the line that holds the mistake)
    "over/oud.md: over/privacyy.md": "de nieuwe pagina 'over/privacyy.md' bestaat niet in docs/ — bedoel je "
                                     "'over/privacy.md'? Schrijf dan dat",
    "over/oud.md: over/nieuw.md": "de nieuwe pagina 'over/nieuw.md' bestaat niet in docs/ — controleer de naam",
    "over/oud: over/index.md": "het oude adres 'over/oud' in redirect_maps is geen .md-bestand — schrijf de pagina "
                               "zoals ze in docs/ stond, bijvoorbeeld 'over/oud.md'",
    "over/oud.md: /over/index.md": "de nieuwe pagina '/over/index.md' begint met / — bedoel je 'over/index.md'?",
    # The redirects plugin says nothing of this one: the page would be replaced by "Redirecting...".
    "over/privacy.md: over/index.md": "de pagina 'over/privacy.md' bestaat nog; de omleiding zou haar vervangen",
}


@pytest.mark.parametrize("line", REDIRECTS)
def test_a_slip_in_a_redirect_is_one_message_at_its_line(line: str, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    """The redirects plugin says three of these in English at no line, and the last not at all."""
    project = project_with(tmp_path, "      redirect_maps: {}", f"      redirect_maps:\n        {line}")
    assert cli.main(["check", "omleidingen"], project) == 1
    said = [text for text in capsys.readouterr().out.splitlines() if text.startswith("mkdocs.yml:")]
    assert len(said) == 1 and said[0].startswith(f"mkdocs.yml:{line_holding(project / 'mkdocs.yml', line)}: "), said
    assert REDIRECTS[line] in said[0] and " (English: " in said[0], said


@pytest.mark.parametrize("line", ["over/oud.md: over/index.md#doel", "over/oud.md: https://example.org/nieuw"])
def test_a_redirect_to_a_page_or_an_address_is_fine(line: str, tmp_path: Path) -> None:
    project = project_with(tmp_path, "      redirect_maps: {}", f"      redirect_maps:\n        {line}")
    assert cli.main(["check", "omleidingen"], project) == 0


def test_the_build_stops_on_a_redirect_that_would_replace_a_page(tmp_path: Path) -> None:
    """Before, the strict build passed and over/privacy/ became a "Redirecting..." page."""
    from builds import build, docs_copy

    docs_copy(tmp_path / "p")
    config = tmp_path / "p" / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace(
        "      redirect_maps: {}", "      redirect_maps:\n        over/privacy.md: over/index.md"), "utf-8")
    built = build(config, tmp_path / "site")
    assert built.returncode == 1
    said = [text for text in built.stderr.splitlines() if text.startswith("mkdocs.yml:")]
    assert len(said) == 1 and "de pagina 'over/privacy.md' bestaat nog" in said[0], built.stderr[-2000:]
