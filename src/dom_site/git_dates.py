"""When each file last changed, from one `git log` pass over a folder.

The date is the author date of the newest commit that changed the file, the same
as `git log -1 --format=%as -- FILE`. One process for the whole folder, not one
per page. In a shallow clone the oldest commits are cut off: a file whose newest
commit is such a boundary commit may be older than that, so it gets no date.
"""
from __future__ import annotations

from pathlib import Path

from dom_site import git


class History:
    """The last-change date per file (paths relative to the repository), or why there is none."""

    def __init__(self, dates: dict[str, str], missing_reason: str | None = None, shallow: bool = False,
                 top: Path | None = None) -> None:
        self.top = top  # the repository's top folder: the paths are relative to it
        self.dates = dates
        self.missing_reason = missing_reason
        self.shallow = shallow

    def date_of(self, repo_path: str) -> str | None:
        return self.dates.get(repo_path)


def read_history(folder: Path) -> History:
    """Every file's last-change date under folder, from one git log."""
    top = git.output(folder, "rev-parse", "--show-toplevel")
    if top is None:
        return History({}, "geen git-geschiedenis (no git history)")
    repo = Path(top.strip())
    shallow_file = git.output(repo, "rev-parse", "--git-path", "shallow")
    boundary: set[str] = set()
    if shallow_file is not None:
        path = Path(shallow_file.strip())
        path = path if path.is_absolute() else repo / path
        if path.is_file():
            boundary = set(path.read_text().split())
    log = git.output(repo, "log", "--cc", "--name-only", "--format=%x1e%H %as", "--", str(folder.resolve()))
    if log is None:
        return History({}, "git log mislukt (git log failed)")
    dates: dict[str, str] = {}
    seen: set[str] = set()
    for record in log.split("\x1e")[1:]:
        lines = [line for line in record.splitlines() if line.strip()]
        if not lines:
            continue
        commit, day = lines[0].split(" ", 1)
        for name in lines[1:]:
            if name in seen:
                continue
            seen.add(name)
            if commit not in boundary:
                dates[name] = day
    if not seen:
        return History({}, "geen commits voor deze map (no commits for this folder)", bool(boundary), repo)
    return History(dates, None, bool(boundary), repo)
