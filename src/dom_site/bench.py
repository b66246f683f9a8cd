"""Benchmarks, reported as ratios against a baseline measured in the same run.

Build time: our full strict build against the same docs built with the
Material + static-i18n defaults (theme material, search, i18n suffix nl/en, our
Markdown extensions, nothing else). Runs alternate (ours, defaults, ours, ...)
so that machine noise hits both alike; we report medians and their ratio.
Target: ratio <= 1.0. Beside it, the processor time of both (user + system, the build's
own processes included): ours builds English on a second core, so its wall-clock time
depends on that core being free, and the processor time says how much work each does.
And what each build made: the files it wrote and the HTML inside the pages' <article>
(the defaults render a village page's front matter as an empty page, ours the template
with its data). `--folder` says where the builds write: a folder in memory (/dev/shm)
leaves the disk out, which tells the cost of writing files from the cost of making them.

Scale: the same site in a temporary copy of the project, once as it is (1x) and once
with ten times the village pages (10x: each village page in both languages copied
under new names, see scaled_copy), alternating runs. We report how the build time
grows against how the page count grows: (time 10x / time 1x) / (pages 10x / pages 1x).
Target: <= 1.0, the build time grows no faster than the site. Both copies have no git
history (no dates, no old releases' texts), so they compare with each other, not with
the first benchmark.
"""
from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from dom_site import source
from dom_site.processes import run  # every step has a time limit and ends with its children
from dom_site.project import copy_project
from dom_site.village_data import FOLDER, is_village_page

SCALE = 10


def defaults_config(ours: dict[str, Any], root: Path) -> dict[str, Any]:
    """The baseline: Material + static-i18n defaults on the same docs and extensions."""
    return {
        "site_name": ours["site_name"],
        "docs_dir": str(root / "docs"),
        "theme": {"name": "material"},
        "markdown_extensions": ours["markdown_extensions"],
        "plugins": ["search", {"i18n": {"docs_structure": "suffix", "languages": [
            {"locale": "nl", "default": True, "name": "Nederlands"},
            {"locale": "en", "name": "English"},
        ]}}],
    }


def load_ours(root: Path) -> dict[str, Any]:
    class Loader(yaml.SafeLoader):
        pass

    # mkdocs.yml uses !ENV; for reading the extension list its value does not matter.
    Loader.add_constructor("!ENV", lambda loader, node: None)
    loaded: dict[str, Any] = yaml.load((root / "mkdocs.yml").read_text("utf-8"), Loader=Loader)  # noqa: S506
    return loaded


def _children_cpu() -> float:
    """Processor seconds (user + system) of every ended child process of this one so far."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def timed_build(config: Path, dest: Path, strict: bool) -> tuple[float, float]:
    """Wall-clock and processor seconds of one `mkdocs build` of config into dest, run in the
    config's folder (the processor time includes its English copy: the build waits for it)."""
    cmd = [sys.executable, "-m", "mkdocs", "build", "--clean", "-f", str(config), "-d", str(dest)]
    if strict:
        cmd.append("--strict")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    start, start_cpu = time.perf_counter(), _children_cpu()
    result = run(cmd, step=f"bench ({config.name})", cwd=config.parent, env=env, timeout=600)
    took, cpu = time.perf_counter() - start, _children_cpu() - start_cpu
    if result.returncode != 0:
        sys.exit(f"build failed ({config.name}):\n{result.stderr[-3000:]}")
    return took, cpu


@dataclass
class BuildBench:
    """Medians of the alternating runs, and what the last build of each wrote."""
    ours: float
    defaults: float
    ours_cpu: float
    defaults_cpu: float
    ours_files: int
    defaults_files: int
    ours_content: int
    defaults_content: int


def bench_build(runs: int, root: Path, folder: Path | None = None) -> BuildBench:
    """Median wall-clock and processor seconds of both builds, and what each wrote,
    building in a temporary folder inside `folder` (default: the system's)."""
    with tempfile.TemporaryDirectory(dir=folder) as tmp:
        base = Path(tmp) / "mkdocs.defaults.yml"
        base.write_text(yaml.safe_dump(defaults_config(load_ours(root), root), allow_unicode=True), "utf-8")
        ours: list[tuple[float, float]] = []
        defaults: list[tuple[float, float]] = []
        timed_build(root / "mkdocs.yml", Path(tmp) / "warm", True)  # warm caches once for both
        for _ in range(runs):
            ours.append(timed_build(root / "mkdocs.yml", Path(tmp) / "ours", True))
            defaults.append(timed_build(base, Path(tmp) / "defaults", False))
        ours_wall, ours_cpu = medians(ours)
        base_wall, base_cpu = medians(defaults)
        return BuildBench(ours_wall, base_wall, ours_cpu, base_cpu, _files(Path(tmp) / "ours"),
                          _files(Path(tmp) / "defaults"), article_bytes(Path(tmp) / "ours"),
                          article_bytes(Path(tmp) / "defaults"))


def _files(folder: Path) -> int:
    return sum(1 for path in folder.rglob("*") if path.is_file())


ARTICLE = re.compile(r"<article\b.*?</article>", re.S)


def article_bytes(site: Path) -> int:
    """Bytes of HTML inside the <article> of every page: what the pages' Markdown became."""
    return sum(len(match.group(0).encode("utf-8")) for page in site.rglob("*.html")
               for match in ARTICLE.finditer(page.read_text("utf-8", errors="replace")))


def medians(runs: list[tuple[float, float]]) -> tuple[float, float]:
    """The median wall-clock and the median processor seconds of (wall, processor) runs."""
    return statistics.median(wall for wall, _ in runs), statistics.median(cpu for _, cpu in runs)


def scaled_copy(project: Path, factor: int) -> int:
    """Give each village factor - 1 copies (Dutch and English page); returns the number of pages.

    A copy is a village of its own to every check: its name (front matter `naam`, which
    the file name must match) and its title are the original's plus " kopie <n>". Its
    data, sources and section IDs stay the same; village pages hold no citable units,
    so the citation registry needs nothing. The pages are read as the rules read them
    (dom_site.source, dom_site.village_data).
    """
    model = source.load(project / "docs")
    for dutch in [page for page in model if is_village_page(page.path) and page.language == "nl"]:
        name = str(dutch.meta.get("naam") or "")
        if not name:
            sys.exit(f"{dutch.shown}: no naam in the front matter")
        english = model.twin(dutch)
        stem = dutch.path.rpartition("/")[2].removesuffix(".md")
        for number in range(2, factor + 1):
            new = f"{name} kopie {number}"
            slug = f"{stem}-kopie-{number}"
            (model.docs_dir / f"{FOLDER}/{slug}.md").write_text(renamed(dutch, new, naam=True), "utf-8")
            if english is not None:
                (model.docs_dir / f"{FOLDER}/{slug}.en.md").write_text(renamed(english, new), "utf-8")
    return sum(1 for _ in (project / "docs").rglob("*.md"))


def renamed(page: source.SourcePage, new: str, naam: bool = False) -> str:
    """The page with its first heading (and its front matter name) saying the new name."""
    lines = list(page.lines)
    title = next((heading.line for heading in page.headings if heading.level == 1), None)
    if title is not None:
        lines[title - 1] = f"# {new}"
    if naam:
        lines[page.field_line("naam") - 1] = f"naam: {new}"
    return "\n".join(lines) + "\n"


def bench_scale(runs: int, root: Path, folder: Path | None = None) -> tuple[float, float, int, int]:
    """Median build times and page counts of the project copy at 1x and SCALEx the village pages."""
    with tempfile.TemporaryDirectory(dir=folder) as tmp:
        one, many = Path(tmp) / "x1", Path(tmp) / f"x{SCALE}"
        pages_one = scaled_copy(copy_project(one, root), 1)
        pages_many = scaled_copy(copy_project(many, root), SCALE)
        timed_build(one / "mkdocs.yml", Path(tmp) / "site1", True)  # warm caches once for both
        one_times: list[float] = []
        many_times: list[float] = []
        for _ in range(runs):
            one_times.append(timed_build(one / "mkdocs.yml", Path(tmp) / "site1", True)[0])
            many_times.append(timed_build(many / "mkdocs.yml", Path(tmp) / f"site{SCALE}", True)[0])
        return statistics.median(one_times), statistics.median(many_times), pages_one, pages_many


def _at_least_one(text: str) -> int:
    number = int(text)
    if number < 1:
        raise argparse.ArgumentTypeError("a median needs at least one run")
    return number


def _existing_folder(text: str) -> Path:
    folder = Path(text)
    if not folder.is_dir():
        raise argparse.ArgumentTypeError(f"{text} is not a folder")
    return folder


def main(argv: list[str] | None, root: Path) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=_at_least_one, default=5, help="runs per configuration (default 5)")
    parser.add_argument("--scale-runs", type=_at_least_one, default=3,
                        help="runs per size in the scale benchmark (default 3)")
    parser.add_argument("--only", choices=["build", "scale"], help="run one benchmark only")
    parser.add_argument("--folder", type=_existing_folder,
                        help="where the builds write (default: the system's temporary folder; /dev/shm is in memory)")
    args = parser.parse_args(argv)
    if args.only in (None, "build"):
        b = bench_build(args.runs, root, args.folder)
        print(f"build: ours {b.ours:.2f} s, defaults {b.defaults:.2f} s (median of {args.runs} alternating runs each)")
        print(f"build ratio ours/defaults: {b.ours / b.defaults:.2f} (target <= 1.00)")
        print(f"build processor time (user + system): ours {b.ours_cpu:.2f} s, defaults {b.defaults_cpu:.2f} s, "
              f"ratio {b.ours_cpu / b.defaults_cpu:.2f} (a report, no target)")
        # Ours writes each citable unit's short link, history and citation files, in both languages.
        print(f"files written: ours {b.ours_files}, defaults {b.defaults_files} (a report, no target)")
        print(f"page content (HTML inside <article>): ours {b.ours_content / 1e6:.2f} MB, "
              f"defaults {b.defaults_content / 1e6:.2f} MB, ratio {b.ours_content / b.defaults_content:.2f} "
              "(a report, no target)")
    if args.only in (None, "scale"):
        one, many, pages_one, pages_many = bench_scale(args.scale_runs, root, args.folder)
        time_growth, page_growth = many / one, pages_many / pages_one
        print(f"scale: {pages_one} pages {one:.2f} s, {pages_many} pages ({SCALE}x the villages) {many:.2f} s "
              f"(median of {args.scale_runs} alternating runs each)")
        print(f"scale: time x{time_growth:.2f} for pages x{page_growth:.2f}; "
              f"ratio {time_growth / page_growth:.2f} (target <= 1.00)")
    return 0


