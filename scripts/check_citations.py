"""Every citable ID is registered, unique, present in both languages, and never reused.

The same rules run inside the build (overrides/hooks/citations.py); this command
runs them alone, without building.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "overrides" / "hooks"))

import citation_registry as reg  # noqa: E402
from sitecheck import report  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    registry = reg.load_registry(ROOT / "registry" / "ids.yml")
    return report(reg.problems(ROOT / "docs", registry))


if __name__ == "__main__":
    sys.exit(main())
