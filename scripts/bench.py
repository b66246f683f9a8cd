"""Benchmarks, reported as ratios against a baseline measured in the same run.

Build time: our full strict build against the same docs built with the
Material + static-i18n defaults (theme material, search, i18n suffix nl/en, our
Markdown extensions, nothing else). Runs alternate (ours, defaults, ours, ...)
so that machine noise hits both alike; we report medians and their ratio.
Target: ratio <= 1.0.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

from dom_site.processes import run  # every step has a time limit and ends with its children

ROOT = Path(__file__).resolve().parent.parent


def defaults_config(ours: dict) -> dict:
    """The baseline: Material + static-i18n defaults on the same docs and extensions."""
    return {
        "site_name": ours["site_name"],
        "docs_dir": str(ROOT / "docs"),
        "theme": {"name": "material"},
        "markdown_extensions": ours["markdown_extensions"],
        "plugins": ["search", {"i18n": {"docs_structure": "suffix", "languages": [
            {"locale": "nl", "default": True, "name": "Nederlands"},
            {"locale": "en", "name": "English"},
        ]}}],
    }


def load_ours() -> dict:
    class Loader(yaml.SafeLoader):
        pass

    # mkdocs.yml uses !ENV; for reading the extension list its value does not matter.
    Loader.add_constructor("!ENV", lambda loader, node: None)
    return yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=Loader)


def timed_build(config: Path, dest: Path, strict: bool) -> float:
    cmd = [sys.executable, "-m", "mkdocs", "build", "--clean", "-f", str(config), "-d", str(dest)]
    if strict:
        cmd.append("--strict")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    start = time.perf_counter()
    result = run(cmd, step=f"bench ({config.name})", cwd=ROOT, env=env, timeout=600)
    took = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"build failed ({config.name}):\n{result.stderr[-3000:]}")
    return took


def bench_build(runs: int) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "mkdocs.defaults.yml"
        base.write_text(yaml.safe_dump(defaults_config(load_ours()), allow_unicode=True), "utf-8")
        ours_times: list[float] = []
        base_times: list[float] = []
        timed_build(ROOT / "mkdocs.yml", Path(tmp) / "warm", True)  # warm caches once for both
        for _ in range(runs):
            ours_times.append(timed_build(ROOT / "mkdocs.yml", Path(tmp) / "ours", True))
            base_times.append(timed_build(base, Path(tmp) / "defaults", False))
        return statistics.median(ours_times), statistics.median(base_times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5, help="runs per configuration (default 5)")
    args = parser.parse_args(argv)
    ours, base = bench_build(args.runs)
    print(f"build: ours {ours:.2f} s, defaults {base:.2f} s (median of {args.runs} alternating runs each)")
    print(f"build ratio ours/defaults: {ours / base:.2f} (target <= 1.00)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
