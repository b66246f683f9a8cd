"""The data at the top of every page (front matter): readable YAML, and only fields the site knows.

Why: MkDocs shows front matter it cannot read as text on the page and says nothing;
a field written wrongly (`titel:` for `title:`, `glossary: "false"`) silently does
nothing. And `tekstsoort` puts a label on the page that says whose words it holds:
a page may call itself an explanation, a proposal or a page about the site, but only
mkdocs.yml (dom-status) names the pages of DOM's letter (schemas/pagina.schema.json).

Village pages have their own schema and rule (dom_site.village_data); that the data
can be read at all is said here, once, for every page.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePosixPath
from typing import Any

from dom_site import data_file, source
from dom_site.messages import Problem
from dom_site.rules import Context
from dom_site.translations import FIELD as STAMP
from dom_site.village_data import REPO_ROOT, VILLAGE_ONLY_KEYS, as_folder, is_village_page

SCHEMA = REPO_ROOT / "schemas" / "pagina.schema.json"
# How the messages name the checked data: "deze pagina heeft een onbekend veld 'titel'".
THIS_PAGE = ("deze pagina", "this page")


def check(context: Context) -> Iterator[Problem]:
    for page in context.model:
        data, problems = data_file.front_matter(page)
        yield from problems
        if data and not _a_village_page(page.path, data, context.settings.villages):
            if STAMP in data and page.language != "en":  # the line goes, whatever its value: one message
                yield _stamp_on_dutch(page)
                data = {key: value for key, value in data.items() if key != STAMP}
            yield from data_file.check(data, SCHEMA, page.shown, page.front_matter_node, name=THIS_PAGE)


def _stamp_on_dutch(page: source.SourcePage) -> Problem:
    """The schema allows the stamp; only the file name says the page is Dutch, the original, which
    translates nothing (a helper's probe: it passed without a word)."""
    return Problem(page.shown, source.line_of(page.front_matter_node, [STAMP]),
                   f"{STAMP} hoort alleen bovenaan een Engelse pagina (naam.en.md): deze Nederlandse pagina is het "
                   "origineel en vertaalt niets", "haal deze regel weg",
                   f"{STAMP} belongs only at the top of an English page (name.en.md): this Dutch page is the original "
                   "and translates nothing", "remove this line")


def _a_village_page(path: str, data: dict[str, Any], villages: str) -> bool:
    """A village page has its own schema (dom_site.village_data), also where it stands in the
    wrong folder: the file name rule says where it belongs (one message, not one per village
    field). The villages' overview (their index) is an ordinary page, whatever it holds."""
    if is_village_page(path, villages):
        return True
    return bool(VILLAGE_ONLY_KEYS & data.keys()) and PurePosixPath(path).parent.as_posix() != as_folder(villages)
