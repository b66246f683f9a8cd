"""Raw HTML safety for single files: the build's own rule (src/dom_site/raw_html.py).

    .venv/bin/python scripts/check_raw_html.py            # docs/ and includes/
    .venv/bin/python scripts/check_raw_html.py FILE …     # only these

The build refuses the same things before it renders a page; this command gives an
editor the same messages without building.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sitecheck import DOCS, ROOT, relative, report

from dom_site.messages import Problem
from dom_site.raw_html import REFUSED, URL_ATTRS, bad_scheme, check_files, scanned_files

__all__ = ["REFUSED", "URL_ATTRS", "bad_scheme", "check", "relative"]


def check(files: list[Path]) -> list[Problem]:
    return check_files(files or scanned_files([DOCS, ROOT / "includes"]), ROOT)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="*", type=Path, help="files to check (default: docs/ and includes/)")
    args = parser.parse_args(argv)
    return report(check(args.files))


if __name__ == "__main__":
    sys.exit(main())
