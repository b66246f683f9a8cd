"""Build every release's frozen edition into <site>/versies/<version>/, from its own commit.

Called by `make build` after the live site is built. Each release in
registry/ids.yml names the commit that holds its content; that commit's docs,
templates and hooks are built unchanged (git archive), so an edition never
changes once released. Needs the git history (not a shallow clone).
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "overrides" / "hooks"))

import citation_registry as reg  # noqa: E402

from dom_site.messages import say  # noqa: E402


def live_site_url() -> str:
    from mkdocs.config import load_config

    return str(load_config(str(ROOT / "mkdocs.yml")).site_url or "")


def export(commit: str, dest: Path) -> None:
    """The commit's tree, as files, without history (like a release tarball)."""
    archive = subprocess.run(["git", "archive", "--format=tar", commit], cwd=ROOT, capture_output=True, check=True)
    with tarfile.open(fileobj=BytesIO(archive.stdout)) as tar:
        tar.extractall(dest, filter="data")


def build_edition(release: dict, site: Path, live: str) -> None:
    version, commit = str(release["version"]), str(release.get("commit", ""))
    known = subprocess.run(["git", "cat-file", "-e", f"{commit}^{{commit}}"], cwd=ROOT, capture_output=True)
    if not commit or known.returncode != 0:
        say(f"registry/ids.yml:1: versie {version} verwijst naar commit '{commit}', maar die staat niet in deze "
            f"kloon — haal de volledige geschiedenis op (git fetch --unshallow) of herstel commit: in het register "
            f"(English: release {version} names commit '{commit}', which this clone lacks — fetch the full "
            f"history or fix the commit in the registry)", stream=sys.stderr)
        sys.exit(1)
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp)
        export(commit, tree)
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": f"{live.rstrip('/')}/versies/{version}/",
               "DOM_EDITION": version, "DOM_EDITION_DATE": str(release["date"]), "DOM_LIVE_URL": live}
        out = site / "versies" / version
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
                                cwd=tree, env=env, capture_output=True, text=True)
        if result.returncode != 0:
            sys.exit(f"versie {version} bouwt niet (edition {version} does not build):\n{result.stderr[-4000:]}")
        # The edition's own PDFs, showing its version and date (from the live tree's PDF builder).
        subprocess.run([sys.executable, str(ROOT / "scripts" / "build_pdfs.py"), "--site", str(out)], check=True)
    print(f"versie {version}: gebouwd in {out} (built)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site", default="site")
    args = parser.parse_args(argv)
    registry = reg.load_registry(ROOT / "registry" / "ids.yml")
    live = os.environ.get("SITE_URL") or live_site_url()
    for release in registry.releases:
        build_edition(release, Path(args.site).resolve(), live)
    return 0


if __name__ == "__main__":
    sys.exit(main())
