"""The build's caches in `.cache/` (Material's plugins keep theirs there too), used only when safe.

What is cached is code or published output: compiled templates (Python bytecode that the
build runs) and built frozen editions (copied into the site as they are). A file there
must therefore come from this machine's own builds, never from the repository: a pull
request that adds `.cache/...` (ignored by .gitignore, but `git add -f` still adds it)
would otherwise have its bytes run or published without any check seeing them.

So `folder()` gives a cache folder only in a git work tree in which git tracks no file
under `.cache/`. With such a file it refuses the build with one message; outside a git
work tree (an exported tree, as a frozen edition is built from) it gives None and the
build runs without the cache, as before.
"""
from __future__ import annotations

from pathlib import Path

from dom_site.messages import problem
from dom_site.processes import StepFailed, run

CACHE = Path(".cache")
GIT_TIMEOUT_SECONDS = 30


class CacheError(RuntimeError):
    """The repository holds files in the cache folder; the message says which and how to fix it."""


def folder(root: Path, name: str, cache: Path = CACHE) -> Path | None:
    """root/cache/name if this machine's builds alone write there; None without git."""
    try:
        inside = run(["git", "rev-parse", "--is-inside-work-tree"], step="git rev-parse", cwd=root,
                     timeout=GIT_TIMEOUT_SECONDS)
        if inside.returncode != 0 or inside.stdout.strip() != "true":
            return None
        tracked = run(["git", "ls-files", "-z", "--", cache.as_posix()], step="git ls-files", cwd=root,
                      timeout=GIT_TIMEOUT_SECONDS)
    except (StepFailed, OSError):
        return None
    if tracked.returncode != 0:
        return None
    files = [f for f in tracked.stdout.split("\0") if f]
    if files:
        raise CacheError(problem(
            files[0], 1,
            f"de repository bevat {len(files)} bestand(en) in {cache.as_posix()}/, de map met wat de bouw "
            "zelf bewaart (code en gebouwde pagina's)",
            f"haal ze uit git met 'git rm -r --cached {cache.as_posix()}' en voeg ze niet opnieuw toe",
            f"the repository holds {len(files)} file(s) in {cache.as_posix()}/, the folder of what the build "
            "keeps itself (code and built pages)",
            f"remove them from git with 'git rm -r --cached {cache.as_posix()}' and do not add them again",
        ))
    return root / cache / name
