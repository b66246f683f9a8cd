"""Shared helpers for the checks: the one message format, and walking the built site."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from bs4 import BeautifulSoup

from dom_site import source
from dom_site.messages import Problem, say  # the one message format, shared with the hooks

__all__ = ["Problem", "html_pages", "page_language", "place", "relative", "report", "soup", "source_of"]


def report(problems: list[Problem]) -> int:
    """Print every problem (in a GitHub Actions run also on its line of the pull request); the exit code."""
    for problem in problems:
        say(problem)
    return 1 if problems else 0


def html_pages(site: Path) -> Iterator[Path]:
    """Every HTML page of the built site, in a stable order."""
    yield from sorted(site.rglob("*.html"))


def page_language(site: Path, page: Path) -> str:
    """The language a built page belongs to, from its place in the site (frozen editions under versies/<v>/ too)."""
    rel = page.relative_to(site).parts
    if len(rel) > 2 and rel[0] == "versies":
        rel = rel[2:]
    return "en" if rel and rel[0] == "en" else "nl"


def soup(page: Path) -> BeautifulSoup:
    return BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")


def relative(path: Path, root: Path) -> str:
    """A path as an editor sees it: relative to the project folder (root) when possible."""
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)


def source_of(site: Path, page: Path, docs: Path) -> Path | None:
    """The Markdown page a built page came from, or None (404 pages, short links, generated pages)."""
    parts = list(page.relative_to(site).parts)
    english = parts[:1] == ["en"]
    if english:
        parts = parts[1:]
    if not parts or parts[-1] != "index.html":
        return None
    folder = "/".join(parts[:-1])
    dutch = [f"{folder}/index.md" if folder else "index.md"]
    if folder:
        dutch.insert(0, f"{folder}.md")
    # An English page is built from x.en.md, or from the Dutch x.md while it is not translated yet.
    candidates = [*map(source.english_path, dutch), *dutch] if english else dutch
    return next((docs / c for c in candidates if (docs / c).is_file()), None)


def place(site: Path, page: Path, *needles: str, root: Path) -> tuple[str, int]:
    """Where an editor fixes a problem found in a built page: its Markdown file, at the first
    line holding one of the needles (a link, an address), else line 1; a generated page
    without a Markdown source is named itself."""
    markdown = source_of(site, page, root / "docs")
    if markdown is None:
        return relative(page, root), 1
    shown = relative(markdown, root)
    return shown, source.parse(shown, markdown.read_text(encoding="utf-8"), shown).line_holding(*needles) or 1


def beyond_unclosed_data(problems: list[Problem], root: Path) -> list[Problem]:
    """Problems of the text checks (spelling, Markdown) without those in a page whose data at the
    top has no closing ---, or is split in two blocks: MkDocs then shows data as text, the front
    matter rule says that one mistake (dom_site.data_file.front_matter), and the data's words are
    no misspellings."""
    def unclosed(path: str) -> bool:
        file = root / path
        if file.suffix != ".md" or not file.is_file():
            return False
        page = source.parse(path, file.read_text("utf-8", errors="replace"), path)
        return page.front_matter_unclosed or bool(page.second_data[0])

    verdicts: dict[str, bool] = {}
    return [p for p in problems if not verdicts.setdefault(p.path, unclosed(p.path))]
