"""Where the build keeps what it made for the next build: inside the repository's git folder.

What is cached is code or published output: compiled templates (Python bytecode that the
build runs) and built frozen editions (copied into the site as they are). Its files must
come from this machine's own builds, never from a pull request. A folder in the work
tree (such as `.cache/`) cannot promise that: `git add -f` tracks an ignored file, a
patch applied with `git apply` leaves one behind, and a case-insensitive disk reads
`.CACHE/` as `.cache/`. Git's own folder (`git rev-parse --git-path`) is written by no
checkout, merge or patch, so the caches live there: `.git/dom-site-cache/<name>/`.

Outside a git work tree (an exported tree, as a frozen edition is built from) there is
no cache and the build runs without it, as before. `make clean` removes the folder.
"""
from __future__ import annotations

from pathlib import Path

from dom_site import git

NAME = "dom-site-cache"
GIT_TIMEOUT_SECONDS = 30


def folder(root: Path, name: str) -> Path | None:
    """The cache folder `name` of the repository that root is in; None outside git."""
    found = git.output(root, "rev-parse", "--git-path", f"{NAME}/{name}", timeout=GIT_TIMEOUT_SECONDS)
    if not found or not found.strip():
        return None
    path = Path(found.strip())
    return path if path.is_absolute() else (root / path).resolve()
