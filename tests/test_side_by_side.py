"""The English build beside the Dutch one (dom-talen `parallel`, dom_site.side_by_side).

Each build here is a `mkdocs build` subprocess, as a reader of the README runs it:
the copy is only made where a fork is safe, and a pytest worker has threads.
"""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from conftest import ROOT
from small_build import write
from test_languages_plugin import CONFIG

from dom_site.processes import builder, run
from dom_site.side_by_side import merge

SWITCH = "DOM_LANGUAGES_SIDE_BY_SIDE"  # mkdocs.yml: dom-talen parallel: !ENV [...]


def files_of(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def build(project: Path, site: Path, *, side_by_side: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, SWITCH: "true" if side_by_side else "false",
           "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    config = (project / "mkdocs.yml").read_text("utf-8").replace(
        "  - dom-talen\n", "  - dom-talen:\n      parallel: !ENV [DOM_LANGUAGES_SIDE_BY_SIDE, true]\n")
    (project / "mkdocs.yml").write_text(config, "utf-8")
    return run([*builder(), "build", "--strict", "-d", str(site)], step="mkdocs build", cwd=project, env=env,
               timeout=120)


def small_project(root: Path, extra: dict[str, str] | None = None) -> Path:
    write(root, {
        "mkdocs.yml": CONFIG,
        "docs/index.md": "# Welkom\n\nZie [de nieuwe pagina](nieuw.md).\n",
        "docs/index.en.md": "# Welcome\n\nSee [the new page](nieuw.md).\n",
        "docs/nieuw.md": "# Nieuw\n\nDe nieuwe plek.\n",
        "docs/nieuw.en.md": "# New\n\nThe new place.\n",
        **(extra or {}),
    })
    return root


def test_the_real_site_side_by_side_is_the_same_files_as_one_after_the_other(site_dir: Path, tmp_path: Path) -> None:
    """Byte for byte: nothing the English build shows depends on the Dutch build having finished.

    site_dir is `make build`'s site (English beside Dutch, then the PDFs and the frozen
    editions); here the same sources are built one language after the other."""
    apart = tmp_path / "one-after-the-other"
    env = {**os.environ, SWITCH: "false", "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    result = run([*builder(), "build", "--strict", "-d", str(apart)], step="mkdocs build", cwd=ROOT, env=env,
                 timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    first, second = files_of(apart), files_of(site_dir)
    assert [name for name in first if name not in second] == []
    assert [name for name in first if first[name] != second[name]] == []
    made_after = [name for name in second if name not in first]
    assert made_after and all(name.endswith(".pdf") or name.startswith("versies/") for name in made_after)


def test_a_mistake_in_an_english_page_is_said_once_and_stops_the_build(tmp_path: Path) -> None:
    extra = {"docs/nieuw.en.md": "# New\n\nSee [nowhere](nergens.md).\n"}
    said = {}
    for side_by_side in (True, False):
        project = small_project(tmp_path / str(side_by_side), extra)
        result = build(project, project / "site", side_by_side=side_by_side)
        assert result.returncode == 1
        lines = [line for line in result.stderr.splitlines() if not line.startswith("INFO")]
        assert sum("nergens.md" in line for line in lines if line.startswith("WARNING")) == 1, result.stderr
        # MkDocs' last word (click writes it to stdout), said once, by the build that waits.
        assert result.stdout.split() == "Aborted with 1 warnings in strict mode!".split(), result.stdout
        assert not list((project / "site").glob(".dom-talen-*")), "the English build's folder was left behind"
        beside = f"Building 'en' documentation to directory: {project / 'site' / '.dom-talen-'}" in result.stderr
        assert beside == side_by_side, "the English build did not run where it should"
        said[side_by_side] = sorted(lines)
    assert said[True] == said[False]


def test_when_the_dutch_build_fails_the_english_one_beside_it_is_stopped(tmp_path: Path) -> None:
    """The English build would take a minute (a hook sleeps in it); the Dutch one fails at once."""
    hook = textwrap.dedent("""\
        import time
        from mkdocs.exceptions import PluginError

        def on_page_markdown(markdown, page, config, files):
            if config.theme.get("language") == "en":
                time.sleep(60)
            else:
                raise PluginError("stop")
            return markdown
        """)
    project = small_project(tmp_path, {"hook.py": hook})
    (project / "mkdocs.yml").write_text((project / "mkdocs.yml").read_text("utf-8") + "hooks:\n  - hook.py\n", "utf-8")
    started = time.monotonic()
    result = build(project, project / "site")
    took = time.monotonic() - started
    assert result.returncode == 1
    assert "stop" in result.stderr
    # The subprocess' output ends when every process holding it has ended, the copy included.
    assert took < 30, f"the English build was left running ({took:.0f} s)"
    assert not list((project / "site").glob(".dom-talen-*"))


def test_a_copy_that_hangs_is_stopped_after_its_time_limit(tmp_path: Path) -> None:
    script = textwrap.dedent(f"""\
        import time
        from pathlib import Path
        from dom_site.side_by_side import start, finish
        folder = Path({str(tmp_path / 'copy')!r})
        folder.mkdir()
        copy = start(lambda: time.sleep(60), folder)
        print(finish(copy, timeout=1))
        print(folder.exists())
        """)
    started = time.monotonic()
    result = run([sys.executable, "-c", script], step="side by side", timeout=60)
    assert time.monotonic() - started < 20
    message, exists = result.stdout.strip().splitlines()
    assert "na 1 seconden gestopt" in message and "stopped after 1 seconds" in message
    assert exists == "False"


def test_a_copy_that_fails_says_why_and_one_that_succeeds_says_nothing(tmp_path: Path) -> None:
    script = textwrap.dedent(f"""\
        from pathlib import Path
        from mkdocs.exceptions import Abort
        from dom_site.side_by_side import start, finish
        def fails():
            raise Abort("Aborted with 2 warnings in strict mode!")
        def writes():
            (tmp / "written").write_text("yes")
        tmp = Path({str(tmp_path)!r})
        (tmp / "a").mkdir()
        (tmp / "b").mkdir()
        print(finish(start(fails, tmp / "a")))
        print(finish(start(writes, tmp / "b")))
        print((tmp / "a").exists(), (tmp / "b").exists())
        """)
    result = run([sys.executable, "-c", script], step="side by side", timeout=60)
    # The failed copy's folder is gone; the good one's waits for merge().
    assert result.stdout.splitlines() == ["Aborted with 2 warnings in strict mode!", "None", "False True"]
    assert (tmp_path / "written").read_text() == "yes"


def test_merge_puts_the_copys_files_over_the_sites(tmp_path: Path) -> None:
    site, copy = tmp_path / "site", tmp_path / "site" / ".copy"
    write(site, {"index.html": "nl", "sitemap.xml": "nl", "assets/a.css": "a"})
    write(copy, {"en/index.html": "en", "sitemap.xml": "both", "assets/a.css": "a", "assets/b.css": "b"})
    merge(copy, site)
    assert files_of(site) == {"assets/a.css": b"a", "assets/b.css": b"b", "en/index.html": b"en",
                              "index.html": b"nl", "sitemap.xml": b"both"}
