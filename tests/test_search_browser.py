"""In Chromium: search per language, with Dutch and English word forms, also under a sub-path."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from builds import build

from dom_site.static_host import serve

ROOT = Path(__file__).resolve().parent.parent
SUB_PATH = "/dom-woonvisie/"

pytestmark = pytest.mark.browser


def search(page, query: str) -> tuple[list[str], str]:
    """Type a query in Material's search box; return the result links and the results' text."""
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").fill("")  # the reader's last query, when the page is reused
    # Typed key by key: Material reads the query on keyup (fill() sends no key events).
    page.locator("input.md-search__input").press_sequentially(query)
    # Results belong to this query once their links carry it in ?h= (search.highlight).
    page.wait_for_function(
        """q => [...document.querySelectorAll('.md-search-result__item a')]
                 .some(a => new URL(a.href).searchParams.get('h') === q)""",
        arg=query, timeout=10_000)
    links = page.locator(".md-search-result__item a").evaluate_all("els => els.map(a => a.href)")
    text = page.locator(".md-search-result__list").inner_text()
    return links, text.lower()


@pytest.fixture(scope="module")
def reader(browser, site_url: str) -> Iterator[Callable[[str], Any]]:
    """A reader who stays on one page per language and searches again and again, as readers do:
    Material builds its index in the browser once per page load, not once per query."""
    context = browser.new_context(locale="nl-NL")
    pages: dict[str, Any] = {}

    def on(path: str) -> Any:
        if path not in pages:
            pages[path] = context.new_page()
            pages[path].goto(site_url + path)
        return pages[path]

    yield on
    context.close()


@pytest.mark.parametrize("query, form", [("woning", "woningen"), ("dorp", "dorpen"), ("bouw", "bouwen"),
                                         ("woningen", "woningen"), ("bouwen", "bouwen")])
def test_dutch_search_finds_word_forms_on_dutch_pages_only(reader, site_url: str, query: str, form: str) -> None:
    links, text = search(reader("reactie/"), query)
    assert links and all(not link.startswith(site_url + "en/") for link in links), links
    assert form in text, f"'{query}' should also find '{form}'"


@pytest.mark.parametrize("query, form", [("village", "villages"), ("hous", "housing"), ("build", "building")])
def test_english_search_finds_word_forms_on_english_pages_only(reader, site_url: str, query: str, form: str) -> None:
    links, text = search(reader("en/reactie/"), query)
    assert links and all(link.startswith(site_url + "en/") for link in links), links
    assert form in text, f"'{query}' should also find '{form}'"


def test_a_dutch_word_finds_nothing_on_the_english_site(page, site_url: str) -> None:
    # "initiatieven" is on many Dutch pages; with one index for both languages it was found here too.
    # (Not "woningen": English pages cite sources by their Dutch titles, as published, marked lang="nl".)
    page.goto(site_url + "en/")
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially("initiatieven")
    page.wait_for_function("() => /no matching/i.test(document.querySelector('.md-search-result__meta').innerText)")


@pytest.mark.parametrize("path, index", [("", "search/search_index.json"), ("en/", "en/search/search_index.json")])
def test_index_loads_only_when_the_reader_searches_and_only_its_language(page, site_url: str, path: str,
                                                                         index: str) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site_url + path, wait_until="networkidle")
    assert not [url for url in requests if "search" in url], "search loaded before the reader searched"
    search(page, "dom")
    indexes = [url for url in requests if url.endswith("search_index.json")]
    assert indexes == [site_url + index]


def test_arriving_from_a_search_result_highlights_at_once(page, site_url: str) -> None:
    # A result link carries ?h=<words>; Material highlights them on the page, which needs the index.
    page.goto(site_url + "reactie/?h=woningen")
    page.wait_for_selector("article mark[data-md-highlight]", timeout=10_000)
    assert "woningen" in page.locator("article mark[data-md-highlight]").first.inner_text().lower()


# --- Served under a sub-path, like GitHub project pages ------------------------------------


@pytest.fixture(scope="module")
def sub_path_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site built for and served under http://127.0.0.1:PORT/dom-woonvisie/."""
    site = tmp_path_factory.mktemp("sub-path-site")
    with serve(site, prefix=SUB_PATH) as url:
        result = build(ROOT / "mkdocs.yml", site_dir=site, site_url=url)  # as SITE_URL=url would
        assert result.returncode == 0, f"strict build failed:\n{result.stderr}"
        yield url


@pytest.mark.parametrize("path, query, english", [("reactie/", "woning", False), ("en/reactie/", "village", True)])
def test_search_works_under_a_sub_path(page, sub_path_url: str, path: str, query: str, english: bool) -> None:
    failed: list[str] = []
    page.on("response", lambda response: response.status >= 400 and failed.append(response.url))
    page.goto(sub_path_url + path)
    links, _ = search(page, query)
    assert links and all(link.startswith(sub_path_url + ("en/" if english else "")) for link in links), links
    assert all(link.startswith(sub_path_url + "en/") == english for link in links)
    assert failed == []


def test_dutch_404_under_a_sub_path_is_styled_and_links_to_english(page, sub_path_url: str) -> None:
    response = page.goto(sub_path_url + "niet/bestaand/diep/")
    assert response is not None and response.status == 404
    assert page.locator("html").get_attribute("lang") == "nl"
    header_bg = page.locator("header.md-header").evaluate("el => getComputedStyle(el).backgroundColor")
    assert header_bg not in ("rgba(0, 0, 0, 0)", "transparent")
    page.get_by_role("link", name="Go to the English site").click()
    page.wait_for_url(sub_path_url + "en/")
    assert page.locator("html").get_attribute("lang") == "en"
