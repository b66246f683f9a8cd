"""Shared helpers for the checks: the one message format, and walking the built site."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from bs4 import BeautifulSoup

from dom_site.messages import Problem, say  # the one message format, shared with the hooks

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


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


def relative(path: Path) -> str:
    """A path as an editor sees it: relative to the repository when possible."""
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)
