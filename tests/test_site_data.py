"""Data for others on the built site: the units JSON (against its schema), the Atom feed
(feedparser), the citation_* meta tags, the head links, and a history page per unit."""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import feedparser
import jsonschema
import pytest
from bs4 import BeautifulSoup
from conftest import ROOT

from dom_site import citation_registry as reg
from dom_site import editions
from dom_site.unit_history import page_url

REGISTRY = reg.load_registry(ROOT / "registry" / "ids.yml")
ACTIVE = sorted(a for a, e in REGISTRY.ids.items() if e.get("status") == "active")
SCHEMA = json.loads((ROOT / "schemas" / "onderdelen.schema.json").read_text("utf-8"))
LANGUAGES = ["nl", "en"]


def prefix(lang: str) -> str:
    return "en/" if lang == "en" else ""


@cache
def html(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def local(site_dir: Path, base: str, url: str) -> Path:
    """The file in the built site that an absolute URL of the site names."""
    assert url.startswith(base), url
    path = site_dir / url[len(base):].partition("#")[0]
    return path / "index.html" if url.partition("#")[0].endswith("/") else path


def units(site_dir: Path, lang: str) -> dict:
    return json.loads((site_dir / prefix(lang) / "c" / "onderdelen.json").read_text("utf-8"))


def site_base(site_dir: Path) -> str:
    return units(site_dir, "nl")["site_url"]


def test_the_schema_is_valid() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_units_json_follows_its_schema_and_lists_every_id(site_dir: Path, lang: str) -> None:
    data = units(site_dir, lang)
    jsonschema.validate(data, SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    assert data["language"] == lang
    assert [u["id"] for u in data["units"]] == list(REGISTRY.ids)
    assert [r["version"] for r in data["releases"]] == [str(r["version"]) for r in REGISTRY.releases]
    base = site_base(site_dir)
    for unit in data["units"]:
        entry = REGISTRY.ids[unit["id"]]
        assert unit["status"] == entry["status"] and unit["since"] == str(entry["since"])
        assert unit["checksums"] == {str(k): v for k, v in (entry.get("checksums") or {}).items()}
        assert unit["replaced_by"] == entry.get("replaced_by")
        assert unit["short_link"] == f"{base}{prefix(lang)}c/{unit['id']}/"
        assert local(site_dir, base, unit["history_url"]).is_file()
        assert set(unit["titles"]) == set(unit["checksums"])  # a title in every release it was in
        if unit["status"] == "active":
            page = local(site_dir, base, unit["page_url"])
            assert page == site_dir / prefix(lang) / page_url(entry["page"]) / "index.html"
            heading = html(page).find(id=unit["id"])
            assert heading is not None and unit["title"] in heading.get_text()
            for url in unit["downloads"].values():
                assert local(site_dir, base, url).is_file()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_feed_has_an_entry_per_release_linking_the_histories(site_dir: Path, lang: str) -> None:
    feed = feedparser.parse((site_dir / prefix(lang) / "c" / "versies.atom").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10" and feed.feed.language == lang
    assert feed.feed.author == "Dorpenoverleg Midden-Drenthe (DOM)"
    base = site_base(site_dir)
    changes = list(reversed(editions.changes(REGISTRY)))
    assert len(feed.entries) == len(changes)
    word = {"nl": "Versie", "en": "Version"}[lang]
    for entry, (release, added, changed, retired) in zip(feed.entries, changes, strict=True):
        assert entry.title.startswith(f"{word} {release['version']} — ")
        assert entry.link == f"{base}{prefix(lang)}over/versies/#versie-{str(release['version']).replace('.', '-')}"
        content = BeautifulSoup(entry.content[0].value, "html.parser")
        links = {a.get_text(): a["href"] for a in content.find_all("a")}
        assert sorted(links) == sorted(a.upper() for a in [*added, *changed, *retired])
        for anchor in [*added, *changed, *retired]:
            assert links[anchor.upper()] == f"{base}{prefix(lang)}c/{anchor}/geschiedenis/"
            assert local(site_dir, base, links[anchor.upper()]).is_file()
        assert local(site_dir, base, entry.link).is_file()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pages_with_units_carry_citation_meta_tags_in_their_language(site_dir: Path, lang: str) -> None:
    base = site_base(site_dir)
    latest = REGISTRY.releases[-1]
    for page in sorted({REGISTRY.ids[a]["page"] for a in ACTIVE}):
        url = f"{base}{prefix(lang)}{page_url(page)}"
        head = html(site_dir / prefix(lang) / page_url(page) / "index.html").head
        meta = {m["name"]: m["content"] for m in head.find_all("meta", attrs={"name": True})
                if m["name"].startswith("citation_")}
        assert meta["citation_author"] == "Dorpenoverleg Midden-Drenthe (DOM)"
        assert meta["citation_language"] == lang and meta["citation_version"] == str(latest["version"])
        assert meta["citation_publication_date"] == str(latest["date"]).replace("-", "/")
        assert meta["citation_public_url"] == meta["citation_abstract_html_url"] == url
        assert meta["citation_title"] and meta["citation_title"] in head.title.get_text()
    # A page without citable units has none.
    assert html(site_dir / prefix(lang) / "over" / "privacy" / "index.html").find(
        "meta", attrs={"name": "citation_title"}) is None


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_head_and_the_versions_page_link_the_feed_and_the_json(site_dir: Path, lang: str) -> None:
    for path in (f"{prefix(lang)}reactie/", f"{prefix(lang)}", f"{prefix(lang)}over/privacy/"):
        page = site_dir / path / "index.html"
        links = {link["type"]: link["href"] for link in html(page).head.find_all("link", type=True)
                 if "alternate" in link.get("rel", [])}
        assert (page.parent / links["application/atom+xml"]).resolve() == site_dir / prefix(lang) / "c" / "versies.atom"
        assert (page.parent / links["application/json"]).resolve() == site_dir / prefix(lang) / "c" / "onderdelen.json"
    versions = site_dir / prefix(lang) / "over" / "versies" / "index.html"
    hrefs = {a["href"] for a in html(versions).select(".md-content a[href]")}
    assert {"../../c/versies.atom", "../../c/onderdelen.json"} <= hrefs


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_unit_has_a_history_page_in_its_language(site_dir: Path, lang: str) -> None:
    for anchor, entry in REGISTRY.ids.items():
        page = html(site_dir / prefix(lang) / "c" / anchor / "geschiedenis" / "index.html")
        assert page.find("html")["lang"] == lang
        assert anchor.upper() in page.find("h1").get_text()
        versions = [h.get("id") for h in page.find_all("h2")]
        for version in (entry.get("checksums") or {}):
            assert f"versie-{str(version).replace('.', '-')}" in versions, (anchor, version)
            texts = page.select(".history-text")
            assert texts, anchor  # the text as of that release is shown (not "could not be read")
        if entry.get("status") == "active":
            assert "nu" in versions


def test_check_site_data_passes_and_names_a_broken_file(site_dir: Path, tmp_path: Path) -> None:
    from dom_site.checks import site_data as check_site_data

    assert check_site_data.findings(site_dir, ROOT) == []
    for lang in LANGUAGES:
        folder = tmp_path / prefix(lang) / "c"
        folder.mkdir(parents=True)
        data = units(site_dir, lang)
        data["units"][0]["status"] = "gone"
        (folder / "onderdelen.json").write_text(json.dumps(data), "utf-8")
        (folder / "versies.atom").write_text("<feed", "utf-8")
    registry = {"ids": REGISTRY.ids, "releases": REGISTRY.releases}
    found = [str(p) for p in check_site_data.check_language(tmp_path, "", registry, ROOT)]
    assert any("onderdelen.json:1: volgt het schema niet bij units/0/status" in m for m in found), found
    assert any("versies.atom:1: de feed is geen geldige XML" in m for m in found), found
