"""One search index per language, each with its own lunr language, served from this site."""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from dom_site import citations
from dom_site.plugins import languages


def load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text("utf-8"))


MERGED = {
    "config": {"lang": ["nl", "en"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"], "fields": {}},
    "docs": [
        {"location": "", "title": "Start", "text": "Welkom"},
        {"location": "reactie/#r-1", "title": "R-1", "text": "Woningen"},
        {"location": "en/", "title": "Home", "text": "Welcome"},
        {"location": "en/reactie/#r-1", "title": "R-1", "text": "Homes"},
    ],
}


def test_split_keeps_one_language_and_its_lunr_language() -> None:
    dutch = languages.split_index(MERGED, "nl", ["nl", "en"])
    english = languages.split_index(MERGED, "en", ["nl", "en"])
    assert dutch["config"]["lang"] == ["nl"] and english["config"]["lang"] == ["en"]
    assert [d["location"] for d in dutch["docs"]] == ["", "reactie/#r-1"]
    # English locations are relative to en/, where English pages point Material's "base".
    assert [d["location"] for d in english["docs"]] == ["", "reactie/#r-1"]
    assert [d["text"] for d in english["docs"]] == ["Welcome", "Homes"]
    assert dutch["config"]["separator"] == MERGED["config"]["separator"]


def test_each_language_has_its_own_index(site_dir: Path) -> None:
    dutch = load(site_dir / "search" / "search_index.json")
    english = load(site_dir / "en" / "search" / "search_index.json")
    assert dutch["config"]["lang"] == ["nl"] and english["config"]["lang"] == ["en"]
    for language, index, folder in (("nl", dutch, site_dir), ("en", english, site_dir / "en")):
        assert len(index["docs"]) > 50
        for doc in index["docs"]:
            page = doc["location"].split("#")[0]
            assert not page.startswith("en/"), f"{language} index has {doc['location']}"
            assert (folder / page / "index.html").exists(), f"{language}: {doc['location']} is not a page"


def test_a_sections_search_text_is_its_id_and_its_own_words(site_dir: Path) -> None:
    """The cite bar's buttons and links (the same words under every heading) stay out of the
    index: a result shows the section's ID and then its text, not "Cite BibTeX RIS CSL-JSON History"."""
    citable = re.compile(r"#([a-z]-[1-9][0-9]*)$")
    for language, folder in (("nl", site_dir), ("en", site_dir / "en")):
        words = (citations.TEXT[language]["cite"], citations.TEXT[language]["history"], *citations.FORMAT_NAMES.values())
        bar_words = re.compile(r"\b(" + "|".join(re.escape(word) for word in words) + r")\b")
        sections = 0
        for doc in load(folder / "search" / "search_index.json")["docs"]:
            found = citable.search(doc["location"])
            if found is None:
                continue
            sections += 1
            assert doc["text"].startswith(f"<p>{found[1].upper()} </p>"), doc["location"]
            first = doc["text"].split("</p>", 1)[0]
            assert not bar_words.search(first), f"{language} {doc['location']}: {first}"
        assert sections > 50, language


def test_english_pages_point_material_at_the_english_index(site_dir: Path) -> None:
    config = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)
    for page, base in (("index.html", "."), ("reactie/index.html", ".."), ("en/index.html", "../en/"),
                       ("en/reactie/index.html", "../../en/")):
        found = json.loads(config.search((site_dir / page).read_text("utf-8")).group(1))
        assert found["base"] == base, page
    english_404 = json.loads(config.search((site_dir / "en" / "404.html").read_text("utf-8")).group(1))
    assert english_404["base"].endswith("/en/")


def test_lunr_dutch_language_files_are_served_locally(site_dir: Path) -> None:
    lunr = site_dir / "assets" / "javascripts" / "lunr" / "min"
    assert (lunr / "lunr.nl.min.js").exists() and (lunr / "lunr.stemmer.support.min.js").exists()
    worker = next((site_dir / "assets" / "javascripts" / "workers").glob("search.*.min.js")).read_text("utf-8")
    assert "importScripts" in worker and "//cdn" not in worker  # language files come from ../lunr/
