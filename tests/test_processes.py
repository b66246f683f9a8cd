"""Every step the project starts ends: a time limit, its own process group, and its children ended too."""
from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

import pytest
from conftest import ROOT

from dom_site import print_pdfs as build_pdfs
from dom_site.processes import StepFailed, run


def alive(marker: str) -> list[str]:
    """Processes whose command line contains marker."""
    listing = subprocess.run(["ps", "-eo", "pid=,args="], capture_output=True, text=True, timeout=10).stdout
    return [line for line in listing.splitlines() if marker in line and "ps -eo" not in line]


def test_a_step_that_hangs_is_ended_with_its_children(tmp_path: Path) -> None:
    marker = f"sleep 313{tmp_path.name[-3:].replace('_', '')}"
    # A parent that starts a child in the background and then waits for ever.
    script = f"({marker.replace('sleep ', 'exec -a ' + repr(marker) + ' sleep ')} &) ; sleep 600"
    start = time.monotonic()
    with pytest.raises(StepFailed) as failure:
        run(["bash", "-c", script], step="proef (test)", about="x.md", timeout=2)
    assert time.monotonic() - start < 15
    assert str(failure.value).startswith("proef (test) (x.md): gestopt na 2 seconden zonder resultaat — ")
    time.sleep(0.5)
    assert alive(marker) == []


def test_a_failed_step_says_which_step_and_file() -> None:
    with pytest.raises(StepFailed) as failure:
        run(["bash", "-c", "echo kapot >&2; exit 3"], step="spelling", about="docs/x.md", timeout=10, check=True)
    assert "spelling (docs/x.md): mislukt (exit 3)" in str(failure.value) and "kapot" in str(failure.value)


def test_the_pdf_printer_runs_no_script_of_the_page(tmp_path: Path) -> None:
    """An endless loop and an alert, injected past the build's check, do not hold the printer."""
    page = tmp_path / "p.html"
    page.write_text("<html><body><h1>Titel</h1><p>Tekst.</p>"
                    "<script>while (true) {}</script><img src=x onerror=\"alert(1)\">"
                    "<svg><script>alert(2)</script></svg></body></html>", "utf-8")
    from bs4 import BeautifulSoup

    inert = build_pdfs.without_scripts(BeautifulSoup(page.read_text("utf-8"), "html.parser"))
    assert "<script" not in inert and "onerror" not in inert
    page.write_text(inert, "utf-8")
    start = time.monotonic()
    build_pdfs.print_pdf(page, tmp_path / "p.pdf", timeout=60)
    assert time.monotonic() - start < 60 and (tmp_path / "p.pdf").stat().st_size > 1000


def test_the_pdf_printer_has_a_hard_time_limit(tmp_path: Path) -> None:
    """Even handed a page that loops for ever, Chromium is ended at the limit, with every child."""
    page = tmp_path / "loop-limit.html"
    page.write_text("<html><body><p>x</p><script>while (true) {}</script></body></html>", "utf-8")
    start = time.monotonic()
    # A short limit: the page keeps a core busy until Chromium is ended.
    with pytest.raises(StepFailed) as failure:
        build_pdfs.print_pdf(page, tmp_path / "loop.pdf", timeout=2)
    assert time.monotonic() - start < 30
    assert "PDF maken" in str(failure.value) and "loop-limit.html" in str(failure.value)
    time.sleep(1)
    assert alive(str(tmp_path)) == []


def test_the_pdf_of_a_section_with_an_injected_script_is_printed(site_dir: Path, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """`dom-site pdfs` (print_pdfs.main) on a site where a page holds an endless script: the
    printer never runs it. Only the response's PDF, in both languages (the others print alike)."""
    site = tmp_path / "site"
    # The response's section and the theme's files; the other sections are not in this PDF.
    shutil.copytree(site_dir, site, ignore=shutil.ignore_patterns("versies", "*.pdf", "c", "draaiboek", "maatwerk",
                                                                  "over"))
    response = site / "reactie" / "index.html"
    response.write_text(response.read_text("utf-8").replace("</article>", "<script>while(true){}</script></article>", 1),
                        "utf-8")
    monkeypatch.setattr(build_pdfs, "PDFS", {"reactie/index.md": "dom-reactie.pdf"})
    start = time.monotonic()
    assert build_pdfs.main(["--site", str(site)], ROOT) == 0
    assert time.monotonic() - start < 120
    for language in ("", "en/"):
        assert (site / language / "reactie" / "dom-reactie.pdf").stat().st_size > 1000
    assert not list(site.rglob(".print-*"))  # the inert drafts are gone


def test_git_answers_or_says_none_and_never_hangs(tmp_path: Path) -> None:
    """dom_site.git: every git question of the build, its dates, old texts and merge base."""
    from git_repo import git as git_in_test

    from dom_site import git

    assert git.output(tmp_path, "rev-parse", "--show-toplevel") is None  # no repository here
    git_in_test(tmp_path, "init", "-q")
    (tmp_path / "café.md").write_text("# Café\n", "utf-8")
    git_in_test(tmp_path, "add", "café.md")
    git_in_test(tmp_path, "commit", "-qm", "een")
    assert git.output(tmp_path, "ls-files") == "café.md\n"  # the name as written, not "caf\303\251.md"
    assert git.output(tmp_path, "show", "HEAD:weg.md") is None  # git refuses: None, no exception
