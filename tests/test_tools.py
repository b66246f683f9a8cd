"""Unit tests for the tools: the built-site link check, the static host, the benchmark baseline."""
from __future__ import annotations

import gzip
import urllib.request
from pathlib import Path

import pytest
from conftest import ROOT
from project_copy import copy_project

from dom_site import bench
from dom_site.checks import site_links as check_site_links
from dom_site.static_host import serve


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path


def test_site_link_check_finds_missing_pages_and_anchors(tmp_path: Path) -> None:
    site = tmp_path / "site"
    write(site / "a" / "index.html", '<h2 id="r-1">x</h2><a name="oud"></a>')
    page = write(site / "index.html",
                 '<meta http-equiv="Refresh" content="0; url=c/">'
                 '<a href="a/">ok</a><a href="a/#r-1">ok</a><a href="a/#r-9">bad anchor</a><a href="a/#oud">ok</a>'
                 '<a href="b/">bad page</a><a href="https://example.org/">external</a>'
                 '<link rel="alternate" hreflang="en" href="en/"><a href="/a/">root-relative ok</a>'
                 '<link rel="stylesheet" href="not-checked-here.css">')
    found = [str(p) for p in check_site_links.check_page(site, page, tmp_path)]
    assert len(found) == 4, found
    assert any("redirect 'c/' leidt naar een pagina die niet bestaat" in f for f in found)
    assert any("link 'a/#r-9' wijst naar een onderdeel (#r-9) dat niet bestaat" in f for f in found)
    assert any("link 'b/' leidt naar een pagina die niet bestaat" in f for f in found)
    assert any("hreflang 'en/' leidt naar een pagina die niet bestaat" in f for f in found)


def test_static_host_serves_404_page_sub_path_and_gzip(tmp_path: Path) -> None:
    site = tmp_path / "site"
    write(site / "index.html", "<p>thuis</p>")
    write(site / "404.html", "<p>niet gevonden</p>")
    with serve(site, prefix="/dom/", compress=True) as url:
        assert url.endswith("/dom/")
        request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request) as response:
            assert response.headers["Content-Encoding"] == "gzip"
            assert gzip.decompress(response.read()) == b"<p>thuis</p>"
        for missing in (url + "nergens/", url.replace("/dom/", "/elders/")):
            try:
                urllib.request.urlopen(missing)
                raise AssertionError("expected a 404")
            except urllib.error.HTTPError as error:
                assert error.code == 404 and error.read() == b"<p>niet gevonden</p>"


def test_benchmark_baseline_is_the_plain_defaults() -> None:
    ours = bench.load_ours(ROOT)
    baseline = bench.defaults_config(ours, ROOT)
    assert baseline["theme"] == {"name": "material"}
    assert baseline["markdown_extensions"] == ours["markdown_extensions"]
    assert "hooks" not in baseline and "nav" not in baseline
    assert baseline["plugins"][0] == "search" and baseline["plugins"][1]["i18n"]["docs_structure"] == "suffix"


@pytest.mark.parametrize("option", ["--runs", "--scale-runs"])
def test_the_benchmark_refuses_zero_runs_before_it_builds(option: str, capsys: pytest.CaptureFixture[str]) -> None:
    """A median of no runs does not exist: refused at once, not after a minute of building."""
    with pytest.raises(SystemExit) as ended:
        bench.main([option, "0"], ROOT)
    assert ended.value.code == 2 and "at least one run" in capsys.readouterr().err


def test_the_benchmark_refuses_a_folder_that_is_not_there_before_it_builds(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as ended:
        bench.main(["--folder", str(tmp_path / "absent")], ROOT)
    assert ended.value.code == 2 and "absent is not a folder" in capsys.readouterr().err


def test_the_benchmark_counts_the_html_inside_each_pages_article_only(tmp_path: Path) -> None:
    """What the Markdown became, not the theme around it (menu, header, footer)."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text("<nav>menu</nav><article class='md'>\n<p>één</p>\n</article>", "utf-8")
    (tmp_path / "index.html").write_text("<header>x</header><article>ab</article><article>c</article>", "utf-8")
    (tmp_path / "data.json").write_text("<article>not a page</article>", "utf-8")
    assert bench.article_bytes(tmp_path) == len("<article class='md'>\n<p>één</p>\n</article>".encode()) + 41


def test_the_scale_benchmark_adds_villages_that_pass_the_village_checks(tmp_path: Path) -> None:
    """Ten times the villages (here three times, quicker): each copy a village of its own, not a build error."""
    from dom_site.village_data import load_villages

    project = copy_project(tmp_path / "copy")
    before = sum(1 for _ in (project / "docs").rglob("*.md"))
    villages, problems = load_villages(project / "docs", project)
    pages = bench.scaled_copy(project, 3)
    scaled, scaled_problems = load_villages(project / "docs", project)
    assert problems == [] and scaled_problems == []
    assert len(scaled) == 3 * len(villages) and pages == before + 2 * 2 * len(villages)
    assert len({v.naam for v in scaled}) == len(scaled)
    copy = (project / "docs" / bench.FOLDER / f"{villages[0].slug}-kopie-3.en.md").read_text("utf-8")
    assert f"# {villages[0].naam} kopie 3\n" in copy
    from dom_site import rules

    assert [str(p) for p in rules.run(rules.Context.of(project))] == []  # every rule, as the build runs them


def test_a_command_works_on_the_project_it_is_started_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`dom-site` asks where it runs when it starts (dom_site.project.here), not when imported:
    in a copy's subfolder it works on the copy, elsewhere on this repository."""
    from dom_site import project

    (tmp_path / "kopie" / "docs" / "over").mkdir(parents=True)
    (tmp_path / "kopie" / "mkdocs.yml").write_text("site_name: Kopie\n", "utf-8")
    monkeypatch.chdir(tmp_path / "kopie" / "docs" / "over")
    assert project.here() == (tmp_path / "kopie").resolve()
    monkeypatch.chdir(tmp_path)
    assert project.here() == Path(project.__file__).resolve().parents[2]  # the repository it is installed from
