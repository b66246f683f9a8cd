"""Feedback on the pull request: problems as workflow commands on their line, and the run's summary.

In a GitHub Actions run (GITHUB_ACTIONS=true) every problem the message layer prints
is also an `::error file=…,line=…,title=…::…` command; nothing in a message can
start a second command; `python -m dom_site.github summary` lists the problems and
the citable units a branch adds, changes or retires, word by word, in Dutch first.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from builds import build, docs_copy
from conftest import ROOT
from git_repo import git
from project_copy import edit

from dom_site import cli, github
from dom_site.messages import Problem, say

# A workflow command as GitHub's runner reads it: "::name k=v,k=v::data" at the start of a line
# (after leading spaces); properties end at the first "::".
COMMAND = re.compile(r"^\s*::(?P<name>[^\s:]+)(?: (?P<props>.*?))?::(?P<data>.*)$")


def unescape(text: str, prop: bool = False) -> str:
    if prop:
        text = text.replace("%3A", ":").replace("%2C", ",")
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def commands(output: str) -> list[tuple[str, dict[str, str], str]]:
    """Every workflow command in the output, parsed the way the runner does."""
    found = []
    for line in output.splitlines():
        match = COMMAND.match(line)
        if match:
            props = dict(item.split("=", 1) for item in (match["props"] or "").split(",") if item)
            found.append((match["name"], {k: unescape(v, prop=True) for k, v in props.items()}, unescape(match["data"])))
    return found


@pytest.fixture
def in_a_run(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """GITHUB_ACTIONS=true, with the problems collected in a file of this test."""
    collected = tmp_path / "problems.jsonl"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("DOM_SITE_PROBLEMS", str(collected))
    return collected


# --- the message layer, in process ------------------------------------------------------

def test_a_problem_becomes_an_error_on_its_file_and_line(in_a_run: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from dom_site.checks import common as sitecheck

    problem = Problem("docs/over/privacy.md", 2, "'gegegevens' staat niet in het woordenboek", "verbeter het woord",
                      "'gegegevens' is not in the dictionary", "correct the word")
    assert sitecheck.report([problem]) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[0] == str(problem), "the plain message stays"
    assert re.search(r"^::error file=docs/over/privacy\.md,line=2,title=[^:,]+::'gegegevens' staat niet", out, re.MULTILINE), out
    [(name, props, data)] = commands(out)
    assert (name, props["file"], props["line"]) == ("error", "docs/over/privacy.md", "2")
    assert data == str(problem).removeprefix("docs/over/privacy.md:2: ")
    assert json.loads(in_a_run.read_text("utf-8"))["path"] == "docs/over/privacy.md"


def test_outside_a_run_nothing_but_the_message(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    say(Problem("docs/a.md", 3, "fout", "herstel", "wrong", "fix"))
    assert capsys.readouterr().out == "docs/a.md:3: fout — herstel (English: wrong — fix)\n"


@pytest.mark.parametrize("evil", [
    "x\n::error file=docs/ander.md,line=9::vals",
    "x\r\n::add-mask::geheim",
    "x :: y ::warning::z",
    "::set-output name=a::b",
    "  ::stop-commands::token",
    "100%0A::error::al geescaped",
])
def test_a_message_cannot_start_a_second_command(in_a_run: Path, capsys: pytest.CaptureFixture[str], evil: str) -> None:
    problem = Problem("docs/a,b::c.md", 4, evil, "herstel", evil, "fix")
    say(problem, title="Titel: met, tekens::")
    say(evil)  # a text without a place, as MkDocs could say it
    out = capsys.readouterr().out
    found = commands(out)
    assert [name for name, _, _ in found] == ["error", "error"], out
    (_, props, data), (_, props2, data2) = found
    assert props == {"file": "docs/a,b::c.md", "line": "4", "title": "Titel: met, tekens::"}
    assert data == str(problem).removeprefix("docs/a,b::c.md:4: "), "the message arrives whole, newlines included"
    assert props2 == {"title": github.title_for()} and data2 == evil


def test_unknown_programs_get_the_general_title_and_checks_and_commands_their_own() -> None:
    assert github.title_for(["/x/.venv/bin/mkdocs", "build"]) == "Bouw van de site"
    assert github.title_for(["/x/.venv/bin/properdocs", "build"]) == "Bouw van de site"
    assert github.title_for(["/x/.venv/bin/dom-site", "pdfs", "--site", "s"]) == "Bouw van de pdf"
    assert github.title_for(["/x/.venv/bin/dom-site", "editions"]) == "Bouw van een vaste versie"
    assert github.title_for(["/x/.venv/bin/dom-site", "links", "--online"]) == "Link naar een andere site"
    assert github.title_for(["pytest"]) == github.DEFAULT_TITLE
    assert github.title_for([]) == github.DEFAULT_TITLE
    # Every check of `dom-site check` has a title of its own on the pull request.
    assert [c.name for c in cli.all_checks() if c.name not in github.TITLES] == []
    assert github.error_command(None, None, "T", "m") == "::error title=T::m"


# --- the real build, on a small bad page ---------------------------------------------------

def test_a_broken_link_in_the_build_is_an_error_on_its_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = tmp_path / "project"
    page = docs_copy(project) / "over" / "privacy.md"
    edit(page, "\n", "\nZie [de kaart](../kaart.md).\n")
    collected = tmp_path / "problems.jsonl"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("DOM_SITE_PROBLEMS", str(collected))
    result = build(project / "mkdocs.yml", site_dir=tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    errors = [c for c in commands(output) if c[0] == "error" and c[1].get("file") == "docs/over/privacy.md"]
    assert errors, output[-3000:]
    _, props, data = errors[0]
    assert props["line"] == "2" and props["title"] == "Bouw van de site"
    assert "wijst naar een pagina die niet bestaat" in data and "(English: " in data
    assert re.search(r"^::error file=docs/over/privacy\.md,line=2,title=Bouw van de site::de link", output, re.MULTILINE)
    assert any(json.loads(line)["line"] == 2 for line in collected.read_text("utf-8").splitlines())


# --- the summary, on a fixture branch --------------------------------------------------------



@pytest.fixture
def branch(tmp_path: Path) -> Path:
    """A repository whose branch 'voorstel' changes R-1 and retires R-2 (replaced by R-1)."""
    repo = tmp_path / "repo"
    repo.mkdir()
    for part in ("docs", "registry"):
        shutil.copytree(ROOT / part, repo / part)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "docs", "registry")
    git(repo, "commit", "-q", "-m", "main")
    git(repo, "checkout", "-q", "-b", "voorstel")
    edit(repo / "docs/reactie/index.md", "met veel waardering gelezen", "met grote waardering gelezen")
    edit(repo / "docs/reactie/index.md", "## Samen de schouders eronder {#r-2}", "## Samen de schouders eronder")
    edit(repo / "registry/ids.yml", '  r-2: {page: reactie/index.md, status: active, since: "1.0",',
         '  r-2: {page: reactie/index.md, status: retired, replaced_by: r-1, since: "1.0",')
    git(repo, "commit", "-q", "-am", "voorstel")
    return repo


def test_the_summary_lists_problems_and_changed_and_retired_units_word_by_word(branch: Path, tmp_path: Path) -> None:
    problems = tmp_path / "problems.jsonl"
    problems.write_text(json.dumps({"path": "docs/over/privacy.md", "line": 2, "title": "Spelling",
                                    "message": "'gegegevens' staat niet in het woordenboek"}) + "\n", "utf-8")
    summary = tmp_path / "summary.md"
    env = {**os.environ, "GITHUB_ACTIONS": "true", "DOM_SITE_PROBLEMS": str(problems), "GITHUB_STEP_SUMMARY": str(summary),
           "PREVIEW_OUTCOME": "success", "PREVIEW_URL": "https://github.com/o/r/actions/runs/1/artifacts/2"}
    result = subprocess.run([sys.executable, "-m", "dom_site.github", "summary", "--root", str(branch)],
                            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    text = summary.read_text("utf-8")
    # Dutch first, English after.
    for heading in ("## Controle van deze wijziging (check of this change)", "### Problemen (problems)",
                    "### Citeerbare onderdelen (citable units)", "#### Gewijzigd (changed)",
                    "#### Ingetrokken (retired)", "### Voorbeeld van de site (preview of the site)"):
        assert heading in text, text
    assert "Nieuw (added)" not in text
    assert "`docs/over/privacy.md:2`" in text and "gegegevens" in text
    changed = text.split("#### Gewijzigd (changed)")[1].split("####")[0]
    retired = text.split("#### Ingetrokken (retired)")[1].split("###")[0]
    assert "**R-1**" in changed and "R-2" not in changed
    assert "<del>veel</del> <ins>grote</ins>" in changed, changed
    assert "**R-2**" in retired and "vervangen door **R-1**" in retired
    assert "<del>" in retired and "schouders eronder" in retired and "<ins>" not in retired
    assert "[voorbeeld-site](https://github.com/o/r/actions/runs/1/artifacts/2)" in text
    assert "Compared with `main`" in text


def registry_repo(tmp_path: Path) -> Path:
    """A repository whose branch main holds only this project's registry/ids.yml."""
    repo = tmp_path / "repo"
    (repo / "registry").mkdir(parents=True)
    shutil.copy2(ROOT / "registry" / "ids.yml", repo / "registry" / "ids.yml")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "registry")
    git(repo, "commit", "-q", "-m", "main")
    return repo


def test_without_changes_the_summary_says_so_and_without_a_preview_too(tmp_path: Path) -> None:
    repo = registry_repo(tmp_path)
    text = github.summary(repo, {"PREVIEW_OUTCOME": "skipped"})
    assert "Geen problemen gevonden." in text
    assert "Deze wijziging voegt geen citeerbaar onderdeel toe" in text
    assert "Er is deze keer geen voorbeeld" in text


@pytest.mark.parametrize("broken", ['  r-1: {page: reactie/index.md, status: active\n',  # no closing brace
                                    "  r-1: reactie/index.md\n"])                      # an entry that is no mapping
def test_a_broken_registry_keeps_the_problem_list_and_says_the_units_cannot_be_read(
        tmp_path: Path, broken: str) -> None:
    # The step runs after failed checks too (if: always()): the editor's problem list must survive a
    # registry the rule `citeren` refuses. An entry that is not a mapping is an entry without fields.
    repo = registry_repo(tmp_path)
    git(repo, "checkout", "-q", "-b", "voorstel")
    registry = repo / "registry" / "ids.yml"
    lines = registry.read_text("utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith("  r-1:"))
    registry.write_text("".join([*lines[:at], broken, *lines[at + 1:]]), "utf-8")
    problems = tmp_path / "problems.jsonl"
    problems.write_text(json.dumps({"path": "registry/ids.yml", "line": at + 1, "title": "Controle",
                                    "message": "het register klopt niet"}) + "\n", "utf-8")
    text = github.summary(repo, {"DOM_SITE_PROBLEMS": str(problems)})
    assert f"`registry/ids.yml:{at + 1}`" in text and "het register klopt niet" in text
    if broken.endswith("{page: reactie/index.md, status: active\n"):
        assert "`registry/ids.yml` is in deze wijziging niet te lezen" in text, text
    else:  # readable YAML: R-1 is an entry without fields, no longer active, and nothing crashes
        assert "Citeerbare onderdelen" in text and "niet te lezen" not in text


def test_no_main_to_compare_with_is_said_not_crashed(tmp_path: Path) -> None:
    assert "Vergelijken met `main` lukte niet" in github.summary(tmp_path, {})


def test_word_diff_marks_words_and_keeps_markup_literal() -> None:
    assert github.word_diff("een twee drie", "een vier drie") == "een <del>twee</del> <ins>vier</ins> drie"
    assert github.word_diff("", "<b>nieuw</b>") == "<ins>&lt;b&gt;nieuw&lt;/b&gt;</ins>"
    assert github.word_diff("**vet**", "") == r"<del>\*\*vet\*\*</del>"


def test_unit_texts_are_read_as_the_registry_checksums_read_them() -> None:
    from dom_site import citation_registry as reg

    docs = ROOT / "docs"
    units = [u for u in reg.headings(docs) if reg.WELL_FORMED.match(u.anchor) and u.language == "nl"]
    assert units
    for unit in units:
        title, text = github.units_in((docs / unit.path).read_text("utf-8"))[unit.anchor]
        assert (title, text) == (unit.title, reg.unit_text(docs, unit)), unit.anchor


def test_the_build_log_handler_puts_each_placed_line_of_a_hook_error_on_its_line(
        in_a_run: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import logging

    from dom_site.build_log import EditorMessages

    handler = EditorMessages(tmp_path / "docs")
    error = ("Citeerbare ID's kloppen niet (citable IDs are broken):\n"
             "docs/draaiboek/financiering.md:7: het ID d-999 staat niet in het register — voeg het toe (English: …)\n"
             "registry/ids.yml:40: het actieve ID d-41 komt niet meer voor — zet het terug (English: …)")
    handler.emit(logging.LogRecord("mkdocs.commands.build", logging.ERROR, "", 0, error, None, None))
    handler.emit(logging.LogRecord("mkdocs", logging.WARNING, "", 0, "Some warning we cannot place", None, None))
    err = capsys.readouterr().err
    found = [(props.get("file"), props.get("line"), data) for _, props, data in commands(err)]
    assert found == [("docs/draaiboek/financiering.md", "7", "het ID d-999 staat niet in het register — voeg het toe (English: …)"),
                     ("registry/ids.yml", "40", "het actieve ID d-41 komt niet meer voor — zet het terug (English: …)"),
                     (None, None, "Some warning we cannot place")]
    assert "Citeerbare ID's" not in err, "MkDocs prints the error itself; the handler adds only the commands"
