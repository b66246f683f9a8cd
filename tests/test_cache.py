"""dom_site.cache: what the build keeps for the next build lives in git's own folder, which no
checkout, merge or patch writes; outside git there is no cache."""
from __future__ import annotations

from pathlib import Path

from git_repo import git

from dom_site import cache


def test_the_cache_is_in_git_s_folder_not_in_the_work_tree(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q")
    found = cache.folder(tmp_path, "versies")
    assert found == (tmp_path / ".git" / "dom-site-cache" / "versies").resolve()
    # From a folder inside the work tree too: the same repository, the same cache.
    (tmp_path / "docs").mkdir()
    assert cache.folder(tmp_path / "docs", "versies") == found


def test_outside_a_work_tree_there_is_no_cache(tmp_path: Path) -> None:
    assert cache.folder(tmp_path, "versies") is None
