"""Every section heading has the same {#id} in the Dutch page and its English translation.

    .venv/bin/python scripts/check_headings.py

The same rules run inside the build (overrides/hooks/heading_ids.py); this command
runs them alone, without building.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "overrides" / "hooks"))

import heading_ids  # noqa: E402
from sitecheck import DOCS, report  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    return report(heading_ids.problems(DOCS))


if __name__ == "__main__":
    sys.exit(main())
