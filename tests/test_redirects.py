"""A renamed page keeps its old address in both languages (mkdocs-redirects)."""
from __future__ import annotations

import re
from pathlib import Path

from builds import build, docs_copy
from project_copy import edit


def test_renamed_page_old_url_redirects_in_both_languages(tmp_path: Path) -> None:
    project = tmp_path / "project"
    over = docs_copy(project) / "over"
    (over / "privacy.md").rename(over / "privacy-en-cookies.md")
    (over / "privacy.en.md").rename(over / "privacy-en-cookies.en.md")
    edit(project / "mkdocs.yml", "      - over/privacy.md\n", "      - over/privacy-en-cookies.md\n")
    edit(project / "mkdocs.yml", "redirect_maps: {}", "redirect_maps:\n        over/privacy.md: over/privacy-en-cookies.md")
    for page in project.joinpath("docs").rglob("*.md"):
        text = page.read_text("utf-8")
        if "privacy.md" in text:
            page.write_text(re.sub(r"privacy\.md", "privacy-en-cookies.md", text), "utf-8")
    out = tmp_path / "out"
    result = build(project / "mkdocs.yml", site_dir=out)
    assert result.returncode == 0, result.stderr[-3000:]
    for prefix in ("", "en/"):
        old = (out / prefix / "over" / "privacy" / "index.html").read_text("utf-8")
        assert "privacy-en-cookies/" in old, prefix
        assert (out / prefix / "over" / "privacy-en-cookies" / "index.html").is_file()
