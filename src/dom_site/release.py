"""Cut a release: record each active unit's checksum and the release in registry/ids.yml.

    dom-site release 1.1                     # uses today's date
    dom-site release 1.1 --date 2027-03-01

The release's content is the commit you run this on (HEAD). The script writes
that commit into the registry, so the deploy can rebuild the frozen edition
from it under /versies/<version>/. Then commit the registry and tag:
    git commit -am "Release 1.1" && git tag v1.1 <the commit named in the registry>
"""
from __future__ import annotations

import argparse
import re
import sys
from datetime import date
from pathlib import Path

from dom_site import citation_registry as reg
from dom_site.processes import run  # every step has a time limit and ends with its children

# src/dom_site/<this>.py: the repository is two folders up (an editable install).
ROOT = Path(__file__).resolve().parents[2]


REGISTRY = ROOT / "registry" / "ids.yml"


def checksums(docs: Path) -> dict[str, str]:
    """The checksum of every citable unit's Dutch text, by ID."""
    return {u.anchor: reg.checksum(reg.unit_text(docs, u))
            for u in reg.headings(docs) if u.language == "nl" and reg.WELL_FORMED.match(u.anchor)}


def add_checksum(line: str, version: str, value: str) -> str:
    """Add `"version": value` to the checksums of one registry line (keeps the line's layout)."""
    if "checksums: {" in line:
        return re.sub(r"checksums: \{", f'checksums: {{"{version}": "{value}", ', line, count=1).replace(", }", "}")
    return re.sub(r"\}\s*$", f', checksums: {{"{version}": "{value}"}}}}', line)


def release(version: str, when: date, commit: str, text: str, sums: dict[str, str]) -> str:
    out = []
    for line in text.splitlines():
        match = re.match(r"^\s{2}([a-z]-[0-9]+):", line)
        if match and "status: active" in line and match.group(1) in sums:
            line = add_checksum(line, version, sums[match.group(1)])
        out.append(line)
        if line.startswith("releases:"):
            out.append(f'  - {{version: "{version}", date: {when.isoformat()}, commit: {commit}}}')
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("version")
    parser.add_argument("--date", type=date.fromisoformat, default=date.today())
    args = parser.parse_args(argv)
    registry = reg.load_registry(REGISTRY)
    if any(str(r["version"]) == args.version for r in registry.releases):
        print(f"registry/ids.yml:1: versie {args.version} bestaat al — kies een nieuw versienummer "
              f"(English: version {args.version} already exists — choose a new version number)")
        return 1
    found = reg.problems(ROOT / "docs", registry)
    if found:
        for problem in found:
            print(problem)
        print("Eerst de ID's in orde maken: zie hierboven, of draai dom-site check (Fix the IDs first: see above).")
        return 1
    commit = run(["git", "rev-parse", "HEAD"], step="git rev-parse", cwd=ROOT, timeout=60, check=True).stdout.strip()
    REGISTRY.write_text(release(args.version, args.date, commit, REGISTRY.read_text("utf-8"), checksums(ROOT / "docs")), "utf-8")
    print(f"Versie {args.version} vastgelegd in registry/ids.yml (inhoud van commit {commit[:12]}).")
    print(f"Nu: git commit -am 'Release {args.version}' && git tag v{args.version} {commit}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
