"""Build every release's frozen edition into <site>/versies/<version>/, from its own commit.

Called by `make build` after the live site is built. Each release in
registry/ids.yml names the commit that holds its content; that commit's docs,
templates and hooks are built unchanged (git archive), so an edition never
changes once released. Needs the git history (not a shallow clone).

One thing of the build itself is set for the edition: its pages' date is the
release date (the dom-datums plugin with release_date), not a date from git,
which an exported tree does not have.

Which edition it is goes in through DOM_EDITION, DOM_EDITION_DATE and DOM_LIVE_URL
(the hooks of editions up to 1.0 read these; later ones read them with `!ENV` in the
dom-citeren plugin's settings). `!ENV` gives YAML's types (1.10 would read as the
number 1.1), so the values are also written, quoted, in place of those `!ENV`s
(dom_site.edition_config).

A built edition is kept in the repository's git folder, `.git/dom-site-cache/versies/
<version>-<key>/` (dom_site.cache: the copy is published, so never a folder a pull
request could write).
The key is a digest of everything the edition is made from: its commit (in full) and
release date, the addresses it is built for (SITE_URL, REPO_URL), the builder, Python,
the locked packages and this package's code and entry points (the markup fixes, the
PDF printer), the live mkdocs.yml (whose menu decides what each PDF holds) and the
Chromium that prints the PDFs. When nothing of that changed, the next
`make build` copies the edition instead of building and printing it again; any
change builds it anew. `--fresh` ignores the cache.
"""
from __future__ import annotations

import argparse
import contextlib
import fcntl
import hashlib
import os
import shutil
import sys
import tarfile
import tempfile
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path
from typing import Any

from dom_site import cache, git
from dom_site import citation_registry as reg
from dom_site.edition_config import with_edition, with_release_date
from dom_site.messages import Problem, say
from dom_site.processes import StepFailed, builder, run
from dom_site.static_host import chromium_path
from dom_site.valid_markup import valid_markup

GIT_TIMEOUT_SECONDS = 120
BUILD_TIMEOUT_SECONDS = 600
PDF_TIMEOUT_SECONDS = 600


def live_site_url(root: Path) -> str:
    from mkdocs.config import load_config

    return str(load_config(str(root / "mkdocs.yml")).site_url or "")


def export(commit: str, dest: Path, root: Path) -> None:
    """The commit's tree, as files, without history (like a release tarball)."""
    archive = run(["git", "archive", "--format=tar", commit], step="git archive", about=commit, cwd=root,
                  timeout=GIT_TIMEOUT_SECONDS, check=True, text=False)
    with tarfile.open(fileobj=BytesIO(archive.stdout)) as tar:
        tar.extractall(dest, filter="data")


def edition_key(release: dict[str, Any], live: str, root: Path) -> str:
    """A digest of everything a built edition depends on (see the module docstring)."""
    digest = hashlib.sha256()

    def add(part: str | bytes) -> None:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big") + data)

    for part in (str(release.get("commit", "")), str(release["date"]), live, os.environ.get("SITE_URL", ""),
                 os.environ.get("REPO_URL", ""), " ".join(builder()[1:]), sys.version):
        add(part)
    chromium = Path(chromium_path())
    add(str(chromium))
    if chromium.exists():
        stat = chromium.resolve().stat()
        add(f"{stat.st_size} {stat.st_mtime_ns}")
    code = sorted((root / "src" / "dom_site").rglob("*.py"))
    for path in [*code, root / "requirements.txt", root / "package-lock.json", root / "pyproject.toml",
                 root / "mkdocs.yml"]:
        if path.is_file():
            add(path.relative_to(root).as_posix())
            add(path.read_bytes())
    return digest.hexdigest()[:20]


def full_commit(commit: str, root: Path) -> str | None:
    """The commit's full hash, or None when this clone does not have it."""
    if not commit:
        return None
    found = git.output(root, "rev-parse", "--verify", "--quiet", f"{commit}^{{commit}}", timeout=GIT_TIMEOUT_SECONDS)
    return found.strip() if found else None


def cache_entry(release: dict[str, Any], commit: str, live: str, root: Path) -> Path | None:
    """Where this edition (its commit in full), built for this live site, is kept; None outside git."""
    kept = cache.folder(root, "versies")
    return kept / f"{release['version']}-{edition_key({**release, 'commit': commit}, live, root)}" if kept else None


@contextlib.contextmanager
def locked(folder: Path) -> Iterator[None]:
    """One build at a time reads or writes the cached editions (the tests build side by side)."""
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def from_cache(cached: Path, out: Path) -> bool:
    """Copy a cached edition into the site; False when there is none."""
    with locked(cached.parent):
        if not cached.is_dir():
            return False
        shutil.copytree(cached, out, dirs_exist_ok=True)
        return True


def keep(out: Path, cached: Path) -> None:
    """Store a freshly built edition; older entries of the same version go (they can never match again)."""
    try:
        with locked(cached.parent):
            for old in cached.parent.glob(f"{cached.name.rsplit('-', 1)[0]}-*"):
                shutil.rmtree(old, ignore_errors=True)
            part = cached.with_name(f"{cached.name}.{os.getpid()}")
            shutil.copytree(out, part)
            os.replace(part, cached)  # whole or not at all
    except OSError:
        pass  # a read-only checkout builds the edition every time, as before


def build_edition(release: dict[str, Any], site: Path, live: str, root: Path, fresh: bool = False) -> None:
    version, commit = str(release["version"]), str(release.get("commit", ""))
    full = full_commit(commit, root)
    if full is None:
        registry, _ = reg.read_registry(root / "registry" / "ids.yml", root)
        line = registry.release_line(version) if registry else 1
        say(Problem("registry/ids.yml", line, f"versie {version} verwijst naar commit '{commit}', maar git vindt die "
                    "niet in deze kloon", "haal de volledige geschiedenis op (git fetch --unshallow), controleer of "
                    "git werkt, of herstel commit: bij deze versie",
                    f"release {version} names commit '{commit}', which git cannot find in this clone",
                    "fetch the full history (git fetch --unshallow), check that git works, or fix the release's commit:"),
            stream=sys.stderr)
        sys.exit(1)
    out = site / "versies" / version
    cached = cache_entry(release, full, live, root)
    if cached is not None and not fresh and from_cache(cached, out):
        print(f"versie {version}: uit de cache gekopieerd, {cached.name} (copied from the cache: "
              "nothing it is made from changed)")
        return
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp)
        export(commit, tree, root)
        edition = {"DOM_EDITION": version, "DOM_EDITION_DATE": str(release["date"]), "DOM_LIVE_URL": live}
        config = tree / "mkdocs.yml"
        config.write_text(with_edition(with_release_date(config.read_text("utf-8"), str(release["date"])), edition),
                          "utf-8")
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": f"{live.rstrip('/')}/versies/{version}/",
               **edition}
        result = run([*builder(), "build", "--strict", "-d", str(out)], cwd=tree, env=env,
                     step=f"versie {version} bouwen (building edition {version})", timeout=BUILD_TIMEOUT_SECONDS)
        if result.returncode != 0:
            sys.exit(f"versie {version} bouwt niet (edition {version} does not build):\n{result.stderr[-4000:]}")
        # The markup Material gets wrong, made valid as on the live site; the words stay as released.
        for page in out.rglob("*.html"):
            text = page.read_text("utf-8")
            fixed = valid_markup(text)
            if fixed != text:
                page.write_text(fixed, "utf-8")
        # The edition's own PDFs, showing its version and date (from the live tree's PDF builder).
        run([sys.executable, "-m", "dom_site.cli", "pdfs", "--site", str(out)], capture=False, cwd=root,
            step=f"PDF's van versie {version} (PDFs of edition {version})", timeout=PDF_TIMEOUT_SECONDS, check=True)
    if cached is not None:
        keep(out, cached)
    print(f"versie {version}: gebouwd in {out} (built)")


def main(argv: list[str] | None, root: Path) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site", default="site")
    parser.add_argument("--fresh", action="store_true", help="build every edition, also one that is in the cache (.git/dom-site-cache)")
    args = parser.parse_args(argv)
    registry = reg.load_registry(root / "registry" / "ids.yml")
    live = os.environ.get("SITE_URL") or live_site_url(root)
    try:
        for release in registry.releases:
            build_edition(release, Path(args.site).resolve(), live, root, fresh=args.fresh)
    except StepFailed as error:
        say(str(error), stream=sys.stderr)
        return 1
    return 0


