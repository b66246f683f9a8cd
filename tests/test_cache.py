"""dom_site.cache: the build keeps code and built pages in .cache/ only where the repository put nothing."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from dom_site import cache


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, timeout=60, capture_output=True)


def test_a_work_tree_without_cache_files_in_git_gets_its_folder(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q")
    (tmp_path / ".cache" / "versies").mkdir(parents=True)  # written by this machine's builds: untracked
    (tmp_path / ".cache" / "versies" / "a").write_text("x", "utf-8")
    assert cache.folder(tmp_path, "versies") == tmp_path / ".cache" / "versies"


def test_outside_a_work_tree_there_is_no_cache(tmp_path: Path) -> None:
    assert cache.folder(tmp_path, "versies") is None


def test_a_cache_file_in_the_repository_is_refused_at_that_file(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q")
    planted = tmp_path / ".cache" / "versies" / "1.0-abc" / "reactie" / "index.html"
    planted.parent.mkdir(parents=True)
    planted.write_text("<script>alert(1)</script>", "utf-8")
    git(tmp_path, "add", "-f", ".cache")
    with pytest.raises(cache.CacheError) as refused:
        cache.folder(tmp_path, "versies")
    assert str(refused.value).startswith(".cache/versies/1.0-abc/reactie/index.html:1: de repository bevat 1 bestand(en)")
