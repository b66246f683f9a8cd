"""Run every content check, each as its own command, and report all failures.

`make check` calls this after the strict MkDocs build. Each `scripts/check_*.py` is a
standalone command (callable alone, as an editor or CI step would); the ones named
`check_site_*.py` inspect the built site and get `--site DIR`. The checks run side by
side (one per core); each one's output is printed whole, in the order of their names.

`--mkdocs-only` says the site is MkDocs' output alone, without the PDFs and the frozen
editions that `make build` adds: the checks that need those (NEEDS_FULL_SITE) are
named and left to `make test`, whose tests run every check on the full site.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from dom_site.processes import StepFailed, run  # every step has a time limit and ends with its children

SCRIPTS = Path(__file__).resolve().parent
# Links into the PDFs and the frozen editions under versies/ resolve only on the full site.
NEEDS_FULL_SITE = frozenset({"check_site_links.py"})


def scripts() -> list[Path]:
    return sorted(SCRIPTS.glob("check_*.py"))


def command(script: Path, site: str | Path) -> list[str]:
    """The command line of one check: the site checks get the built site."""
    cmd = [sys.executable, str(script)]
    if script.name.startswith("check_site_"):
        cmd += ["--site", str(site)]
    return cmd


def run_check(script: Path, site: str) -> tuple[int, str, float]:
    start = time.monotonic()
    try:
        result = run(command(script, site), step=script.name, timeout=600)
        returncode, output = result.returncode, result.stdout + result.stderr
    except StepFailed as error:
        returncode, output = 1, f"{error}\n"
    return returncode, output, time.monotonic() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site", default="site", help="the built site (default: site)")
    parser.add_argument("--mkdocs-only", action="store_true",
                        help="the site has no PDFs and no frozen editions: leave the checks that need them to make test")
    args = parser.parse_args(argv)
    chosen = [s for s in scripts() if not (args.mkdocs_only and s.name in NEEDS_FULL_SITE)]
    for script in sorted(set(scripts()) - set(chosen)):
        print(f"[make test] {script.name}: draait in make test, het heeft de PDF's en de bevroren versies nodig "
              f"(runs in make test: it needs the PDFs and the frozen editions)", flush=True)
    failed: list[str] = []
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        results = pool.map(lambda script: run_check(script, args.site), chosen)
        for script, (returncode, output, took) in zip(chosen, results, strict=True):
            sys.stdout.write(output)
            status = "ok" if returncode == 0 else "FOUT / FAILED"
            print(f"[{status}] {script.name} ({took:.1f} s)", flush=True)
            if returncode != 0:
                failed.append(script.name)
    if failed:
        print(f"\n{len(failed)} controle(s) mislukt: {', '.join(failed)} — lees de meldingen hierboven.")
        print(f"({len(failed)} check(s) failed — read the messages above.)")
        return 1
    print("Alle controles geslaagd. (All checks passed.)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
