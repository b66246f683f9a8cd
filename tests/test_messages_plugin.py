"""Plugin dom-meldingen: one handler explains each MkDocs warning once, in every build of a process.

static-i18n builds each language with the same config, `mkdocs serve` loads the config
again for every rebuild, and the tests build many projects in one process: each
warning must still get exactly one explanation.
"""
from __future__ import annotations

import logging
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from small_build import write

from dom_site import build_log

CONFIG = """\
site_name: test
theme:
  name: material
  language: nl
plugins:
  - dom-meldingen
  - i18n:
      docs_structure: suffix
      fallback_to_default: true
      languages:
        - {locale: nl, name: Nederlands, default: true}
        - {locale: en, name: English}
"""
EXPLAINED = "docs/index.md:3: de link 'weg.md' wijst naar een pagina die niet bestaat"


def ours(logger: logging.Logger) -> list[logging.Handler]:
    return [h for h in logger.handlers if isinstance(h, build_log.EditorMessages)]


def test_attach_keeps_one_handler_and_detach_takes_it_off(tmp_path: Path) -> None:
    logger = logging.getLogger("mkdocs")
    try:
        first = build_log.attach(tmp_path / "a")
        second = build_log.attach(tmp_path / "b")
        assert first is second and ours(logger) == [first]
        assert first.docs_dir == tmp_path / "b", "the handler reads the latest build's pages"
    finally:
        build_log.detach()
    assert ours(logger) == []


def test_each_warning_is_explained_once_in_both_languages_and_every_rebuild(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, {"mkdocs.yml": CONFIG, "docs/index.md": "# Thuis\n\nZie [weg](weg.md).\n",
                     "docs/index.en.md": "# Home\n\nNo broken links here.\n"})
    # Like `mkdocs serve`: the config loaded again for each rebuild, one startup and shutdown.
    first = load_config(config_file=str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    first.plugins.on_startup(command="serve", dirty=False)
    try:
        for _ in range(2):
            config = load_config(config_file=str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
            assert config.plugins["dom-meldingen"] is first.plugins["dom-meldingen"], "one instance for the session"
            try:
                build(config)
            except Abort:
                pass
            assert len(ours(logging.getLogger("mkdocs"))) == 1
            err = capsys.readouterr().err
            # The Dutch page warns once in the Dutch build; the English page has its own text.
            assert err.count(EXPLAINED) == 1, err
    finally:
        first.plugins.on_shutdown()
    assert ours(logging.getLogger("mkdocs")) == []


def test_a_warning_said_in_dutch_is_not_printed_in_english_beside_it_and_still_counts(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """One mistake, one message: the Dutch line at file:line carries MkDocs' English in it."""
    import io

    from mkdocs.utils import CountHandler

    write(tmp_path, {"docs/index.md": "# Thuis\n\nZie [weg](weg.md).\n"})
    logger = logging.getLogger("mkdocs")
    printed, counted = io.StringIO(), CountHandler()
    console = logging.StreamHandler(printed)
    logger.addHandler(console)
    logger.addHandler(counted)
    try:
        build_log.attach(tmp_path / "docs")
        build_log.new_build()
        logger.warning("Doc file 'index.md' contains a link 'weg.md', but the target 'weg.md' is not found "
                       "among documentation files.")
        logger.warning("Something MkDocs says that we do not explain")
    finally:
        build_log.detach()
        logger.removeHandler(console)
        logger.removeHandler(counted)
    assert printed.getvalue() == "Something MkDocs says that we do not explain\n"
    assert EXPLAINED in capsys.readouterr().err
    assert counted.get_counts() == [("WARNING", 2)], "--strict still fails on both"


def test_a_message_points_at_the_line_the_reader_sees_not_an_example_in_code(tmp_path: Path) -> None:
    """The line of a page that holds what a message is about is the source model's (SourcePage.line_holding):
    a link shown in a code block or left in a comment is not the link that broke."""
    docs = tmp_path / "docs"
    write(docs, {"p.md": "# P\n\n```markdown\nZie [kaart](kaart.md).\n```\n\n<!-- [kaart](kaart.md) -->\n\nZie [kaart](kaart.md).\n"})
    assert build_log.find_line(docs, "p.md", "kaart.md") == ("docs/p.md", 9)


def test_a_page_left_out_of_the_menu_is_one_message_though_both_languages_warn(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The Dutch build warns of docs/over.md, the English one of docs/over.en.md: one mistake
    (the menu names only the Dutch page), said once, at the Dutch page."""
    write(tmp_path, {"mkdocs.yml": CONFIG + "validation:\n  omitted_files: warn\nnav:\n  - index.md\n", "docs/index.md": "# Thuis\n",
                     "docs/index.en.md": "# Home\n", "docs/over.md": "# Over\n", "docs/over.en.md": "# About\n"})
    config = load_config(config_file=str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    said = [line for line in capsys.readouterr().err.splitlines() if "staat niet in het menu" in line]
    assert len(said) == 1 and said[0].startswith("docs/over.md:1: deze pagina staat niet in het menu"), said
