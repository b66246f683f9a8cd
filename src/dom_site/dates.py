"""Dates as readers read them: "2 december 2026" in Dutch, "2 December 2026" in English."""
from __future__ import annotations

from datetime import date
from typing import Any

MONTHS = {
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
}


def long_date(value: date, lang: str) -> str:
    """A full date in the page's language."""
    return f"{value.day} {MONTHS[lang][value.month - 1]} {value.year}"


def partial_date(value: str, lang: str) -> str:
    """A document date that may be only a year ("2019") or a month ("2023-11")."""
    parts = [int(part) for part in value.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    if len(parts) == 2:
        return f"{MONTHS[lang][parts[1] - 1]} {parts[0]}"
    return long_date(date(*parts), lang)


def as_date(value: Any) -> date:
    """A registry date as a date: the registries keep dates as text ("2026-11-28")."""
    return value if isinstance(value, date) else date.fromisoformat(str(value))
