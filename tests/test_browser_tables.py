"""The village overview table sorts when a reader activates a column heading."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", ["maatwerk/dorpen/", "en/maatwerk/dorpen/"])
def test_overview_table_sorts_by_a_column(page, site_url: str, path: str) -> None:
    page.goto(site_url + path)
    table = page.locator("article table").first
    first_column = lambda: table.locator("tbody tr td:first-child").all_inner_texts()  # noqa: E731
    names = first_column()
    assert len(names) >= 20 and names == sorted(names, key=str.lower)
    header = table.locator("thead th").first
    header.click()  # tablesort: first activation sorts ascending (already so), second descending
    header.click()
    assert first_column() == sorted(names, key=str.lower, reverse=True)
