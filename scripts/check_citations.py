"""Every citable ID is registered, unique, present in both languages, and never reused.

The same rules run inside the build (the dom-citeren plugin, src/dom_site/plugins/citations.py); this command
runs them alone, without building.
"""
from __future__ import annotations

import sys
from pathlib import Path

from sitecheck import report

from dom_site import citation_registry as reg

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    registry = reg.load_registry(ROOT / "registry" / "ids.yml")
    return report(reg.problems(ROOT / "docs", registry))


if __name__ == "__main__":
    sys.exit(main())
