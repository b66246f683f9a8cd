"""The project's one message format for editors: `path:line: Dutch — fix (English: … — …)`.

Every hook and every check reports through this, so an editor reads the same
shape of message in `mkdocs serve`, in `make check` and in CI.
"""
from __future__ import annotations

from dataclasses import dataclass


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
        return (f"{self.path}:{self.line}: {self.wrong_nl} — {self.fix_nl} "
                f"(English: {self.wrong_en} — {self.fix_en})")


def problem(path: str, line: int, wrong_nl: str, fix_nl: str, wrong_en: str, fix_en: str) -> str:
    """The message as text, for hooks that raise it."""
    return str(Problem(path, line, wrong_nl, fix_nl, wrong_en, fix_en))
