#!/usr/bin/env python3
"""Check every village page (docs/maatwerk/dorpen/*.md) without building the site.

Uses the same checks as the build hook (overrides/hooks/villages.py, through dom_site.village_data), so an editor
gets the same message from `make check` as from `mkdocs serve` or CI:

    path:line: <wat er mis is> — <hoe je het oplost> (English: <what> — <fix>)

Usage: scripts/check_villages.py [DOCS_DIR]   (default: the repository's docs/)
Exit code 0 when all pages are sound, 1 when any page has a problem.
"""
from __future__ import annotations

import sys
from pathlib import Path

from dom_site import village_data
from dom_site.messages import say

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    docs_dir = Path(args[0]) if args else ROOT / "docs"
    root = docs_dir.resolve().parent
    villages, problems = village_data.load_villages(docs_dir, root)
    for problem in problems:
        say(problem, stream=sys.stderr)
    if problems:
        print(f"{len(problems)} fout(en) in de dorpspagina's (English: {len(problems)} error(s) in the village pages)",
              file=sys.stderr)
        return 1
    print(f"{len(villages)} dorpspagina's in orde (English: {len(villages)} village pages are sound)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
