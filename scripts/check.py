"""Run every content check, each as its own command, and report all failures.

`make check` calls this after the strict build. Each `scripts/check_*.py` is a
standalone command (callable alone, as an editor or CI step would); the ones named
`check_site_*.py` inspect the built site and get `--site DIR`.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from dom_site.processes import StepFailed, run  # every step has a time limit and ends with its children

SCRIPTS = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site", default="site", help="the built site (default: site)")
    args = parser.parse_args(argv)
    failed: list[str] = []
    for script in sorted(SCRIPTS.glob("check_*.py")):
        cmd = [sys.executable, str(script)]
        if script.name.startswith("check_site_"):
            cmd += ["--site", args.site]
        start = time.monotonic()
        try:
            returncode = run(cmd, step=script.name, timeout=600, capture=False).returncode
        except StepFailed as error:
            print(error, flush=True)
            returncode = 1
        took = time.monotonic() - start
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
