"""The English build beside the Dutch one (dom-talen `parallel`, dom_site.side_by_side).

Each build here is a `mkdocs build` subprocess, as a reader of the README runs it, so
that what the copy prints and how the command ends are seen as an editor sees them.
"""
from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from conftest import build_site
from small_build import write
from test_languages_plugin import CONFIG

from dom_site.processes import builder, run
from dom_site.side_by_side import merge

SWITCH = "DOM_LANGUAGES_SIDE_BY_SIDE"  # mkdocs.yml: dom-talen parallel: !ENV [...]


def files_of(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def build(project: Path, site: Path, *, side_by_side: bool = True,
          env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    config = (project / "mkdocs.yml").read_text("utf-8").replace(
        "  - dom-talen\n", "  - dom-talen:\n      parallel: !ENV [DOM_LANGUAGES_SIDE_BY_SIDE, true]\n")
    (project / "mkdocs.yml").write_text(config, "utf-8")
    return build_site(site, cwd=project, env={SWITCH: "true" if side_by_side else "false", **(env or {})})


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

    site_dir is `make build`'s site (English beside Dutch where the machine allows it, then
    the PDFs and the frozen editions); here the same sources are built one language after
    the other. That the English build runs beside the Dutch one at all is checked on the
    small project (test_a_mistake_in_an_english_page_is_said_once_and_stops_the_build)."""
    apart = tmp_path / "one-after-the-other"
    result = build_site(apart, env={SWITCH: "false"})
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
        said[side_by_side] = lines
    assert said[True] == said[False]


def test_each_warning_is_said_once_whichever_language_builds_meet_it(tmp_path: Path) -> None:
    """A Dutch page not translated yet is built in both languages: its broken link was warned
    and explained twice. Said once, in Dutch (MkDocs' English line not beside it); a mistake only
    the English build meets (in the copy beside) still said, once; --strict still fails; the same
    either way."""
    extra = {"docs/alleen.md": "# Alleen Nederlands\n\nZie [weg](weg.md).\n",
             "docs/nieuw.en.md": "# New\n\nSee [nowhere](nergens.md).\n"}
    said = {}
    for side_by_side in (True, False):
        project = small_project(tmp_path / str(side_by_side), extra)
        config = project / "mkdocs.yml"
        config.write_text(config.read_text("utf-8").replace("plugins:\n", "plugins:\n  - dom-meldingen\n"), "utf-8")
        # As in a pull request's run: each problem one annotation and one line of the summary.
        problems = tmp_path / f"problems-{side_by_side}.jsonl"
        result = build(project, project / "site", side_by_side=side_by_side,
                       env={"GITHUB_ACTIONS": "true", "DOM_SITE_PROBLEMS": str(problems)})
        assert result.returncode == 1
        summary = [json.loads(line) for line in problems.read_text("utf-8").splitlines()]
        assert sorted((p["path"], p["line"]) for p in summary) == [("docs/alleen.md", 3), ("docs/nieuw.en.md", 3)]
        annotations = [line for line in result.stderr.splitlines() if line.startswith("::error")]
        assert len(annotations) == 2, annotations
        lines = [line for line in result.stderr.splitlines() if not line.startswith(("INFO", "::"))]
        for link in ("weg.md", "nergens.md"):
            assert sum(link in line for line in lines if line.startswith("WARNING")) == 0, result.stderr
            assert sum(f"de link '{link}' wijst naar een pagina die niet bestaat" in line for line in lines) == 1, \
                result.stderr
        assert any(line.startswith("docs/alleen.md:3: de link 'weg.md'") for line in lines), result.stderr
        assert "Aborted with" in result.stdout and "in strict mode" in result.stdout, result.stdout
        assert not list((project / "site").glob(".dom-talen-*")), "the English build's files were left behind"
        said[side_by_side] = sorted(lines)
    assert said[True] == said[False]


def with_hook(project: Path, hook: str) -> Path:
    (project / "hook.py").write_text(textwrap.dedent(hook), "utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8") + "hooks:\n  - hook.py\n", "utf-8")
    return project


def test_when_the_dutch_build_fails_the_english_one_beside_it_is_stopped(tmp_path: Path) -> None:
    """The English build would take a minute (a hook sleeps in it); the Dutch one fails at once."""
    reached = tmp_path / "english-started"
    project = with_hook(small_project(tmp_path / "project"), f"""\
        import pathlib, time
        from mkdocs.exceptions import PluginError

        def on_page_markdown(markdown, page, config, files):
            if config.theme.get("language") == "en":
                pathlib.Path({str(reached)!r}).touch()
                time.sleep(60)
            else:
                for _ in range(300):  # until the English build has started (at most 30 s)
                    if pathlib.Path({str(reached)!r}).exists():
                        break
                    time.sleep(0.1)
                raise PluginError("stop")
            return markdown
        """)
    started = time.monotonic()
    result = build(project, project / "site")
    took = time.monotonic() - started
    assert result.returncode == 1 and reached.exists()
    assert result.stderr.count("stop") == 1
    # The subprocess' output ends when every process holding it has ended, the copy included.
    assert took < 45, f"the English build was left running ({took:.0f} s)"
    assert not list((project / "site").glob(".dom-talen-*"))


def test_a_mistake_both_builds_meet_is_said_once(tmp_path: Path) -> None:
    """A Dutch page without translation is built in English too. One build after the other
    never starts English after Dutch failed on it; beside it, the English build's words go."""
    reached = tmp_path / "english-met-it"
    project = with_hook(small_project(tmp_path / "project", {"docs/alleen.md": "# Alleen\n"}), f"""\
        import pathlib, time
        from mkdocs.exceptions import PluginError

        def on_page_markdown(markdown, page, config, files):
            if page.file.src_uri == "alleen.md":
                if config.theme.get("language") == "en":
                    pathlib.Path({str(reached)!r}).touch()
                else:
                    for _ in range(300):  # the English build meets it first (at most 30 s)
                        if pathlib.Path({str(reached)!r}).exists():
                            break
                        time.sleep(0.1)
                    time.sleep(0.5)  # and has said so
                raise PluginError("docs/alleen.md:1: kapot")
            return markdown
        """)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("plugins:\n", "plugins:\n  - dom-meldingen\n"), "utf-8")
    collected = tmp_path / "problems.jsonl"
    result = build(project, project / "site", env={"GITHUB_ACTIONS": "true", "DOM_SITE_PROBLEMS": str(collected)})
    assert result.returncode == 1 and reached.exists()
    output = result.stdout + result.stderr
    assert output.count("docs/alleen.md:1: kapot") == 1, output
    assert output.count("::error file=docs/alleen.md,line=1") == 1, output
    # The pull request's summary lists it once too: the English build's list was dropped with it.
    entries = [json.loads(line) for line in collected.read_text("utf-8").splitlines()]
    assert [entry["line"] for entry in entries if entry["path"] == "docs/alleen.md"] == [1], entries


def test_a_folder_left_by_a_killed_build_is_removed(tmp_path: Path) -> None:
    project = small_project(tmp_path)
    left = project / "site" / ".dom-talen-0badc0de" / "en" / "index.html"
    left.parent.mkdir(parents=True)
    left.write_text("old", "utf-8")
    assert build(project, project / "site").returncode == 0
    assert not left.parent.parent.exists() and (project / "site" / "en" / "index.html").exists()


def test_the_english_build_ends_when_the_dutch_one_is_killed(tmp_path: Path) -> None:
    """SIGTERM to the build alone (a job runner's timeout): no copy builds on unwatched."""
    marker = tmp_path / "english-pid"
    project = with_hook(small_project(tmp_path / "project"), f"""\
        import os, pathlib, time

        def on_page_markdown(markdown, page, config, files):
            if config.theme.get("language") == "en":
                pathlib.Path({str(marker)!r}).write_text(str(os.getpid()))
                time.sleep(60)
            return markdown
        """)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    process = subprocess.Popen([*builder(), "build", "--strict"], cwd=project, env=env, start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while not (marker.exists() and marker.read_text()) and time.monotonic() < deadline:
            time.sleep(0.1)
        copy = int(marker.read_text())
        assert copy != process.pid
        os.kill(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
        deadline = time.monotonic() + 10
        while Path(f"/proc/{copy}").exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not Path(f"/proc/{copy}").exists(), "the English build went on after the Dutch one was killed"
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def test_with_three_languages_both_others_are_built_beside_the_first(tmp_path: Path) -> None:
    """The site has two languages; a third must not empty the second's pages (static-i18n's
    loop keeps the folder between languages; the copy does the same). The project's own
    language rules (dom_site.languages.build_language) know Dutch and English only, so the
    root's search index is not compared here."""
    german = CONFIG.replace("        - {locale: en, name: English}\n",
                            "        - {locale: en, name: English}\n        - {locale: de, name: Deutsch}\n")
    assert german != CONFIG
    sites = {}
    for side_by_side in (True, False):
        project = small_project(tmp_path / str(side_by_side), {"mkdocs.yml": german,
                                                                "docs/index.de.md": "# Willkommen\n"})
        assert build(project, project / "site", side_by_side=side_by_side).returncode == 0
        sites[side_by_side] = files_of(project / "site")
    assert sorted(sites[True]) == sorted(sites[False])
    assert "en/index.html" in sites[True] and "de/index.html" in sites[True]
    for name in sites[True]:
        if name.startswith(("en/", "de/")):
            assert sites[True][name] == sites[False][name], name


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


def test_in_a_github_run_an_english_mistake_is_one_annotation_and_one_summary_line(tmp_path: Path) -> None:
    """The English build's problems reach the pull request once: its ::error line, and its
    line in the summary's list (kept in a file of its own until the Dutch build joins it)."""
    project = small_project(tmp_path / "project", {"docs/nieuw.en.md": "# New\n\nSee [nowhere](nergens.md).\n"})
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("plugins:\n", "plugins:\n  - dom-meldingen\n"), "utf-8")
    collected = tmp_path / "problems.jsonl"
    result = build_site(project / "site", cwd=project,
                        env={"GITHUB_ACTIONS": "true", "DOM_SITE_PROBLEMS": str(collected)})
    assert result.returncode == 1
    assert "Building 'en' documentation to directory: " + str(project / "site" / ".dom-talen-") in result.stderr
    output = (result.stdout + result.stderr).splitlines()
    annotations = [line for line in output if line.startswith("::error") and "nieuw.en.md" in line]
    assert len(annotations) == 1, result.stdout + result.stderr
    summary = [json.loads(line) for line in collected.read_text("utf-8").splitlines()]
    assert [entry["path"] for entry in summary] == ["docs/nieuw.en.md"], summary
