"""dom-sjablonen (src/dom_site/plugins/templates.py): each theme template is compiled once per build.

In-process builds of a small two-language project (Material + static-i18n, as the site),
counting Jinja compiles: with the plugin a template is compiled once for all pages and
both languages; without it (the control) once per language. The HTML is the same.
"""
from __future__ import annotations

import collections
from pathlib import Path
from typing import Any

import jinja2
import pytest
from git_repo import git

from dom_site.plugins.templates import MemoryBytecodeCache
from dom_site.project import build_here

PAGES = 12


def project(tmp_path: Path, plugin: bool) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir(parents=True)
    for i in range(PAGES):
        name = "index" if i == 0 else f"pagina-{i}"
        (docs / f"{name}.md").write_text(f"# Pagina {i}\n\nTekst {i}.\n", encoding="utf-8")
        (docs / f"{name}.en.md").write_text(f"# Page {i}\n\nText {i}.\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: t\nsite_url: https://example.invalid/\ntheme: {name: material, language: nl}\n"
        "plugins:\n  - search\n  - i18n:\n      docs_structure: suffix\n      languages:\n"
        "        - {locale: nl, name: Nederlands, default: true}\n        - {locale: en, name: English}\n"
        + ("  - dom-sjablonen\n" if plugin else ""), encoding="utf-8")
    return tmp_path


def compiles_of_build(root: Path, monkeypatch: pytest.MonkeyPatch) -> collections.Counter[str]:
    counts: collections.Counter[str] = collections.Counter()
    original = jinja2.Environment.compile

    def counting(self: jinja2.Environment, source: Any, name: str | None = None, *args: Any, **kwargs: Any) -> Any:
        counts[str(name)] += 1
        return original(self, source, name, *args, **kwargs)

    with monkeypatch.context() as m:
        m.setattr(jinja2.Environment, "compile", counting)
        build_here(root / "mkdocs.yml", root / "site")
    return counts


def site_files(root: Path) -> dict[str, bytes]:
    site = root / "site"
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*"))
            if p.is_file() and p.suffix == ".html"}


def test_each_template_is_compiled_once_for_all_pages_and_both_languages(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ours = compiles_of_build(project(tmp_path / "ours", plugin=True), monkeypatch)
    control = compiles_of_build(project(tmp_path / "control", plugin=False), monkeypatch)
    # The page templates: without the plugin once per language, with it once.
    for name in ("main.html", "base.html", "partials/header.html", "partials/footer.html"):
        assert control[name] == 2, (name, control[name])
        assert ours[name] == 1, (name, ours[name])
    # Material's search plugin compiles its translation partials in its own environments
    # (on_config, before any on_env); everything else is compiled once.
    theirs = {"partials/language.html", "partials/languages/nl.html", "partials/languages/en.html"}
    assert all(n == 1 for name, n in ours.items() if name not in theirs), ours
    # Not one compile per page: the total does not grow with the 2 x 12 pages.
    assert sum(ours.values()) < sum(control.values()) - 30
    # And the output is the same.
    assert site_files(tmp_path / "ours") == site_files(tmp_path / "control")


def test_changed_source_is_compiled_again() -> None:
    cache = MemoryBytecodeCache()
    env = jinja2.Environment(loader=jinja2.DictLoader({"t.html": "a {{ x }}"}), bytecode_cache=cache)
    assert env.get_template("t.html").render(x=1) == "a 1"
    second = jinja2.Environment(loader=jinja2.DictLoader({"t.html": "b {{ x }}"}), bytecode_cache=cache)
    assert second.get_template("t.html").render(x=1) == "b 1"
    third = jinja2.Environment(loader=jinja2.DictLoader({"t.html": "b {{ x }}"}), bytecode_cache=cache)
    assert third.get_template("t.html").render(x=2) == "b 2"
    assert (cache.hits, cache.misses) == (1, 2)




def test_the_next_build_reads_the_compiled_templates_from_the_cache_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = project(tmp_path, plugin=True)
    git(root, "init", "-q")  # the cache on disk is used in a git work tree only (dom_site.cache)
    first = compiles_of_build(root, monkeypatch)
    assert first["main.html"] == 1
    assert list((root / ".git" / "dom-site-cache" / "sjablonen").rglob("*.cache"))
    html = site_files(root)
    # A new build (new config, new plugin: as a new `mkdocs build` process) compiles none of them.
    again = compiles_of_build(root, monkeypatch)
    assert again["main.html"] == again["base.html"] == again["partials/header.html"] == 0, again
    assert site_files(root) == html


def test_a_damaged_cache_file_is_compiled_again(tmp_path: Path) -> None:
    cache = MemoryBytecodeCache(tmp_path)
    loader = jinja2.DictLoader({"t.html": "a {{ x }}"})
    assert jinja2.Environment(loader=loader, bytecode_cache=cache).get_template("t.html").render(x=1) == "a 1"
    for file in tmp_path.glob("*.cache"):
        file.write_bytes(file.read_bytes()[:20])
    fresh = MemoryBytecodeCache(tmp_path)
    assert jinja2.Environment(loader=loader, bytecode_cache=fresh).get_template("t.html").render(x=2) == "a 2"
    assert (fresh.hits, fresh.misses) == (0, 1)


def test_with_cache_false_nothing_is_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = project(tmp_path, plugin=False)
    git(root, "init", "-q")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text("utf-8") + "  - dom-sjablonen:\n      cache: false\n", "utf-8")
    assert compiles_of_build(root, monkeypatch)["main.html"] == 1
    assert not (root / ".git" / "dom-site-cache").exists()


def test_outside_a_git_work_tree_nothing_is_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = project(tmp_path, plugin=True)  # like an exported tree
    assert compiles_of_build(root, monkeypatch)["main.html"] == 1
    assert not list(root.rglob("*.cache"))


def test_compiled_templates_in_the_work_tree_are_never_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A pull request can add .cache/ (git add -f) or leave it behind (git apply): nothing there is run."""
    root = project(tmp_path, plugin=True)
    git(root, "init", "-q")
    for folder in (root / ".cache" / "sjablonen", root / ".cache"):
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "x.cache").write_bytes(b"j2 planted")
    git(root, "add", "-f", ".cache")
    assert compiles_of_build(root, monkeypatch)["main.html"] == 1
    kept = list((root / ".git" / "dom-site-cache" / "sjablonen").rglob("*.cache"))
    assert kept and sorted(p.name for p in (root / ".cache").rglob("*")) == ["sjablonen", "x.cache", "x.cache"]
