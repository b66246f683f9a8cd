"""Shared helpers for the checks: the one message format, and walking the built site."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


@dataclass(frozen=True)
class Problem:
    """One thing an editor must fix, said in Dutch first and English after it."""

    path: str
    line: int
    wrong_nl: str
    fix_nl: str
    wrong_en: str
    fix_en: str

    def __str__(self) -> str:
        return (
            f"{self.path}:{self.line}: {self.wrong_nl} — {self.fix_nl} "
            f"(English: {self.wrong_en} — {self.fix_en})"
        )


def report(problems: list[Problem]) -> int:
    """Print every problem; return the exit code of the check."""
    for problem in problems:
        print(problem)
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
